/**
 * `summary.md`: the benchmark as Markdown tables, one section per kind of
 * input, failures first.
 *
 * @module
 */
import { markdownTable } from "npm:markdown-table@3.1.0";
import { failureText } from "./failure.ts";
import { count, humanBytes, percent, seconds, signedPercent } from "./format.ts";
import type { BenchRow } from "./record.ts";
import { scalingMarkdown } from "./scaling.ts";

/** Options of {@linkcode summaryMarkdown}. */
export interface SummaryOptions {
  /** The command that produced the rows, quoted in the header. */
  command?: string;
}

/**
 * The whole summary. Changes are signed: "-30.0%" is 30 % less memory than
 * the reference.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { tinyRows } from "./_tiny_rows_test_util.ts";
 * const md = summaryMarkdown(await tinyRows(), { command: "memplan bench --quick" });
 * assert.match(md, /memplan bench --quick/);
 * ```
 */
export function summaryMarkdown(rows: readonly BenchRow[], options: SummaryOptions = {}): string {
  const failed = rows.filter((r) => !r.verified);
  const models = rows.filter((r) => r.kind === "graph" && r.suite !== "random");
  const random = rows.filter((r) => r.kind === "graph" && r.suite === "random");
  const csv = rows.filter((r) => r.kind === "csv");
  const speed = rows.filter((r) => r.kind === "verify-speed");
  const out: string[] = ["# memplan benchmark", ""];
  out.push(
    `${rows.length} runs, ${failed.length} failed verification. Deno ${Deno.version.deno}, ` +
      `${navigator.hardwareConcurrency} cores.` +
      (options.command ? ` Command: \`${options.command}\`.` : ""),
    "",
  );
  if (failed.length) {
    out.push("## FAILED", "", ...failed.map((r) => `- **${failureText(r)}**`), "");
  }
  if (models.length) out.push("## Training graphs", "", GRAPH_NOTES, "", graphTable(models), "");
  if (csv.length) {
    out.push("## Buffer problems (minimalloc CSV)", "", CSV_NOTES, "", csvTable(csv), "");
  }
  if (random.length) {
    out.push("## Random graphs", "", graphTable(random), "");
    out.push("## Scaling (random graphs)", "", scalingMarkdown(random), "");
  }
  if (speed.length) out.push("## Verify speed", "", SPEED_NOTES, "", speedTable(speed), "");
  return out.join("\n");
}

const GRAPH_NOTES = [
  "Runs: the two baselines, every scheduler with the reference placer and every placer under the",
  "reference scheduler (`best` when registered, else `greedy` / `greedy-size`; bench/matrix.ts).",
  "Every plan is replayed by the simulator. `program@pytorch` and `program@best-fit` are the",
  "baselines: program order placed online by a model of PyTorch's caching allocator and by best-fit",
  "(the `allocator` column; `static` = the plan's own offsets). *PO* = program-order peak, the peak live",
  "of the file's order; *vs PO* compares the arena (or the peak live) with it; *vs pytorch* compares",
  "the arena with the `program@pytorch` arena. The lower bound holds for every schedule; *gap* =",
  "(arena − bound) / arena.",
].join("\n");

const CSV_NOTES = [
  "Fixed lifetimes: the lower bound is the peak live. Capacity comes from the file name",
  "`X.<capacity>.csv`; a placement over it is valid but does not fit (*fits* = no).",
].join("\n");

const SPEED_NOTES = [
  "A generated graph and a valid static plan: `JSON.parse` of both files against validate + index +",
  "resolve the plan + simulate + verify (the verification should cost no more than reading), both",
  "timed in a fresh Deno process that does only this, as `memplan verify` would; peak RSS is that",
  "process's.",
].join("\n");

function verdict(r: BenchRow): string {
  return r.verified ? "yes" : "**NO**";
}

function statusText(r: BenchRow): string {
  return r.overTimeLimit ? `${r.status} (over limit)` : r.status;
}

function graphTable(rows: readonly BenchRow[]): string {
  const pytorch = new Map(
    rows.filter((r) => r.planner === "program@pytorch").map((r) => [r.input, r.arena]),
  );
  const change = (value?: number, base?: number) =>
    value !== undefined && base ? signedPercent(value / base - 1) : "";
  return markdownTable(
    [
      [
        "model",
        "planner",
        "allocator",
        "status",
        "PO peak",
        "peak live",
        "arena",
        "frag.",
        "arena vs PO",
        "peak live vs PO",
        "vs pytorch",
        "lower bound",
        "gap",
        "time",
        "peak RSS",
        "verified",
      ],
      ...rows.map((r) => [
        r.name,
        r.planner,
        r.allocator,
        statusText(r),
        humanBytes(r.programOrderPeak),
        humanBytes(r.peakLive),
        humanBytes(r.arena),
        percent(r.fragmentation),
        change(r.arena, r.programOrderPeak),
        change(r.peakLive, r.programOrderPeak),
        change(r.arena, pytorch.get(r.input)),
        r.lowerBound !== undefined ? `${humanBytes(r.lowerBound)} (${r.lowerBoundKind})` : "",
        percent(r.gap),
        seconds(r.seconds),
        humanBytes(r.peakRssMiB * 2 ** 20),
        verdict(r),
      ]),
    ],
    { align: ["l", "l", "l", "l", ...Array(11).fill("r"), "l"] },
  );
}

function csvTable(rows: readonly BenchRow[]): string {
  return markdownTable(
    [
      [
        "problem",
        "buffers",
        "capacity",
        "placer",
        "status",
        "fits",
        "peak live (bound)",
        "arena",
        "frag.",
        "gap",
        "time",
        "peak RSS",
        "verified",
      ],
      ...rows.map((r) => [
        r.name,
        count(r.size),
        humanBytes(r.capacity),
        r.planner,
        statusText(r),
        r.fits === undefined ? "" : r.fits ? "yes" : "no",
        humanBytes(r.peakLive),
        humanBytes(r.arena),
        percent(r.fragmentation),
        percent(r.gap),
        seconds(r.seconds),
        humanBytes(r.peakRssMiB * 2 ** 20),
        verdict(r),
      ]),
    ],
    { align: ["l", "r", "r", "l", "l", "l", "r", "r", "r", "r", "r", "r", "l"] },
  );
}

function speedTable(rows: readonly BenchRow[]): string {
  return markdownTable(
    [
      [
        "tensors",
        "ops",
        "JSON.parse",
        "validate+index+simulate+verify",
        "ratio",
        "peak RSS",
        "verified",
      ],
      ...rows.map((r) => [
        count(r.size),
        count(r.ops),
        seconds(r.parseSeconds),
        seconds(r.verifySeconds),
        r.parseSeconds ? `${(r.verifySeconds! / r.parseSeconds).toFixed(2)}×` : "",
        humanBytes(r.peakRssMiB * 2 ** 20),
        verdict(r),
      ]),
    ],
    { align: ["r", "r", "r", "r", "r", "r", "l"] },
  );
}
