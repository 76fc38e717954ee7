/**
 * The quick reading of a minimalloc CSV in its usual form, as one pass over
 * the text: no array of lines, no field strings but the ids, numbers read
 * digit by digit. At a million rows splitting into lines and then into fields
 * cost half a second and as much again in garbage collection, out of a
 * one-second time limit.
 *
 * It reads only what the general reader would read to the same buffers, and
 * gives up (undefined) at anything else — a quote, another header, a blank id,
 * a number that is not 1–15 plain digits, `upper <= lower`, a repeated id —
 * so that the general reader, which names every problem with its line, sees
 * every text that has one.
 *
 * @module
 */
import { firstRepeatedRange } from "./distinct_ranges.ts";
import type { ProblemColumns } from "./problem_columns.ts";

const COMMA = 44, LF = 10, CR = 13, ZERO = 48, NINE = 57;

/**
 * The buffers of `text`, as columns, when it is a plain minimalloc CSV: header
 * `id,lower,upper,size` or `id,lower,upper,size,offset`, no quote, no
 * byte-order mark, one kind of line end (`\n`, or `\r\n` on every line),
 * blank lines anywhere, every row well formed with a new id; else undefined.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * const c = scanPlainMinimalloc("id,lower,upper,size\nb1,0,3,4\n")!;
 * assert.deepEqual([c.lower[0], c.upper[0], c.size[0], c.idStart[0], c.idEnd[0]], [0, 3, 4, 20, 22]);
 * assert.equal(scanPlainMinimalloc("id,lower,upper,size\nb1,3,3,4\n"), undefined); // upper <= lower
 * ```
 */
export function scanPlainMinimalloc(text: string): ProblemColumns | undefined {
  if (text.includes('"') || text.charCodeAt(0) === 0xfeff) return undefined;
  // With any \r, every line must end in \r\n (the general reader's rule).
  const crlf = text.includes("\r");
  const n = text.length;
  let pos = 0;
  while (pos < n && isLineEnd(text, pos, crlf)) pos += crlf ? 2 : 1;
  let hasOffset: boolean;
  if (text.startsWith("id,lower,upper,size,offset", pos)) {
    hasOffset = true;
    pos += 26;
  } else if (text.startsWith("id,lower,upper,size", pos)) {
    hasOffset = false;
    pos += 19;
  } else return undefined;
  if (pos < n && !isLineEnd(text, pos, crlf)) return undefined;
  // Rows are at most the lines: arrays of that length, filled once, never grown.
  let lines = 1;
  for (let at = text.indexOf("\n", pos); at >= 0; at = text.indexOf("\n", at + 1)) lines++;
  const rows = new Rows(hasOffset, lines);
  const names = new NumberedIds(lines);
  while (pos < n) {
    if (isLineEnd(text, pos, crlf)) {
      pos += crlf ? 2 : 1;
      continue;
    }
    const idStart = pos;
    // The id's trailing digits and their value, for `names` below.
    let digitsFrom = pos, number = 0;
    for (;; pos++) {
      if (pos === n) return undefined;
      const c = text.charCodeAt(pos);
      if (c === COMMA) break;
      if (c === LF || c === CR) return undefined;
      if (c >= ZERO && c <= NINE) number = number * 10 + c - ZERO;
      else {
        digitsFrom = pos + 1;
        number = 0;
      }
    }
    if (pos === idStart) return undefined;
    const idEnd = pos;
    names.add(text, idStart, digitsFrom, pos, number);
    // lower, upper, size[, offset]: each a comma then 1–15 digits.
    const lower = field(text, pos);
    if (lower < 0 || text.charCodeAt(fieldEnd) !== COMMA) return undefined;
    const upper = field(text, fieldEnd);
    if (upper < 0 || text.charCodeAt(fieldEnd) !== COMMA) return undefined;
    const size = field(text, fieldEnd);
    if (size < 0) return undefined;
    let offset = 0;
    if (hasOffset) {
      if (text.charCodeAt(fieldEnd) !== COMMA) return undefined;
      offset = field(text, fieldEnd);
      if (offset < 0) return undefined;
    }
    pos = fieldEnd;
    if (pos < n) {
      if (!isLineEnd(text, pos, crlf)) return undefined;
      pos += crlf ? 2 : 1;
    }
    if (upper <= lower) return undefined;
    rows.push(idStart, idEnd, lower, upper, size, offset);
  }
  const columns = rows.columns(text);
  const distinct = names.distinct();
  if (distinct !== undefined) return distinct ? columns : undefined;
  return firstRepeatedRange(text, columns.idStart, columns.idEnd) < 0 ? columns : undefined;
}

