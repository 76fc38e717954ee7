import assert from "node:assert/strict";
import { gzipSync } from "node:zlib";
import { InputError } from "./input_error.ts";
import { decodeText, MAX_TEXT_BYTES, readBytes, readText, withFileBytes } from "./read_input.ts";

const enc = (s: string) => new TextEncoder().encode(s);

function message(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    assert.ok(e instanceof InputError, String(e));
    return e.message;
  }
  throw new Error("did not throw");
}

Deno.test("read_input: text over one string's limit says so (not 'not UTF-8')", () => {
  const m = message(() => decodeText(enc("x".repeat(1000)), "big.json", { maxBytes: 100 }));
  assert.match(
    m,
    /^big\.json: too large to read as one string: 1,000 bytes of text, over the 100-byte limit/,
  );
  const z = message(() =>
    decodeText(gzipSync(enc("x".repeat(1000))), "big.json.gz", { maxBytes: 100 })
  );
  assert.match(z, /^big\.json\.gz: too large to read as one string: it decompresses to more text/);
  assert.equal(decodeText(enc("x".repeat(100)), "ok.json", { maxBytes: 100 }).length, 100);
  assert.equal(MAX_TEXT_BYTES, 2 ** 29 - 24);
});

Deno.test("read_input: bad UTF-8 and bad gzip keep their own messages", () => {
  assert.match(
    message(() => decodeText(new Uint8Array([0xff, 0xfe, 0x00]), "b.json")),
    /b\.json: is not UTF-8 text/,
  );
  assert.match(message(() => decodeText(enc("{}"), "c.json.gz")), /named \.gz but is not gzip/);
});

Deno.test("readText: the quick read gives what decoding the bytes gives, or the same error", async () => {
  const dir = await Deno.makeTempDir();
  const cases: [string, Uint8Array][] = [
    ["plain.csv", enc("id,lower\na,1\n")],
    ["bom.csv", Uint8Array.from([0xef, 0xbb, 0xbf, ...enc("id\n")])],
    ["replacement.csv", enc("id\n\ufffd\n")], // a real U+FFFD is valid UTF-8
    ["latin.csv", enc("id\né€\n")],
    ["bad.csv", Uint8Array.from([0x61, 0xff, 0x0a])],
    ["zipped.csv", gzipSync(enc("id\nb\n"))], // gzip without the name
  ];
  for (const [name, bytes] of cases) {
    const file = `${dir}/${name}`;
    await Deno.writeFile(file, bytes);
    let want: string;
    try {
      want = decodeText(bytes, file);
    } catch (e) {
      await assert.rejects(() => readText(file), { message: (e as Error).message }, name);
      continue;
    }
    assert.equal(await readText(file), want, name);
  }
  await Deno.remove(dir, { recursive: true });
});

Deno.test("readBytes: the file's bytes, gunzipped when gzip, with the same errors", async () => {
  const dir = await Deno.makeTempDir();
  try {
    const bytes = new Uint8Array(200_003).map((_, i) => (i * 7919) % 251);
    await Deno.writeFile(`${dir}/b.bin`, bytes);
    assert.deepEqual(await readBytes(`${dir}/b.bin`), bytes);
    await Deno.writeFile(`${dir}/b.csv.gz`, gzipSync(enc("id,lower")));
    assert.equal(new TextDecoder().decode(await readBytes(`${dir}/b.csv.gz`)), "id,lower");
    await Deno.writeFile(`${dir}/e.csv`, new Uint8Array(0));
    assert.equal((await readBytes(`${dir}/e.csv`)).length, 0);
    await Deno.writeFile(`${dir}/n.csv.gz`, enc("id"));
    await assert.rejects(() => readBytes(`${dir}/n.csv.gz`), /named \.gz but is not gzip/);
    await assert.rejects(
      () => readBytes(`${dir}/missing.csv`),
      /missing\.csv: cannot read: no such file/,
    );
    await assert.rejects(() => readBytes(dir), InputError);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("readBytes: a pipe (size 0) is read to its end, past any first guess", async () => {
  const dir = await Deno.makeTempDir();
  const fifo = `${dir}/pipe`;
  try {
    const made = await new Deno.Command("mkfifo", { args: [fifo] }).output().catch(() => undefined);
    if (!made?.success) {
      console.log("readBytes pipe test skipped: no mkfifo on this machine");
      return;
    }
    const bytes = new Uint8Array(300_000).map((_, i) => i % 256);
    const [got] = await Promise.all([readBytes(fifo), Deno.writeFile(fifo, bytes)]);
    assert.deepEqual(got, bytes);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("withFileBytes: a plain file's bytes in scratch; the rest left to readBytes", async () => {
  const dir = await Deno.makeTempDir();
  try {
    const bytes = new Uint8Array(200_003).map((_, i) => (i * 7919) % 251);
    await Deno.writeFile(`${dir}/b.bin`, bytes);
    assert.deepEqual(withFileBytes(`${dir}/b.bin`, (b) => b.slice()), bytes);
    // What fn throws is its own error, not a reading one.
    assert.throws(() =>
      withFileBytes(`${dir}/b.bin`, () => {
        throw new RangeError("mine");
      }), RangeError);
    await Deno.writeFile(`${dir}/g.csv`, gzipSync(enc("id,lower")));
    await Deno.writeFile(`${dir}/b.csv.gz`, gzipSync(enc("id,lower")));
    await Deno.writeFile(`${dir}/e.csv`, new Uint8Array(0));
    for (const name of ["g.csv", "b.csv.gz", "e.csv", "."]) {
      assert.equal(withFileBytes(`${dir}/${name}`, () => "read"), undefined, name);
    }
    assert.throws(
      () => withFileBytes(`${dir}/missing.csv`, () => 0),
      /missing\.csv: cannot read: no such file/,
    );
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});
