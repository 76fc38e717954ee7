/**
 * `memplan plan GRAPH --budget 6GiB -o PLAN.json`: a plan within a memory
 * budget that recomputes or offloads, replayed by the judge before it is written.
 *
 * @module
 */
import { boundReason } from "./bound_text.ts";
import { loadGraph } from "../../graph/load.ts";
import { overrunNote, solverBudget } from "../time_budget.ts";
import { writeTextAtomic } from "../../graph/write_output.ts";
import { resolveBudgetPlan } from "../../graph/budget/budget_plan.ts";
import { replayBudgetPlan } from "../../simulator/budget/replay.ts";
import { describeBudgetViolation } from "../../simulator/budget/violations.ts";
import { planUnderBudget } from "../../solver/budget/plan_budget.ts";
import { formatBytes, formatInt } from "../format.ts";
import { renderPairs } from "../tables.ts";
import { EXIT } from "../../pipeline/exit.ts";
import { printJson } from "../run.ts";
import { budgetReportRows } from "./print_budget.ts";

/** Options of {@linkcode planBudgetCommand}. */
export interface PlanBudgetCommandOptions {
  budget: number;
  planner: string;
  placer: string;
  timeLimit: number;
  seed: number;
  bandwidth?: number;
  /** The plan file to write; none: the summary only, like `plan` without `-o`. */
  output?: string;
  json: boolean;
}

/**
 * Runs `plan --budget`; resolves to the exit code (0 planned, 3 impossible or
 * not found, 70 a planner bug).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * const output = await Deno.makeTempFile({ suffix: ".json" });
 * const code = await planBudgetCommand("testdata/graphs/tiny.json", {
 *   budget: 64, planner: "greedy", placer: "greedy-size", timeLimit: 5, seed: 1, output, json: true,
 * });
 * assert.equal(code, 0);
 * assert.match(await Deno.readTextFile(output), /memplan\.plan\/v2/);
 * await Deno.remove(output);
 * ```
 */
export async function planBudgetCommand(
  graphFile: string,
  o: PlanBudgetCommandOptions,
): Promise<number> {
  const readFrom = performance.now();
  const g = await loadGraph(graphFile);
  const readSeconds = (performance.now() - readFrom) / 1000;
  const r = await planUnderBudget(g, {
    budget: o.budget,
    planner: o.planner,
    placer: o.placer,
    // As for every command, the limit covers start-up, reading and writing.
    timeLimit: solverBudget(o.timeLimit, 0, g.tensorCount, readSeconds),
    seed: o.seed,
    bandwidth: o.bandwidth,
  });
  if (r.status === "impossible") {
    // The same words as a capacity below a proved bound (`plan`, `place`).
    const msg = `budget ${o.budget} is impossible: ${boundReason(r.bound, r.boundKind, r.boundOp)}`;
    if (o.json) {
      printJson({
        graph: g.name,
        status: "impossible",
        bound: r.bound,
        boundOp: r.boundOp,
        boundKind: r.boundKind,
      });
    } else console.error(`memplan: ${msg}; nothing written`);
    return EXIT.notFound;
  }
  if (!r.plan) {
    if (o.json) {
      printJson({
        graph: g.name,
        status: "not_found",
        timeLimit: o.timeLimit,
        planner: r.planner?.details,
      });
    } else {
      const time = Number.isFinite(o.timeLimit)
        ? ` in ${o.timeLimit} s (a longer --time-limit may find one)`
        : "";
      console.error(
        `memplan: the ${o.planner} planner found no plan within ${o.budget} bytes${time}; nothing written`,
      );
    }
    return EXIT.notFound;
  }
  const rp = resolveBudgetPlan(g, r.plan);
  const report = replayBudgetPlan(g, rp.events, rp.residencies, {
    offsets: rp.offsets,
    capacity: o.budget,
    bandwidth: o.bandwidth,
  });
  const bugs = report.violations.filter((v) => v.kind !== "out_of_capacity");
  if (bugs.length > 0) {
    console.error(`memplan: the ${o.planner} budget planner produced an invalid plan:`);
    for (const v of bugs.slice(0, 10)) console.error(`  - ${describeBudgetViolation(v)}`);
    return EXIT.internal;
  }
  const fits = report.ok;
  if (fits && o.output !== undefined) {
    await writeTextAtomic(o.output, JSON.stringify(r.plan), { inputs: [graphFile] });
  }
  // After writing: an overrun is said, as by place and plan (the plan is still written).
  const timeNote = overrunNote(o.timeLimit, "planning", `${formatInt(g.tensorCount)} tensors`);
  if (o.json) {
    const { offsets: _o, violations: _v, ...rest } = report;
    printJson({
      status: fits ? "planned" : "not_found",
      output: o.output,
      bound: r.bound,
      recomputeBound: r.recomputeBound,
      ...rest,
      ...(timeNote === undefined ? {} : { timeNote }),
    });
  } else {
    console.log(renderPairs([
      ["graph", g.name],
      [
        "planner",
        // An exact planner's optimum holds over its model (one op order,
        // stage form), not over every plan: the cell says so.
        `${o.planner} (${
          r.planner?.status === "optimal" ? "optimal in its model" : r.planner?.status
        }, ${r.seconds.toFixed(2)} s${gapNote(r.planner?.details)})`,
      ],
      ...(typeof r.planner?.details?.stopped === "string"
        ? [["planner note", r.planner.details.stopped] as [string, string]]
        : []),
      ["bound (no plan below)", `${formatBytes(r.bound)} (op ${r.boundOp})`],
      ...(r.recomputeBound > r.bound
        ? [[
          "recompute-only bound",
          `${formatBytes(r.recomputeBound)} (op ${r.recomputeBoundOp}; none without offload below)`,
        ] as [string, string]]
        : []),
      ...budgetReportRows(report),
      ...(timeNote === undefined ? [] : [["time limit", timeNote] as [string, string]]),
    ]));
    if (fits && o.output !== undefined) console.log(`wrote ${o.output}`);
    else console.error(`memplan: placement did not fit ${o.budget} bytes; nothing written`);
  }
  return fits ? EXIT.ok : EXIT.notFound;
}

/** The exact planner's gap and model restriction, when it reports them. */
function gapNote(details: Record<string, unknown> | undefined): string {
  if (!details) return "";
  const gap = details.gap;
  const where = details.compact
    ? " in its compact model"
    : details.windowed
    ? " in its window"
    : details.restricted
    ? " in its restricted model"
    : "";
  return typeof gap === "number" && Number.isFinite(gap)
    ? `, gap ${(100 * gap).toFixed(1)}%${where}`
    : "";
}
