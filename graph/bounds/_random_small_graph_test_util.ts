/**
 * A fast-check arbitrary of small valid graphs, small enough that every
 * topological order can be enumerated.
 *
 * @module
 */
import fc from "npm:fast-check@4.10.2";
import type { Graph, Kind, Op, Tensor } from "../types.ts";

/** Constraints of {@linkcode smallGraph}. */
export interface SmallGraphConstraints {
  /** At most this many ops (at least 1); default 7. */
  maxOps?: number;
  /** Tensor sizes in `0 … maxSize`; default 20. */
  maxSize?: number;
}

const UNPRODUCED: Kind[] = ["input", "input", "weight", "optimizer_state"];
const PRODUCED: Kind[] = ["activation", "activation", "gradient", "workspace", "output"];

/**
 * Graphs in program order with every kind: up to 3 unproduced tensors
 * (input, weight, optimizer state), up to 2 outputs per op, up to 3 reads per op
 * among the tensors that exist by then (repeats allowed, to check each is
 * counted once) and up to 2 `after` edges to earlier ops.
 *
 * @example
 * ```ts
 * fc.assert(fc.property(smallGraph(), (graph) => indexGraph(graph).opCount <= 7));
 * ```
 */
export function smallGraph(constraints: SmallGraphConstraints = {}): fc.Arbitrary<Graph> {
  const maxOps = constraints.maxOps ?? 7, maxSize = constraints.maxSize ?? 20;
  const size = fc.nat({ max: maxSize });
  const tensor = (kinds: Kind[]) =>
    fc.record({ kind: fc.integer({ min: 0, max: kinds.length - 1 }).map((i) => kinds[i]), size });
  return fc.record({
    sources: fc.array(tensor(UNPRODUCED), { maxLength: 3 }),
    ops: fc.array(
      fc.record({
        outs: fc.array(tensor(PRODUCED), { maxLength: 2 }),
        reads: fc.array(fc.nat(), { maxLength: 3 }),
        after: fc.array(fc.nat(), { maxLength: 2 }),
      }),
      { minLength: 1, maxLength: maxOps, size: "max" },
    ),
  }).map(({ sources, ops }) => {
    const tensors: Tensor[] = [];
    const available: string[] = [];
    for (const s of sources) {
      const id = `t${tensors.length}`;
      tensors.push({ id, size: s.size, kind: s.kind });
      available.push(id);
    }
    const built: Op[] = ops.map((o, i) => {
      const op: Op = {
        id: `op${i}`,
        in: available.length ? o.reads.map((k) => available[k % available.length]) : [],
        out: [],
      };
      if (i > 0 && o.after.length) op.after = o.after.map((k) => `op${k % i}`);
      for (const x of o.outs) {
        const id = `t${tensors.length}`;
        tensors.push({ id, size: x.size, kind: x.kind });
        op.out.push(id);
      }
      available.push(...op.out); // after choosing reads: no op reads what it makes
      return op;
    });
    return { format: "memplan.graph/v1", name: "small", tensors, ops: built };
  });
}
