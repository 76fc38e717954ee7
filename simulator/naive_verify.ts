/**
 * A deliberately naive verifier, for tests to use as an oracle: it reads the
 * raw graph and plan objects, re-derives lifetimes from FORMAT.md §2 in its
 * own words and compares every pair of tensors. It shares no code with the
 * simulator (nor with graph/lifetimes.ts or graph/metrics.ts), so a bug in one
 * shows up as a disagreement. O(n²): small inputs only.
 *
 * @module
 */
import type { Graph, Plan } from "../graph/types.ts";

/** What the naive verifier found. */
export interface NaiveVerdict {
  valid: boolean;
  /** Pairs of tensors resident at a common step whose byte ranges intersect. */
  overlapPairs: number;
  /** (op, predecessor) pairs the order runs the wrong way round (data and after edges). */
  orderViolations: number;
  /** Tensors ending above the capacity. */
  outOfCapacity: number;
  /** Tensors whose offset is not a multiple of the alignment. */
  misaligned: number;
  /** Positive-size tensors with no offset. */
  missingOffsets: number;
  peakLive: number;
  /** Largest offset + size over positive-size tensors (0 without offsets). */
  arena: number;
}

/**
 * Checks `plan` against `graph` the slow, obvious way. The plan's order must
 * be a permutation of the op ids (the naive verifier does not judge that).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import type { Graph } from "../graph/types.ts";
 * const graph: Graph = {
 *   format: "memplan.graph/v1", name: "two",
 *   tensors: [{ id: "a", size: 8, kind: "input" }, { id: "b", size: 4, kind: "output" }],
 *   ops: [{ id: "f", in: ["a"], out: ["b"] }],
 * };
 * assert.equal(naiveVerify(graph, { format: "memplan.plan/v1", offsets: { a: 0, b: 8 } }).valid, true);
 * assert.equal(naiveVerify(graph, { format: "memplan.plan/v1", offsets: { a: 0, b: 4 } }).valid, false);
 * ```
 */
export function naiveVerify(graph: Graph, plan: Plan): NaiveVerdict {
  const ids = plan.order ?? graph.ops.map((o) => o.id);
  const n = ids.length;
  const when: Record<string, number> = Object.create(null);
  ids.forEach((id, s) => (when[id] = s));
  const opById: Record<string, Graph["ops"][number]> = Object.create(null);
  for (const op of graph.ops) opById[op.id] = op;
  const madeBy: Record<string, string> = Object.create(null);
  for (const op of graph.ops) for (const t of op.out) madeBy[t] = op.id;

  let orderViolations = 0;
  for (const op of graph.ops) {
    for (const t of op.in) {
      if (madeBy[t] !== undefined && when[madeBy[t]] > when[op.id]) orderViolations++;
    }
    for (const a of op.after ?? []) if (when[a] > when[op.id]) orderViolations++;
  }

  const span: Record<string, [number, number]> = Object.create(null);
  for (const tensor of graph.tensors) {
    const kind = tensor.kind ?? "activation";
    const readSteps = graph.ops.filter((o) => o.in.includes(tensor.id)).map((o) => when[o.id]);
    const lastRead = readSteps.length ? Math.max(...readSteps) : -1;
    let lo: number, hi: number;
    if (kind === "weight" || kind === "optimizer_state") [lo, hi] = [0, n - 1];
    else if (kind === "input") [lo, hi] = [0, Math.max(lastRead, 0)];
    else if (kind === "output") [lo, hi] = [when[madeBy[tensor.id]], n - 1];
    else {
      lo = when[madeBy[tensor.id]];
      hi = Math.max(lastRead, lo);
    }
    span[tensor.id] = [lo, hi];
  }

  let peakLive = 0;
  for (let s = 0; s < n; s++) {
    let total = 0;
    for (const t of graph.tensors) if (span[t.id][0] <= s && s <= span[t.id][1]) total += t.size;
    peakLive = Math.max(peakLive, total);
  }

  let overlapPairs = 0, outOfCapacity = 0, misaligned = 0, missingOffsets = 0, arena = 0;
  // A Map, so a tensor named "constructor" or "toString" is not found on Object.prototype.
  const off = plan.offsets ? new Map(Object.entries(plan.offsets)) : undefined;
  if (off) {
    const align = graph.alignment ?? 1;
    const placed = graph.tensors.filter((t) => t.size > 0);
    for (const t of placed) {
      if (!off.has(t.id)) {
        missingOffsets++;
        continue;
      }
      arena = Math.max(arena, off.get(t.id)! + t.size);
      if (off.get(t.id)! % align !== 0) misaligned++;
      if (plan.capacity !== undefined && off.get(t.id)! + t.size > plan.capacity) outOfCapacity++;
    }
    for (let i = 0; i < placed.length; i++) {
      for (let j = i + 1; j < placed.length; j++) {
        const a = placed[i], b = placed[j];
        if (!off.has(a.id) || !off.has(b.id)) continue;
        const [a0, a1] = span[a.id], [b0, b1] = span[b.id];
        const together = a0 <= b1 && b0 <= a1 && n > 0;
        const shareBytes = off.get(a.id)! < off.get(b.id)! + b.size &&
          off.get(b.id)! < off.get(a.id)! + a.size;
        if (together && shareBytes) overlapPairs++;
      }
    }
  }
  const valid = overlapPairs + orderViolations + outOfCapacity + misaligned + missingOffsets === 0;
  return {
    valid,
    overlapPairs,
    orderViolations,
    outOfCapacity,
    misaligned,
    missingOffsets,
    peakLive,
    arena,
  };
}
