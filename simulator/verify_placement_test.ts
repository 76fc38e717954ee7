import assert from "node:assert/strict";
import fc from "npm:fast-check@4.10.2";
import { parseMinimallocCsv } from "../graph/minimalloc_csv.ts";
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
