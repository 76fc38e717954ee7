/**
 * Writing a minimalloc CSV straight to UTF-8 bytes: digits and id characters
 * go into one growing byte array, with no string per row and no encoding of
 * one large string afterwards. At a million rows joining row strings and
 * encoding the text took most of a second (and its garbage collection), out
 * of a one-second time limit; this takes a tenth of that.
 *
 * @module
 */
import { formatMinimallocCsv } from "./minimalloc_csv.ts";
import { problemColumns, readColumns } from "./problem_columns.ts";
import type { PlacementProblem } from "./types.ts";
import { ByteWriter } from "./byte_writer.ts";

const COMMA = 44, LF = 10, CR = 13, QUOTE = 34;

/**
 * The bytes of `formatMinimallocCsv(problem, offsets)`, when every id is
 * ASCII and needs no quoting (no `"`, `,`, `\r`, `\n`, not empty), a chunk
 * at a time: each a view of one of two reused arrays of about `chunkBytes`,
 * to be used (written) before the second chunk after it is taken (so that one
 * is written while the next is made). A million rows are 42 MB; built
 * whole, their fresh memory cost a tenth of a second in page faults alone
 * on a virtual machine. Undefined when an id needs the text form (checked
 * before the first chunk); the caller formats the text and encodes it.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * const problem = { buffers: [{ id: "b1", lower: 0, upper: 3, size: 4 }, { id: "b2", lower: 1, upper: 2, size: 8 }] };
 * const chunks: string[] = [];
 * for (const c of minimallocCsvChunks(problem, undefined, 16)!) chunks.push(new TextDecoder().decode(c));
 * assert.equal(chunks.join(""), "id,lower,upper,size\nb1,0,3,4\nb2,1,2,8\n");
 * assert.ok(chunks.length > 1);
 * ```
 */
export function minimallocCsvChunks(
  problem: PlacementProblem,
  offsets?: ArrayLike<number>,
  chunkBytes = 1 << 20,
): Iterable<Uint8Array> | undefined {
  // A problem read into columns is written from them: ids copied from the
  // text they were read from, no buffer object built.
  const read = readColumns(problem);
  const bs = read ? undefined : problem.buffers;
  const { lower, upper, size } = problemColumns(problem);
  const n = size.length;
  for (let i = 0; i < n; i++) {
    const plain = read
      ? plainBytes(read.bytes, read.idStart[i], read.idEnd[i])
      : plainId(bs![i].id, 0, bs![i].id.length);
    if (!plain) return undefined;
  }
  const given = offsets ?? read?.offset;
  const withOffset = given !== undefined || bs!.some((b) => b.offset !== undefined);
  // Room for the longest row: an id and five numbers (up to 24 characters
  // each: a negative or fractional one is written by String).
  const longest = (i: number) =>
    (read ? read.idEnd[i] - read.idStart[i] : bs![i].id.length) + 5 * 25 + 1;
  const out = new ByteWriter(chunkBytes);
  const fill = (from: number): number => {
    let i = from;
    for (; i < n && out.room() >= longest(i); i++) {
      if (read) out.idBytes(read.bytes, read.idStart[i], read.idEnd[i]);
      else out.id(bs![i].id, 0, bs![i].id.length);
      out.byte(COMMA);
      out.number(lower[i]);
      out.byte(COMMA);
      out.number(upper[i]);
      out.byte(COMMA);
      out.number(size[i]);
      if (withOffset) {
        out.byte(COMMA);
        const o = given ? given[i] : bs![i].offset;
        // A buffer without an offset gets an empty field, as in the text form.
        if (o !== undefined) out.number(o);
      }
      out.byte(LF);
    }
    return i;
  };
  return {
    *[Symbol.iterator]() {
      out.reset();
      out.ascii(withOffset ? "id,lower,upper,size,offset\n" : "id,lower,upper,size\n");
      for (let i = 0; i < n || out.length > 0;) {
        const next = fill(i);
        // A row longer than a chunk gets a chunk of its own size.
        if (next === i && i < n && out.length === 0) out.grow(longest(i));
        else {
          yield out.bytes();
          out.reset();
        }
        i = next;
      }
    },
  };
}

/** The UTF-8 `bytes[from, to)` are a non-empty ASCII id needing no quotes. */
function plainBytes(bytes: Uint8Array, from: number, to: number): boolean {
  if (to <= from) return false;
  for (let i = from; i < to; i++) if (!plainChar(bytes[i])) return false;
  return true;
}

/** `text[from, to)` is a non-empty ASCII id needing no quotes. */
function plainId(text: string, from: number, to: number): boolean {
  if (to <= from) return false;
  for (let i = from; i < to; i++) if (!plainChar(text.charCodeAt(i))) return false;
  return true;
}

/** ASCII, and not a character csv-stringify quotes a field for (`"`, `,`, `\r`, `\n`). */
function plainChar(c: number): boolean {
  return c <= 127 && c !== QUOTE && c !== COMMA && c !== LF && c !== CR;
}

/**
 * The UTF-8 bytes of `formatMinimallocCsv(problem, offsets)` in chunks, as
 * {@linkcode minimallocCsvChunks} writes them when it can, else the text
 * encoded, in one chunk.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * const problem = { buffers: [{ id: "a,b", lower: 0, upper: 1, size: 1 }] };
 * const [bytes] = minimallocCsvOutput(problem);
 * assert.equal(new TextDecoder().decode(bytes), 'id,lower,upper,size\n"a,b",0,1,1\n');
 * ```
 */
export function minimallocCsvOutput(
  problem: PlacementProblem,
  offsets?: ArrayLike<number>,
): Iterable<Uint8Array> {
  return minimallocCsvChunks(problem, offsets) ??
    [new TextEncoder().encode(formatMinimallocCsv(problem, offsets))];
}
