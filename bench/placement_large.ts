/**
 * Benchmark of `memplan place` as a user runs it, on large generated problems
 * and under time limits: the CLI in a child process (`--minimize
 * --time-limit T`, default placer), its wall time (start-up, reading,
 * placing, verifying, writing), and its written placement checked again by
 * the simulator's verifier. Generating and checking run in child processes
 * of their own (bench/placement/large_instance.ts), so that this one stays
 * small while the CLI runs. One Markdown row per run: family, buffers,
 * limit, wall, overrun beyond the limit against the allowance max(0.5 s,
 * 5%), arena / peak live.
 *
 * ```
 * deno run -A bench/placement_large.ts --runs training:20000:60,compiler:60000:60,training:60000:1
 * ```
 *
 * Each run is `family:buffers:limit` with family `training` (program order
 * of a random training graph), `compiler` (compiler-like plan), `llm`
 * (LLM-like plan, bench/generators/llm.ts), `random` (random intervals,
 * bench/generators/random_intervals.ts) or `tight` (a rectangle cut into that many buffers,
 * bench/generators/tight.ts: optimum = peak live, known), of seed `--seed` (default 1); `:foreign` after it
 * writes the problem as another tool might (bench/generators/foreign_style.ts). The last column is what
 * the CLI said of the time limit (its JSON `timeNote`).
 *
 * @module
 */
import { benchArgs } from "./placement/args.ts";
import { randomIntervalShape } from "./generators/random_intervals.ts";
import type { LargeFamily, WrittenCheck } from "./placement/large_instance.ts";
import { timedTable } from "./placement/timed_table.ts";

/** One run of the table. */
export interface LargeRun {
  family: LargeFamily;
  buffers: number;
  limit: number;
  /** Written as another tool might (bench/generators/foreign_style.ts). */
  foreign?: boolean;
}

/**
 * Parses `family:buffers:limit[:foreign],…`.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { parseRuns } from "./placement_large.ts";
 * assert.deepEqual(parseRuns("training:20000:60"), [{ family: "training", buffers: 20000, limit: 60 }]);
 * assert.equal(parseRuns("llm:1000:1:foreign")[0].foreign, true);
 * ```
 */
export function parseRuns(text: string): LargeRun[] {
  return text.split(",").map((part) => {
    const m = /^(training|compiler|llm|random|tight):(\d+):(\d+(?:\.\d+)?)(:foreign)?$/.exec(
      part.trim(),
    );
    if (!m) throw new Error(`--runs: "${part}" is not family:buffers:limit[:foreign]`);
    const run: LargeRun = {
      family: m[1] as LargeRun["family"],
      buffers: Number(m[2]),
      limit: Number(m[3]),
    };
    if (m[4]) run.foreign = true;
    return run;
  });
}

/**
 * The allowance over a time limit: max(0.5 s, 5%).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { allowance } from "./placement_large.ts";
 * assert.equal(allowance(1), 0.5);
 * assert.equal(allowance(60), 3);
 * ```
 */
export function allowance(limit: number): number {
  return Math.max(0.5, 0.05 * limit);
}

/**
 * The table cell of a run's overrun: seconds past the limit, the allowance,
 * and a bold **over** when past it.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { overCell } from "./placement_large.ts";
 * assert.equal(overCell(1.2, 1), "0.20 (0.5)");
 * assert.equal(overCell(2, 1), "1.00 (0.5) **over**");
 * ```
 */
export function overCell(wall: number, limit: number): string {
  const over = wall - limit;
  return `${over.toFixed(2)} (${allowance(limit).toFixed(1)})${
    over > allowance(limit) ? " **over**" : ""
  }`;
}

const USAGE = `usage: deno run -A bench/placement_large.ts [options]
  --runs LIST   family:buffers:limit[:foreign],… with family training, compiler, llm,
                random or tight (default training:10000:60); :foreign writes the problem as another
                tool might: ids not one prefix and a number, times in nanoseconds, not steps
  --seed N      the generators' seed (default 1); random draws its shape from it
  --help        this text`;

