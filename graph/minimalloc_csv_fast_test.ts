import assert from "node:assert/strict";
import { stringify } from "npm:csv-stringify@6.9.0/sync";
import { InputError } from "./input_error.ts";
import type { PlacementProblem } from "./types.ts";
import {
  formatMinimallocCsv,
  parseMinimallocCsv,
  parseMinimallocCsvGeneral,
  plainCsvLines,
} from "./minimalloc_csv.ts";

/** A seeded problem of `n` buffers with varied ids, times and sizes (graph/ imports no generator). */
function generated(n: number, seed: number): PlacementProblem {
  let x = seed;
  const next = (m: number) => (x = (Math.imul(x, 1103515245) + 12345) >>> 0) % m;
  const buffers = Array.from({ length: n }, (_, i) => {
    const lower = next(1000);
    return { id: `t${i}.${next(7)}`, lower, upper: lower + 1 + next(50), size: next(1 << 20) };
  });
  return { buffers };
}

/** The buffers, or every problem reported, of a text read without the quick scan. */
function outcome(text: string): unknown {
  try {
    return parseMinimallocCsvGeneral(text, "p.csv").buffers;
  } catch (e) {
    assert.ok(e instanceof InputError);
    return e.problems;
  }
}

/**
 * The same text through csv-parse: a quoted first header field means the same
 * rows to csv-parse but keeps the text off the hand-split path.
 */
function viaCsvParse(text: string): string {
  const i = text.search(/[^\r\n]/);
  const end = text.slice(i).search(/[,\r\n]|$/) + i;
  return `${text.slice(0, i)}"${text.slice(i, end)}"${text.slice(end)}`;
}

function assertSameBothWays(text: string) {
  assert.ok(plainCsvLines(text) !== undefined, `hand split applies to ${JSON.stringify(text)}`);
  assert.equal(plainCsvLines(viaCsvParse(text)), undefined);
  assert.deepEqual(outcome(text), outcome(viaCsvParse(text)), JSON.stringify(text));
}

Deno.test("fast CSV path: a generated problem reads the same as through csv-parse", () => {
  const problem = generated(2000, 3);
  const text = formatMinimallocCsv(problem);
  assertSameBothWays(text);
  assert.deepEqual(parseMinimallocCsv(text, "p.csv"), problem);
  const offsets = Float64Array.from(problem.buffers, (_, i) => i * 64);
  assertSameBothWays(formatMinimallocCsv(problem, offsets));
  assertSameBothWays(text.replaceAll("\n", "\r\n"));
});

Deno.test("fast CSV path: edge cases and bad rows give the same buffers or messages", () => {
  const texts = [
    "id,lower,upper,size\n\nb1,0,3,4\n\n\nb2,1,2,8", // blank lines, no final newline
    "id,lower,upper,size\r\nb1,0,3,4\r\n\r\nb2,1,2,8\r\n", // CRLF
    "ID , Lower,upper,SIZE\nb 1,0,3,4\n", // header trimmed and any case, ids keep spaces
    "size,id,upper,lower\n4,b1,3,0\n", // columns in another order
    "id,lower,upper,size,offset\nb1,0,3,4,0\nb2,1,2,8,4\n",
    "id,lower,upper,size\nb1, 0,3,4\n", // spaces around a number
    "id,lower,upper,size\nb1,0,3,4\nb1,1,2,8\n", // duplicate id
    "id,lower,upper,size\n,0,3,4\n", // empty id
    "id,lower,upper,size\nb1,0,3\nb2,0,3,4,5\n", // too few, too many fields
    "id,lower,upper,size\nb1,3,3,4\nb2,0,x,4\nb3,0,1,-4\nb4,0,1,1234567890123456789\n",
    "id,lower,upper,size\nb1,0,3,4,\n", // trailing comma
    "id,lower,size\nb1,0,4\n", // missing column
    "\n\nid,lower,upper,size\nb1,0,3,4\n", // blank lines before the header
    " \nid,lower,upper,size\n", // a line of spaces is a row
  ];
  for (const text of texts) assertSameBothWays(text);
});

Deno.test("fast CSV path: quotes, a byte-order mark and mixed line ends go to csv-parse", () => {
  for (
    const text of [
      'id,lower,upper,size\n"b,1",0,3,4\n',
      "\ufeffid,lower,upper,size\nb1,0,3,4\n",
      "id,lower,upper,size\r\nb1,0,3,4\nb2,0,3,4\n",
      "id,lower,upper,size\nb1,0,3,4\r\n",
      "id,lower,upper,size\rb1,0,3,4\r",
    ]
  ) assert.equal(plainCsvLines(text), undefined, JSON.stringify(text));
  assert.equal(
    parseMinimallocCsv('id,lower,upper,size\n"b,1",0,3,4\n', "p.csv").buffers[0].id,
    "b,1",
  );
});

Deno.test("fast CSV writing: the same text as csv-stringify, quoted ids included", () => {
  const problem = generated(500, 2);
  problem.buffers[3] = { ...problem.buffers[3], id: "a b" };
  const offsets = Float64Array.from(problem.buffers, (_, i) => i * 128);
  const rows = (withOffset: boolean) =>
    stringify([
      ["id", "lower", "upper", "size", ...(withOffset ? ["offset"] : [])],
      ...problem.buffers.map((
        b,
        i,
      ) => [b.id, b.lower, b.upper, b.size, ...(withOffset ? [offsets[i]] : [])]),
    ], { record_delimiter: "\n" });
  assert.equal(formatMinimallocCsv(problem), rows(false));
  assert.equal(formatMinimallocCsv(problem, offsets), rows(true));
  problem.buffers[4] = { ...problem.buffers[4], id: 'q"t,x' };
  assert.equal(formatMinimallocCsv(problem), rows(false));
});
