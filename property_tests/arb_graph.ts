/**
 * Any graph the suite plans: a random DAG or a training-step graph, sized by
 * one set of constraints.
 *
 * @module
 */
import fc from "npm:fast-check@4.10.2";
import type { Graph } from "../graph/types.ts";
import type { IdStyle } from "./_ids.ts";
import { arbDagGraph } from "./arb_dag_graph.ts";
import { arbTrainingGraph } from "./arb_training_graph.ts";

/** Constraints of {@linkcode arbGraph}. */
export interface GraphConstraints {
  /** Most ops of a random DAG, and (when `capOps`) of a training graph; default 12. */
  maxOps?: number;
  /** Most layers of a training graph; default 4. */
  maxLayers?: number;
  /** Also keep training graphs within `maxOps` (for brute force); default false. */
  capOps?: boolean;
  /** Largest tensor size; default 64. */
  maxSize?: number;
  /** Ids of random DAGs; default `plain`. */
  idStyle?: IdStyle;
}

/**
 * A random DAG or a training-step graph, half and half.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import fc from "npm:fast-check@4.10.2";
 * const [g] = fc.sample(arbGraph({ maxOps: 7, maxLayers: 2, capOps: true }), { numRuns: 1, seed: 1 });
 * assert.ok(g.ops.length <= 7);
 * ```
 */
export function arbGraph(c: GraphConstraints = {}): fc.Arbitrary<Graph> {
  const maxOps = c.maxOps ?? 12;
  return fc.oneof(
    arbDagGraph({ maxOps, maxSize: c.maxSize, idStyle: c.idStyle }),
    arbTrainingGraph({
      maxLayers: c.maxLayers ?? 4,
      maxSize: c.maxSize,
      maxOps: c.capOps ? maxOps : undefined,
    }),
  );
}
