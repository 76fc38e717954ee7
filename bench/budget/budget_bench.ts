/**
 * `deno task bench:budget [--quick] [--out FILE] [--planners a,b] [--only g1,g2]`:
 * the budget targets of issue 16 as Markdown tables, every point a plan the
 * simulator verified:
 *
 * 1. every fixture at 90/70/50% of its no-recompute peak, and (since those are
 *    below the bound on some graphs) at bound + 90/70/50% of (peak − bound),
 *    each budget planner;
 * 2. the exact planner against brute-force-sized and deep synthetic chains;
 * 3. √n checkpointing's added compute against one forward pass.
 *
 * @module
 */
import { parseArgs } from "node:util";
import { trainingChain } from "../../graph/budget/training_chain.ts";
import type { IndexedGraph } from "../../graph/indexed_graph.ts";
import { programOrder } from "../../graph/lifetimes.ts";
import { loadGraph } from "../../graph/load.ts";
import { writeTextAtomic } from "../../graph/write_output.ts";
import { analyseBudget } from "../../solver/budget/analysis.ts";
import { baseOrder } from "../../solver/budget/base_order.ts";
import { chenPlan } from "../../solver/budget/chen.ts";
import { measureEvents } from "../../solver/budget/measure.ts";
import { budgetPlannerNames } from "../../solver/budget/registry.ts";
import { pointCell } from "./pareto_report.ts";
import { type ParetoCurve, paretoSweep } from "./pareto_sweep.ts";

const MIB = 1048576;
/** Every registered budget planner in table order, unless `--planners` narrows it. */
let PLANNERS = budgetPlannerNames();
/** The planners that prove their optimum: the reference greedy is measured against. */
const EXACT = new Set(budgetPlannerNames({ exact: true }));

/** The two budget families: share of the peak, and bound + share of (peak − bound). */
function familyBudgets(c: { noRecomputePeak: number; bound: number }, fractions: number[]) {
  return [
    ...fractions.map((f) => ({
      label: `${Math.round(f * 100)}% of peak`,
      budget: Math.floor(c.noRecomputePeak * f),
    })),
    ...fractions.map((f) => ({
      label: `bound + ${Math.round(f * 100)}%`,
      budget: Math.floor(c.bound + f * Math.max(0, c.noRecomputePeak - c.bound)),
    })),
  ];
}

function fixtureTable(curves: ParetoCurve[], fractions: number[]): string {
  const lines = [
    `| graph | ops | no-recompute peak (MiB) | bound (MiB) | recompute-only bound (MiB) | budget | ${
      PLANNERS.join(" | ")
    } |`,
    `| --- | --- | --- | --- | --- | --- | ${PLANNERS.map(() => "---").join(" | ")} |`,
  ];
  for (const c of curves) {
    for (const { label, budget } of familyBudgets(c, fractions)) {
      const cells = PLANNERS.map((name) =>
        pointCell(c.points.find((p) => p.budget === budget && p.planner === name))
      );
      lines.push(
        `| ${c.graph} | ${(c as ParetoCurve & { ops: number }).ops} | ${
          (c.noRecomputePeak / MIB).toFixed(2)
        } | ${(c.bound / MIB).toFixed(2)} | ${(c.recomputeBound / MIB).toFixed(2)} | ${label} | ${
          cells.join(" | ")
        } |`,
      );
    }
  }
  return lines.join("\n");
}

/** One row per point: status, added compute, bound and gap, seconds. */
function detailTable(curves: ParetoCurve[], fractions: number[]): string {
  const lines = [
    "| graph | budget | MiB | planner | status | verified | added compute | % of step | proved bound | gap | from | s |",
    "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |",
  ];
  for (const c of curves) {
    for (const { label, budget } of familyBudgets(c, fractions)) {
      for (const name of PLANNERS) {
        const p = c.points.find((q) => q.budget === budget && q.planner === name);
        if (!p) continue;
        const ok = p.status === "verified";
        const gap = typeof p.gap === "number" && Number.isFinite(p.gap)
          ? `${(100 * p.gap).toFixed(1)}%${p.restricted ? " (restricted)" : ""}`
          : "";
        lines.push(
          `| ${c.graph} | ${label} | ${(budget / MIB).toFixed(2)} | ${name} | ${
            p.plannerStatus ?? p.status
          } | ${p.status} | ${ok ? p.recomputedCost!.toExponential(3) : ""} | ${
            ok ? (100 * p.recomputedFraction!).toFixed(2) + "%" : ""
          } | ${p.costBound !== undefined ? p.costBound.toExponential(3) : ""} | ${gap} | ${
            p.from ?? ""
          } | ${p.seconds.toFixed(1)} |`,
        );
      }
    }
  }
  return lines.join("\n");
}

