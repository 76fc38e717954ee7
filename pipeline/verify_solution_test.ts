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
