/**
 * Random DAGs of ops and tensors that respect FORMAT.md §1: every produced
 * tensor has one producer; inputs, weights and optimizer state have none and
 * every other kind has one; the program order is topological; some ops carry
 * `after` edges; sizes include 0; an alignment may be set.
 *
 * The arbitrary draws a recipe of small integers and builds the graph from it,
 * so shrinking removes ops and lowers sizes while the graph stays valid.
 *
 * @module
 */
import fc from "npm:fast-check@4.10.2";
import type { Graph, Kind, Op, Tensor } from "../graph/types.ts";
import { type IdStyle, makeId } from "./_ids.ts";
import { type AlignmentConstraints, arbAlignment } from "./arb_alignment.ts";
import { arbSize, type SizeConstraints } from "./arb_size.ts";

/** Constraints of {@linkcode arbDagGraph}. */
export interface DagGraphConstraints extends SizeConstraints {
  /** Ops; default 1 … 12. */
  minOps?: number;
  maxOps?: number;
  /** Unproduced tensors (input, weight, optimizer_state); default 0 … 4. */
  maxSources?: number;
  /** Reads per op; default 0 … 3. */
  maxReads?: number;
  /** Tensors produced per op; default 0 … 2. */
  maxOutputs?: number;
  /** Chance, in percent, that an op carries `after` edges; default 30. */
  afterPercent?: number;
  alignment?: AlignmentConstraints;
  /** Default `plain`. */
  idStyle?: IdStyle;
}

const SOURCE_KINDS = ["input", "weight", "optimizer_state"] as const;
const PRODUCED_KINDS = ["activation", "gradient", "workspace", "output", undefined] as const;

/** The integers a DAG is built from. */
export interface DagRecipe {
  sources: { kind: typeof SOURCE_KINDS[number]; size: number }[];
  ops: {
    reads: number[];
    outputs: { kind: typeof PRODUCED_KINDS[number]; size: number }[];
    after: readonly number[];
  }[];
  alignment?: number;
}

/**
 * A random valid `memplan.graph/v1` DAG.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import fc from "npm:fast-check@4.10.2";
 * import { indexGraph } from "../graph/indexed_graph.ts";
 * for (const graph of fc.sample(arbDagGraph({ maxOps: 5 }), { numRuns: 20, seed: 1 })) {
 *   assert.ok(indexGraph(graph).opCount <= 5); // never throws
 * }
 * ```
 */
export function arbDagGraph(c: DagGraphConstraints = {}): fc.Arbitrary<Graph> {
  const size = arbSize(c);
  const afterPercent = c.afterPercent ?? 30;
  const recipe = fc.record({
    sources: fc.array(fc.record({ kind: fc.constantFrom(...SOURCE_KINDS), size }), {
      maxLength: c.maxSources ?? 4,
    }),
    ops: fc.array(
      fc.record({
        reads: fc.array(fc.nat(), { maxLength: c.maxReads ?? 3 }),
        outputs: fc.array(fc.record({ kind: fc.constantFrom(...PRODUCED_KINDS), size }), {
          maxLength: c.maxOutputs ?? 2,
        }),
        after: fc.oneof(
          { weight: 100 - afterPercent, arbitrary: fc.constant<number[]>([]) },
          { weight: afterPercent, arbitrary: fc.array(fc.nat(), { minLength: 1, maxLength: 2 }) },
        ),
      }),
      // Uniform lengths: fast-check's default bias would leave most DAGs at a few ops.
      { minLength: c.minOps ?? 1, maxLength: c.maxOps ?? 12, size: "max" },
    ),
    alignment: arbAlignment(c.alignment),
  });
  return recipe.map((r) => buildDag(r, c.idStyle ?? "plain"));
}

/**
 * Builds the graph of a recipe: read `i` of op `v` takes the `i mod k`-th of
 * the `k` tensors available before `v`; `after` entry `j` names op `j mod v`.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * const graph = buildDag(
 *   { sources: [{ kind: "input", size: 4 }], ops: [{ reads: [0], outputs: [], after: [] }] },
 *   "plain",
 * );
 * assert.equal(graph.ops.length, 1);
 * ```
 */
export function buildDag(r: DagRecipe, idStyle: IdStyle): Graph {
  const tensors: Tensor[] = [];
  const addTensor = (kind: Kind | undefined, size: number): string => {
    const id = makeId("t", tensors.length, idStyle);
    tensors.push(kind === undefined ? { id, size } : { id, size, kind });
    return id;
  };
  const available = r.sources.map((s) => addTensor(s.kind, s.size));
  const ops: Op[] = [];
  r.ops.forEach((o, v) => {
    const id = makeId("op", v, idStyle);
    const reads = available.length ? o.reads.map((i) => available[i % available.length]) : [];
    const out = o.outputs.map((x) => addTensor(x.kind, x.size));
    const op: Op = { id, in: reads, out };
    if (v > 0 && o.after.length) op.after = o.after.map((j) => ops[j % v].id);
    ops.push(op);
    available.push(...out);
  });
  const graph: Graph = { format: "memplan.graph/v1", name: "dag", tensors, ops };
  if (r.alignment !== undefined) graph.alignment = r.alignment;
  return graph;
}

/**
 * Small DAGs of 1 … `maxOps` ops (default 7), sizes up to 20, up to three
 * sources, frequent `after` edges: what the lower-bound tests enumerate.
 *
 * @example
 * ```ts
 * import fc from "npm:fast-check@4.10.2";
 * fc.assert(fc.property(smallDag(), (graph) => graph.ops.length <= 7));
 * ```
 */
export function smallDag(maxOps = 7): fc.Arbitrary<Graph> {
  return arbDagGraph({ minOps: 1, maxOps, maxSources: 3, maxSize: 20, afterPercent: 50 });
}
