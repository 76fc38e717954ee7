/**
 * Tight problems with holes: a cut with some pieces removed, yet still at its
 * optimum. Every piece live at one chosen time step stays, so peak live is
 * still the capacity there and the optimum is known (the capacity); elsewhere
 * the removed pieces leave gaps, so the placement must reach the capacity
 * with free space around — what the plain cut never asks (it has none) and
 * what slack.ts leaves open (its optimum is unknown).
 *
 * @module
 */
import { randomInt, seededRandom } from "./prng.ts";
import type { GeneratedInstance } from "./tight.ts";

/** Options of {@linkcode withHoles}. */
export interface HolesOptions {
  seed: number;
  /** Share of the removable pieces removed, in (0, 1); default drawn in [0.05, 0.25]. */
  removed?: number;
}

/**
 * The instance minus a random share of the pieces not live at a random time
 * step (the one where the capacity stays reached); `-holes` is added to its
 * name after the family (`tight-3` → `holes-3`, `skyline-3` → `skyline-holes-3`).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { problemPeakLive } from "../../graph/placement_problem.ts";
 * import { withHoles } from "./holes.ts";
 * import { tightInstance } from "./tight.ts";
 * const t = tightInstance({ seed: 5 });
 * const h = withHoles(t, { seed: 5 });
 * assert.ok(h.problem.buffers.length < t.problem.buffers.length);
 * assert.equal(problemPeakLive(h.problem), h.capacity);
 * assert.equal(h.name, "holes-5");
 * ```
 */
export function withHoles(inst: GeneratedInstance, options: HolesOptions): GeneratedInstance {
  const random = seededRandom(options.seed ^ 0x1b873593);
  const share = options.removed ?? 0.05 + 0.2 * random();
  const buffers = inst.problem.buffers;
  // A time step where some piece starts: the column there is full.
  const at = buffers[randomInt(random, 0, buffers.length - 1)].lower;
  const keep: number[] = [];
  for (let i = 0; i < buffers.length; i++) {
    const live = buffers[i].lower <= at && at < buffers[i].upper;
    if (live || random() >= share) keep.push(i);
  }
  const [family, seed] = splitName(inst.name);
  return {
    name: family === "tight" ? `holes-${seed}` : `${family}-holes-${seed}`,
    problem: {
      buffers: keep.map((i, k) => ({ ...buffers[i], id: `b${k}` })),
      capacity: inst.capacity,
    },
    known: Float64Array.from(keep, (i) => inst.known[i]),
    capacity: inst.capacity,
  };
}

function splitName(name: string): [string, string] {
  const k = name.lastIndexOf("-");
  return k < 0 ? [name, ""] : [name.slice(0, k), name.slice(k + 1)];
}
