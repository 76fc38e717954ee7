/**
 * Graphs shaped like one training step: a forward pass with branches and skip
 * connections, a loss, a backward pass that mirrors the forward one (reading
 * saved activations and weights, accumulating gradients of tensors read
 * twice), and an in-place optimizer update of every weight and its state. An
 * update reads the weight and carries `after` edges to every earlier reader of
 * it, as FORMAT.md §1 asks of in-place ops.
 *
 * @module
 */
import fc from "npm:fast-check@4.10.2";
import type { Graph, Kind, Op, Tensor } from "../graph/types.ts";
import { type AlignmentConstraints, arbAlignment } from "./arb_alignment.ts";
import { arbSize, type SizeConstraints } from "./arb_size.ts";

/** Layer shapes: one op; two parallel branches joined; an op whose result is added to an earlier one. */
export const LAYER_SHAPES = ["linear", "branch", "skip"] as const;

/** One of {@linkcode LAYER_SHAPES}. */
export type LayerShape = typeof LAYER_SHAPES[number];

/** Constraints of {@linkcode arbTrainingGraph}. */
export interface TrainingGraphConstraints extends SizeConstraints {
  /** Layers; default 1 … 4. */
  minLayers?: number;
  maxLayers?: number;
  /** Shapes to draw from; default all. */
  shapes?: readonly LayerShape[];
  /** Keep only graphs with at most this many ops (e.g. 7 for brute force). */
  maxOps?: number;
  alignment?: AlignmentConstraints;
}

/** The choices a training graph is built from. */
export interface TrainingRecipe {
  inputSize: number;
  labelSize: number | null;
  lossSize: number;
  layers: {
    shape: LayerShape;
    width: number;
    branchWidth: number;
    weights: [number, number];
    workspace: number | null;
    skipBack: number;
  }[];
  optimizer: "sgd" | "momentum" | "adam";
  updates: "end" | "interleaved";
  alignment?: number;
}

/**
 * A random training-step graph.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import fc from "npm:fast-check@4.10.2";
 * const [g] = fc.sample(arbTrainingGraph({ maxLayers: 2 }), { numRuns: 1, seed: 1 });
 * assert.match(g.ops.at(-1)!.id, /^u_/); // e.g. "u_w2": an update comes last
 * ```
 */
export function arbTrainingGraph(c: TrainingGraphConstraints = {}): fc.Arbitrary<Graph> {
  const size = arbSize(c);
  const recipe: fc.Arbitrary<TrainingRecipe> = fc.record({
    inputSize: size,
    labelSize: fc.option(size),
    lossSize: fc.integer({ min: 0, max: 4 }),
    layers: fc.array(
      fc.record({
        shape: fc.constantFrom(...(c.shapes ?? LAYER_SHAPES)),
        width: size,
        branchWidth: size,
        weights: fc.tuple(size, size),
        workspace: fc.option(size, { freq: 3 }),
        skipBack: fc.nat(),
      }),
      { minLength: Math.max(1, c.minLayers ?? 1), maxLength: c.maxLayers ?? 4 },
    ),
    optimizer: fc.constantFrom("sgd", "momentum", "adam"),
    updates: fc.constantFrom("end", "interleaved"),
    alignment: arbAlignment(c.alignment),
  });
  const graphs = recipe.map(buildTrainingGraph);
  const maxOps = c.maxOps;
  return maxOps === undefined ? graphs : graphs.filter((g) => g.ops.length <= maxOps);
}

/** A forward op as the backward pass needs to know it. */
interface Forward {
  id: string;
  acts: string[];
  weights: string[];
  out: string;
}

/**
 * Builds the graph of a recipe (plain, descriptive ids).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * const g = buildTrainingGraph({
 *   inputSize: 4, labelSize: null, lossSize: 1, optimizer: "sgd", updates: "end",
 *   layers: [
 *     { shape: "linear", width: 8, branchWidth: 8, weights: [2, 2], workspace: null, skipBack: 0 },
 *   ],
 * });
 * assert.deepEqual(g.ops.map((o) => o.id), ["f1", "loss", "b_f1", "u_w1"]);
 * ```
 */
