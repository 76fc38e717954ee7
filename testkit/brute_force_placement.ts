/**
 * The least arena of a small buffer problem, by trying every order of its
 * buffers with "lowest aligned position that fits".
 *
 * Why every order suffices: take an optimal placement and place its buffers
 * again in increasing order of their offsets, each at the lowest aligned
 * position free of the conflicting buffers already placed. By induction each
 * lands at or below its optimal offset: the buffers placed before it that
 * conflict with it ended at or below its optimal offset before, and only moved
 * down, so that offset is still free. Hence the arena is at most the optimum.
 * The lowest free aligned position is 0 or the aligned-up top of a conflicting
 * placed buffer, so only those are tried.
 *
 * @module
 */
import type { PlacementProblem } from "../graph/types.ts";

/** The optimum arena and offsets reaching it. */
export interface PlacementOptimum {
  arena: number;
  offsets: Float64Array;
}

/**
 * Enumerates every order of the positive-size buffers (≤ 6 buffers: 720 orders).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { bruteForcePlacement } from "./brute_force_placement.ts";
 * assert.equal(bruteForcePlacement({ buffers: [{ id: "a", lower: 0, upper: 2, size: 4 }] }).arena, 4);
 * ```
 */
export function bruteForcePlacement(problem: PlacementProblem): PlacementOptimum {
  const bs = problem.buffers;
  const align = problem.alignment ?? 1;
  const items = bs.map((_, i) => i).filter((i) => bs[i].size > 0);
  const clash = (i: number, j: number) => bs[i].lower < bs[j].upper && bs[j].lower < bs[i].upper;
  const offsets = new Float64Array(bs.length);
  let best: PlacementOptimum = { arena: Infinity, offsets: new Float64Array(bs.length) };
  const placed: number[] = [];
  const used = new Uint8Array(bs.length);
  const search = (arena: number) => {
    if (arena >= best.arena) return;
    if (placed.length === items.length) {
      best = { arena, offsets: offsets.slice() };
      return;
    }
    for (const i of items) {
      if (used[i]) continue;
      const size = bs[i].size;
      const candidates = [0];
      for (const j of placed) {
        if (clash(i, j)) candidates.push(Math.ceil((offsets[j] + bs[j].size) / align) * align);
      }
      candidates.sort((a, b) => a - b);
      const y = candidates.find((y) =>
        placed.every((j) => !clash(i, j) || offsets[j] + bs[j].size <= y || y + size <= offsets[j])
      )!;
      offsets[i] = y;
      used[i] = 1;
      placed.push(i);
      search(Math.max(arena, y + size));
      placed.pop();
      used[i] = 0;
      offsets[i] = 0;
    }
  };
  search(0);
  return items.length === 0 ? { arena: 0, offsets } : best;
}
