import assert from "node:assert/strict";
import fc from "npm:fast-check@4.10.2";
import { parseMinimallocCsv } from "../graph/minimalloc_csv.ts";
import { keepScratch, withScratch } from "../graph/scratch.ts";
import { verifyPlacement } from "./verify_placement.ts";

Deno.test("verifyPlacement: an overlap at times far apart is reported at its own time", () => {
  const csv = "id,lower,upper,size\na,1000000000,3000000000,4\nb,2000000000,5000000000,4\n";
  const r = verifyPlacement(parseMinimallocCsv(csv, "far.csv"), Float64Array.from([0, 2]));
  assert.equal(r.ok, false);
  const v = r.violations.find((v) => v.kind === "overlap");
  assert.ok(v !== undefined && "step" in v);
  assert.equal(v.step, 2e9);
});

Deno.test("verifyPlacement: stretching the times changes no verdict", () => {
  const rows = fc.array(
    fc.record({
      lower: fc.nat(10),
      length: fc.integer({ min: 1, max: 5 }),
      size: fc.nat(6),
      offset: fc.nat(12),
    }),
    { minLength: 1, maxLength: 25 },
  );
  fc.assert(fc.property(rows, (rs) => {
    const csv = (f: (t: number) => number) =>
      "id,lower,upper,size\n" +
      rs.map((r, i) => `b${i},${f(r.lower)},${f(r.lower + r.length)},${r.size}`).join("\n") + "\n";
    const offsets = Float64Array.from(rs, (r) => r.offset);
    const plain = verifyPlacement(parseMinimallocCsv(csv((t) => t), "p.csv"), offsets);
    const far = verifyPlacement(parseMinimallocCsv(csv((t) => t * 1e9 + 3), "f.csv"), offsets);
    assert.equal(far.ok, plain.ok);
    assert.equal(far.violationCount, plain.violationCount);
    assert.equal(far.peakLive, plain.peakLive);
    const steps = (r: typeof plain) => r.violations.map((v) => "step" in v ? v.step : -1);
    assert.deepEqual(steps(far), steps(plain).map((s) => s < 0 ? s : s * 1e9 + 3));
  }));
});

Deno.test("verifyPlacement: offsets in scratch memory given back are judged as they were given", () => {
  // A caller's offsets that outlived their scope (a bug of the caller's):
  // the verifier's own scratch arrays would take the same memory.
  const n = 2000;
  const buffers = Array.from(
    { length: n },
    (_, i) => ({ id: `b${i}`, lower: i, upper: i + 2, size: 8 }),
  );
  keepScratch(true);
  try {
    const offsets = withScratch((s) => {
      const o = s.float64(n);
      for (let i = 0; i < n; i++) o[i] = (i % 2) * 8;
      return o;
    });
    const report = verifyPlacement({ buffers }, offsets);
    assert.equal(report.ok, true);
    assert.equal(report.arena, 16);
  } finally {
    keepScratch(false);
  }
});