export function buildTrainingGraph(r: TrainingRecipe): Graph {
  const tensors: Tensor[] = [];
  const sizeOf = new Map<string, number>();
  const kindOf = new Map<string, Kind>();
  const tensor = (id: string, size: number, kind: Kind): string => {
    tensors.push(kind === "activation" ? { id, size } : { id, size, kind });
    sizeOf.set(id, size);
    kindOf.set(id, kind);
    return id;
  };
  const ops: Op[] = [];
  const forward: Forward[] = [];
  const fwd = (
    id: string,
    acts: string[],
    weights: string[],
    out: string,
    extra: string[] = [],
  ) => {
    ops.push({ id, in: [...acts, ...weights], out: [out, ...extra] });
    forward.push({ id, acts, weights, out });
  };

  const x = tensor("x", r.inputSize, "input");
  const label = r.labelSize === null ? undefined : tensor("label", r.labelSize, "input");
  const history = [x];
  let cur = x;
  r.layers.forEach((layer, i) => {
    const l = i + 1;
    const ws = layer.workspace === null ? [] : [tensor(`ws${l}`, layer.workspace, "workspace")];
    if (layer.shape === "linear") {
      const w = tensor(`w${l}`, layer.weights[0], "weight");
      fwd(`f${l}`, [cur], [w], tensor(`h${l}`, layer.width, "activation"), ws);
    } else if (layer.shape === "branch") {
      const wa = tensor(`w${l}a`, layer.weights[0], "weight");
      const wb = tensor(`w${l}b`, layer.weights[1], "weight");
      const ha = tensor(`h${l}a`, layer.width, "activation");
      const hb = tensor(`h${l}b`, layer.branchWidth, "activation");
      fwd(`f${l}a`, [cur], [wa], ha, ws);
      fwd(`f${l}b`, [cur], [wb], hb);
      fwd(`j${l}`, [ha, hb], [], tensor(`h${l}`, layer.width, "activation"));
    } else {
      const w = tensor(`w${l}`, layer.weights[0], "weight");
      const hr = tensor(`h${l}r`, layer.width, "activation");
      fwd(`f${l}`, [cur], [w], hr, ws);
      const skipped = history[layer.skipBack % history.length];
      fwd(`s${l}`, [hr, skipped], [], tensor(`h${l}`, layer.width, "activation"));
    }
    cur = `h${l}`;
    history.push(cur);
  });

  // The loss yields the first gradient; each later one is the backward of a forward op.
  const partials = new Map<string, string[]>();
  const addPartial = (of: string, g: string) => partials.set(of, [...(partials.get(of) ?? []), g]);
  const gLoss = tensor(`g_${cur}`, sizeOf.get(cur)!, "gradient");
  ops.push({
    id: "loss",
    in: label ? [cur, label] : [cur],
    out: [tensor("loss", r.lossSize, "output"), gLoss],
  });
  addPartial(cur, gLoss);

  const gradOfWeight = new Map<string, string>();
  const updates: Op[] = [];
  const weightReaders = (w: string) => ops.filter((o) => o.in.includes(w)).map((o) => o.id);
  const update = (w: string): Op => {
    const states = r.optimizer === "sgd"
      ? []
      : (r.optimizer === "momentum" ? ["m"] : ["m", "v"]).map((s) =>
        tensor(`${s}_${w}`, sizeOf.get(w)!, "optimizer_state")
      );
    return {
      id: `u_${w}`,
      type: "optimizer.step",
      in: [w, gradOfWeight.get(w)!, ...states],
      out: [],
      after: weightReaders(w),
    };
  };
  for (let k = forward.length - 1; k >= 0; k--) {
    const f = forward[k];
    const gOut = gradientOf(f.out, partials.get(f.out) ?? [], ops, tensor, sizeOf);
    if (gOut === undefined) continue;
    const outs: string[] = [];
    for (const a of f.acts) {
      if (kindOf.get(a) === "input") continue;
      const g = tensor(`g_${a}_${f.id}`, sizeOf.get(a)!, "gradient");
      addPartial(a, g);
      outs.push(g);
    }
    for (const w of f.weights) {
      const g = tensor(`gw_${w}`, sizeOf.get(w)!, "gradient");
      gradOfWeight.set(w, g);
      outs.push(g);
    }
    // Ops with weights need their saved inputs; adds and joins only pass gradients on.
    const reads = f.weights.length ? [gOut, ...f.acts, ...f.weights] : [gOut];
    ops.push({ id: `b_${f.id}`, in: reads, out: outs });
    for (const w of f.weights) {
      if (r.updates === "interleaved") ops.push(update(w));
      else updates.push(update(w));
    }
  }
  ops.push(...updates);
  const graph: Graph = { format: "memplan.graph/v1", name: "training", tensors, ops };
  if (r.alignment !== undefined) graph.alignment = r.alignment;
  return graph;
}

/** The gradient of `t`: its one partial, or a new op summing several. */
function gradientOf(
  t: string,
  parts: string[],
  ops: Op[],
  tensor: (id: string, size: number, kind: Kind) => string,
  sizeOf: Map<string, number>,
): string | undefined {
  if (parts.length <= 1) return parts[0];
  const g = tensor(`g_${t}`, sizeOf.get(t)!, "gradient");
  ops.push({ id: `acc_${t}`, type: "aten.add", in: parts, out: [g] });
  return g;
}
