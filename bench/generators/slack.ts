/**
 * Slack placement problems: a tight instance with random buffers removed.
 * The cut still fits in the capacity, but peak live drops below it, and the
 * optimum lies somewhere in between: proving it is the hard part.
 *
 * @module
 */
import { seededRandom } from "./prng.ts";
import { type GeneratedInstance, shuffle, tightInstance, type TightOptions } from "./tight.ts";

/** Options of {@linkcode slackInstance}: those of a tight instance, plus the share removed. */
export interface SlackOptions extends TightOptions {
  /** Share of the buffers removed, in (0, 1); default drawn in [0.02, 0.2] from the seed. */
  removed?: number;
}

/**
 * A tight instance of the same seed, minus a random share of its buffers; the
 * known placement is the cut's, without them.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { problemPeakLive } from "../../graph/placement_problem.ts";
 * import { slackInstance } from "./slack.ts";
 * const s = slackInstance({ seed: 1 });
 * assert.ok(problemPeakLive(s.problem) <= s.capacity);
 * ```
 */
export function slackInstance(options: SlackOptions): GeneratedInstance {
  const tight = tightInstance(options);
  const random = seededRandom(options.seed ^ 0x5bd1e995);
  const share = options.removed ?? 0.02 + 0.18 * random();
  const n = tight.problem.buffers.length;
  const drop = Math.min(n - 1, Math.max(1, Math.round(share * n)));
  const keep = shuffle(Array.from({ length: n }, (_, i) => i), random).slice(drop).sort((a, b) =>
    a - b
  );
  return {
    name: `slack-${options.seed}`,
    problem: {
      buffers: keep.map((i, k) => ({ ...tight.problem.buffers[i], id: `b${k}` })),
      capacity: tight.capacity,
    },
    known: Float64Array.from(keep, (i) => tight.known[i]),
    capacity: tight.capacity,
  };
}
