/**
 * Small hand-made graphs shared by the graph/ and simulator/ tests.
 *
 * @module
 */
import type { Graph } from "./types.ts";

/**
 * `testdata/graphs/tiny.json` as a value. Program order, n = 4 steps:
 *
 * | tensor | kind | size | first | last |
 * | --- | --- | --- | --- | --- |
 * | x | input | 4 | 0 | 0 (read by f1) |
 * | w | weight | 2 | 0 | 3 |
 * | a | activation | 8 | 0 | 2 (read by f2, f3) |
 * | b | activation | 8 | 1 | 2 |
 * | c | activation | 4 | 2 | 3 |
 * | loss | output | 1 | 3 | 3 |
 *
 * Live bytes: step 0: x+w+a = 14; step 1: w+a+b = 18; step 2: w+a+b+c = 22;
 * step 3: w+c+loss = 7. Peak 22 at step 2.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { indexGraph } from "./indexed_graph.ts";
 * import { programOrderPeak } from "./metrics.ts";
 * assert.deepEqual(programOrderPeak(indexGraph(tinyGraph())), { bytes: 22, step: 2 });
 * ```
 */
export function tinyGraph(): Graph {
  return {
    format: "memplan.graph/v1",
    name: "tiny",
    tensors: [
      { id: "x", size: 4, kind: "input" },
      { id: "w", size: 2, kind: "weight" },
      { id: "a", size: 8 },
      { id: "b", size: 8 },
      { id: "c", size: 4 },
      { id: "loss", size: 1, kind: "output" },
    ],
    ops: [
      { id: "f1", type: "mul", in: ["x", "w"], out: ["a"] },
      { id: "f2", type: "relu", in: ["a"], out: ["b"] },
      { id: "f3", type: "add", in: ["a", "b"], out: ["c"] },
      { id: "f4", type: "sum", in: ["c"], out: ["loss"] },
    ],
  };
}

/**
 * A graph with two independent branches whose order changes the peak, and an
 * in-place weight update ordered by an `after` edge.
 *
 * Ops (program order): p1: x -> big(10); p2: big -> s1(1); q1: x -> big2(10);
 * q2: big2 -> s2(1); j: s1, s2 -> y(1, output); upd: w updated in place, after p1
 * and q1 (the readers of w).
 *
 * Program order: x(1) input [0,2]; w(3) weight [0,5]; big [0,1]; s1 [1,4];
 * big2 [2,3]; s2 [3,4]; y output [4,5].
 * Live: s0 = x1+w3+big10 = 14; s1 = x1+w3+big10+s1 1 = 15; s2 = x1+w3+s1 1+big2 10 = 15;
 * s3 = w3+s1 1+big2 10+s2 1 = 15; s4 = w3+s1+s2+y = 6; s5 = w3+y1 = 4. Peak 15 at step 1.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { indexGraph } from "./indexed_graph.ts";
 * import { programOrderPeak } from "./metrics.ts";
 * assert.deepEqual(programOrderPeak(indexGraph(branchyGraph())), { bytes: 15, step: 1 });
 * ```
 */
export function branchyGraph(): Graph {
  return {
    format: "memplan.graph/v1",
    name: "branchy",
    tensors: [
      { id: "x", size: 1, kind: "input" },
      { id: "w", size: 3, kind: "weight" },
      { id: "big", size: 10 },
      { id: "s1", size: 1 },
      { id: "big2", size: 10 },
      { id: "s2", size: 1 },
      { id: "y", size: 1, kind: "output" },
    ],
    ops: [
      { id: "p1", in: ["x", "w"], out: ["big"] },
      { id: "p2", in: ["big"], out: ["s1"] },
      { id: "q1", in: ["x", "w"], out: ["big2"] },
      { id: "q2", in: ["big2"], out: ["s2"] },
      { id: "j", in: ["s1", "s2"], out: ["y"] },
      { id: "upd", in: ["w"], out: [], after: ["p1", "q1"] },
    ],
  };
}
