/**
 * Mutations that turn a valid plan into an invalid one, each with the
 * violation the simulator must report:
 *
 * | mutation | what changes | violation |
 * | --- | --- | --- |
 * | `shift-offset` | a tensor moves into the bytes of one it conflicts with | `overlap` |
 * | `move-before-producer` | an op moves to just before one it must follow | `not_topological` |
 * | `shrink-capacity` | the capacity drops below the arena | `out_of_capacity` |
 * | `grow-tensor` | a tensor grows (offsets kept) into the conflicting one right above it | `overlap` |
 *
 * The arbitrary draws which mutation and two numbers that pick where it
 * applies; `applyMutation` (in `_apply_mutation.ts`) does the rest.
 *
 * @module
 */
import fc from "npm:fast-check@4.10.2";
import type { ViolationKind } from "../simulator/violations.ts";

/** The mutations, in the order of the table above. */
export const MUTATION_KINDS = [
  "shift-offset",
  "move-before-producer",
  "shrink-capacity",
  "grow-tensor",
] as const;

/** One of {@linkcode MUTATION_KINDS}. */
export type MutationKind = typeof MUTATION_KINDS[number];

/** The violation each mutation must cause. */
export const EXPECTED_VIOLATION: Readonly<Record<MutationKind, ViolationKind>> = {
  "shift-offset": "overlap",
  "move-before-producer": "not_topological",
  "shrink-capacity": "out_of_capacity",
  "grow-tensor": "overlap",
};

/** A mutation and the numbers that pick where and how much. */
export interface Mutation {
  kind: MutationKind;
  /** Picks the candidate (tensor pair, edge) modulo their number. */
  pick: number;
  /** Picks a shift or a shortfall modulo its range. */
  amount: number;
}

/** Constraints of {@linkcode arbMutation}. */
export interface MutationConstraints {
  /** Default all. */
  kinds?: readonly MutationKind[];
}

/**
 * A random mutation.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import fc from "npm:fast-check@4.10.2";
 * const [m] = fc.sample(arbMutation({ kinds: ["shrink-capacity"] }), { numRuns: 1, seed: 1 });
 * assert.equal(m.kind, "shrink-capacity"); // e.g. { kind: "shrink-capacity", pick: 3, amount: 0 }
 * ```
 */
export function arbMutation(c: MutationConstraints = {}): fc.Arbitrary<Mutation> {
  return fc.record({
    kind: fc.constantFrom(...(c.kinds ?? MUTATION_KINDS)),
    pick: fc.nat(),
    amount: fc.nat(),
  });
}
