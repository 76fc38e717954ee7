/**
 * Scaling on random graphs: seconds and peak RSS of each part of the pipeline
 * (simulator, each scheduler, each placer) per graph size, and the largest
 * size each handles within a time budget (10 minutes by default).
 *
 * @module
 */
import { markdownTable } from "npm:markdown-table@3.1.0";
import { count, humanBytes, seconds } from "./format.ts";
import type { BenchRow } from "./record.ts";

/** One part of the pipeline at one size. */
export interface ScalingCell {
  seconds: number;
  peakRssMiB: number;
  /** Finished without error, timeout or failed verification. */
  ok: boolean;
}

/** One part of the pipeline across sizes. */
export interface ScalingLine {
  /** E.g. `simulator: verify a static plan`, `scheduler greedy`, `placer greedy-size`. */
  part: string;
  bySize: Map<number, ScalingCell>;
}

/** Ten minutes: the budget the README quotes. */
export const SCALING_BUDGET_SECONDS = 600;

/**
 * The scaling lines of the random-graph rows: the simulator verifying a
 * static plan (slowest replay at that size), the two online allocator models
 * on program order, each scheduler (its own seconds) and each placer (its own
 * seconds, slowest over the orders it placed).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { PLACERS, SCHEDULERS } from "../solver/registry.ts";
 * import { randomInputs } from "./inputs.ts";
 * import { benchTasks } from "./matrix.ts";
 * import type { BenchRow } from "./record.ts";
 * import { runInput } from "./run_input.ts";
 * const [input] = randomInputs([1000], 1);
 * const tasks = benchTasks(input, { schedulers: ["greedy"], placers: ["greedy-size"], timeLimit: 60, seed: 1 });
 * const rows: BenchRow[] = [];
 * const tables = { schedulers: SCHEDULERS, placers: PLACERS };
 * for await (const row of runInput(input, tasks, { tables })) rows.push(row);
 * assert.deepEqual(scalingLines(rows).map((l) => l.part), [
 *   "simulator: pytorch allocator, program order",
 *   "simulator: best-fit allocator, program order",
 *   "simulator: verify a static plan",
 *   "scheduler greedy",
 *   "placer greedy-size",
 * ]);
 * ```
 */
export function scalingLines(rows: readonly BenchRow[]): ScalingLine[] {
  const lines = new Map<string, ScalingLine>();
  const put = (part: string, size: number, s: number | undefined, rss: number, ok: boolean) => {
    if (s === undefined) return;
    let line = lines.get(part);
    if (!line) lines.set(part, line = { part, bySize: new Map() });
    const old = line.bySize.get(size);
    if (!old || s > old.seconds) line.bySize.set(size, { seconds: s, peakRssMiB: rss, ok });
  };
  const random = rows.filter((r) => r.suite === "random" && r.kind === "graph");
  for (const r of random) {
    const ok = r.verified && r.status !== "error" && r.status !== "timeout";
    if (r.placer === undefined) {
      put(
        `simulator: ${r.allocator} allocator, program order`,
        r.size,
        r.seconds,
        r.peakRssMiB,
        ok,
      );
      continue;
    }
    put("simulator: verify a static plan", r.size, r.verifySeconds, r.peakRssMiB, r.verified);
    put(
      `scheduler ${r.scheduler}`,
      r.size,
      r.scheduleSeconds,
      r.peakRssMiB,
      r.scheduleStatus !== "timeout" && r.status !== "error",
    );
    put(
      `placer ${r.placer}`,
      r.size,
      r.placeSeconds,
      r.peakRssMiB,
      r.verified && r.placeStatus !== "timeout",
    );
  }
  const rank = (p: string) => (p.startsWith("simulator") ? 0 : p.startsWith("scheduler") ? 1 : 2);
  return [...lines.values()].sort((a, b) => rank(a.part) - rank(b.part));
}

/**
 * The largest size run within `budget` seconds, and the size where a power
 * law through the two largest sizes run reaches the budget (a projection).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * // 1,000 and 10,000 tensors in 6 and 60 s: linear, so 600 s reach 100,000
 * const line = {
 *   part: "placer greedy-size",
 *   bySize: new Map([
 *     [1000, { seconds: 6, peakRssMiB: 80, ok: true }],
 *     [10000, { seconds: 60, peakRssMiB: 90, ok: true }],
 *   ]),
 * };
 * const r = largestWithin(line, 600);
 * assert.deepEqual([r.largest, r.tried], [10000, 10000]);
 * assert.ok(Math.abs(r.projected! - 100_000) < 1e-6);
 * ```
 */
