import assert from "node:assert/strict";
import { InputError } from "./input_error.ts";
import { formatMinimallocCsv, parseMinimallocCsv } from "./minimalloc_csv.ts";
import { loadMinimallocCsv } from "./load.ts";
import { problemPeakLive } from "./placement_problem.ts";
import { bufferId } from "./problem_columns.ts";
import { keepScratch, withScratch } from "./scratch.ts";

function problems(text: string): string[] {
  try {
    parseMinimallocCsv(text, "p.csv");
  } catch (e) {
    assert.ok(e instanceof InputError);
    return e.problems.map((p) => `${p.where}|${p.id ?? ""}|${p.message}`);
  }
  assert.fail("expected rejection");
}

Deno.test("minimalloc CSV: parse with and without offsets, and round trip", () => {
  const p = parseMinimallocCsv("id,lower,upper,size\nb1,0,3,4\nb2,3,9,4\n", "p.csv");
  assert.deepEqual(p.buffers, [{ id: "b1", lower: 0, upper: 3, size: 4 }, {
    id: "b2",
    lower: 3,
    upper: 9,
    size: 4,
  }]);
  const text = formatMinimallocCsv(p, [0, 4]);
  assert.equal(text, "id,lower,upper,size,offset\nb1,0,3,4,0\nb2,3,9,4,4\n");
  assert.deepEqual(parseMinimallocCsv(text, "s.csv").buffers.map((b) => b.offset), [0, 4]);
});

Deno.test("minimalloc CSV: bad header, upper <= lower, bad numbers, duplicates, each with its line", () => {
  assert.ok(problems("id,start,end,size\n")[0].includes("bad header"));
  const ps = problems("id,lower,upper,size\nb1,3,3,4\nb2,0,x,4\nb1,0,1,4\nb4,0,1\n");
  assert.ok(ps.includes("line 2|b1|upper 3 must be greater than lower 3"), ps.join("\n"));
  assert.ok(ps.some((p) => p.startsWith('line 3|b2|upper "x" is not a non-negative safe integer')));
  assert.ok(ps.includes("line 4|b1|duplicate id (first at line 2)"));
  assert.ok(ps.includes("line 5||expected 4 fields, found 3"));
});

Deno.test("minimalloc CSV: the shared example has peak live 12", async () => {
  const p = await loadMinimallocCsv("testdata/minimalloc/example.12.csv");
  assert.equal(p.buffers.length, 5);
  // b3 [0,9) 4 + b5 [0,21) 4 + b1 [0,3) 4 = 12 at t in [0,3); later 12 again.
  assert.equal(problemPeakLive(p), 12);
});

Deno.test("loadMinimallocCsv: ids survive the scratch memory they were read from", async () => {
  // The file is read into scratch memory, kept between steps as the CLI
  // keeps it; ids must have been copied out before the next step's arrays
  // take (and zero) those pages.
  const dir = await Deno.makeTempDir();
  keepScratch(true);
  try {
    const rows = Array.from({ length: 3000 }, (_, i) => `"é${i},x",${i},${i + 2},${i % 7 + 1}`);
    await Deno.writeTextFile(`${dir}/p.csv`, `id,lower,upper,size\n${rows.join("\n")}\n`);
    await Deno.writeTextFile(`${dir}/bad.csv`, "id,lower,upper,size\nb1,0,2,4\nb1,1,3,4\n");
    const p = await loadMinimallocCsv(`${dir}/p.csv`);
    withScratch((s) => s.uint8(1 << 22).fill(0x41));
    assert.equal(bufferId(p, 0), "é0,x");
    assert.equal(bufferId(p, 2999), "é2999,x");
    await assert.rejects(() => loadMinimallocCsv(`${dir}/bad.csv`), /duplicate id/);
  } finally {
    keepScratch(false);
    await Deno.remove(dir, { recursive: true });
  }
});
