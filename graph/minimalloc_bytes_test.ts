import assert from "node:assert/strict";
import fc from "npm:fast-check@4.10.2";
import { formatMinimallocCsv, parseMinimallocCsv } from "./minimalloc_csv.ts";
import { readColumns } from "./problem_columns.ts";
import { minimallocCsvChunks, minimallocCsvOutput } from "./minimalloc_bytes.ts";
import type { PlacementProblem } from "./types.ts";
import type { Buffer } from "./types.ts";

/** The text of the chunks, each decoded before the next is taken (they share one array). */
function joined(chunks: Iterable<Uint8Array> | undefined): string | undefined {
  if (chunks === undefined) return undefined;
  let text = "";
  for (const chunk of chunks) text += new TextDecoder().decode(chunk);
  return text;
}

const bytesOf = (problem: PlacementProblem, offsets?: ArrayLike<number>, chunkBytes?: number) =>
  joined(minimallocCsvChunks(problem, offsets, chunkBytes));

const value = fc.oneof(
  fc.nat(),
  fc.constantFrom(0, 9, 10, 99_999_999, 100_000_000, 100_000_001, 2 ** 53 - 1, 1e15 + 7),
  fc.maxSafeNat(),
);

Deno.test("minimallocCsvChunks: the bytes of formatMinimallocCsv's text, in chunks of any size", () => {
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
      fc.integer({ min: 1, max: 400 }),
      (buffers, extra, chunkBytes) => {
        const problem = { buffers: buffers as Buffer[] };
        const offsets = extra && Float64Array.from(buffers, (_, i) => extra[i % extra.length] ?? 0);
        const want = formatMinimallocCsv(problem, offsets);
        assert.equal(bytesOf(problem, offsets), want);
        assert.equal(bytesOf(problem, offsets, chunkBytes), want);
      },
    ),
  );
});

Deno.test("minimallocCsvChunks: ids to quote or not ASCII are left to the text form", () => {
  for (const id of ["", 'q"t', "a,b", "a\nb", "a\rb", "é"]) {
    const problem = { buffers: [{ id, lower: 0, upper: 1, size: 4 }] };
    assert.equal(minimallocCsvChunks(problem), undefined, JSON.stringify(id));
    assert.equal(joined(minimallocCsvOutput(problem)), formatMinimallocCsv(problem));
  }
  // Read into columns, too.
  const read = parseMinimallocCsv('id,lower,upper,size\n"a,b",0,1,4\né,0,1,4\n', "p.csv");
  assert.equal(minimallocCsvChunks(read), undefined);
});

Deno.test("minimallocCsvChunks: a problem read into columns is written as its buffers would be", () => {
  const csv = "id,lower,upper,size,offset\nb1,0,3,4,0\nx y,1,2,100000000000,8\n";
  const offsets = Float64Array.from([16, 2 ** 40]);
  for (const given of [undefined, offsets]) {
    const read = parseMinimallocCsv(csv, "p.csv");
    assert.ok(readColumns(read) !== undefined); // nothing has built its buffers yet
    const text = bytesOf(read, given, 7);
    assert.ok(readColumns(read) !== undefined); // nor has writing it
    assert.equal(text, formatMinimallocCsv(parseMinimallocCsv(csv, "p.csv"), given));
  }
});