/** Greedy's added compute over an exact planner's proved optimum (within its model). */
function greedyGapTable(curves: ParetoCurve[]): string {
  const lines = [
    "| graph | budget (MiB) | exact planner (proved in its model) | greedy | chen | greedy over it |",
    "| --- | --- | --- | --- | --- | --- |",
  ];
  for (const c of curves) {
    for (const p of c.points) {
      if (!EXACT.has(p.planner) || p.plannerStatus !== "optimal" || !p.atBudget) continue;
      const gr = c.points.find((q) => q.budget === p.budget && q.planner === "greedy");
      const ch = c.points.find((q) => q.budget === p.budget && q.planner === "chen");
      const over = gr?.status === "verified" && p.recomputedCost! > 0
        ? `${(100 * (gr.recomputedCost! / p.recomputedCost! - 1)).toFixed(1)}%`
        : gr?.status === "verified"
        ? (gr.recomputedCost === 0 ? "0%" : "n/a (optimum 0)")
        : "greedy found none";
      lines.push(
        `| ${c.graph} | ${(p.budget / MIB).toFixed(4)} | ${p.planner}: ${pointCell(p)} | ${
          pointCell(gr)
        } | ${pointCell(ch)} | ${over} |`,
      );
    }
  }
  return lines.join("\n");
}

function forwardCost(g: IndexedGraph): number {
  const a = analyseBudget(g);
  const b = baseOrder(a, programOrder(g));
  let c = 0;
  for (let s = 0; s < b.backwardStart; s++) c += a.costs.cost[b.order[s]];
  return c;
}

function sqrtTable(graphs: IndexedGraph[]): string {
  const lines = [
    "| graph | forward ops | segment | costs | √n added compute / one forward pass | peak vs no recompute |",
    "| --- | --- | --- | --- | --- | --- |",
  ];
  for (const g of graphs) {
    const a = analyseBudget(g);
    const plan = chenPlan(a);
    const none = measureEvents(a, chenPlan(a, 1).events).peakLive;
    lines.push(
      `| ${g.name} | ${
        baseOrder(a, programOrder(g)).backwardStart
      } | ${plan.segment} | ${a.costs.source} | ${(plan.cost / forwardCost(g)).toFixed(3)} | ${
        (100 * plan.peakLive / none).toFixed(1)
      }% |`,
    );
  }
  return lines.join("\n");
}

/** A deep MLP: forward cost 1, backward 2 per layer (given costs, not estimated). */
function deepMlp(n: number, size = 4096): IndexedGraph {
  const costs = [...Array(n).fill(1), 0, ...Array(n).fill(2), ...Array(n).fill(0)];
  return trainingChain(n, size, costs);
}

const HELP = `Usage: deno task bench:budget [options]

The budget targets of issue 16 as Markdown tables on standard output (and --out):
every fixture at 90/70/50% of its no-recompute peak and at bound + 90/70/50%,
for each budget planner; the exact planners on deep synthetic chains; sqrt(n)
checkpointing's added compute. Every point is a plan the simulator verified.

Options:
  --quick                  three small fixtures only
  --only a,b               fixtures by name (e.g. resnet18.b32.sgd,gpt_decoder.b8.s128.adam)
  --planners a,b           budget planners (default: every registered one)
  --time-limit S           seconds per planner call on the larger fixtures (default 60)
  --exact-time-limit S     seconds per planner call on --exact-graphs (default 300)
  --exact-graphs a,b       fixture name prefixes given --exact-time-limit (default mlp,alexnet,resnet18)
  --skip-fixtures          no fixture tables
  --skip-chains            no deep-chain table
  --skip-sqrt              no sqrt(n) table
  --out FILE               also write the tables there (atomically)
  -h, --help               this text
`;

function parseBenchArgs(args: string[]) {
  try {
    return parseArgs({ args, options: OPTIONS }).values;
  } catch (e) {
    console.error(`bench_budget: ${(e as Error).message}; see --help`);
    Deno.exit(2);
  }
}

const OPTIONS = {
  help: { type: "boolean", short: "h", default: false },
  quick: { type: "boolean", default: false },
  out: { type: "string" },
  "time-limit": { type: "string", default: "60" },
  "exact-time-limit": { type: "string", default: "300" },
  only: { type: "string" },
  "skip-chains": { type: "boolean", default: false },
  "skip-sqrt": { type: "boolean", default: false },
  "skip-fixtures": { type: "boolean", default: false },
  planners: { type: "string" },
  "exact-graphs": { type: "string", default: "mlp,alexnet,resnet18" },
} as const;