export function largestWithin(
  line: ScalingLine,
  budget = SCALING_BUDGET_SECONDS,
): { largest?: number; tried: number; projected?: number } {
  const sizes = [...line.bySize.keys()].sort((a, b) => a - b);
  const within = sizes.filter((n) => {
    const c = line.bySize.get(n)!;
    return c.ok && c.seconds <= budget;
  });
  const largest = within.at(-1);
  const tried = sizes.at(-1) ?? 0;
  let projected: number | undefined;
  if (within.length >= 2 && largest === tried) {
    const [n1, n2] = within.slice(-2);
    const t1 = Math.max(line.bySize.get(n1)!.seconds, 1e-4);
    const t2 = Math.max(line.bySize.get(n2)!.seconds, 1e-4);
    const slope = Math.log(t2 / t1) / Math.log(n2 / n1);
    if (slope > 0.1) projected = n2 * (budget / t2) ** (1 / slope);
  }
  return { largest, tried, ...(projected !== undefined ? { projected } : {}) };
}

/** Past 100× the largest size tried a power law says little: say only that. */
function projection(projected: number | undefined, tried: number): string {
  if (projected === undefined) return "—";
  if (projected > 100 * tried) return `> ${count(100 * tried)}`;
  return `≈ ${count(Number(projected.toPrecision(2)))}`;
}

/**
 * The scaling report as Markdown: seconds (and peak RSS) per part and size,
 * then the largest size each part handles within ten minutes.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { PLACERS, SCHEDULERS } from "../solver/registry.ts";
 * import { randomInputs } from "./inputs.ts";
 * import { benchTasks } from "./matrix.ts";
 * import type { BenchRow } from "./record.ts";
 * import { runInput } from "./run_input.ts";
 * const [input] = randomInputs([1000], 1);
 * const tasks = benchTasks(input, { schedulers: ["greedy"], placers: ["greedy-size"], timeLimit: 60, seed: 1 });
 * const rows: BenchRow[] = [];
 * const tables = { schedulers: SCHEDULERS, placers: PLACERS };
 * for await (const row of runInput(input, tasks, { tables })) rows.push(row);
 * assert.match(scalingMarkdown(rows), /placer greedy-size/);
 * ```
 */
export function scalingMarkdown(rows: readonly BenchRow[]): string {
  const lines = scalingLines(rows);
  if (lines.length === 0) return "No random-graph runs (use `--random 1000,10000,…`).\n";
  const sizes = [...new Set(lines.flatMap((l) => [...l.bySize.keys()]))].sort((a, b) => a - b);
  const cell = (c: ScalingCell | undefined) =>
    c ? `${seconds(c.seconds)} · ${humanBytes(c.peakRssMiB * 2 ** 20)}${c.ok ? "" : " ✗"}` : "—";
  const timeTable = markdownTable(
    [
      ["part", ...sizes.map((n) => `${count(n)} tensors`)],
      ...lines.map((l) => [l.part, ...sizes.map((n) => cell(l.bySize.get(n)))]),
    ],
    { align: ["l", ...sizes.map(() => "r")] },
  );
  const limitTable = markdownTable(
    [
      ["part", "largest size within 10 min", "largest tried", "projected size at 10 min"],
      ...lines.map((l) => {
        const w = largestWithin(l);
        return [
          l.part,
          w.largest === undefined ? "none" : count(w.largest),
          count(w.tried),
          projection(w.projected, w.tried),
        ];
      }),
    ],
    { align: ["l", "r", "r", "r"] },
  );
  return [
    "Cells: seconds · peak RSS of the process during the run (✗: error, timeout or failed verification).",
    "A scheduler's seconds are its own; a placer's are its own on the order it was given (the slowest",
    "if several); the simulator's verify is the replay of a static plan, the slowest at that size.",
    "",
    timeTable,
    "",
    "The projection fits a power law through the two largest sizes and is only a guide; memory",
    "(peak RSS above) may be the limit first.",
    "",
    limitTable,
    "",
  ].join("\n");
}
