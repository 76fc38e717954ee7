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

const COMMA = 44, LF = 10, ZERO = 48;

/** "0000" to "9999": the four digits of each number below 10,000. */
const QUADS = new Uint8Array(40000).map((_, i) =>
  ZERO + Math.floor((i >> 2) / 10 ** (3 - (i & 3))) % 10
);

/**
 * The bytes of `formatMinimallocCsv(problem, offsets)` when every id is ASCII
 * and needs no quoting (no `"`, `,`, `\r`, `\n`, not empty); else undefined,
 * and the caller formats the text and encodes it.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * const problem = { buffers: [{ id: "b1", lower: 0, upper: 3, size: 4 }] };
 * const bytes = minimallocCsvBytes(problem, Float64Array.from([8]));
 * assert.equal(new TextDecoder().decode(bytes), "id,lower,upper,size,offset\nb1,0,3,4,8\n");
 * assert.equal(minimallocCsvBytes({ buffers: [{ id: "a,b", lower: 0, upper: 1, size: 1 }] }), undefined);
 * ```
 */
export function minimallocCsvBytes(
  problem: PlacementProblem,
  offsets?: ArrayLike<number>,
): Uint8Array | undefined {
  // A problem read into columns is written from them: ids copied from the
  // text they were read from, no buffer object built.
  const read = readColumns(problem);
  const bs = read ? undefined : problem.buffers;
  const { lower, upper, size } = problemColumns(problem);
  const n = size.length;
  const given = offsets ?? read?.offset;
  const withOffset = given !== undefined || bs!.some((b) => b.offset !== undefined);
  const out = new ByteWriter(64 + n * (withOffset ? 48 : 36));
  out.ascii(withOffset ? "id,lower,upper,size,offset\n" : "id,lower,upper,size\n");
  for (let i = 0; i < n; i++) {
    const plain = read
      ? out.plainId(read.text, read.idStart[i], read.idEnd[i])
      : out.plainId(bs![i].id, 0, bs![i].id.length);
    if (!plain) return undefined;
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
  return out.bytes();
}

/**
 * The UTF-8 bytes of `formatMinimallocCsv(problem, offsets)`, written
 * directly when {@linkcode minimallocCsvBytes} can, else encoded from the text.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * const problem = { buffers: [{ id: "a,b", lower: 0, upper: 1, size: 1 }] };
 * assert.equal(new TextDecoder().decode(encodeMinimallocCsv(problem)), 'id,lower,upper,size\n"a,b",0,1,1\n');
 * ```
 */
export function encodeMinimallocCsv(
  problem: PlacementProblem,
  offsets?: ArrayLike<number>,
): Uint8Array {
  return minimallocCsvBytes(problem, offsets) ??
    new TextEncoder().encode(formatMinimallocCsv(problem, offsets));
}

/** An append-only byte array that doubles when full. */
class ByteWriter {
  #buf: Uint8Array;
  #at = 0;

  constructor(capacity: number) {
    this.#buf = new Uint8Array(capacity);
  }

  #room(k: number): void {
    if (this.#at + k <= this.#buf.length) return;
    const bigger = new Uint8Array(Math.max(2 * this.#buf.length, this.#at + k));
    bigger.set(this.#buf.subarray(0, this.#at));
    this.#buf = bigger;
  }

  byte(c: number): void {
    this.#room(1);
    this.#buf[this.#at++] = c;
  }

  /** Appends an ASCII string (the caller knows it is). */
  ascii(s: string): void {
    this.#room(s.length);
    for (let i = 0; i < s.length; i++) this.#buf[this.#at++] = s.charCodeAt(i);
  }

  /**
   * Appends the id `text[from, to)` when it is non-empty ASCII needing no
   * quotes; false (nothing kept) otherwise.
   */
  plainId(text: string, from: number, to: number): boolean {
    const n = to - from;
    if (n <= 0) return false;
    this.#room(n);
    const buf = this.#buf, at = this.#at - from;
    for (let i = from; i < to; i++) {
      const c = text.charCodeAt(i);
      if (c > 127 || c === 34 || c === COMMA || c === LF || c === 13) return false;
      buf[at + i] = c;
    }
    this.#at = at + to;
    return true;
  }

  /** Appends `String(x)`: by hand for non-negative safe integers (every value read from a file). */
  number(x: number): void {
    if (!(x >= 0 && Number.isSafeInteger(x))) {
      this.ascii(String(x));
      return;
    }
    this.#room(16);
    // Up to 8 digits in int32 arithmetic, the rest (to 2^53) as a high part.
    if (x < 1e8) {
      this.#digits(x, 0);
      return;
    }
    const high = Math.floor(x / 1e8);
    this.#digits(high, 0);
    this.#digits(x - high * 1e8, 8);
  }

  /** Appends `v` (< 1e8) in decimal, zero-padded to `width` digits. */
  #digits(value: number, width: number): void {
    // In int32 arithmetic (the value is below 1e8): `%` on a double is a call.
    let v = value | 0;
    let d = v < 1e4
      ? (v < 100 ? (v < 10 ? 1 : 2) : (v < 1000 ? 3 : 4))
      : (v < 1e6 ? (v < 1e5 ? 5 : 6) : (v < 1e7 ? 7 : 8));
    if (d < width) d = width;
    const buf = this.#buf, from = this.#at;
    let i = from + d;
    this.#at = i;
    // Four digits a division: four million numbers are written at a million rows.
    while (v >= 1000) {
      const q = (v / 10000) | 0, r = 4 * (v - q * 10000);
      buf[--i] = QUADS[r + 3];
      buf[--i] = QUADS[r + 2];
      buf[--i] = QUADS[r + 1];
      buf[--i] = QUADS[r];
      v = q;
    }
    // Below 1000 (or the zeros a four-digit group began with, now padding).
    for (; v > 0; v = (v / 10) | 0) buf[--i] = ZERO + (v - ((v / 10) | 0) * 10);
    while (i > from) buf[--i] = ZERO;
  }

  /** The bytes written (a view, not a copy). */
  bytes(): Uint8Array {
    return this.#buf.subarray(0, this.#at);
  }
}
