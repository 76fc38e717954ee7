import assert from "node:assert/strict";
import { checkWritten, largeInstance } from "./large_instance.ts";

Deno.test("largeInstance: every family gives the buffers asked for; foreign renames but keeps sizes", () => {
  for (const family of ["training", "compiler", "llm", "random", "tight"] as const) {
    const plain = largeInstance({ family, buffers: 400, seed: 2 });
    assert.ok(plain.buffers.length > 0, family);
    const foreign = largeInstance({ family, buffers: 400, seed: 2, foreign: true });
    assert.deepEqual(foreign.buffers.map((b) => b.size), plain.buffers.map((b) => b.size), family);
    assert.notDeepEqual(foreign.buffers.map((b) => b.id), plain.buffers.map((b) => b.id), family);
  }
  assert.equal(largeInstance({ family: "tight", buffers: 400, seed: 2 }).buffers.length, 400);
});

Deno.test("checkWritten: an overlap is reported, not measured as a height", async () => {
  const dir = await Deno.makeTempDir();
  try {
    await Deno.writeTextFile(`${dir}/p.csv`, "id,lower,upper,size\na,0,2,4\nb,1,3,4\n");
    await Deno.writeTextFile(`${dir}/o.csv`, "id,lower,upper,size,offset\na,0,2,4,0\nb,1,3,4,2\n");
    const check = await checkWritten(`${dir}/p.csv`, `${dir}/o.csv`);
    assert.match(check.verified, /^NO \(1 violations\)$/);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});
