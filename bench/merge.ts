/**
 * Joining the folders of a sharded sweep: `memplan bench merge A.jsonl B.jsonl
 * … --out DIR` reads every results file, keeps one row per key (a later file
 * wins) and writes the joined results.jsonl and reports.
 *
 * @module
 */
import { join } from "node:path";
import { EXIT } from "../pipeline/exit.ts";
import { InputError } from "../graph/input_error.ts";
import type { BenchRow } from "./record.ts";
import { dedupeRows, readResults, RESULTS_FILE, writeResults } from "./results_file.ts";
import { writeReports } from "./write_reports.ts";

/** What {@linkcode mergeResults} did. */
export interface MergeOutcome {
  /** 1 (`EXIT.violations`) when a merged row failed verification, else 0. */
  exitCode: number;
  /** Rows read, duplicates included. */
  read: number;
  rows: BenchRow[];
  failed: BenchRow[];
  files: string[];
}

/**
 * Merges results files into `out`. A folder may be given for its results.jsonl.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { tinyRows } from "./_tiny_rows_test_util.ts";
 * import { writeResults } from "./results_file.ts";
 * const dir = await Deno.makeTempDir();
 * const rows = await tinyRows();
 * await writeResults(`${dir}/shard-1/results.jsonl`, rows.slice(0, 2));
 * await writeResults(`${dir}/shard-2/results.jsonl`, rows.slice(2));
 * const merged = await mergeResults({
 *   files: [`${dir}/shard-1/results.jsonl`, `${dir}/shard-2`],
 *   out: `${dir}/all`,
 * });
 * assert.deepEqual([merged.exitCode, merged.rows.length], [0, 5]);
 * await Deno.remove(dir, { recursive: true });
 * ```
 */
export async function mergeResults(
  options: { files: readonly string[]; out: string; command?: string },
): Promise<MergeOutcome> {
  const all: BenchRow[] = [];
  for (const f of options.files) {
    const stat = await Deno.stat(f).catch(() => {
      throw new InputError([{ file: f, where: "", message: "no such results file or folder" }]);
    });
    all.push(...await readResults(stat.isDirectory ? join(f, RESULTS_FILE) : f));
  }
  const rows = dedupeRows(all);
  const resultsFile = join(options.out, RESULTS_FILE);
  await writeResults(resultsFile, rows);
  const files = [resultsFile, ...await writeReports(options.out, rows, options)];
  const failed = rows.filter((r) => !r.verified);
  return {
    exitCode: failed.length ? EXIT.violations : EXIT.ok,
    read: all.length,
    rows,
    failed,
    files,
  };
}
