/**
 * `memplan.plan/v1`: parsing, checking a plan against its graph, and building one.
 *
 * @module
 */
import { setDenseOffsets } from "./dense_offsets.ts";
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
 * import assert from "node:assert/strict";
 * const plan = parsePlan({ format: "memplan.plan/v1", order: ["f"] }, "p.json");
 * assert.deepEqual(plan.order, ["f"]);
 * ```
 */
export function parsePlan(value: unknown, file: string): Plan {
  const c = new ProblemCollector(file);
  checkShape(value, c);
  c.throwIfAny();
  return value as Plan;
}

/**
 * Reads a parsed plan file against its graph: {@linkcode parsePlan} then
 * {@linkcode resolvePlan}, listing a million offsets once instead of twice.
 * Throws InputError.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { loadGraph } from "./load.ts";
 * const g = await loadGraph("testdata/graphs/tiny.json");
 * const text = '{"format": "memplan.plan/v1", "order": ["f1", "f2", "f3", "f4"]}';
 * const { plan, resolved } = readPlan(g, JSON.parse(text), "p.json");
 * assert.equal(plan.order?.length, 4);
 * assert.deepEqual(resolved.order, Int32Array.from([0, 1, 2, 3]));
 * ```
 */
export function readPlan(
  g: IndexedGraph,
  value: unknown,
  file: string,
): { plan: Plan; resolved: ResolvedPlan } {
  const c = new ProblemCollector(file);
  const entries = checkShape(value, c);
  c.throwIfAny();
  const plan = value as Plan;
  return { plan, resolved: resolveWith(g, plan, plan.offsets && entries, c) };
}

/** Checks the head, the order's entries and the offsets' values; returns the offsets listed. */
function checkShape(value: unknown, c: ProblemCollector): OffsetEntries {
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
  const entries = offsetEntries(offsets);
  for (let i = 0; i < entries.keys.length; i++) {
    if (Number.isNaN(entries.values[i])) addOffsetProblems(c, offsets, entries.keys[i]);
  }
  return entries;
}

/** Words, with zod, why `offsets[id]` is not a valid offset. */
function addOffsetProblems(c: ProblemCollector, offsets: Record<string, unknown>, id: string) {
  for (const issue of offsetSchema.safeParse(offsets[id]).error?.issues ?? []) {
    c.add(jsonPath(["offsets", id]), issue.message, id);
  }
}

/** The offsets object's keys in file order, and each value (NaN when not a valid offset). */
interface OffsetEntries {
  keys: string[];
  values: Float64Array;
}

function offsetEntries(offsets: Record<string, unknown>): OffsetEntries {
  // Object.keys, not for-in: it lists a dictionary-mode object's keys faster
  // and needs no prototype walk.
  const keys = Object.keys(offsets);
  const values = new Float64Array(keys.length);
  for (let i = 0; i < keys.length; i++) {
    const v = offsets[keys[i]];
    values[i] = isSafeSize(v) ? v as number : NaN;
  }
  return { keys, values };
}

/**
 * Checks a plan against its graph: every op of the order known and present once,
 * every offset for a known tensor, every tensor of positive size placed, every
 * offset aligned. Throws InputError listing every problem. A plan that is
 * consistent but wrong (overlap, over capacity, bad order) passes here: the
 * simulator judges it.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { InputError } from "./input_error.ts";
 * import { loadGraph } from "./load.ts";
 * const g = await loadGraph("testdata/graphs/tiny.json");
 * const plan = {
 *   format: "memplan.plan/v1" as const,
 *   offsets: { x: 0, w: 4, a: 8, b: 16, c: 0, loss: 4 },
 * };
 * const rp = resolvePlan(g, plan, { file: "p.json" });
 * assert.equal(rp.offsets?.[g.tensorIndex.get("b")!], 16);
 * assert.throws(() => resolvePlan(g, { ...plan, order: ["f9"] }), InputError);
 * ```
 */
export function resolvePlan(
  g: IndexedGraph,
  plan: Plan,
  options: { file?: string } = {},
): ResolvedPlan {
  const given = plan.offsets as Record<string, unknown> | undefined;
  return resolveWith(
    g,
    plan,
    given && offsetEntries(given),
    new ProblemCollector(options.file ?? "<plan>"),
  );
}

