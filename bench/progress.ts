/**
 * Progress of a sweep: a bar on a terminal (cli-progress), one plain line per
 * run otherwise (logs, CI, Slurm output files). A failed verification is
 * always its own line, in red on a terminal.
 *
 * @module
 */
// @ts-types="npm:@types/cli-progress@3.11.6"
import cliProgress from "npm:cli-progress@3.12.0";
import { failureText } from "./failure.ts";
import { humanBytes, seconds, signedPercent } from "./format.ts";
import type { BenchTask } from "./matrix.ts";
import type { BenchRow } from "./record.ts";

/** What the runner tells the progress display. */
export interface ProgressReporter {
  /** A task starts. */
  start(task: BenchTask): void;
  /** A task ended with this row. */
  done(row: BenchRow): void;
  /** A message that must stay visible (it goes above the bar). */
  note(text: string): void;
  stop(): void;
}

/** `auto`: a bar when stdout is a terminal, else lines; `none` prints only failures. */
export type ProgressMode = "auto" | "bar" | "lines" | "none";

/**
 * A progress display for `total` runs.
 *
 * @example
 * ```ts
 * import { tinyRows } from "./_tiny_rows_test_util.ts";
 * import { pathInputs } from "./inputs.ts";
 * import { benchTasks } from "./matrix.ts";
 * const [input] = await pathInputs(["testdata/graphs/tiny.json"]);
 * const tasks = benchTasks(input, {
 *   schedulers: ["program", "greedy"], placers: ["greedy-size", "first-fit"], timeLimit: 60, seed: 1,
 * });
 * const rows = await tinyRows(); // the rows of these tasks
 * const p = createProgress(tasks.length, "none"); // "none": prints only failures
 * tasks.forEach((task, i) => {
 *   p.start(task);
 *   p.done(rows[i]);
 * });
 * p.stop();
 * ```
 */
export function createProgress(total: number, mode: ProgressMode = "auto"): ProgressReporter {
  const bar = mode === "bar" || (mode === "auto" && Deno.stdout.isTerminal());
  return bar ? new BarProgress(total) : new LineProgress(total, mode !== "none");
}

/**
 * One line describing a finished run.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { tinyRows } from "./_tiny_rows_test_util.ts";
 * const [, , row] = await tinyRows();
 * // e.g. "tiny  program+greedy-size  arena 22 B (0.0% vs PO)  optimal  1.20 ms  ok"
 * assert.match(rowLine(row), /^tiny {2}program\+greedy-size {2}arena 22 B \(0\.0% vs PO\) {2}optimal .* ok$/);
 * ```
 */
export function rowLine(row: BenchRow): string {
  const parts = [row.name, row.planner];
  if (row.kind === "verify-speed") {
    parts.push(`parse ${seconds(row.parseSeconds)}, verify ${seconds(row.verifySeconds)}`);
  } else if (row.arena !== undefined) {
    let arena = `arena ${humanBytes(row.arena)}`;
    if (row.programOrderPeak) {
      arena += ` (${signedPercent(row.arena / row.programOrderPeak - 1)} vs PO)`;
    }
    if (row.fits !== undefined) arena += row.fits ? ", fits" : ", over capacity";
    parts.push(arena, row.status);
  }
  parts.push(seconds(row.seconds), row.verified ? "ok" : "FAILED");
  return parts.join("  ");
}

function red(text: string): string {
  return Deno.stderr.isTerminal() && !Deno.noColor ? `\x1b[31;1m${text}\x1b[0m` : text;
}

function failureLine(row: BenchRow): string {
  return red(`FAILED ${failureText(row)}`);
}

class LineProgress implements ProgressReporter {
  #total: number;
  #done = 0;
  #verbose: boolean;
  constructor(total: number, verbose: boolean) {
    this.#total = total;
    this.#verbose = verbose;
  }
  start(): void {}
  done(row: BenchRow): void {
    this.#done++;
    if (this.#verbose) console.log(`[${this.#done}/${this.#total}] ${rowLine(row)}`);
    if (!row.verified) console.error(failureLine(row));
  }
  note(text: string): void {
    console.error(text);
  }
  stop(): void {}
}

class BarProgress implements ProgressReporter {
  #multi: cliProgress.MultiBar;
  #bar: cliProgress.SingleBar;
  constructor(total: number) {
    this.#multi = new cliProgress.MultiBar({
      format: "{bar} {value}/{total} | {duration_formatted} | {label}",
      hideCursor: true,
      clearOnComplete: false,
      stopOnComplete: false,
      stream: process.stdout,
    }, cliProgress.Presets.shades_classic);
    this.#bar = this.#multi.create(total, 0, { label: "" });
  }
  start(task: BenchTask): void {
    this.#bar.update({ label: `${task.input.name} · ${task.planner}` });
  }
  done(row: BenchRow): void {
    if (!row.verified) this.#multi.log(failureLine(row) + "\n");
    this.#bar.increment(1);
  }
  note(text: string): void {
    this.#multi.log(text + "\n");
  }
  stop(): void {
    this.#bar.update({ label: "done" });
    this.#multi.stop();
  }
}