async function main(args: string[]): Promise<number> {
  const parsed = benchArgs(args, {
    runs: { type: "string", default: "training:10000:60" },
    seed: { type: "string", default: "1" },
  }, USAGE);
  if ("exit" in parsed) return parsed.exit;
  const { values } = parsed;
  const seed = Number(values.seed);
  if (!Number.isSafeInteger(seed)) {
    console.error(`--seed must be an integer, got ${values.seed}`);
    return 2;
  }
  const here = new URL("./placement/large_instance.ts", import.meta.url).pathname;
  const header = [
    "family",
    "buffers",
    "limit s",
    "wall s",
    "over s (allowed)",
    "height / peak live",
    "verified",
    "time limit",
  ];
  const table = await timedTable({ prefix: "memplan_large_", header, seed }, async (dir, row) => {
    for (const run of parseRuns(values.runs)) {
      const input = `${dir}/${run.family}-${run.buffers}.csv`, output = `${dir}/out.csv`;
      await child(
        here,
        "write",
        run.family,
        `${run.buffers}`,
        `${seed}`,
        run.foreign ? "foreign" : "plain",
        input,
      );
      await Deno.remove(output).catch(() => {});
      const { out, wall, summary } = await timedCli([
        "place",
        input,
        "-o",
        output,
        "--minimize",
        "--time-limit",
        `${run.limit}`,
        "--json",
      ]);
      const timeNote = summary?.timeNote ?? "";
      let height = "–", verified = out.success ? "no output" : `exit ${out.code}`;
      const check: WrittenCheck = JSON.parse(await child(here, "check", input, output));
      if (check.heightOverPeakLive !== undefined) {
        height = check.heightOverPeakLive.toFixed(5);
        verified = check.verified;
      }
      row(
        `| ${run.family}${run.foreign ? " (foreign)" : ""}${
          run.family === "random" ? ` ${shapeNote(seed)}` : ""
        } | ${run.buffers} | ${run.limit} | ${wall.toFixed(2)} | ${
          overCell(wall, run.limit)
        } | ${height} | ${verified} | ${timeNote} |`,
      );
    }
  });
  console.log(table);
  return 0;
}

/**
 * Runs `memplan ARGS` (the CLI of this checkout) in a child process as a user
 * would: its output, its wall time in seconds, and its JSON summary when it
 * printed one.
 */
export async function timedCli(
  args: string[],
): Promise<{ out: Deno.CommandOutput; wall: number; summary?: Record<string, unknown> }> {
  const cli = new URL("../cli/main.ts", import.meta.url).pathname;
  const t0 = performance.now();
  const out = await new Deno.Command(Deno.execPath(), {
    args: ["run", "-A", cli, ...args],
    stdout: "piped",
    stderr: "piped",
  }).output();
  const wall = (performance.now() - t0) / 1000;
  try {
    return { out, wall, summary: JSON.parse(new TextDecoder().decode(out.stdout)) };
  } catch {
    return { out, wall }; // no summary: the exit code says why
  }
}

/** The shape a random-interval seed drew, for its row. */
function shapeNote(seed: number): string {
  const s = randomIntervalShape(seed);
  return `(${s.alive} alive, lifespans 1–${s.longest}, ${s.sizes} sizes)`;
}

/** Runs bench/placement/large_instance.ts in a child process; its standard output. */
async function child(script: string, ...args: string[]): Promise<string> {
  const out = await new Deno.Command(Deno.execPath(), {
    args: ["run", "-A", script, ...args],
    stdout: "piped",
    stderr: "inherit",
  }).output();
  if (!out.success) throw new Error(`${script} ${args.join(" ")}: exit ${out.code}`);
  return new TextDecoder().decode(out.stdout);
}

if (import.meta.main) Deno.exit(await main(Deno.args));