function resolveWith(
  g: IndexedGraph,
  plan: Plan,
  entries: OffsetEntries | undefined,
  c: ProblemCollector,
): ResolvedPlan {
  // A plan for another graph fails on every id: say that once, not a thousand times.
  if (plan.graph !== undefined && plan.graph !== g.name) {
    c.add(
      "graph",
      `plan is for graph ${JSON.stringify(plan.graph)}, not ${JSON.stringify(g.name)}; ` +
        "not checked further",
    );
    c.throwIfAny();
  }
  const foreign = foreignIds(plan.order, g.opIndex) ?? foreignIds(entries?.keys, g.tensorIndex);
  if (foreign) {
    c.add(
      foreign === plan.order ? "order" : "offsets",
      `none of its ${foreign.length} ids is ${foreign === plan.order ? "an op" : "a tensor"} ` +
        `of graph ${JSON.stringify(g.name)} (first: ${JSON.stringify(foreign[0])}); ` +
        "is the plan for another graph?",
    );
    c.throwIfAny();
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
  if (entries !== undefined) {
    const offsets = new Float64Array(g.tensorCount).fill(NaN);
    const { keys, values } = entries;
    // Plans usually list offsets in the graph's tensor order, so try the
    // tensor after the last one matched before hashing the key.
    let next = 0;
    for (let i = 0; i < keys.length; i++) {
      const id = keys[i];
      const t = next < g.tensorCount && g.tensorIds[next] === id ? next : g.tensorIndex.get(id);
      if (t === undefined) {
        c.add(jsonPath(["offsets", id]), "unknown tensor", id);
        continue;
      }
      next = t + 1;
      const off = values[i];
      if (Number.isNaN(off)) {
        addOffsetProblems(c, plan.offsets as Record<string, unknown>, id);
        continue;
      }
      offsets[t] = off;
      if (off % g.alignment !== 0 && g.size[t] > 0) {
        c.add(
          jsonPath(["offsets", id]),
          `offset ${off} is not a multiple of the graph's alignment ${g.alignment}`,
          id,
        );
      }
      if (off + g.size[t] > Number.MAX_SAFE_INTEGER) {
        c.add(
          jsonPath(["offsets", id]),
          `offset + size ${off} + ${g.size[t]} is past 2^53 - 1: not exact`,
          id,
        );
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

/** The ids when there are some and not one is in `index`, else undefined. */
function foreignIds(
  ids: readonly string[] | undefined,
  index: { get(id: string): number | undefined },
): readonly string[] | undefined {
  if (!ids || ids.length === 0) return undefined;
  for (const id of ids) if (index.get(id) !== undefined) return undefined;
  return ids;
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
 * import assert from "node:assert/strict";
 * import { loadGraph } from "./load.ts";
 * import { programOrder } from "./lifetimes.ts";
 * const g = await loadGraph("testdata/graphs/tiny.json");
 * const order = programOrder(g);
 * const offsets = Float64Array.from([0, 4, 8, 16, 0, 4]);
 * const plan = buildPlan(g, { order, offsets, planner: { name: "greedy" } });
 * assert.deepEqual(plan.order, ["f1", "f2", "f3", "f4"]);
 * assert.equal(plan.offsets?.b, 16);
 * ```
 */
export function buildPlan(g: IndexedGraph, options: BuildPlanOptions): Plan {
  const plan: Plan = { format: "memplan.plan/v1", graph: g.name };
  if (options.order) plan.order = Array.from(options.order, (v) => g.opIds[v]);
  if (options.offsets) {
    // An object of them only when read (graph/dense_offsets.ts); a copy, as
    // the caller's array may change.
    setDenseOffsets(plan, {
      tensorIds: g.tensorIds,
      size: g.size,
      offsets: options.offsets.slice(0, g.tensorCount),
    });
  }
  if (options.capacity !== undefined) plan.capacity = options.capacity;
  if (options.planner) plan.planner = options.planner;
  return plan;
}
