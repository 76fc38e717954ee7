/**
 * `results.jsonl`: one {@linkcode BenchRow} per line, appended as each run
 * ends so an interrupted sweep loses at most the run in progress.
 *
 * @module
 */
import { dirname } from "node:path";
import { writeTextAtomic } from "../graph/write_output.ts";
import type { BenchRow } from "./record.ts";

/** The name of the results file inside an output folder. */
export const RESULTS_FILE = "results.jsonl";

/**
 * Reads the rows of a results file; a missing file has none. A line that is
 * not a JSON object (say, cut short by a killed job) is skipped with a warning.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { tinyRows } from "./_tiny_rows_test_util.ts";
 * const dir = await Deno.makeTempDir();
 * await writeResults(`${dir}/results.jsonl`, await tinyRows());
 * const rows = await readResults(`${dir}/results.jsonl`);
 * assert.equal(rows.length, 5);
 * assert.deepEqual(await readResults(`${dir}/none.jsonl`), []); // no file yet: no rows
 * await Deno.remove(dir, { recursive: true });
 * ```
 */
export async function readResults(file: string): Promise<BenchRow[]> {
  const parsed = await parseResults(file);
  for (const line of parsed.bad) {
    console.error(`memplan: ${file}: line ${line} is not a result row; skipped`);
  }
  return parsed.rows;
}

interface ParsedResults {
  rows: BenchRow[];
  /** The text of each good line, in file order. */
  lines: string[];
  /** 1-based numbers of the lines that are not rows. */
  bad: number[];
  /** The file does not end with a newline: its last line was cut short. */
  torn: boolean;
}

async function parseResults(file: string): Promise<ParsedResults> {
  let text: string;
  try {
    text = await Deno.readTextFile(file);
  } catch (e) {
    if (e instanceof Deno.errors.NotFound) return { rows: [], lines: [], bad: [], torn: false };
    throw e;
  }
  const rows: BenchRow[] = [], good: string[] = [], bad: number[] = [];
  const lines = text.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].trim();
    if (!line) continue;
    try {
      const row = JSON.parse(line);
      if (row && typeof row === "object" && typeof row.key === "string") {
        rows.push(row);
        good.push(line);
      } else throw new Error("no key");
    } catch {
      bad.push(i + 1);
    }
  }
  return { rows, lines: good, bad, torn: text.length > 0 && !text.endsWith("\n") };
}

/**
 * Reads a results file before a sweep resumes, and repairs it: a line that is
 * not a row (the last one, torn by a killed job, or any other) is dropped from
 * the file, atomically, so its run is done again and appended rows start on a
 * line of their own. Says on stderr what it dropped.
 *
 * @example
 * ```ts
 * const rows = await repairResults("bench/results/results.jsonl");
 * ```
 */
export async function repairResults(file: string): Promise<BenchRow[]> {
  const parsed = await parseResults(file);
  if (parsed.bad.length === 0 && !parsed.torn) return parsed.rows;
  await writeTextAtomic(file, parsed.lines.map((l) => l + "\n").join(""));
  console.error(
    parsed.bad.length
      ? `memplan: ${file}: line ${parsed.bad.join(", ")}: not a complete result row; ` +
        "removed, its run is done again"
      : `memplan: ${file}: the last line had no line end; added`,
  );
  return parsed.rows;
}

/**
 * Appends one row (creating the folder and file as needed).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { tinyRows } from "./_tiny_rows_test_util.ts";
 * const dir = await Deno.makeTempDir();
 * const [row] = await tinyRows();
 * await appendResult(`${dir}/results/results.jsonl`, row);
 * await appendResult(`${dir}/results/results.jsonl`, row);
 * assert.equal((await readResults(`${dir}/results/results.jsonl`)).length, 2);
 * await Deno.remove(dir, { recursive: true });
 * ```
 */
export async function appendResult(file: string, row: BenchRow): Promise<void> {
  await Deno.mkdir(dirname(file), { recursive: true });
  await Deno.writeTextFile(file, JSON.stringify(row) + "\n", { append: true });
}

/**
 * Replaces a results file with `rows`, atomically.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { tinyRows } from "./_tiny_rows_test_util.ts";
 * const dir = await Deno.makeTempDir();
 * const rows = await tinyRows();
 * await writeResults(`${dir}/merged/results.jsonl`, dedupeRows([...rows, ...rows]));
 * assert.equal((await readResults(`${dir}/merged/results.jsonl`)).length, rows.length);
 * await Deno.remove(dir, { recursive: true });
 * ```
 */
export async function writeResults(file: string, rows: readonly BenchRow[]): Promise<void> {
  await Deno.mkdir(dirname(file), { recursive: true });
  await writeTextAtomic(file, rows.map((r) => JSON.stringify(r) + "\n").join(""));
}

/**
 * One row per key: the last one read wins (a re-run replaces a failed row;
 * in a merge, a later file wins), kept in the order keys first appeared.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { tinyRows } from "./_tiny_rows_test_util.ts";
 * const [a1, b] = await tinyRows();
 * const a2 = { ...a1, arena: 1 }; // a later run of the same key
 * assert.deepEqual(dedupeRows([a1, b, a2]), [a2, b]);
 * ```
 */
export function dedupeRows(rows: readonly BenchRow[]): BenchRow[] {
  const byKey = new Map<string, BenchRow>();
  for (const r of rows) byKey.set(r.key, r);
  return [...byKey.values()];
}
