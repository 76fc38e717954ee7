/**
 * Training-step graphs at any size, deterministic from a seed and shaped like
 * a real step so schedulers, placers and bounds meet the structure they meet
 * in practice: {@linkcode randomTrainingGraph} (a layer stack with skips and
 * workspaces, sized to an exact tensor count, for the benchmarks) and
 * {@linkcode syntheticTrainingGraph} (ResNet-like blocks with in-place
 * optimizer updates ordered by `after` edges, for timing the bounds).
 *
 * @module
 */
import type { Graph, Kind, Op, Tensor } from "../graph/types.ts";
import { seeded } from "./prng.ts";

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
 * import assert from "node:assert/strict";
 * import { randomTrainingGraph } from "./training_graph.ts";
 * assert.equal(randomTrainingGraph({ tensors: 1000, seed: 1 }).tensors.length, 1000);
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

/** Options of {@linkcode syntheticTrainingGraph}. */
export interface SyntheticOptions {
  /** Residual blocks, each of two conv-bn-relu layers. */
  blocks: number;
  /** Adam (two optimizer-state tensors per parameter) instead of SGD. */
  adam?: boolean;
  /** Seed of the size jitter. */
  seed?: number;
}

/**
 * A ResNet-like training step: per layer a convolution, a batch norm (running
 * statistics updated in place) and a ReLU; a residual add per block; backward
 * ops mirroring them with weight gradients; one update op per parameter that
 * runs after every reader of it. 20 ops per block, with SGD or Adam.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { syntheticTrainingGraph } from "./training_graph.ts";
 * assert.equal(syntheticTrainingGraph({ blocks: 10 }).ops.length, 201);
 * ```
 */
export function syntheticTrainingGraph(options: SyntheticOptions): Graph {
  const rand = seeded(options.seed ?? 1);
  const tensors: Tensor[] = [];
  const ops: Op[] = [];
  const readers = new Map<string, string[]>();
  const tensor = (id: string, size: number, kind: Kind = "activation") => {
    tensors.push({ id, size: Math.round(size), kind });
    return id;
  };
  const op = (id: string, inputs: string[], outputs: string[], after?: string[]) => {
    const o: Op = { id, in: inputs, out: outputs };
    if (after?.length) o.after = after;
    ops.push(o);
    for (const t of inputs) readers.set(t, [...(readers.get(t) ?? []), id]);
  };
  const params: { w: string; g: string }[] = [];
  const L = options.blocks * 2;
  const act = (i: number) =>
    4 * 8 * 64 * 64 * 64 / (1 + Math.floor(i / (L / 4 + 1))) ** 2 * (0.9 + rand() * 0.2);
  const wsize = (i: number) => 4 * 64 * 64 * 9 * (1 + Math.floor(i / (L / 4 + 1))) ** 2;
  let h = tensor("x", act(0), "input");
  const labels = tensor("labels", 64, "input");
  const saved: { h: string; c: string; stats: string; r: string; w: string; gamma: string }[] = [];
  let skip = h;
  for (let i = 0; i < L; i++) {
    const w = tensor(`w${i}`, wsize(i), "weight");
    const gamma = tensor(`gamma${i}`, 256, "weight");
    const rm = tensor(`rm${i}`, 256, "optimizer_state");
    const c = tensor(`c${i}`, act(i));
    op(`conv${i}`, [h, w], [c]);
    const b = tensor(`b${i}`, act(i)), stats = tensor(`stats${i}`, 512);
    op(`bn${i}`, [c, gamma, rm], [b, stats]);
    let r = tensor(`r${i}`, act(i));
    op(`relu${i}`, [b], [r]);
    saved.push({ h, c, stats, r, w, gamma });
    if (i % 2 === 1) {
      const sum = tensor(`sum${i}`, act(i));
      op(`add${i}`, [r, skip], [sum]);
      r = sum;
      skip = r;
    }
    h = r;
    params.push({ w, g: "" }, { w: gamma, g: "" });
  }
  const loss = tensor("loss", 4, "output");
  op("loss", [h, labels], [loss]);
  let g = tensor("gloss", act(L - 1), "gradient");
  op("loss_bwd", [loss, h, labels], [g]);
  let gskip = g;
  for (let i = L - 1; i >= 0; i--) {
    const s = saved[i];
    if (i % 2 === 1) gskip = g;
    const gb = tensor(`gb${i}`, act(i), "gradient");
    op(`relu_bwd${i}`, [g, s.r], [gb]);
    const gc = tensor(`gc${i}`, act(i), "gradient"), ggamma = tensor(`ggamma${i}`, 256, "gradient");
    op(`bn_bwd${i}`, [gb, s.c, s.gamma, s.stats], [gc, ggamma]);
    const gw = tensor(`gw${i}`, wsize(i), "gradient");
    op(`conv_bwd_w${i}`, [gc, s.h], [gw]);
    let gh = tensor(`gh${i}`, act(Math.max(i - 1, 0)), "gradient");
    op(`conv_bwd_x${i}`, [gc, s.w], [gh]);
    if (i % 2 === 0 && i > 0) {
      const gsum = tensor(`gsum${i}`, act(i - 1), "gradient");
      op(`add_bwd${i}`, [gh, gskip], [gsum]);
      gh = gsum;
    }
    g = gh;
    params[2 * i].g = gw;
    params[2 * i + 1].g = ggamma;
  }
  for (const p of params) {
    const inputs = [p.w, p.g];
    if (options.adam) {
      inputs.push(tensor(`${p.w}_m`, tensors.find((t) => t.id === p.w)!.size, "optimizer_state"));
      inputs.push(tensor(`${p.w}_v`, tensors.find((t) => t.id === p.w)!.size, "optimizer_state"));
    }
    op(`update_${p.w}`, inputs, [], [...(readers.get(p.w) ?? [])]);
  }
  return { format: "memplan.graph/v1", name: `synthetic.${options.blocks}`, tensors, ops };
}
