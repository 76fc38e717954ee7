/**
 * `memplan.plan/v2`: plans whose order may re-run ops (recompute) and copy
 * tensors to the host and back (offload, fetch), with one offset per
 * residency. `memplan.plan/v1` files are still read, as the v2 plan that runs
 * every op once. The format is described in docs/FORMAT.md §7.
 *
 * @module
 */
import { z } from "npm:zod@4.6.7";
import { ProblemCollector } from "../input_error.ts";
import type { IndexedGraph } from "../indexed_graph.ts";
import { parsePlan } from "../plan.ts";
import { jsonPath } from "../schema.ts";
import { EVENT, type Events, type Residencies, residencies } from "./events.ts";

/** One entry of a v2 `order`: an op id to run, or an offload or fetch of a tensor. */
export type OrderEntry = string | { offload: string } | { fetch: string };

/** A plan, `memplan.plan/v2`. */
export interface BudgetPlan {
  format: "memplan.plan/v2";
  graph?: string;
  /** Events; absent means program order. An op id may repeat (recompute). */
  order?: OrderEntry[];
  /** Tensor id to one offset (every residency) or one per residency, in event order. */
  offsets?: Record<string, number | number[]>;
  /** Every `offset + size` must be `<= capacity` (the budget). */
  capacity?: number;
  /** Host-device bytes per second, for the transfer time of offloads and fetches. */
  bandwidth?: number;
  planner?: Record<string, unknown>;
}

const id = z.string().min(1);
const offset = z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER);

/** Schema of a `memplan.plan/v2` value. */
export const budgetPlanSchema = z.object({
  format: z.literal("memplan.plan/v2"),
  graph: z.string().optional(),
  order: z.array(
    z.union([id, z.strictObject({ offload: id }), z.strictObject({ fetch: id })], {
      error: 'expected an op id, {"offload": tensor} or {"fetch": tensor}',
    }),
  ).optional(),
  offsets: z.record(z.string(), z.union([offset, z.array(offset).min(1)])).optional(),
  capacity: offset.optional(),
  bandwidth: z.number().positive().finite().optional(),
  planner: z.record(z.string(), z.unknown()).optional(),
});

/**
 * Reads a parsed plan file of either version; v1 becomes the v2 plan that runs
 * every op once. Throws InputError naming the file and field.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * const plan = parseBudgetPlan({ format: "memplan.plan/v1", order: ["f"] }, "p.json");
 * assert.equal(plan.format, "memplan.plan/v2");
 * ```
 */
export function parseBudgetPlan(value: unknown, file: string): BudgetPlan {
  const format = (value as { format?: unknown } | null)?.format;
  if (format === "memplan.plan/v1") {
    const v1 = parsePlan(value, file);
    const plan: BudgetPlan = { format: "memplan.plan/v2" };
    if (v1.graph !== undefined) plan.graph = v1.graph;
    if (v1.order) plan.order = v1.order.slice();
    if (v1.offsets) plan.offsets = { ...v1.offsets };
    if (v1.capacity !== undefined) plan.capacity = v1.capacity;
    if (v1.planner) plan.planner = v1.planner;
    return plan;
  }
  const c = new ProblemCollector(file);
  if (format !== "memplan.plan/v2") {
    c.add("format", 'expected "memplan.plan/v1" or "memplan.plan/v2"');
    c.throwIfAny();
  }
  const r = budgetPlanSchema.safeParse(value);
  if (!r.success) {
    for (const issue of r.error.issues) {
      c.add(jsonPath(issue.path), issue.message);
    }
  }
  c.throwIfAny();
  return value as BudgetPlan;
}

/** A v2 plan checked against its graph, in dense form. */
export interface ResolvedBudgetPlan {
  events: Events;
  residencies: Residencies;
  /** Offset per residency; undefined when the plan has no offsets. */
  offsets?: Float64Array;
  capacity?: number;
  bandwidth?: number;
}

/**
 * Checks a v2 plan against its graph: every op and tensor known, one offset per
 * residency of positive size, aligned. Throws InputError listing every problem.
 * What is consistent but wrong (an input not resident, an overlap, over the
 * budget) passes: the simulator judges it.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { trainingChain } from "./training_chain.ts";
 * const g = trainingChain(2);
 * const plan = parseBudgetPlan({ format: "memplan.plan/v2" }, "p.json");
 * const rp = resolveBudgetPlan(g, plan, { file: "p.json" });
 * assert.equal(rp.residencies.count, g.tensorCount); // 10: program order, one residency per tensor
 * ```
 */
