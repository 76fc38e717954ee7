/**
 * Benchmark of minimisation with proof: memplan's `search` placer with
 * `minimize` on generated families, every placement checked by the
 * simulator's verifier. Per instance: peak live, the proved lower bound, the
 * arena found, status; summary: how many proved optimal, how many with a
 * bound above peak live, the gap left, times.
 *
 * ```
 * deno run -A bench/placement_minimize.ts --family slack --seeds 1-50 --time-limit 10
 * ```
 *
 * @module
 */
import { parseArgs } from "node:util";
import { problemPeakLive } from "../graph/placement_problem.ts";
import { verifyPlacement } from "../simulator/verify_placement.ts";
import { placeSearch } from "../solver/search/search_placer.ts";
import { FAMILIES, type Family, familyInstances } from "./placement/instances.ts";
import { loadNote, median, parseSeeds } from "./placement/stats.ts";

/** One instance's result. */
export interface MinimizeRow {
  name: string;
  peak: number;
  bound: number;
  arena: number;
  optimal: boolean;
  seconds: number;
}

/**
 * The Markdown summary of a run.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { summarizeMinimize } from "./placement_minimize.ts";
 * const row = { name: "s", peak: 10, bound: 11, arena: 11, optimal: true, seconds: 0.5 };
 * assert.match(summarizeMinimize([row], 10), /\| 1 \(10 s each\) \| 1 \| 1 \|/);
 * ```
 */
export function summarizeMinimize(rows: MinimizeRow[], timeLimit: number): string {
  const optimal = rows.filter((r) => r.optimal);
  const raised = rows.filter((r) => r.bound > r.peak);
  const open = rows.filter((r) => !r.optimal);
  const gaps = open.map((r) => (r.arena - r.bound) / r.bound);
  const pct = (x: number) => Number.isNaN(x) ? "–" : `${(100 * x).toFixed(3)}%`;
  return [
    `| instances | proved optimal | bound above peak live | open: median gap (max) | median s (optimal) |`,
    "|---|---|---|---|---|",
    `| ${rows.length} (${timeLimit} s each) | ${optimal.length} | ${raised.length} | ${
      pct(median(gaps))
    } (${pct(gaps.length ? Math.max(...gaps) : NaN)}) | ${
      optimal.length ? median(optimal.map((r) => r.seconds)).toFixed(3) : "–"
    } |`,
    "",
    `Arena above peak live on ${rows.filter((r) => r.arena > r.peak).length} of ${rows.length}.`,
  ].join("\n");
}

async function main(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      family: { type: "string", default: "slack" },
      seeds: { type: "string", default: "1-20" },
      "time-limit": { type: "string", default: "10" },
    },
  });
  const family = values.family as Family;
  if (!FAMILIES.includes(family)) {
    console.error(`--family must be one of ${FAMILIES.join(", ")}`);
    return 2;
  }
  const timeLimit = Number(values["time-limit"]);
  const rows: MinimizeRow[] = [];
  const loadBefore = loadNote();
  for await (const inst of familyInstances(family, { seeds: parseSeeds(values.seeds) })) {
    const { buffers } = inst.problem;
    const problem = { buffers }; // no capacity: minimise freely
    const r = placeSearch(problem, { minimize: true, timeLimit });
    const check = verifyPlacement(problem, r.offsets);
    if (!check.ok) throw new Error(`${inst.name}: placement fails verification`);
    const peak = problemPeakLive(problem);
    const row: MinimizeRow = {
      name: inst.name,
      peak,
      bound: Math.max(peak, r.bound ?? peak),
      arena: check.arena,
      optimal: r.status === "optimal",
      seconds: r.seconds,
    };
    if (row.optimal && row.bound !== row.arena) {
      throw new Error(`${inst.name}: optimal without proof`);
    }
    rows.push(row);
    console.error(
      `${row.name} peak ${peak} bound ${row.bound} arena ${row.arena} ${r.status} ${
        r.seconds.toFixed(3)
      }s`,
    );
  }
  console.log(
    `family ${family}, seeds ${values.seeds}, ${loadBefore} at start, ${loadNote()} at end\n`,
  );
  console.log(summarizeMinimize(rows, timeLimit));
  return 0;
}

if (import.meta.main) Deno.exit(await main(Deno.args));
