/**
 * `memplan.plan/v1`: parsing, checking a plan against its graph, and building one.
 *
 * @module
 */
import { ProblemCollector } from "./input_error.ts";
import type { IndexedGraph } from "./indexed_graph.ts";
import {
  isId,
  isSafeSize,
  jsonPath,
  offsetSchema,
  orderEntrySchema,
  planHeadSchema,
} from "./schema.ts";
import type { Plan, Schedule } from "./types.ts";

/** A plan checked against its graph, in dense form. */
export interface ResolvedPlan {
  /** Op indices; undefined means program order. */
  order?: Schedule;
  /** Offset per tensor index (NaN where absent, allowed only for size 0); undefined: no offsets. */
  offsets?: Float64Array;
  capacity?: number;
}

/**
 * Checks the shape of a parsed plan file (FORMAT.md §3). Throws InputError.
 *
 * @example
 * ```ts
 * const plan = parsePlan({ format: "memplan.plan/v1", order: ["f"] }, "p.json");
 * ```
 */
export function parsePlan(value: unknown, file: string): Plan {
  const c = new ProblemCollector(file);
  const head = planHeadSchema.safeParse(value);
  if (!head.success) {
    for (const issue of head.error.issues) c.add(jsonPath(issue.path), issue.message);
    if (typeof value !== "object" || value === null) c.throwIfAny();
  }
  // Big plans: a fast predicate per element, zod only to word a rejection.
  const plan = value as { order?: unknown; offsets?: unknown };
  const order = Array.isArray(plan.order) ? plan.order : [];
  for (let i = 0; i < order.length; i++) {
    if (isId(order[i])) continue;
    for (const issue of orderEntrySchema.safeParse(order[i]).error?.issues ?? []) {
      c.add(jsonPath(["order", i]), issue.message);
    }
  }
  const offsets =
    typeof plan.offsets === "object" && plan.offsets !== null && !Array.isArray(plan.offsets)
      ? plan.offsets as Record<string, unknown>
      : {};
  let count = 0;
  for (const id in offsets) {
    count++;
    if (isSafeSize(offsets[id])) continue;
    for (const issue of offsetSchema.safeParse(offsets[id]).error?.issues ?? []) {
      c.add(jsonPath(["offsets", id]), issue.message, id);
    }
  }
  c.throwIfAny();
  OFFSET_COUNT.set(offsets, count);
  return value as Plan;
}

/** Offsets per checked plan, so resolvePlan need not list a million keys again. */
const OFFSET_COUNT = new WeakMap<object, number>();

/**
 * Checks a plan against its graph: every op of the order known and present once,
 * every offset for a known tensor, every tensor of positive size placed, every
 * offset aligned. Throws InputError listing every problem. A plan that is
 * consistent but wrong (overlap, over capacity, bad order) passes here: the
 * simulator judges it.
 *
 * @example
 * ```ts
 * const rp = resolvePlan(g, plan, { file: "p.json" });
 * ```
 */
export function resolvePlan(
  g: IndexedGraph,
  plan: Plan,
  options: { file?: string } = {},
): ResolvedPlan {
  const c = new ProblemCollector(options.file ?? "<plan>");
  if (plan.graph !== undefined && plan.graph !== g.name) {
    c.add(
      "graph",
      `plan is for graph ${JSON.stringify(plan.graph)}, not ${JSON.stringify(g.name)}`,
    );
  }
  const out: ResolvedPlan = {};
  if (plan.order !== undefined) {
    const order = new Int32Array(plan.order.length);
    const seenAt = new Int32Array(g.opCount).fill(-1);
    for (let i = 0; i < plan.order.length; i++) {
      const v = g.opIndex.get(plan.order[i]);
      if (v === undefined) {
        c.add(`order[${i}]`, "unknown op", plan.order[i]);
        continue;
      }
      if (seenAt[v] >= 0) {
        c.add(`order[${i}]`, `op repeated (first at order[${seenAt[v]}])`, plan.order[i]);
      } else seenAt[v] = i;
      order[i] = v;
    }
    let missing = 0;
    for (let v = 0; v < g.opCount; v++) {
      if (seenAt[v] < 0) {
        if (missing < 20) c.add("order", "op missing from the order", g.opIds[v]);
        missing++;
      }
    }
    if (missing > 20) c.add("order", `${missing} ops missing from the order in all`);
    out.order = order;
  }
  if (plan.offsets !== undefined) {
    const offsets = new Float64Array(g.tensorCount).fill(NaN);
    const given = plan.offsets as Record<string, unknown>;
    // Walk the graph's ids, whose hashes the index already computed, rather
    // than the plan's keys; only when some key was not matched look for it.
    // parsePlan checked every own value is a number, and nothing inherited is.
    let matched = 0;
    for (let t = 0; t < g.tensorCount; t++) {
      const off = given[g.tensorIds[t]];
      if (typeof off !== "number") continue;
      matched++;
      offsets[t] = off;
      if (off % g.alignment !== 0 && g.size[t] > 0) {
        c.add(
          jsonPath(["offsets", g.tensorIds[t]]),
          `offset ${off} is not a multiple of the graph's alignment ${g.alignment}`,
          g.tensorIds[t],
        );
      }
    }
    if (matched !== (OFFSET_COUNT.get(given) ?? Object.keys(given).length)) {
      for (const id in given) {
        if (!g.tensorIndex.has(id)) c.add(jsonPath(["offsets", id]), "unknown tensor", id);
      }
    }
    let missing = 0;
    for (let t = 0; t < g.tensorCount; t++) {
      if (g.size[t] > 0 && Number.isNaN(offsets[t])) {
        if (missing < 20) {
          c.add("offsets", `no offset for a tensor of size ${g.size[t]}`, g.tensorIds[t]);
        }
        missing++;
      }
    }
    if (missing > 20) c.add("offsets", `${missing} tensors of positive size have no offset in all`);
    out.offsets = offsets;
  }
  if (plan.capacity !== undefined) out.capacity = plan.capacity;
  c.throwIfAny();
  return out;
}

/** What {@linkcode buildPlan} writes. */
export interface BuildPlanOptions {
  order?: Schedule;
  offsets?: Float64Array;
  capacity?: number;
  planner?: Record<string, unknown>;
}

/**
 * Builds a `memplan.plan/v1` value from dense arrays (zero-size tensors get no offset).
 *
 * @example
 * ```ts
 * const plan = buildPlan(g, { order, offsets, planner: { name: "greedy" } });
 * ```
 */
export function buildPlan(g: IndexedGraph, options: BuildPlanOptions): Plan {
  const plan: Plan = { format: "memplan.plan/v1", graph: g.name };
  if (options.order) plan.order = Array.from(options.order, (v) => g.opIds[v]);
  if (options.offsets) {
    const offsets: Record<string, number> = {};
    for (let t = 0; t < g.tensorCount; t++) {
      if (g.size[t] > 0) offsets[g.tensorIds[t]] = options.offsets[t];
    }
    plan.offsets = offsets;
  }
  if (options.capacity !== undefined) plan.capacity = options.capacity;
  if (options.planner) plan.planner = options.planner;
  return plan;
}
