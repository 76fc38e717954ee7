/**
 * The quick reading of a minimalloc CSV in its usual form, as one pass over
 * its UTF-8 bytes: no string of the whole text, no array of lines, no field
 * strings at all (ids stay byte ranges until asked for), numbers read digit
 * by digit. At a million rows, splitting into lines and then into fields
 * cost half a second and as much again in garbage collection, out of a
 * one-second time limit; reading the file into a string before scanning it
 * took twice the time and the memory of reading its bytes (0.2 s against
 * 0.1 s for 30 MB, most of it page faults).
 *
 * It reads only what the general reader would read to the same buffers, and
 * gives up (undefined) at anything else — another header, a blank id, a
 * number that is not 1–16 plain digits up to 2^53 − 1 (spaces around them aside), `upper <= lower`,
 * an offset + size past 2^53 − 1, a repeated id, a
 * quote anywhere but around a whole field, a quote or line end inside one,
 * an id that is not UTF-8 —
 * so that the general reader, which names every problem with its line, sees
 * every text that has one.
 *
 * Fields in double quotes are read as what they enclose: R's `write.csv`
 * quotes every id and header name, Python's `csv.QUOTE_ALL` every field. The
 * general reader sends a quoted text through csv-parse, about 4 µs a row (4.3 s
 * at a million rows, against 0.3 s here).
 *
 * @module
 */
import { firstRepeatedRange } from "./distinct_ranges.ts";
import { columnarProblem, type ProblemColumns } from "./problem_columns.ts";
import type { PlacementProblem } from "./types.ts";

const COMMA = 44, LF = 10, CR = 13, ZERO = 48, NINE = 57, QUOTE = 34, SPACE = 32, TAB = 9;

/**
 * The buffers of `input` (UTF-8 bytes, or a string, encoded first), as
 * columns, when it is a plain minimalloc CSV: header
 * `id,lower,upper,size[,offset]` in any order (names bare or in quotes, in any
 * case, spaces around them), a byte-order mark or none, one kind of line end (`\n`, or `\r\n` on
 * every line), blank lines anywhere, every row well formed with a new id,
 * fields bare or whole in quotes with no quote or line end inside, ids in
 * UTF-8; else undefined.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { columnId } from "./problem_columns.ts";
 * const c = scanPlainMinimalloc("id,lower,upper,size\nb1,0,3,4\n")!;
 * assert.deepEqual([c.lower[0], c.upper[0], c.size[0], c.idStart[0], c.idEnd[0]], [0, 3, 4, 20, 22]);
 * assert.equal(scanPlainMinimalloc("id,lower,upper,size\nb1,3,3,4\n"), undefined); // upper <= lower
 * const q = scanPlainMinimalloc('"id","lower","upper","size"\n"b,1",0,3,"4"\n')!;
 * assert.equal(columnId(q, 0), "b,1");
 * assert.equal(scanPlainMinimalloc(Uint8Array.from([...new TextEncoder().encode("id,lower,upper,size\n"), 0xff, 44, 48, 44, 49, 44, 49])), undefined); // not UTF-8
 * ```
 */
