/**
 * Synthetic training steps shaped like the exported ones (forward, loss,
 * backward with saved activations, in-place optimizer updates ordered by
 * `after` edges), at any size: for timing the bounds on graphs of tens of
 * thousands of ops.
 *
 * @module
 */
import type { Graph, Kind, Op, Tensor } from "../types.ts";

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
 * import { indexGraph } from "../indexed_graph.ts";
 * const g = indexGraph(syntheticTrainingGraph({ blocks: 1000 }));
 * assert.equal(g.opCount, 20_001);
 * ```
 */
export function syntheticTrainingGraph(options: SyntheticOptions): Graph {
  let seed = options.seed ?? 1;
  const rand = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
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
