import assert from "node:assert/strict";
import { InputError } from "../graph/input_error.ts";
import { verifySolution } from "./verify_solution.ts";

async function csv(text: string): Promise<string> {
  const file = await Deno.makeTempFile({ suffix: ".csv" });
  await Deno.writeTextFile(file, text);
  return file;
}

Deno.test("verifySolution: a valid solution, then one byte over its capacity", async () => {
  const file = await csv("id,lower,upper,size,offset\na,0,2,4,0\nb,1,3,4,4\n");
  assert.ok((await verifySolution(file)).ok);
  assert.ok((await verifySolution(file, { capacity: 8 })).ok);
  const over = await verifySolution(file, { capacity: 7 });
  assert.deepEqual(over.violations.map((v) => v.kind), ["out_of_capacity"]);
  await Deno.remove(file);
});

Deno.test("verifySolution: a problem without offsets is bad input", async () => {
  const file = await csv("id,lower,upper,size\na,0,2,4\n");
  await assert.rejects(() => verifySolution(file), InputError);
  await Deno.remove(file);
});

Deno.test("verifySolution: the same verdict read quickly (columns) or generally (buffer objects)", async () => {
  // Two overlapping buffers at times far apart; a quote inside a quoted id
  // sends the second file to the general reader.
  const rows = (id: string) =>
    `id,lower,upper,size,offset\n${id},1000000,3000000,4,0\nb,2000000,5000000,4,2\n`;
  const quick = await csv(rows('"a,1"')), general = await csv(rows('"a""1"'));
  const q = await verifySolution(quick), g = await verifySolution(general);
  const steps = (r: typeof q) => r.violations.map((v) => [v.kind, "step" in v ? v.step : -1]);
  assert.deepEqual(steps(q), [["overlap", 2000000]]);
  assert.deepEqual(steps(g), steps(q));
  assert.deepEqual([q.peakLive, q.arena, q.ok], [g.peakLive, g.arena, g.ok]);
  await Deno.remove(quick);
  await Deno.remove(general);
});