export function scanPlainMinimalloc(input: string | Uint8Array): ProblemColumns | undefined {
  const text = typeof input === "string" ? new TextEncoder().encode(input) : input;
  // With any \r, every line must end in \r\n (the general reader's rule).
  const crlf = text.indexOf(CR) >= 0;
  const n = text.length;
  // A byte-order mark (spreadsheets write one) is skipped, as the general
  // reader's decoder drops it; leaving such files to that reader made them
  // nine times slower to read.
  let pos = text[0] === 0xef && text[1] === 0xbb && text[2] === 0xbf ? 3 : 0;
  while (pos < n && isLineEnd(text, pos, crlf)) pos += crlf ? 2 : 1;
  const kinds = headerKinds(text, pos, crlf);
  if (kinds === undefined) return undefined;
  pos = headerEnd;
  const k = kinds.length;
  // Rows are at most the lines: arrays of that length, filled once, never grown.
  let lines = 1;
  for (let at = text.indexOf(LF, pos); at >= 0; at = text.indexOf(LF, at + 1)) lines++;
  const rows = new Rows(k === 5, lines);
  const numbered = new NumberedIds(lines);
  const value = new Float64Array(5); // by kind; value[ID] unused
  while (pos < n) {
    if (isLineEnd(text, pos, crlf)) {
      pos += crlf ? 2 : 1;
      continue;
    }
    let idStart = 0, idEnd = 0;
    for (let col = 0; col < k; col++) {
      if (col > 0 && text[pos++] !== COMMA) return undefined;
      if (kinds[col] !== ID) {
        // 1–16 digits, bare or in quotes, spaces around them.
        const v = field(text, pos);
        if (v < 0) return undefined;
        value[kinds[col]] = v;
        pos = fieldEnd;
        continue;
      }
      // A quoted id is what the quotes enclose: anything but a quote or a
      // line end. A bare one ends at a comma, or at the line end if last.
      const last = col === k - 1;
      const quoted = text[pos] === QUOTE;
      if (quoted) pos++;
      idStart = pos;
      // The id's trailing digits and their value, for `numbered` below.
      let digitsFrom = pos, number = 0, ascii = true;
      for (;; pos++) {
        if (pos === n) {
          if (quoted || !last) return undefined;
          break;
        }
        const c = text[pos];
        if (c > 127) ascii = false;
        if (quoted ? c === QUOTE : c === COMMA && !last) break;
        if (!quoted && last && (c === LF || c === CR)) break;
        if (c === LF || c === CR || c === QUOTE || c === COMMA && !quoted) return undefined;
        if (c >= ZERO && c <= NINE) number = number * 10 + c - ZERO;
        else {
          digitsFrom = pos + 1;
          number = 0;
        }
      }
      if (pos === idStart) return undefined;
      // Bytes that are not UTF-8: the general reader says so.
      if (!ascii && !isUtf8(text, idStart, pos)) return undefined;
      idEnd = pos;
      if (quoted) pos++;
      numbered.add(text, idStart, digitsFrom, idEnd, number);
    }
    if (pos < n) {
      if (!isLineEnd(text, pos, crlf)) return undefined;
      pos += crlf ? 2 : 1;
    }
    if (value[UPPER] <= value[LOWER]) return undefined;
    // Bytes past 2^53 - 1 are not exact: the general reader says where.
    if (k === 5 && value[OFFSET] + value[SIZE] > Number.MAX_SAFE_INTEGER) return undefined;
    rows.push(idStart, idEnd, value[LOWER], value[UPPER], value[SIZE], value[OFFSET]);
  }
  const columns = rows.columns(text);
  const distinct = numbered.distinct();
  if (distinct !== undefined) return distinct ? columns : undefined;
  return firstRepeatedRange(text, columns.idStart, columns.idEnd) < 0 ? columns : undefined;
}

/**
 * The problem {@linkcode scanPlainMinimalloc} reads from `input`, with its
 * buffer objects built only if asked for (problem_columns.ts); undefined
 * when the quick reading refuses the input (the general reader then names
 * what is wrong, or reads what it does not take: quotes inside ids, …).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * assert.equal(scannedProblem("id,lower,upper,size\nb1,0,3,4\n")!.buffers[0].size, 4);
 * assert.equal(scannedProblem("id,lower,upper,size\nb1,3,3,4\n"), undefined);
 * ```
 */
