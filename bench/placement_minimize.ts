/**
 * Benchmark of minimisation with proof: memplan's `search` placer with
 * `minimize` on generated families, every placement checked by the
 * simulator's verifier. Per instance: peak live, the proved lower bound, the
 * arena found, status; summary: how many proved optimal, how many with a
 * bound above peak live, the gap left, times.
 *
 * ```
 * deno run -A bench/placement_minimize.ts --family slack --seeds 1-50 --time-limit 10 [--alignment 4096]
 * ```
 *
 * @module
 */
import { problemPeakLive } from "../graph/placement_problem.ts";
import { verifyPlacement } from "../simulator/verify_placement.ts";
import { placeSearch } from "../solver/search/search_placer.ts";
import { benchArgs } from "./placement/args.ts";
import { FAMILIES, familyArg, familyInstances } from "./placement/instances.ts";
import { loadNote, median, parseSeeds } from "./placement/stats.ts";

/** One instance's result. */
export interface MinimizeRow {
  name: string;
  peak: number;
  bound: number;
  /** How the bound was proved (solver/types.ts BoundMethod). */
  method: string;
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
 * const row = { name: "s", peak: 10, bound: 11, method: "refuted-heights", arena: 11, optimal: true, seconds: 0.5 };
 * assert.match(summarizeMinimize([row], 10), /\| 1 \(10 s each\) \| 1 \| 1 \| refuted-heights 1 \|/);
 * ```
 */
export function summarizeMinimize(rows: MinimizeRow[], timeLimit: number): string {
  const optimal = rows.filter((r) => r.optimal);
  const raised = rows.filter((r) => r.bound > r.peak);
  const open = rows.filter((r) => !r.optimal);
  const gaps = open.map((r) => (r.arena - r.bound) / r.bound);
  const pct = (x: number) => Number.isNaN(x) ? "–" : `${(100 * x).toFixed(3)}%`;
  const methods = new Map<string, number>();
  for (const r of rows) methods.set(r.method, (methods.get(r.method) ?? 0) + 1);
  const methodCell = [...methods].sort((a, b) => b[1] - a[1]).map(([m, n]) => `${m} ${n}`)
    .join(", ");
  return [
    `| instances | proved optimal | bound above peak live | bound methods | open: median gap (max) | median s (optimal) |`,
    "|---|---|---|---|---|---|",
    `| ${rows.length} (${timeLimit} s each) | ${optimal.length} | ${raised.length} | ${methodCell} | ${
      pct(median(gaps))
    } (${pct(gaps.length ? Math.max(...gaps) : NaN)}) | ${
      optimal.length ? median(optimal.map((r) => r.seconds)).toFixed(3) : "–"
    } |`,
    "",
    `Arena above peak live on ${rows.filter((r) => r.arena > r.peak).length} of ${rows.length}.`,
  ].join("\n");
}

const USAGE = `usage: deno run -A bench/placement_minimize.ts [options]
  --family F       one of ${FAMILIES.join(", ")} (default slack)
  --seeds A-B      seeds to generate (default 1-20)
  --time-limit S   seconds per instance (default 10)
  --alignment N    every offset a multiple of N (default 1)
  --help           this text`;

async function main(args: string[]): Promise<number> {
  const parsed = benchArgs(args, {
    family: { type: "string", default: "slack" },
    seeds: { type: "string", default: "1-20" },
    "time-limit": { type: "string", default: "10" },
    alignment: { type: "string" },
  }, USAGE);
  if ("exit" in parsed) return parsed.exit;
  const { values } = parsed;
  const alignment = values.alignment === undefined ? 1 : Number(values.alignment);
  if (!Number.isInteger(alignment) || alignment < 1) {
    console.error(
      `--alignment must be a positive integer, not ${JSON.stringify(values.alignment)}`,
    );
    return 2;
  }
  const family = familyArg(values.family);
  if (family === undefined) return 2;
  const timeLimit = Number(values["time-limit"]);
  const rows: MinimizeRow[] = [];
  const loadBefore = loadNote();
  for await (const inst of familyInstances(family, { seeds: parseSeeds(values.seeds) })) {
    const { buffers } = inst.problem;
    // No capacity: minimise freely.
    const problem = alignment === 1 ? { buffers } : { buffers, alignment };
    const r = placeSearch(problem, { minimize: true, timeLimit });
    const check = verifyPlacement(problem, r.offsets);
    if (!check.ok) throw new Error(`${inst.name}: placement fails verification`);
    const peak = problemPeakLive(problem);
    const row: MinimizeRow = {
      name: inst.name,
      peak,
      bound: Math.max(peak, r.bound ?? peak),
      method: (r.bound ?? 0) >= peak ? r.boundMethod ?? "peak-live" : "peak-live",
      arena: check.arena,
      optimal: r.status === "optimal",
      seconds: r.seconds,
    };
    if (row.optimal && row.bound !== row.arena) {
      throw new Error(`${inst.name}: optimal without proof`);
    }
    rows.push(row);
    console.error(
      `${row.name} peak ${peak} bound ${row.bound} (${row.method}) arena ${row.arena} ${r.status} ${
        r.seconds.toFixed(3)
      }s`,
    );
  }
  console.log(
    `family ${family}, seeds ${values.seeds}, alignment ${alignment}, ${loadBefore} at start, ${loadNote()} at end\n`,
  );
  console.log(summarizeMinimize(rows, timeLimit));
  return 0;
}

if (import.meta.main) Deno.exit(await main(Deno.args));