export function resolveBudgetPlan(
  g: IndexedGraph,
  plan: BudgetPlan,
  options: { file?: string } = {},
): ResolvedBudgetPlan {
  const c = new ProblemCollector(options.file ?? "<plan>");
  if (plan.graph !== undefined && plan.graph !== g.name) {
    c.add(
      "graph",
      `plan is for graph ${JSON.stringify(plan.graph)}, not ${JSON.stringify(g.name)}`,
    );
  }
  const entries = plan.order ?? g.opIds;
  const kind = new Uint8Array(entries.length);
  const target = new Int32Array(entries.length);
  for (let e = 0; e < entries.length; e++) {
    const x = entries[e];
    if (typeof x === "string") {
      const v = g.opIndex.get(x);
      if (v === undefined) c.add(`order[${e}]`, "unknown op", x);
      else target[e] = v;
      continue;
    }
    const isOffload = "offload" in x;
    const tid = isOffload ? x.offload : x.fetch;
    const t = g.tensorIndex.get(tid);
    kind[e] = isOffload ? EVENT.offload : EVENT.fetch;
    if (t === undefined) {
      c.add(`order[${e}].${isOffload ? "offload" : "fetch"}`, "unknown tensor", tid);
    } else target[e] = t;
  }
  c.throwIfAny();
  const events = { kind, target };
  const res = residencies(g, events);
  const out: ResolvedBudgetPlan = { events, residencies: res };
  if (plan.offsets) out.offsets = resolveOffsets(g, plan.offsets, res, c);
  if (plan.capacity !== undefined) out.capacity = plan.capacity;
  if (plan.bandwidth !== undefined) out.bandwidth = plan.bandwidth;
  c.throwIfAny();
  return out;
}

function resolveOffsets(
  g: IndexedGraph,
  given: Record<string, number | number[]>,
  res: Residencies,
  c: ProblemCollector,
): Float64Array {
  const offsets = new Float64Array(res.count).fill(NaN);
  for (const key of Object.keys(given)) {
    const t = g.tensorIndex.get(key);
    const where = jsonPath(["offsets", key]);
    if (t === undefined) {
      c.add(where, "unknown tensor", key);
      continue;
    }
    const from = res.byTensorStart[t], n = res.byTensorStart[t + 1] - from;
    const value = given[key];
    const list = typeof value === "number" ? new Array<number>(n).fill(value) : value;
    if (list.length !== n) {
      c.add(where, `${list.length} offsets for ${n} residencies of this tensor`, key);
      continue;
    }
    for (let i = 0; i < n; i++) {
      if (list[i] % g.alignment !== 0 && g.size[t] > 0) {
        c.add(
          where,
          `offset ${list[i]} is not a multiple of the graph's alignment ${g.alignment}`,
          key,
        );
      }
      offsets[res.byTensor[from + i]] = list[i];
    }
  }
  let missing = 0;
  for (let r = 0; r < res.count; r++) {
    const t = res.tensor[r];
    if (g.size[t] > 0 && Number.isNaN(offsets[r])) {
      if (missing < 20) {
        c.add(
          "offsets",
          `no offset for residency ${res.ordinal[r]} (size ${g.size[t]})`,
          g.tensorIds[t],
        );
      }
      missing++;
    }
  }
  if (missing > 20) {
    c.add("offsets", `${missing} residencies of positive size have no offset in all`);
  }
  return offsets;
}

/** What {@linkcode buildBudgetPlan} writes. */
export interface BuildBudgetPlanOptions {
  events: Events;
  /** Offset per residency of `residencies(g, events)`. */
  offsets?: Float64Array;
  capacity?: number;
  bandwidth?: number;
  planner?: Record<string, unknown>;
}

/**
 * Builds a `memplan.plan/v2` value from dense events and per-residency offsets
 * (a tensor whose residencies share one offset gets a single number).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { trainingChain } from "./training_chain.ts";
 * import { programOrder } from "../lifetimes.ts";
 * import { runEvents } from "./events.ts";
 * const g = trainingChain(2);
 * const plan = buildBudgetPlan(g, { events: runEvents(programOrder(g)) });
 * assert.equal(plan.format, "memplan.plan/v2");
 * ```
 */
export function buildBudgetPlan(g: IndexedGraph, options: BuildBudgetPlanOptions): BudgetPlan {
  const { events } = options;
  const order: OrderEntry[] = new Array(events.kind.length);
  for (let e = 0; e < order.length; e++) {
    const x = events.target[e];
    order[e] = events.kind[e] === EVENT.run
      ? g.opIds[x]
      : events.kind[e] === EVENT.offload
      ? { offload: g.tensorIds[x] }
      : { fetch: g.tensorIds[x] };
  }
  const plan: BudgetPlan = { format: "memplan.plan/v2", graph: g.name, order };
  if (options.offsets) {
    const res = residencies(g, events);
    const offsets: Record<string, number | number[]> = {};
    for (let t = 0; t < g.tensorCount; t++) {
      const from = res.byTensorStart[t], to = res.byTensorStart[t + 1];
      if (g.size[t] === 0 || from === to) continue;
      const list: number[] = [];
      for (let i = from; i < to; i++) list.push(options.offsets[res.byTensor[i]]);
      offsets[g.tensorIds[t]] = list.every((o) => o === list[0]) ? list[0] : list;
    }
    plan.offsets = offsets;
  }
  if (options.capacity !== undefined) plan.capacity = options.capacity;
  if (options.bandwidth !== undefined) plan.bandwidth = options.bandwidth;
  if (options.planner) plan.planner = options.planner;
  return plan;
}
