/**
 * Small graphs whose bounds are worked out by hand in the comments, shared by
 * the bound tests (tiny and branchy come from graph/_fixtures_test_util.ts).
 *
 * @module
 */
import type { Graph } from "../types.ts";

/**
 * A fork and a join where the order of the two middle ops decides nothing but
 * each per-op bound misses the other branch: a -> t0(1) -> b, c; b -> t1(1);
 * c -> t2(1); d reads t1 and t2. Both orders peak at 3 (t0, t1, t2 at the
 * second middle op), yet at b's step, with c not run, only t0 + t1 = 2 is
 * resident, and symmetrically at c's: every per-op bound says 2.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { indexGraph } from "../indexed_graph.ts";
 * import { lifetimes } from "../lifetimes.ts";
 * import { peakLive } from "../metrics.ts";
 * const g = indexGraph(diamondGraph()); // ops a b c d
 * for (const order of [[0, 1, 2, 3], [0, 2, 1, 3]]) {
 *   assert.equal(peakLive(g, lifetimes(g, Int32Array.from(order))).bytes, 3);
 * }
 * ```
 */
export function diamondGraph(): Graph {
  return {
    format: "memplan.graph/v1",
    name: "diamond",
    tensors: [{ id: "t0", size: 1 }, { id: "t1", size: 1 }, { id: "t2", size: 1 }],
    ops: [
      { id: "a", in: [], out: ["t0"] },
      { id: "b", in: ["t0"], out: ["t1"] },
      { id: "c", in: ["t0"], out: ["t2"] },
      { id: "d", in: ["t1", "t2"], out: [] },
    ],
  };
}

/**
 * A chain A -> B -> C using every lifetime rule: x input 5 (read by A), u
 * input 7 (unread), w weight 2, m optimizer state 3, a activation 10 (A -> B),
 * ws workspace 4 (made by A, unread), o output 6 (made by B), g gradient 8
 * (B -> C), and C updating w and m in place.
 *
 * One schedule; persistent w + m = 5. Live: step 0 (A) = x5 + u7 + 5 + a10 +
 * ws4 = 31; step 1 (B) = 5 + a10 + o6 + g8 = 29; step 2 (C) = 5 + o6 + g8 = 19.
 * Peak 31, at step 0 only because of the unread input u.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { indexGraph } from "../indexed_graph.ts";
 * import { programOrderPeak } from "../metrics.ts";
 * import { persistentBytes } from "./persistent.ts";
 * const g = indexGraph(kindsChainGraph());
 * assert.deepEqual(programOrderPeak(g), { bytes: 31, step: 0 });
 * assert.equal(persistentBytes(g), 5);
 * ```
 */
export function kindsChainGraph(): Graph {
  return {
    format: "memplan.graph/v1",
    name: "kinds-chain",
    tensors: [
      { id: "x", size: 5, kind: "input" },
      { id: "u", size: 7, kind: "input" },
      { id: "w", size: 2, kind: "weight" },
      { id: "m", size: 3, kind: "optimizer_state" },
      { id: "a", size: 10 },
      { id: "ws", size: 4, kind: "workspace" },
      { id: "o", size: 6, kind: "output" },
      { id: "g", size: 8, kind: "gradient" },
    ],
    ops: [
      { id: "A", in: ["x", "w"], out: ["a", "ws"] },
      { id: "B", in: ["a"], out: ["o", "g"] },
      { id: "C", in: ["g", "w", "m"], out: [] },
    ],
  };
}