/** The rows read so far, in typed arrays as long as the most rows there can be. */
class Rows {
  #count = 0;
  readonly #idStart: Int32Array;
  readonly #idEnd: Int32Array;
  readonly #lower: Float64Array;
  readonly #upper: Float64Array;
  readonly #size: Float64Array;
  readonly #offset: Float64Array | undefined;

  constructor(hasOffset: boolean, most: number) {
    this.#idStart = new Int32Array(most);
    this.#idEnd = new Int32Array(most);
    this.#lower = new Float64Array(most);
    this.#upper = new Float64Array(most);
    this.#size = new Float64Array(most);
    if (hasOffset) this.#offset = new Float64Array(most);
  }

  push(idStart: number, idEnd: number, lower: number, upper: number, size: number, offset: number) {
    const i = this.#count++;
    this.#idStart[i] = idStart;
    this.#idEnd[i] = idEnd;
    this.#lower[i] = lower;
    this.#upper[i] = upper;
    this.#size[i] = size;
    if (this.#offset) this.#offset[i] = offset;
  }

  /** The columns of the rows read (views of exactly their length). */
  columns(text: string): ProblemColumns {
    const n = this.#count;
    const c: ProblemColumns = {
      lower: this.#lower.subarray(0, n),
      upper: this.#upper.subarray(0, n),
      size: this.#size.subarray(0, n),
      text,
      idStart: this.#idStart.subarray(0, n),
      idEnd: this.#idEnd.subarray(0, n),
    };
    if (this.#offset) c.offset = this.#offset.subarray(0, n);
    return c;
  }
}

/**
 * Ids that are one prefix and a number (`b0`, `b1`, …, the usual naming):
 * such ids are distinct exactly when their numbers are, which an array of
 * flags indexed by number tells in one pass. A hash of a million ids costs
 * a tenth of a second, mostly missing the cache.
 */
class NumberedIds {
  #prefix: string | undefined;
  readonly #numbers: Float64Array;
  #count = 0;
  #numbered = true;

  /** For at most `most` ids. */
  constructor(most: number) {
    this.#numbers = new Float64Array(most);
  }

  /**
   * Notes the id `text[from, end)` whose digits start at `digitsFrom` and
   * read `number`. Leading zeros, more than 15 digits, no digits or another
   * prefix: not numbered ids (`b01` and `b1` differ; their numbers do not).
   */
  add(text: string, from: number, digitsFrom: number, end: number, number: number): void {
    if (!this.#numbered) return;
    const digits = end - digitsFrom;
    if (
      digits === 0 || digits > 15 || (digits > 1 && text.charCodeAt(digitsFrom) === ZERO)
    ) {
      this.#numbered = false;
      return;
    }
    if (this.#prefix === undefined) this.#prefix = text.slice(from, digitsFrom);
    else if (digitsFrom - from !== this.#prefix.length || !text.startsWith(this.#prefix, from)) {
      this.#numbered = false;
      return;
    }
    this.#numbers[this.#count++] = number;
  }

  /**
   * True when the ids were numbered and distinct, false when numbered with
   * one repeated; undefined when not numbered (or their numbers too spread
   * for an array of flags): the caller compares the ids themselves.
   */
  distinct(): boolean | undefined {
    if (!this.#numbered) return undefined;
    const numbers = this.#numbers, count = this.#count;
    let top = 0;
    for (let i = 0; i < count; i++) if (numbers[i] > top) top = numbers[i];
    if (top > 8 * count + 1024) return undefined;
    const seen = new Uint8Array(top + 1);
    for (let i = 0; i < count; i++) {
      const x = numbers[i];
      if (seen[x]) return false;
      seen[x] = 1;
    }
    return true;
  }
}

/** Where the last {@linkcode field} stopped. */
let fieldEnd = 0;

/**
 * The number of 1–15 digits after the comma at `comma`, else -1; leaves in
 * `fieldEnd` the position after them, which must be a comma or a line end
 * (`\n`, `\r`) or the end of the text.
 */
function field(text: string, comma: number): number {
  let pos = comma + 1, v = 0;
  for (;; pos++) {
    const d = text.charCodeAt(pos) - ZERO;
    if (!(d >= 0 && d <= 9)) break;
    v = v * 10 + d;
  }
  fieldEnd = pos;
  const digits = pos - comma - 1;
  if (digits === 0 || digits > 15) return -1;
  const next = text.charCodeAt(pos);
  return next === COMMA || next === LF || next === CR || pos === text.length ? v : -1;
}

/** A line end at `pos`: `\n`, or with `crlf` exactly `\r\n` (a lone one is not). */
function isLineEnd(text: string, pos: number, crlf: boolean): boolean {
  return crlf
    ? text.charCodeAt(pos) === CR && text.charCodeAt(pos + 1) === LF
    : text.charCodeAt(pos) === LF;
}
