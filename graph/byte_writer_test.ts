import assert from "node:assert/strict";
import fc from "npm:fast-check@4.10.2";
import { ByteWriter } from "./byte_writer.ts";

Deno.test("ByteWriter: numbers as String writes them, text as UTF-8", () => {
  fc.assert(
    fc.property(
      fc.array(fc.oneof(fc.maxSafeNat(), fc.double(), fc.integer()), { maxLength: 20 }),
      fc.string({ unit: "grapheme", maxLength: 10 }),
      (xs, s) => {
        const w = new ByteWriter(8);
        for (const x of xs) {
          w.grow(25);
          w.number(x);
          w.byte(32);
        }
        w.utf8(s);
        assert.equal(
          new TextDecoder().decode(w.bytes()),
          xs.map((x) => String(x) + " ").join("") + s,
        );
      },
    ),
  );
});

Deno.test("ByteWriter: the bytes handed out stay until the second reset after", () => {
  const w = new ByteWriter(16);
  w.ascii("first");
  const a = w.bytes();
  w.reset();
  w.ascii("second");
  assert.equal(new TextDecoder().decode(a), "first");
  w.reset();
  w.ascii("third");
  assert.equal(new TextDecoder().decode(a), "third");
});
