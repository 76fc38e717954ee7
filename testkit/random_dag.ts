/**
 * Seeded random DAGs in `memplan.graph/v1`, with `after` edges and repeated
 * reads: small graphs every planner must handle.
 *
 * @module
 */
import type { Graph } from "../graph/types.ts";
import { seeded } from "./prng.ts";

/**
 * A random DAG in `memplan.graph/v1`, in program order: each op reads a few
 * earlier tensors (or inputs and weights) and writes one or two; some ops carry
 * `after` edges to earlier ops, and a few tensors are read twice by one op.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { indexGraph } from "../graph/indexed_graph.ts";
 * import { randomDag } from "./random_dag.ts";
 * assert.equal(indexGraph(randomDag({ seed: 1, ops: 30 })).opCount, 30);
 * ```
 */
export function randomDag(options: { seed: number; ops: number }): Graph {
  const rnd = seeded(options.seed);
  const pick = <T>(xs: T[]): T => xs[Math.floor(rnd() * xs.length)];
  const kinds = ["activation", "gradient", "workspace", "output"] as const;
  const tensors: Graph["tensors"] = [
    { id: "in0", size: 1 + Math.floor(rnd() * 20), kind: "input" },
    { id: "in1", size: 1 + Math.floor(rnd() * 20), kind: "input" },
    { id: "w0", size: 1 + Math.floor(rnd() * 20), kind: "weight" },
    { id: "m0", size: Math.floor(rnd() * 5), kind: "optimizer_state" },
  ];
  const ops: Graph["ops"] = [];
  const readable = tensors.map((t) => t.id);
  for (let v = 0; v < options.ops; v++) {
    const ins: string[] = [];
    const nIn = 1 + Math.floor(rnd() * 3);
    for (let i = 0; i < nIn; i++) ins.push(pick(readable));
    if (rnd() < 0.1) ins.push(ins[0]);
    const out: string[] = [];
    const nOut = rnd() < 0.15 ? 0 : 1 + Math.floor(rnd() * 2);
    for (let i = 0; i < nOut; i++) {
      const id = `t${v}_${i}`;
      tensors.push({
        id,
        size: rnd() < 0.05 ? 0 : 1 + Math.floor(rnd() * 30),
        kind: pick([...kinds]),
      });
      out.push(id);
    }
    const op: Graph["ops"][number] = { id: `op${v}`, in: ins, out };
    if (v > 0 && rnd() < 0.3) op.after = [`op${Math.floor(rnd() * v)}`];
    ops.push(op);
    readable.push(...out);
  }
  return { format: "memplan.graph/v1", name: `random-${options.seed}`, tensors, ops };
}
