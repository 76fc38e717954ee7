/**
 * Test support for solver/: independent checks of schedules and placements,
 * written from FORMAT.md directly and sharing no code with the solvers, and
 * small seeded generators. Imported by `*_test.ts` files only.
 *
 * @module
 */
import assert from "node:assert/strict";
import type { IndexedGraph } from "../graph/indexed_graph.ts";
import type { Graph, PlacementProblem, Schedule } from "../graph/types.ts";

/**
 * Asserts that `order` holds every op once and runs every producer before its
 * readers and every `after` op before its dependant, reading the raw graph.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { loadGraph } from "../graph/load.ts";
 * const g = await loadGraph("testdata/graphs/tiny.json");
 * assertTopological(g, Int32Array.from([0, 1, 2, 3]));
 * assert.throws(() => assertTopological(g, Int32Array.from([1, 0, 2, 3])));
 * ```
 */
export function assertTopological(g: IndexedGraph, order: Schedule): void {
  const ops = g.graph.ops;
  assert.equal(order.length, ops.length, "order length");
  const stepOfId = new Map<string, number>();
  order.forEach((v, s) => {
    assert.ok(Number.isInteger(v) && v >= 0 && v < ops.length, `op index ${v} out of range`);
    assert.ok(!stepOfId.has(ops[v].id), `op ${ops[v].id} appears twice`);
    stepOfId.set(ops[v].id, s);
  });
  const producerOf = new Map<string, string>();
  for (const op of ops) for (const t of op.out) producerOf.set(t, op.id);
  for (const op of ops) {
    const s = stepOfId.get(op.id)!;
    for (const t of op.in) {
      const p = producerOf.get(t);
      if (p !== undefined) {
        assert.ok(stepOfId.get(p)! < s, `${op.id} reads ${t} before its producer ${p} runs`);
      }
    }
    for (const a of op.after ?? []) {
      assert.ok(stepOfId.get(a)! < s, `${op.id} runs before ${a}, which it must follow`);
    }
  }
}

/**
 * Asserts a placement is valid by brute force: every positive-size buffer has
 * a non-negative offset that is a multiple of the alignment, and every pair of
 * buffers whose half-open lifespans intersect occupies disjoint bytes. O(n²).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * const problem = { buffers: [{ id: "a", lower: 0, upper: 2, size: 4 }, { id: "b", lower: 1, upper: 3, size: 4 }] };
 * assertPlacementValid(problem, [0, 4]);
 * assert.throws(() => assertPlacementValid(problem, [0, 2]));
 * ```
 */
export function assertPlacementValid(problem: PlacementProblem, offsets: ArrayLike<number>): void {
  const bs = problem.buffers;
  const align = problem.alignment ?? 1;
  assert.equal(offsets.length, bs.length, "one offset per buffer");
  for (let i = 0; i < bs.length; i++) {
    if (bs[i].size === 0) continue;
    const o = offsets[i];
    assert.ok(Number.isSafeInteger(o) && o >= 0, `buffer ${bs[i].id}: offset ${o}`);
    assert.equal(o % align, 0, `buffer ${bs[i].id}: offset ${o} not a multiple of ${align}`);
  }
  for (let i = 0; i < bs.length; i++) {
    for (let j = i + 1; j < bs.length; j++) {
      const a = bs[i], b = bs[j];
      if (a.size === 0 || b.size === 0) continue;
      const inTime = a.lower < b.upper && b.lower < a.upper;
      const inSpace = offsets[i] < offsets[j] + b.size && offsets[j] < offsets[i] + a.size;
      assert.ok(
        !(inTime && inSpace),
        `buffers ${a.id} and ${b.id} overlap: [${a.lower},${a.upper}) at ${
          offsets[i]
        }+${a.size}, ` +
          `[${b.lower},${b.upper}) at ${offsets[j]}+${b.size}`,
      );
    }
  }
}

/**
 * The arena of a placement, recomputed: the largest `offset + size` of a positive-size buffer.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * const problem = { buffers: [{ id: "a", lower: 0, upper: 2, size: 4 }, { id: "b", lower: 1, upper: 3, size: 4 }] };
 * assert.equal(arenaByHand(problem, [8, 0]), 12);
 * ```
 */
export function arenaByHand(problem: PlacementProblem, offsets: ArrayLike<number>): number {
  let h = 0;
  problem.buffers.forEach((b, i) => {
    if (b.size > 0) h = Math.max(h, offsets[i] + b.size);
  });
  return h;
}

/**
 * A deterministic pseudo-random source in [0, 1) (mulberry32).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * assert.equal(seeded(1)(), seeded(1)()); // same value every run
 * ```
 */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A random buffer problem: `n` buffers, lifespans within `[0, horizon)`, sizes
 * in `[0, maxSize]` (some zero).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * const p = randomProblem({ seed: 3, n: 50 });
 * assert.equal(p.buffers.length, 50);
 * assert.deepEqual(randomProblem({ seed: 3, n: 50 }), p);
 * ```
 */
export function randomProblem(
  options: { seed: number; n: number; horizon?: number; maxSize?: number; alignment?: number },
): PlacementProblem {
  const rnd = seeded(options.seed);
  const horizon = options.horizon ?? 40, maxSize = options.maxSize ?? 100;
  const buffers = [];
  for (let i = 0; i < options.n; i++) {
    const lower = Math.floor(rnd() * horizon);
    const upper = lower + 1 + Math.floor(rnd() * rnd() * (horizon - lower));
    const size = rnd() < 0.05 ? 0 : 1 + Math.floor(rnd() * maxSize);
    buffers.push({ id: `b${i}`, lower, upper, size });
  }
  const p: PlacementProblem = { buffers };
  if (options.alignment !== undefined) p.alignment = options.alignment;
  return p;
}

/**
 * A random DAG in `memplan.graph/v1`, in program order: each op reads a few
 * earlier tensors (or inputs and weights) and writes one or two; some ops carry
 * `after` edges to earlier ops, and a few tensors are read twice by one op.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { indexGraph } from "../graph/indexed_graph.ts";
 * const g = indexGraph(randomDag({ seed: 1, ops: 30 }));
 * assert.equal(g.opCount, 30);
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
