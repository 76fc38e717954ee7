import assert from "node:assert/strict";
import fc from "npm:fast-check@4.10.2";
import { formatMinimallocCsv, parseMinimallocCsv } from "./minimalloc_csv.ts";
import { readColumns } from "./problem_columns.ts";
import { encodeMinimallocCsv, minimallocCsvBytes } from "./minimalloc_bytes.ts";
import type { Buffer } from "./types.ts";

const text = (bytes: Uint8Array | undefined) => bytes && new TextDecoder().decode(bytes);

const value = fc.oneof(
  fc.nat(),
  fc.constantFrom(0, 9, 10, 99_999_999, 100_000_000, 100_000_001, 2 ** 53 - 1, 1e15 + 7),
  fc.maxSafeNat(),
);

Deno.test("minimallocCsvBytes: the bytes of formatMinimallocCsv's text", () => {
  const buffer = fc.record({
    id: fc.stringMatching(/^[a-z0-9_. ]{1,6}$/),
    lower: value,
    upper: value,
    size: value,
    offset: fc.option(value, { nil: undefined }),
  }, { requiredKeys: ["id", "lower", "upper", "size"] });
  fc.assert(
    fc.property(
      fc.array(buffer, { maxLength: 20 }),
      fc.option(fc.array(fc.oneof(value, fc.constantFrom(NaN, -3, 0.5, 1e21))), { nil: undefined }),
      (buffers, extra) => {
        const problem = { buffers: buffers as Buffer[] };
        const offsets = extra && Float64Array.from(buffers, (_, i) => extra[i % extra.length] ?? 0);
        assert.equal(
          text(minimallocCsvBytes(problem, offsets)),
          formatMinimallocCsv(problem, offsets),
        );
      },
    ),
  );
});

Deno.test("minimallocCsvBytes: ids to quote or not ASCII are left to the text form", () => {
  for (const id of ["", 'q"t', "a,b", "a\nb", "a\rb", "é"]) {
    const problem = { buffers: [{ id, lower: 0, upper: 1, size: 4 }] };
    assert.equal(minimallocCsvBytes(problem), undefined, JSON.stringify(id));
    assert.equal(text(encodeMinimallocCsv(problem)), formatMinimallocCsv(problem));
  }
});

Deno.test("minimallocCsvBytes: a problem read into columns is written as its buffers would be", () => {
  const csv = "id,lower,upper,size,offset\nb1,0,3,4,0\nx y,1,2,100000000000,8\n";
  const offsets = Float64Array.from([16, 2 ** 40]);
  for (const given of [undefined, offsets]) {
    const read = parseMinimallocCsv(csv, "p.csv");
    assert.ok(readColumns(read) !== undefined); // nothing has built its buffers yet
    const bytes = minimallocCsvBytes(read, given);
    assert.ok(readColumns(read) !== undefined); // nor has writing it
    assert.equal(text(bytes), formatMinimallocCsv(parseMinimallocCsv(csv, "p.csv"), given));
  }
});
