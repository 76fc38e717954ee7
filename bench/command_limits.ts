/**
 * Benchmark of `--time-limit` beyond `place`'s default placer: `plan` on
 * random training graphs, `plan --budget` with each budget planner, and
 * `place --placer ilp` on large tight problems, each the CLI in a child
 * process as a user runs it (start-up, reading, planning, verifying,
 * writing). One Markdown row per run: command, size, limit, wall, overrun
 * against the allowance max(0.5 s, 5%), outcome and the CLI's own note on
 * the limit. (`place`'s default placer has `bench/placement_large.ts`.)
 *
 * ```
 * deno run -A bench/command_limits.ts --runs plan:200000:2,budget-greedy:20000:10,ilp:20000:2
 * ```
 *
 * Each run is `kind:size:limit`: `plan` (a random training graph of that many
 * tensors, `testkit/training_graph.ts`), `budget-PLANNER` (`plan --budget`
 * at `--budget-share` of that graph's program-order peak, with that budget
 * planner), or `ilp` (`place --placer ilp --minimize` on a tight problem of
 * that many buffers, `bench/generators/tight.ts`). Inputs are written by a
 * child process (this file with `write`), so that this one stays small.
 *
 * @module
 */
import { benchArgs } from "./placement/args.ts";
import { timedTable } from "./placement/timed_table.ts";
import { overCell, timedCli } from "./placement_large.ts";

/** One run of the table. */
export interface LimitRun {
  kind: "plan" | "ilp" | `budget-${string}`;
  size: number;
  limit: number;
}

/**
 * Parses `kind:size:limit,…`.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { parseLimitRuns } from "./command_limits.ts";
 * assert.deepEqual(parseLimitRuns("plan:2000:1.5,budget-chen:100:2"), [
 *   { kind: "plan", size: 2000, limit: 1.5 },
 *   { kind: "budget-chen", size: 100, limit: 2 },
 * ]);
 * ```
 */
export function parseLimitRuns(text: string): LimitRun[] {
  return text.split(",").map((part) => {
    const m = /^(plan|ilp|budget-[a-z-]+):(\d+):(\d+(?:\.\d+)?)$/.exec(part.trim());
    if (!m) throw new Error(`--runs: "${part}" is not kind:size:limit`);
    return { kind: m[1] as LimitRun["kind"], size: Number(m[2]), limit: Number(m[3]) };
  });
}

/**
 * The command line of a run, after `memplan`, on `input` written for it
 * (a budget run's budget already worked out).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { commandOf } from "./command_limits.ts";
 * assert.deepEqual(
 *   commandOf({ kind: "budget-greedy", size: 100, limit: 2 }, "g.json", "p.json", 640),
 *   ["plan", "g.json", "--time-limit", "2", "--json", "-o", "p.json", "--budget", "640", "--budget-planner", "greedy"],
 * );
 * ```
 */
export function commandOf(run: LimitRun, input: string, output: string, budget = 0): string[] {
  const common = ["--time-limit", `${run.limit}`, "--json", "-o", output];
  if (run.kind === "ilp") return ["place", input, "--placer", "ilp", "--minimize", ...common];
  if (run.kind === "plan") return ["plan", input, ...common];
  const planner = run.kind.slice("budget-".length);
  return ["plan", input, ...common, "--budget", `${budget}`, "--budget-planner", planner];
}

/**
 * A run's command, as its table row names it.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { labelOf } from "./command_limits.ts";
 * assert.equal(labelOf({ kind: "budget-chen", size: 10, limit: 1 }), "plan --budget (chen)");
 * ```
 */
export function labelOf(run: LimitRun): string {
  if (run.kind === "ilp") return "place --placer ilp";
  if (run.kind === "plan") return "plan";
  return `plan --budget (${run.kind.slice("budget-".length)})`;
}

