/**
 * Everything a benchmark folder holds besides results.jsonl, rebuilt from the
 * rows: summary.md, summary.csv, scaling.md and the three SVG charts.
 *
 * @module
 */
import { join } from "node:path";
import { writeTextAtomic } from "../graph/write_output.ts";
import { fragmentationChart, peakChart, solveTimeChart } from "./charts.ts";
import type { BenchRow } from "./record.ts";
import { renderSvg } from "./render_svg.ts";
import { scalingMarkdown } from "./scaling.ts";
import { summaryCsv } from "./summary_csv.ts";
import { summaryMarkdown } from "./summary_md.ts";

/** The report files, by role. */
export const REPORT_FILES = {
  markdown: "summary.md",
  csv: "summary.csv",
  scaling: "scaling.md",
  peak: "peak.svg",
  solveTime: "solve_time.svg",
  fragmentation: "fragmentation.svg",
} as const;

/**
 * Writes the reports of `rows` into `dir` and returns the paths written.
 * scaling.md is written only when there are random-graph rows.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { tinyRows } from "./_tiny_rows_test_util.ts";
 * const dir = await Deno.makeTempDir();
 * const files = await writeReports(dir, await tinyRows(), { command: "memplan bench --quick" });
 * assert.equal(files.length, 5); // no random-graph rows: no scaling.md
 * await Deno.remove(dir, { recursive: true });
 * ```
 */
export async function writeReports(
  dir: string,
  rows: readonly BenchRow[],
  options: { command?: string } = {},
): Promise<string[]> {
  await Deno.mkdir(dir, { recursive: true });
  const files: [string, string][] = [
    [REPORT_FILES.markdown, summaryMarkdown(rows, options)],
    [REPORT_FILES.csv, summaryCsv(rows)],
    [REPORT_FILES.peak, await renderSvg(peakChart(rows))],
    [REPORT_FILES.solveTime, await renderSvg(solveTimeChart(rows))],
    [REPORT_FILES.fragmentation, await renderSvg(fragmentationChart(rows))],
  ];
  if (rows.some((r) => r.suite === "random" && r.kind === "graph")) {
    files.push([
      REPORT_FILES.scaling,
      `# memplan scaling on random training graphs\n\n${scalingMarkdown(rows)}`,
    ]);
  }
  const written: string[] = [];
  for (const [name, text] of files) {
    const path = join(dir, name);
    await writeTextAtomic(path, text);
    written.push(path);
  }
  return written;
}
