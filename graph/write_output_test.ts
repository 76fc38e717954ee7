import assert from "node:assert/strict";
import { join } from "node:path";
import { InputError } from "./input_error.ts";
import { checkOutputPath, writeTextAtomic } from "./write_output.ts";

async function rejects(p: Promise<unknown>, re: RegExp) {
  await assert.rejects(p, (e) => {
    assert.ok(e instanceof InputError, String(e));
    assert.match(e.message, re);
    return true;
  });
}

Deno.test("write_output: a missing folder is an input error naming the folder, nothing is made", async () => {
  const dir = await Deno.makeTempDir();
  await rejects(
    writeTextAtomic(join(dir, "no/such/x.json"), "{}"),
    /x\.json: cannot write: the folder .*no\/such does not exist/,
  );
  assert.deepEqual([...Deno.readDirSync(dir)], []);
  await Deno.remove(dir, { recursive: true });
});

Deno.test("write_output: an input is never overwritten, by any name (relative, link, hard link)", async () => {
  const dir = await Deno.makeTempDir();
  const input = join(dir, "g.json");
  await Deno.writeTextFile(input, "INPUT");
  await Deno.symlink(input, join(dir, "alias.json"));
  await Deno.link(input, join(dir, "hard.json"));
  for (
    const out of [input, join(dir, ".", "g.json"), join(dir, "alias.json"), join(dir, "hard.json")]
  ) {
    await rejects(writeTextAtomic(out, "OUT", { inputs: [input] }), /is also an input/);
  }
  assert.equal(await Deno.readTextFile(input), "INPUT");
  await writeTextAtomic(join(dir, "other.json"), "OUT", { inputs: [input, undefined] });
  assert.equal(await Deno.readTextFile(join(dir, "other.json")), "OUT");
  await Deno.remove(dir, { recursive: true });
});

Deno.test("write_output: a symbolic link stays a link and its target gets the bytes", async () => {
  const dir = await Deno.makeTempDir();
  await Deno.writeTextFile(join(dir, "real.json"), "old");
  await Deno.symlink(join(dir, "real.json"), join(dir, "link.json"));
  await writeTextAtomic(join(dir, "link.json"), "new");
  assert.ok(Deno.lstatSync(join(dir, "link.json")).isSymlink);
  assert.equal(await Deno.readTextFile(join(dir, "real.json")), "new");
  await Deno.symlink(join(dir, "nothing.json"), join(dir, "dangling.json"));
  await rejects(writeTextAtomic(join(dir, "dangling.json"), "x"), /symbolic link to nothing/);
  assert.ok(Deno.lstatSync(join(dir, "dangling.json")).isSymlink);
  // No temporary file is left behind.
  assert.deepEqual([...Deno.readDirSync(dir)].map((e) => e.name).sort(), [
    "dangling.json",
    "link.json",
    "real.json",
  ]);
  await Deno.remove(dir, { recursive: true });
});

Deno.test("write_output: a device is written in place, never replaced by a regular file", async () => {
  const target = await checkOutputPath("/dev/null");
  assert.equal(target.special, true);
  await writeTextAtomic("/dev/null", "discarded");
  const info = Deno.statSync("/dev/null");
  assert.ok(!info.isFile && info.isCharDevice !== false);
});

Deno.test("write_output: a folder is refused", async () => {
  const dir = await Deno.makeTempDir();
  await rejects(writeTextAtomic(dir, "x"), /is a folder, not a file/);
  await Deno.remove(dir, { recursive: true });
});

Deno.test("write_output: '-' is standard output, written whole", async () => {
  const chunks: string[] = [];
  const write = Deno.stdout.writeSync;
  Deno.stdout.writeSync = (b: Uint8Array) => (chunks.push(new TextDecoder().decode(b)), b.length);
  try {
    await writeTextAtomic("-", "id,lower,upper,size\n");
  } finally {
    Deno.stdout.writeSync = write;
  }
  assert.equal(chunks.join(""), "id,lower,upper,size\n");
  assert.deepEqual(await checkOutputPath("-"), { path: "-", special: true });
});

Deno.test("write_output: chunks from two arrays in turn are written intact, in order", async () => {
  // The producer refills an array as soon as the chunk after next is asked
  // for: a write still in flight on it then would write the wrong bytes.
  const arrays = [new Uint8Array(300_000), new Uint8Array(300_000)];
  const chunks = 40;
  function* produce() {
    for (let k = 0; k < chunks; k++) {
      const a = arrays[k % 2].fill(k + 1);
      yield a.subarray(0, 100_000 + 5_000 * k);
    }
  }
  const dir = await Deno.makeTempDir();
  try {
    await writeTextAtomic(join(dir, "out.bin"), produce());
    const got = await Deno.readFile(join(dir, "out.bin"));
    let at = 0;
    for (let k = 0; k < chunks; k++) {
      const n = 100_000 + 5_000 * k;
      assert.ok(got.subarray(at, at + n).every((x) => x === k + 1), `chunk ${k}`);
      at += n;
    }
    assert.equal(at, got.length);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});