export function scannedProblem(input: string | Uint8Array): PlacementProblem | undefined {
  const plain = scanPlainMinimalloc(input);
  return plain && columnarProblem(plain);
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
  columns(bytes: Uint8Array): ProblemColumns {
    const n = this.#count;
    const c: ProblemColumns = {
      lower: this.#lower.subarray(0, n),
      upper: this.#upper.subarray(0, n),
      size: this.#size.subarray(0, n),
      bytes,
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
  /** Where the first id's prefix is, and its length (-1: none seen yet). */
  #prefixAt = 0;
  #prefixLength = -1;
  /**
   * A flag per number seen, set as ids come (no array of the numbers: 8 MB
   * of fresh memory at a million ids); numbers past its end (grown to
   * 8 × the ids + 1024) give up on it.
   */
  #seen: Uint8Array;
  #most: number;
  #numbered = true;
  #repeated = false;

  /** For at most `most` ids. */
  constructor(most: number) {
    this.#most = most;
    this.#seen = new Uint8Array(Math.min(most, 1 << 16) + 1024);
  }

  /**
   * Notes the id `text[from, end)` whose digits start at `digitsFrom` and
   * read `number`. Leading zeros, more than 15 digits, no digits or another
   * prefix: not numbered ids (`b01` and `b1` differ; their numbers do not).
   */
  add(text: Uint8Array, from: number, digitsFrom: number, end: number, number: number): void {
    if (!this.#numbered) return;
    const digits = end - digitsFrom;
    if (
      digits === 0 || digits > 15 || (digits > 1 && text[digitsFrom] === ZERO)
    ) {
      this.#numbered = false;
      return;
    }
    const length = digitsFrom - from;
    if (this.#prefixLength < 0) {
      this.#prefixAt = from;
      this.#prefixLength = length;
    } else if (length !== this.#prefixLength || !sameBytes(text, this.#prefixAt, from, length)) {
      this.#numbered = false;
      return;
    }
    if (number >= this.#seen.length) {
      // The flags a number needs, up to what `most` ids allow.
      if (number > 8 * this.#most + 1024) {
        this.#numbered = false;
        return;
      }
      const bigger = new Uint8Array(
        Math.min(Math.max(2 * this.#seen.length, number + 1), 8 * this.#most + 1025),
      );
      bigger.set(this.#seen);
      this.#seen = bigger;
    }
    if (this.#seen[number]) this.#repeated = true;
    this.#seen[number] = 1;
  }

  /**
   * True when the ids were numbered and distinct, false when numbered with
   * one repeated; undefined when not numbered (or their numbers too spread
   * for an array of flags): the caller compares the ids themselves.
   */
  distinct(): boolean | undefined {
    if (!this.#numbered) return undefined;
    return !this.#repeated;
  }
}

/** Where the last {@linkcode field} stopped. */
let fieldEnd = 0;

/**
 * The number of 1–16 digits (at most 2^53 − 1: the general reader's safe
 * integers) of the field starting at `start`, bare or in quotes,
 * with spaces around the digits (inside the quotes when quoted: the general
 * reader trims numbers), else -1; leaves in `fieldEnd` the position after the
 * field, which must be a comma or a line end (`\n`, `\r`) or the end of the
 * text.
 */
function field(text: Uint8Array, start: number): number {
  const quoted = text[start] === QUOTE;
  const from = afterSpaces(text, quoted ? start + 1 : start);
  let pos = from, v = 0;
  for (;; pos++) {
    const d = text[pos] - ZERO;
    if (!(d >= 0 && d <= 9)) break;
    v = v * 10 + d;
  }
  const digits = pos - from;
  pos = afterSpaces(text, pos);
  if (quoted && text[pos++] !== QUOTE) return -1;
  fieldEnd = pos;
  // Sixteen digits are read exactly when the value is safe (every prefix is
  // smaller), and a larger one is never rounded into the safe range: times
  // in microseconds since 1970 have sixteen, and were left to the general
  // reader, ten times slower.
  if (digits === 0 || digits > 16 || v > Number.MAX_SAFE_INTEGER) return -1;
  const next = text[pos];
  return next === COMMA || next === LF || next === CR || pos === text.length ? v : -1;
}

/** Where the header {@linkcode headerKinds} last read ends. */
let headerEnd = 0;

/**
 * The columns of the header line at `pos`, as kinds (indices into
 * `HEADER`), when it names `id`, `lower`, `upper` and `size` once each, in any
 * order, and `offset` at most once, nothing else; each name bare or in
 * quotes, in any case, with spaces around it (inside the quotes when quoted):
 * what the general reader takes, which trims and lowercases them. Else
 * undefined. Leaves the end of the line in `headerEnd`.
 */
function headerKinds(text: Uint8Array, pos: number, crlf: boolean): number[] | undefined {
  const kinds: number[] = [];
  for (;;) {
    const quoted = text[pos] === QUOTE;
    if (quoted) pos++;
    pos = afterSpaces(text, pos);
    let kind = -1;
    for (let k = 0; k < HEADER.length && kind < 0; k++) {
      const name = HEADER[k];
      if (isNameAt(text, pos, name)) {
        const after = afterSpaces(text, pos + name.length);
        const c = text[after];
        const ends = quoted ? c === QUOTE : c === COMMA || after === text.length ||
          isLineEnd(text, after, crlf);
        if (ends) (kind = k), (pos = after);
      }
    }
    if (kind < 0 || kinds.includes(kind)) return undefined;
    kinds.push(kind);
    if (quoted) pos++;
    if (pos === text.length || isLineEnd(text, pos, crlf)) break;
    if (text[pos++] !== COMMA) return undefined;
  }
  headerEnd = pos;
  if (kinds.length < 4 || (kinds.length === 4 && kinds.includes(OFFSET))) return undefined;
  return kinds;
}

function afterSpaces(text: Uint8Array, pos: number): number {
  while (text[pos] === SPACE || text[pos] === TAB) pos++;
  return pos;
}

/** The lowercase ASCII `name` is at `pos`, in any case. */
function isNameAt(text: Uint8Array, pos: number, name: string): boolean {
  for (let j = 0; j < name.length; j++) {
    // Setting bit 5 lowers an ASCII capital and leaves a lowercase letter.
    if ((text[pos + j] | 0x20) !== name.charCodeAt(j)) return false;
  }
  return true;
}

/** `text[a, a + length)` and `text[b, b + length)` are the same bytes. */
function sameBytes(text: Uint8Array, a: number, b: number, length: number): boolean {
  for (let k = 0; k < length; k++) if (text[a + k] !== text[b + k]) return false;
  return true;
}

/**
 * `text[from, to)` is well-formed UTF-8 (shortest forms, no surrogates, at
 * most U+10FFFF), as a fatal `TextDecoder` requires.
 */
function isUtf8(text: Uint8Array, from: number, to: number): boolean {
  for (let i = from; i < to;) {
    const c = text[i];
    if (c < 0x80) {
      i++;
      continue;
    }
    // The length, and the range of the second byte (the rest: 0x80–0xbf).
    let k: number, lo = 0x80, hi = 0xbf;
    if (c >= 0xc2 && c <= 0xdf) k = 2;
    else if (c >= 0xe0 && c <= 0xef) {
      k = 3;
      if (c === 0xe0) lo = 0xa0;
      if (c === 0xed) hi = 0x9f;
    } else if (c >= 0xf0 && c <= 0xf4) {
      k = 4;
      if (c === 0xf0) lo = 0x90;
      if (c === 0xf4) hi = 0x8f;
    } else return false;
    if (i + k > to) return false;
    const second = text[i + 1];
    if (second < lo || second > hi) return false;
    for (let j = 2; j < k; j++) if ((text[i + j] & 0xc0) !== 0x80) return false;
    i += k;
  }
  return true;
}

const HEADER = ["id", "lower", "upper", "size", "offset"];
const ID = 0, LOWER = 1, UPPER = 2, SIZE = 3, OFFSET = 4;

/** A line end at `pos`: `\n`, or with `crlf` exactly `\r\n` (a lone one is not). */
function isLineEnd(text: Uint8Array, pos: number, crlf: boolean): boolean {
  return crlf ? text[pos] === CR && text[pos + 1] === LF : text[pos] === LF;
}
