/**
 * Graph alignments (FORMAT.md §1 `alignment`): absent (1) most of the time,
 * otherwise a small power of two so aligned offsets still pack tightly.
 *
 * @module
 */
import fc from "npm:fast-check@4.10.2";

/** Constraints of {@linkcode arbAlignment}. */
export interface AlignmentConstraints {
  /** Alignments to pick from when one is set; default [2, 4, 8]. */
  choices?: readonly number[];
  /** Chance, in percent, that an alignment is set at all; default 30 (0 disables). */
  percent?: number;
}

/**
 * `undefined` (no alignment field) or one of the choices.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import fc from "npm:fast-check@4.10.2";
 * assert.deepEqual(fc.sample(arbAlignment({ percent: 100, choices: [4] }), 1), [4]);
 * ```
 */
export function arbAlignment(c: AlignmentConstraints = {}): fc.Arbitrary<number | undefined> {
  const percent = c.percent ?? 30;
  const choices = c.choices ?? [2, 4, 8];
  if (percent <= 0 || choices.length === 0) return fc.constant(undefined);
  if (percent >= 100) return fc.constantFrom(...choices);
  return fc.oneof(
    { weight: 100 - percent, arbitrary: fc.constant(undefined) },
    { weight: percent, arbitrary: fc.constantFrom(...choices) },
  );
}