if (import.meta.main) {
  const values = parseBenchArgs(Deno.args);
  if (values.help) {
    console.log(HELP);
    Deno.exit(0);
  }
  if (values.planners) {
    PLANNERS = values.planners.split(",");
    const unknown = PLANNERS.filter((n) => !budgetPlannerNames().includes(n));
    if (unknown.length > 0) {
      console.error(
        `bench_budget: --planners: unknown ${unknown.join(", ")}; known: ${
          budgetPlannerNames().join(", ")
        }`,
      );
      Deno.exit(2);
    }
  }
  const exactGraphs = values["exact-graphs"].split(",");
  const timeLimit = Number(values["time-limit"]);
  const exactLimit = Number(values["exact-time-limit"]);
  const fractions = [0.9, 0.7, 0.5];
  const names = values["skip-fixtures"]
    ? []
    : values.quick
    ? ["mlp.b2.sgd", "alexnet.b32.sgd", "resnet18.b32.sgd"]
    : (values.only?.split(",") ?? [
      "tiny",
      "branchy",
      "mlp.b2.sgd",
      "mlp.b2.adam",
      "alexnet.b32.sgd",
      "vgg11.b32.sgd",
      "resnet18.b32.sgd",
      "resnet50.b32.sgd",
      "mobilenet_v2.b32.sgd",
      "inception_v3.b32.sgd",
      "transformer_encoder.b8.s128.sgd",
      "gpt_decoder.b8.s128.adam",
    ]);
  const curves: ParetoCurve[] = [];
  for (const name of names) {
    const file = `testdata/graphs/${name}${
      name === "tiny" || name === "branchy" ? ".json" : ".json.gz"
    }`;
    const g = await loadGraph(file);
    const small = exactGraphs.some((prefix) => name.startsWith(prefix));
    const probe = await paretoSweep(g, { planners: [], budgets: [] });
    const budgets = [...new Set(familyBudgets(probe, fractions).map((x) => x.budget))];
    const t0 = performance.now();
    const curve = await paretoSweep(g, {
      planners: PLANNERS,
      budgets,
      timeLimit: small ? exactLimit : timeLimit,
      bandwidth: 16e9,
    });
    curves.push(Object.assign(curve, { ops: g.opCount }));
    console.error(`${name}: ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  }
  // Exact planner where budgets need recompute: deep chains between bound and no-recompute peak.
  const chains: ParetoCurve[] = [];
  // The deep chains isolate recompute: only the planners that never offload.
  const recomputeOnly = new Set(budgetPlannerNames({ offloads: false }));
  const CHAIN_PLANNERS = PLANNERS.filter((n) => recomputeOnly.has(n));
  for (const n of values["skip-chains"] ? [] : values.quick ? [4, 8] : [4, 8, 16, 24]) {
    const g = deepMlp(n, 1024);
    const c = await paretoSweep(g, {
      planners: CHAIN_PLANNERS,
      points: 5,
      timeLimit: exactLimit,
    });
    chains.push(c);
    console.error(`chain ${n} done`);
  }
  const sqrtGraphs = values["skip-sqrt"] ? [] : [deepMlp(16), deepMlp(64), deepMlp(256)];
  for (const name of values["skip-sqrt"] ? [] : ["resnet18.b32.sgd", "resnet50.b32.sgd"]) {
    sqrtGraphs.push(await loadGraph(`testdata/graphs/${name}.json.gz`));
  }
  const text = [
    "## Fixtures at 90/70/50% of the no-recompute peak, and at bound + 90/70/50% of (peak − bound)",
    "",
    "Cells: added compute as a share of the step (recomputed cost / cost of every op once), '(optimal)' when the",
    "exact planner proved it at that budget, 'impossible (bound)' when the budget is below the bound no plan",
    "that keeps weights and optimizer state on the device can beat, 'impossible (recompute bound)' when it is",
    "below the bound no plan that only recomputes can beat (graph/budget/recompute_bound.ts: tensors no re-run",
    "can make again stay resident; offloading planners are not held to it), 'none found' when that planner",
    "found none.",
    `Op costs: ${
      curves.map((c) => `${c.graph} ${c.costSource}`).join(", ")
    } ('graph': every op has a`,
    "`cost` in the fixture; 'estimated': size-proportional).",
    "",
    fixtureTable(curves, fractions),
    "",
    "### Every point",
    "",
    detailTable(curves, fractions),
    "",
    "## Exact planner on deep MLP chains (given costs: forward 1, backward 2)",
    "",
    ...chains.map((c) =>
      `### ${c.graph} (no-recompute peak ${c.noRecomputePeak} B, bound ${c.bound} B)\n\n` +
      [
        `| budget (B) | ${CHAIN_PLANNERS.join(" | ")} |`,
        `| ${CHAIN_PLANNERS.map(() => "---").join(" | ")} | --- |`,
        ...[...new Set(c.points.map((p) => p.budget))].map((b) =>
          `| ${b} | ${
            CHAIN_PLANNERS.map((n) =>
              pointCell(c.points.find((p) => p.budget === b && p.planner === n))
            ).join(" | ")
          } |`
        ),
      ].join("\n")
    ),
    "",
    "## Greedy against the proved optimum",
    "",
    greedyGapTable([...curves, ...chains]),
    "",
    "## √n checkpointing",
    "",
    sqrtTable(sqrtGraphs),
    "",
  ].join("\n");
  if (values.out) await writeTextAtomic(values.out, text);
  console.log(text);
}
