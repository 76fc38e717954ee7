/**
 * Random training-step graphs for speed benchmarks: large, deterministic from a
 * seed, and shaped like a real step so schedulers and placers meet the
 * structure they meet in practice.
 *
 * @module
 */
import type { Graph, Op, Tensor } from "../graph/types.ts";
import { seeded } from "../testkit/prng.ts";

/** Options of {@linkcode randomTrainingGraph}. */
export interface RandomTrainingGraphOptions {
  /** Exact number of tensors in the graph (at least 13). */
  tensors: number;
  /** Same seed, same graph. */
  seed: number;
  /** Chance that a layer also reads an earlier activation (a skip connection); default 0.2. */
  skipProbability?: number;
  /** How far back a skip connection reaches, in layers; default 8. */
  maxSkip?: number;
  /** Chance that a forward or backward op needs a scratch workspace; default 0.3. */
  workspaceProbability?: number;
  /** Chance that a weight has optimizer state (e.g. momentum); default 0.7. */
  optimizerStateProbability?: number;
  /** Activation sizes are drawn log-uniformly in `[minSize, maxSize]` bytes; defaults 4 KiB, 64 MiB. */
  minSize?: number;
  maxSize?: number;
  /** Written as the graph's `alignment` when given. */
  alignment?: number;
}

/**
 * A plausible training step with exactly `tensors` tensors:
 *
 * - forward: a chain of layers `f_i: h_{i-1}, w_i [, h_j] → h_i [, ws]`, some
 *   reading an earlier activation `h_j` (skip connection); every `h_i` is saved
 *   for the backward pass;
 * - loss: `h_L, target → loss (output), g_L`;
 * - backward, mirrored: `b_i: g_i, h_{i-1}, w_i → gw_i [, g_{i-1}] [, gs_i] [, ws]`,
 *   where `gs_i` is the gradient sent along a skip, summed into `g_j` by `acc`
 *   ops right after the main-path gradient of `h_j` appears;
 * - optimizer, in place and after all of backward (as frameworks run it):
 *   `u_i: w_i, gw_i [, m_i]`, with an `after` edge to `f_i`, the other reader
 *   of the weight it overwrites.
 *
 * Program order is the order above, so it is topological. Tensors left over
 * once no further layer fits become workspaces of random ops.
 *
 * @example
 * ```ts
 * const g = indexGraph(randomTrainingGraph({ tensors: 1_000_000, seed: 1 }));
 * g.tensorCount; // 1000000
 * ```
 */
