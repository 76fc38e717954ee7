/**
 * Hand-made graphs for the scheduler tests, with their peaks worked out.
 *
 * @module
 */
import type { Graph } from "../../graph/types.ts";

/**
 * Two independent branches from one input; program order starts both big
 * tensors before finishing either.
 *
 * ```
 * x(1, input) ─ a1 → A(10) ─ a2 → a(1) ─┐
 *             └ b1 → B(10) ─ b2 → b(1) ─┴ j → y(1, output)
 * ```
 *
 * Program order a1, b1, a2, b2, j (n = 5). Lifetimes: x [0,1], A [0,2],
 * B [1,3], a [2,4], b [3,4], y [4,4]. Live: s0 = x+A = 11; s1 = x+A+B = 21;
 * s2 = A+B+a = 21; s3 = B+a+b = 12; s4 = a+b+y = 3. Peak 21 at step 1.
 *
 * Finishing one branch first (a1, a2, b1, b2, j): x [0,2], A [0,1], a [1,4],
 * B [2,3], b [3,4]. Live: 11, 12 (x+A+a), 12 (x+a+B), 12 (a+B+b), 3. Peak 12,
 * and no order does better: when a2 (or b2) runs, A and a are resident with
 * either x (the other branch has not started) or B (it has): at least 12.
 * The lower bound only sees single ops (x+A = 11), so 12 is not proved.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { indexGraph } from "../../graph/indexed_graph.ts";
 * import { lifetimes } from "../../graph/lifetimes.ts";
 * import { peakLive, programOrderPeak } from "../../graph/metrics.ts";
 * const g = indexGraph(fanoutGraph()); // ops a1 b1 a2 b2 j
 * assert.deepEqual(programOrderPeak(g), { bytes: 21, step: 1 });
 * assert.equal(peakLive(g, lifetimes(g, Int32Array.of(0, 2, 1, 3, 4))).bytes, 12); // branch a first
 * ```
 */
export function fanoutGraph(): Graph {
  return {
    format: "memplan.graph/v1",
    name: "fanout",
    tensors: [
      { id: "x", size: 1, kind: "input" },
      { id: "A", size: 10 },
      { id: "B", size: 10 },
      { id: "a", size: 1 },
      { id: "b", size: 1 },
      { id: "y", size: 1, kind: "output" },
    ],
    ops: [
      { id: "a1", in: ["x"], out: ["A"] },
      { id: "b1", in: ["x"], out: ["B"] },
      { id: "a2", in: ["A"], out: ["a"] },
      { id: "b2", in: ["B"], out: ["b"] },
      { id: "j", in: ["a", "b"], out: ["y"] },
    ],
  };
}

/**
 * A two-layer training step whose optimizer updates come last in program order,
 * as frameworks run them. Each update frees a gradient and must follow the
 * forward read of its weight (an `after` edge); b1 needs a big workspace.
 *
 * ```
 * f1: x, w1 → h1      f2: h1, w2 → h2      loss: h2 → L(output), g2
 * b2: g2, h1, w2 → g1, gw2      b1: g1, w1 → gw1, ws(workspace, never read)
 * u2: w2, gw2 (after f2)        u1: w1, gw1 (after f1)
 * ```
 *
 * Sizes: x 1, w1 1, w2 1, h1 4, h2 4, L 1, g2 4, g1 4, gw2 6, gw1 6, ws 10.
 *
 * Program order f1, f2, loss, b2, b1, u2, u1 (n = 7). Lifetimes: w1, w2 [0,6],
 * x [0,0], h1 [0,3], h2 [1,2], L [2,6], g2 [2,3], g1 [3,4], gw2 [3,5],
 * gw1 [4,6], ws [4,4]. Live: s0 = w+x+h1 = 7; s1 = w+h1+h2 = 10;
 * s2 = w+h1+h2+L+g2 = 15; s3 = w+h1+L+g2+g1+gw2 = 21;
 * s4 = w+L+g1+gw2+gw1+ws = 29; s5 = w+L+gw2+gw1 = 15; s6 = w+L+gw1 = 9.
 * Peak 29 at step 4: gw2 waits for an update that could have run earlier.
 *
 * Greedy (net bytes, then program order): f1, f2, loss, b2 are forced. Then b1
 * and u2 are ready: b1 keeps gw1 (6; ws has no reader, so it is not kept) and
 * frees g1 (4): +2; u2 frees gw2: -6. u2 runs, then b1, u1. Lifetimes change to
 * gw2 [3,4], g1 [3,5], gw1 [5,6], ws [5,5]: s4 = w+L+g1+gw2 = 13,
 * s5 = w+L+g1+gw1+ws = 23, s6 = 9. Peak 23 at step 5, which every order pays
 * (b1 follows loss and b2, so w, L, g1, gw1, ws are resident at its step), and
 * the lower bound sees exactly that: b1's tensors, the weights and the output L
 * whose producer b1 depends on. Proved optimal.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { indexGraph } from "../../graph/indexed_graph.ts";
 * import { programOrderPeak } from "../../graph/metrics.ts";
 * import { scheduleGreedy } from "./greedy.ts";
 * const g = indexGraph(twoLayerStepGraph());
 * assert.deepEqual(programOrderPeak(g), { bytes: 29, step: 4 });
 * const r = scheduleGreedy(g);
 * assert.deepEqual([r.peakLive, r.status], [23, "optimal"]);
 * ```
 */
export function twoLayerStepGraph(): Graph {
  return {
    format: "memplan.graph/v1",
    name: "two-layer-step",
    tensors: [
      { id: "x", size: 1, kind: "input" },
      { id: "w1", size: 1, kind: "weight" },
      { id: "w2", size: 1, kind: "weight" },
      { id: "h1", size: 4 },
      { id: "h2", size: 4 },
      { id: "L", size: 1, kind: "output" },
      { id: "g2", size: 4, kind: "gradient" },
      { id: "g1", size: 4, kind: "gradient" },
      { id: "gw2", size: 6, kind: "gradient" },
      { id: "gw1", size: 6, kind: "gradient" },
      { id: "ws", size: 10, kind: "workspace" },
    ],
    ops: [
      { id: "f1", in: ["x", "w1"], out: ["h1"] },
      { id: "f2", in: ["h1", "w2"], out: ["h2"] },
      { id: "loss", in: ["h2"], out: ["L", "g2"] },
      { id: "b2", in: ["g2", "h1", "w2"], out: ["g1", "gw2"] },
      { id: "b1", in: ["g1", "w1"], out: ["gw1", "ws"] },
      { id: "u2", in: ["w2", "gw2"], out: [], after: ["f2"] },
      { id: "u1", in: ["w1", "gw1"], out: [], after: ["f1"] },
    ],
  };
}
