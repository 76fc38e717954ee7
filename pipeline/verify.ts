/**
 * `verify(graph, plan)`: the whole check of a plan in one call — validate the
 * graph and the plan against it, then replay the plan in the simulator.
 *
 * @module
 */
import { type IndexedGraph, indexGraph } from "../graph/indexed_graph.ts";
import { readPlan } from "../graph/plan.ts";
import { readPlanQuickly } from "../graph/plan_scan.ts";
import type { Plan } from "../graph/types.ts";
import type { AllocatorName } from "../simulator/allocator.ts";
import type { Report } from "../simulator/simulate.ts";
import { replay } from "./replay.ts";

/** Options of {@linkcode verify}. */
export interface VerifyOptions {
  /** Default: the plan's. */
  capacity?: number;
  /** Default: `static` when the plan has offsets, else `best-fit`. */
  allocator?: AllocatorName;
  /** The plan's file name, used in messages about a plan that does not fit the graph. */
  file?: string;
}

/**
 * Verifies `plan` (a parsed `memplan.plan/v1` value) against `graph` (a
 * parsed `memplan.graph/v1` value, or one already indexed). Throws
 * InputError when either is malformed or they do not match; a plan that is
 * well formed but wrong (overlap, order, capacity) is a report with `ok`
 * false and its violations.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { verify } from "./verify.ts";
 * const graph = JSON.parse(await Deno.readTextFile("testdata/graphs/tiny.json"));
 * const plan = JSON.parse(await Deno.readTextFile("testdata/plans/tiny.overlap1.json"));
 * const r = verify(graph, plan);
 * assert.equal(r.ok, false);
 * assert.equal(r.violations[0].kind, "overlap");
 * ```
 */
export function verify(graph: unknown, plan: unknown, options: VerifyOptions = {}): Report {
  const g = isIndexed(graph) ? graph : indexGraph(graph);
  const { file, ...rest } = options;
  // A plan loaded by loadPlan whose offsets were never read: from its text.
  const { resolved } = readPlanQuickly(g, plan as Plan, file ?? "<plan>") ??
    readPlan(g, plan, file ?? "<plan>");
  return replay(g, { resolved, ...rest });
}

function isIndexed(graph: unknown): graph is IndexedGraph {
  const g = graph as Partial<IndexedGraph> | null;
  return typeof g === "object" && g !== null && typeof g.opCount === "number" &&
    g.size instanceof Float64Array;
}
