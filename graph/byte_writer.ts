/**
 * Text written straight into bytes, a chunk at a time: numbers digit by
 * digit, ASCII by its codes, with no string per row. The minimalloc CSV
 * writer and the plan writer share it: at a million rows, strings joined
 * and encoded took most of a second and as much again in garbage collection.
 *
 * @module
 */

const ZERO = 48;
const UTF8 = new TextEncoder();

/** "0000" to "9999": the four digits of each number below 10,000. */
const QUADS = new Uint8Array(40000).map((_, i) =>
  ZERO + Math.floor((i >> 2) / 10 ** (3 - (i & 3))) % 10
);

/**
 * A byte array filled, emptied by the reader, and filled again; two arrays
 * in turn, so that the reader may still use the last bytes while the next
 * are written.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * const w = new ByteWriter(64);
 * w.ascii("x=");
 * w.number(1234567890123);
 * w.byte(44);
 * w.number(-0.5);
 * assert.equal(new TextDecoder().decode(w.bytes()), "x=1234567890123,-0.5");
 * w.reset();
 * assert.equal(w.length, 0);
 * ```
 */
export class ByteWriter {
  #buf: Uint8Array;
  #other: Uint8Array;
  #at = 0;

  constructor(capacity: number) {
    this.#buf = new Uint8Array(capacity);
    this.#other = new Uint8Array(capacity);
  }

  /** Bytes that can still be appended. */
  room(): number {
    return this.#buf.length - this.#at;
  }

  get length(): number {
    return this.#at;
  }

  /** Empties it: the other array from now on. */
  reset(): void {
    [this.#buf, this.#other] = [this.#other, this.#buf];
    this.#at = 0;
  }

  /** Makes room for `k` more bytes. */
  grow(k: number): void {
    if (this.#at + k <= this.#buf.length) return;
    const bigger = new Uint8Array(this.#at + k);
    bigger.set(this.#buf.subarray(0, this.#at));
    this.#buf = bigger;
  }

  byte(c: number): void {
    this.#buf[this.#at++] = c;
  }

  /** Appends an ASCII string (the caller knows it is). */
  ascii(s: string): void {
    this.grow(s.length);
    for (let i = 0; i < s.length; i++) this.#buf[this.#at++] = s.charCodeAt(i);
  }

  /** Appends the UTF-8 bytes of `s`. */
  utf8(s: string): void {
    this.grow(3 * s.length);
    const { written } = UTF8.encodeInto(s, this.#buf.subarray(this.#at));
    this.#at += written;
  }

  /** Appends the bytes `bytes[from, to)`. */
  idBytes(bytes: Uint8Array, from: number, to: number): void {
    const buf = this.#buf, at = this.#at - from;
    for (let i = from; i < to; i++) buf[at + i] = bytes[i];
    this.#at = at + to;
  }

  /** Appends the ASCII id `text[from, to)` (checked by the caller). */
  id(text: string, from: number, to: number): void {
    const buf = this.#buf, at = this.#at - from;
    for (let i = from; i < to; i++) buf[at + i] = text.charCodeAt(i);
    this.#at = at + to;
  }

  /** Appends `String(x)`: by hand for non-negative safe integers (every value read from a file). */
  number(x: number): void {
    if (!(x >= 0 && Number.isSafeInteger(x))) {
      this.ascii(String(x));
      return;
    }
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