const USAGE = `usage: deno run -A bench/command_limits.ts [options]
  --runs LIST        kind:size:limit,… with kind plan, ilp or budget-PLANNER
                     (default plan:20000:2,plan:200000:2,ilp:20000:2,budget-greedy:20000:2)
  --budget-share X   a budget run's budget, as a share of the program-order peak (default 0.8)
  --seed N           the generators' seed (default 1)
  --help             this text`;

async function main(args: string[]): Promise<number> {
  if (args[0] === "write") return await write(args.slice(1));
  const parsed = benchArgs(args, {
    runs: {
      type: "string",
      default: "plan:20000:2,plan:200000:2,ilp:20000:2,budget-greedy:20000:2",
    },
    "budget-share": { type: "string", default: "0.8" },
    seed: { type: "string", default: "1" },
  }, USAGE);
  if ("exit" in parsed) return parsed.exit;
  const { values } = parsed;
  const seed = Number(values.seed), share = Number(values["budget-share"]);
  if (!Number.isSafeInteger(seed) || !(share > 0 && share <= 1)) {
    console.error(`--seed must be an integer and --budget-share in (0, 1]`);
    return 2;
  }
  const header = [
    "command",
    "size",
    "limit s",
    "wall s",
    "over s (allowed)",
    "outcome",
    "time limit",
  ];
  const table = await timedTable({ prefix: "memplan_limits_", header, seed }, async (dir, row) => {
    for (const run of parseLimitRuns(values.runs)) {
      const what = run.kind === "ilp" ? "tight" : "graph";
      const input = `${dir}/${what}-${run.size}.${what === "tight" ? "csv" : "json"}`;
      const peak = Number(await self(what, `${run.size}`, `${seed}`, input));
      const output = `${dir}/out`;
      await Deno.remove(output).catch(() => {});
      const args = commandOf(run, input, output, Math.floor(share * peak));
      const { out, wall, summary: s } = await timedCli(args);
      let outcome = `exit ${out.code}`;
      const note = String(s?.timeNote ?? "");
      if (s?.status) outcome += `, ${s.status}`;
      if (s?.arena && s?.peakLive) {
        outcome += `, arena / peak live ${(Number(s.arena) / Number(s.peakLive)).toFixed(4)}`;
      }
      row(
        `| ${labelOf(run)} | ${run.size} | ${run.limit} | ${wall.toFixed(2)} | ${
          overCell(wall, run.limit)
        } | ${outcome} | ${note} |`,
      );
    }
  });
  console.log(table);
  return 0;
}

/**
 * `write graph|tight SIZE SEED FILE`: writes the input and prints its
 * program-order peak (graphs) or peak live (problems).
 */
async function write([what, size, seed, file]: string[]): Promise<number> {
  if (what === "graph") {
    const { randomTrainingGraph } = await import("../testkit/training_graph.ts");
    const { indexGraph } = await import("../graph/indexed_graph.ts");
    const { programOrderPeak } = await import("../graph/metrics.ts");
    const graph = randomTrainingGraph({ tensors: Number(size), seed: Number(seed) });
    await Deno.writeTextFile(file, JSON.stringify(graph));
    console.log(programOrderPeak(indexGraph(graph)).bytes);
    return 0;
  }
  const { largeInstance } = await import("./placement/large_instance.ts");
  const { formatMinimallocCsv } = await import("../graph/minimalloc_csv.ts");
  const { problemPeakLive } = await import("../graph/placement_problem.ts");
  const p = largeInstance({ family: "tight", buffers: Number(size), seed: Number(seed) });
  await Deno.writeTextFile(file, formatMinimallocCsv(p));
  console.log(problemPeakLive(p));
  return 0;
}

/** This file in a child process; its standard output. */
async function self(...args: string[]): Promise<string> {
  const out = await new Deno.Command(Deno.execPath(), {
    args: ["run", "-A", new URL(import.meta.url).pathname, "write", ...args],
    stdout: "piped",
    stderr: "inherit",
  }).output();
  if (!out.success) throw new Error(`write ${args.join(" ")}: exit ${out.code}`);
  return new TextDecoder().decode(out.stdout);
}

if (import.meta.main) Deno.exit(await main(Deno.args));
