/**
 * Independent checks of schedules and placements, written from FORMAT.md
 * directly and sharing no code with the planners or the simulator.
 *
 * @module
 */
import assert from "node:assert/strict";
import type { IndexedGraph } from "../graph/indexed_graph.ts";
import type { PlacementProblem, Schedule } from "../graph/types.ts";

/**
 * Asserts that `order` holds every op once and runs every producer before its
 * readers and every `after` op before its dependant, reading the raw graph.
 *
 * @example
 * ```ts
 * import { indexGraph } from "../graph/indexed_graph.ts";
 * import { assertTopological } from "./assert_valid.ts";
 * const g = indexGraph({
 *   format: "memplan.graph/v1" as const, name: "two",
 *   tensors: [{ id: "x", size: 4, kind: "input" as const }, { id: "y", size: 8, kind: "output" as const }],
 *   ops: [{ id: "f", in: ["x"], out: ["y"] }, { id: "g", in: ["y"], out: [], after: ["f"] }],
 * });
 * assertTopological(g, Int32Array.of(0, 1));
 * ```
 */
export function assertTopological(g: IndexedGraph, order: Schedule): void {
  const ops = g.graph.ops;
  assert.equal(order.length, ops.length, "order length");
  const stepOfId = new Map<string, number>();
  order.forEach((v, s) => {
    assert.ok(Number.isInteger(v) && v >= 0 && v < ops.length, `op index ${v} out of range`);
    assert.ok(!stepOfId.has(ops[v].id), `op ${ops[v].id} appears twice`);
    stepOfId.set(ops[v].id, s);
  });
  const producerOf = new Map<string, string>();
  for (const op of ops) for (const t of op.out) producerOf.set(t, op.id);
  for (const op of ops) {
    const s = stepOfId.get(op.id)!;
    for (const t of op.in) {
      const p = producerOf.get(t);
      if (p !== undefined) {
        assert.ok(stepOfId.get(p)! < s, `${op.id} reads ${t} before its producer ${p} runs`);
      }
    }
    for (const a of op.after ?? []) {
      assert.ok(stepOfId.get(a)! < s, `${op.id} runs before ${a}, which it must follow`);
    }
  }
}

/**
 * Asserts a placement is valid by brute force: every positive-size buffer has
 * a non-negative offset that is a multiple of the alignment, and every pair of
 * buffers whose half-open lifespans intersect occupies disjoint bytes. O(n²).
 *
 * @example
 * ```ts
 * import { assertPlacementValid } from "./assert_valid.ts";
 * const problem = { buffers: [{ id: "a", lower: 0, upper: 2, size: 4 }, { id: "b", lower: 1, upper: 3, size: 4 }] };
 * assertPlacementValid(problem, [0, 4]);
 * ```
 */
export function assertPlacementValid(problem: PlacementProblem, offsets: ArrayLike<number>): void {
  const bs = problem.buffers;
  const align = problem.alignment ?? 1;
  assert.equal(offsets.length, bs.length, "one offset per buffer");
  for (let i = 0; i < bs.length; i++) {
    if (bs[i].size === 0) continue;
    const o = offsets[i];
    assert.ok(Number.isSafeInteger(o) && o >= 0, `buffer ${bs[i].id}: offset ${o}`);
    assert.equal(o % align, 0, `buffer ${bs[i].id}: offset ${o} not a multiple of ${align}`);
  }
  for (let i = 0; i < bs.length; i++) {
    for (let j = i + 1; j < bs.length; j++) {
      const a = bs[i], b = bs[j];
      if (a.size === 0 || b.size === 0) continue;
      const inTime = a.lower < b.upper && b.lower < a.upper;
      const inSpace = offsets[i] < offsets[j] + b.size && offsets[j] < offsets[i] + a.size;
      assert.ok(
        !(inTime && inSpace),
        `buffers ${a.id} and ${b.id} overlap: [${a.lower},${a.upper}) at ${
          offsets[i]
        }+${a.size}, ` +
          `[${b.lower},${b.upper}) at ${offsets[j]}+${b.size}`,
      );
    }
  }
}
