/**
 * Byte-level corruptions of a file: a few edits (flip a bit, overwrite,
 * insert or delete bytes, truncate, repeat a slice), with bytes drawn from
 * JSON and CSV punctuation, digits, and bytes that are not UTF-8.
 *
 * @module
 */
import fc from "npm:fast-check@4.10.2";

/** One edit; positions are taken modulo the length of the file. */
export type Edit =
  | { op: "flip"; at: number; bit: number }
  | { op: "set" | "insert"; at: number; bytes: number[] }
  | { op: "delete" | "repeat"; at: number; length: number }
  | { op: "truncate"; at: number };

/** Constraints of {@linkcode arbCorruption}. */
export interface CorruptionConstraints {
  /** Edits per corruption; default 1 … 3. */
  maxEdits?: number;
}

// Bytes that change meaning: structure, quotes, signs, digits, whitespace, invalid UTF-8.
const INTERESTING = [...'{}[],:"\\-+.eE0123456789 \n\r\tnull'].map((c) => c.charCodeAt(0))
  .concat([0x00, 0x7f, 0x80, 0xc3, 0xff, 0x1f, 0x8b]);

const byte = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...INTERESTING) },
  { weight: 1, arbitrary: fc.integer({ min: 0, max: 255 }) },
);

/**
 * A list of edits to apply with `corrupt` (`_corrupt.ts`).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import fc from "npm:fast-check@4.10.2";
 * const [edits] = fc.sample(arbCorruption(), { numRuns: 1, seed: 1 });
 * assert.ok(edits.length >= 1 && edits.length <= 3); // e.g. [{ op: "flip", at: 812, bit: 3 }]
 * ```
 */
export function arbCorruption(c: CorruptionConstraints = {}): fc.Arbitrary<Edit[]> {
  const edit: fc.Arbitrary<Edit> = fc.oneof(
    fc.record({ op: fc.constant("flip" as const), at: fc.nat(), bit: fc.nat(7) }),
    fc.record({
      op: fc.constantFrom("set" as const, "insert" as const),
      at: fc.nat(),
      bytes: fc.array(byte, { minLength: 1, maxLength: 4 }),
    }),
    fc.record({
      op: fc.constantFrom("delete" as const, "repeat" as const),
      at: fc.nat(),
      length: fc.integer({ min: 1, max: 16 }),
    }),
    fc.record({ op: fc.constant("truncate" as const), at: fc.nat() }),
  );
  return fc.array(edit, { minLength: 1, maxLength: c.maxEdits ?? 3 });
}
