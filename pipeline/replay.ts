/**
 * Replaying a step as the user asked: the plan's order (else program order)
 * under the allocator named (else `static` when the plan has offsets, else
 * `best-fit`), with the capacity given (else the plan's).
 *
 * @module
 */
import type { IndexedGraph } from "../graph/indexed_graph.ts";
import { InputError } from "../graph/input_error.ts";
import type { ResolvedPlan } from "../graph/plan.ts";
import type { AllocatorName } from "../simulator/allocator.ts";
import { type Report, simulate } from "../simulator/simulate.ts";

/** Options of {@linkcode replay}. */
export interface ReplayOptions {
  /** The plan, checked against the graph; absent: program order. */
  resolved?: ResolvedPlan;
  /** Default: `static` when the plan has offsets, else `best-fit`. */
  allocator?: AllocatorName;
  /** Default: the plan's. */
  capacity?: number;
  /** Where the plan came from and which option named the allocator, for the error message. */
  planFile?: string;
  allocatorOption?: string;
}

/**
 * Replays `g` under a plan and an allocator; throws InputError when `static`
 * is asked for without offsets to replay.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { loadGraph } from "../graph/load.ts";
 * import { replay } from "./replay.ts";
 * const r = replay(await loadGraph("testdata/graphs/tiny.json"));
 * assert.equal(r.allocator, "best-fit");
 * ```
 */
export function replay(g: IndexedGraph, options: ReplayOptions = {}): Report {
  const { resolved } = options;
  const allocator = options.allocator ?? (resolved?.offsets ? "static" : "best-fit");
  if (allocator === "static" && !resolved?.offsets) {
    throw new InputError([{
      file: options.planFile ?? "command line",
      where: options.planFile ? "offsets" : options.allocatorOption ?? "--allocator",
      message: "the static allocator needs a plan with offsets",
    }]);
  }
  return simulate(g, {
    order: resolved?.order,
    offsets: allocator === "static" ? resolved?.offsets : undefined,
    capacity: options.capacity ?? resolved?.capacity,
    allocator,
  });
}