export function randomTrainingGraph(options: RandomTrainingGraphOptions): Graph {
  const target = options.tensors;
  if (!(Number.isSafeInteger(target) && target >= 13)) {
    throw new Error(`tensors must be an integer >= 13, got ${target}`);
  }
  const rnd = seeded(options.seed);
  const skipP = options.skipProbability ?? 0.2;
  const maxSkip = Math.max(2, options.maxSkip ?? 8);
  const wsP = options.workspaceProbability ?? 0.3;
  const optP = options.optimizerStateProbability ?? 0.7;
  const minSize = options.minSize ?? 4096, maxSize = options.maxSize ?? 64 << 20;
  const logMin = Math.log(minSize), logSpan = Math.log(maxSize) - logMin;
  // Log-uniform, in multiples of 4 bytes like float32 tensors.
  const draw = (scale = 1) =>
    4 * Math.max(1, Math.round(Math.exp(logMin + logSpan * rnd()) * scale / 4));

  // Plan the layers within the tensor budget: x, target, loss and g_L, then per
  // layer w, h, gw, the gradient of its input (layers > 1) and the extras.
  interface Layer {
    skipFrom?: number;
    m: boolean;
    fwdWs: boolean;
    bwdWs: boolean;
  }
  const layers: Layer[] = [];
  const mostPerLayer = 4 + 1 + 2 + 2; // + m, two workspaces, a skip gradient and its sum
  let used = 4;
  while (used + mostPerLayer <= target) {
    const i = layers.length + 1;
    const l: Layer = { m: rnd() < optP, fwdWs: rnd() < wsP, bwdWs: rnd() < wsP };
    if (i > 2 && rnd() < skipP) l.skipFrom = Math.max(1, i - 1 - Math.ceil(rnd() * (maxSkip - 1)));
    layers.push(l);
    used += (i > 1 ? 4 : 3) + (l.m ? 1 : 0) + (l.fwdWs ? 1 : 0) + (l.bwdWs ? 1 : 0) +
      (l.skipFrom !== undefined ? 2 : 0);
  }
  if (layers.length === 0) throw new Error(`${target} tensors are too few for one layer`);

  const tensors: Tensor[] = [];
  const sizeOf = new Map<string, number>();
  const add = (id: string, size: number, kind?: Tensor["kind"]): string => {
    tensors.push(kind ? { id, size, kind } : { id, size });
    sizeOf.set(id, size);
    return id;
  };
  const ops: Op[] = [];
  const L = layers.length;
  const h = (i: number) => (i === 0 ? "x" : `h${i}`);

  add("x", draw(), "input");
  add("target", draw(0.01), "input");
  for (let i = 1; i <= L; i++) {
    const l = layers[i - 1];
    const w = add(`w${i}`, draw(0.25), "weight");
    if (l.m) add(`m${i}`, sizeOf.get(w)!, "optimizer_state");
    const ins = [h(i - 1), w];
    if (l.skipFrom !== undefined) ins.push(h(l.skipFrom));
    const out = [add(h(i), draw())];
    if (l.fwdWs) out.push(add(`fws${i}`, draw(0.5), "workspace"));
    ops.push({ id: `f${i}`, type: "layer", in: ins, out });
  }
  ops.push({
    id: "loss",
    type: "loss",
    in: [h(L), "target"],
    out: [add("loss", 4, "output"), add(`g${L}`, sizeOf.get(h(L))!, "gradient")],
  });

  // Gradients sent along skips, waiting to be summed into the gradient of h_j.
  const skipGrads = new Map<number, string[]>();
  let grad = `g${L}`; // gradient of h_i, final
  for (let i = L; i >= 1; i--) {
    const l = layers[i - 1];
    const out = [add(`gw${i}`, sizeOf.get(`w${i}`)!, "gradient")];
    if (i > 1) out.push(add(`gp${i - 1}`, sizeOf.get(h(i - 1))!, "gradient"));
    if (l.skipFrom !== undefined) {
      const j = l.skipFrom;
      const gs = add(`gs${i}`, sizeOf.get(h(j))!, "gradient");
      out.push(gs);
      skipGrads.set(j, [...(skipGrads.get(j) ?? []), gs]);
    }
    if (l.bwdWs) out.push(add(`bws${i}`, draw(0.5), "workspace"));
    ops.push({ id: `b${i}`, type: "layer_backward", in: [grad, h(i - 1), `w${i}`], out });
    if (i === 1) break;
    grad = `gp${i - 1}`;
    (skipGrads.get(i - 1) ?? []).forEach((gs, k) => {
      const sum = add(`ga${i - 1}_${k}`, sizeOf.get(h(i - 1))!, "gradient");
      ops.push({ id: `acc${i - 1}_${k}`, type: "add", in: [grad, gs], out: [sum] });
      grad = sum;
    });
  }
  for (let i = 1; i <= L; i++) {
    const ins = [`w${i}`, `gw${i}`];
    if (layers[i - 1].m) ins.push(`m${i}`);
    ops.push({ id: `u${i}`, type: "sgd_", in: ins, out: [], after: [`f${i}`] });
  }
  // The budget left over (less than one layer) becomes workspaces of random ops.
  for (let k = 0; tensors.length < target; k++) {
    ops[Math.floor(rnd() * ops.length)].out.push(add(`pad${k}`, draw(0.5), "workspace"));
  }
  if (tensors.length !== target) {
    throw new Error(`randomTrainingGraph built ${tensors.length} tensors for ${target}`);
  }
  const graph: Graph = {
    format: "memplan.graph/v1",
    name: `random-training-${target}-seed${options.seed}`,
    meta: { generator: "bench/random_graph.ts", seed: options.seed, layers: L },
    tensors,
    ops,
  };
  if (options.alignment !== undefined) graph.alignment = options.alignment;
  return graph;
}
