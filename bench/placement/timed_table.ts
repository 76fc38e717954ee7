/**
 * The frame of a benchmark whose runs time the CLI in child processes: a
 * temporary folder for their inputs and outputs (removed afterwards,
 * whatever happens), each row on standard error as it comes, and the
 * Markdown table with the seed and the machine's load before and after.
 *
 * @module
 */
import { loadNote } from "./stats.ts";

/**
 * Runs `runs` with a temporary folder and a function that adds a row; the
 * table's text (a note line, a blank line, the header, its rule, the rows).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * const text = await timedTable(
 *   { prefix: "memplan_example_", header: ["run", "wall s"], seed: 1, progress: () => {} },
 *   async (dir, row) => row(`| ${(await Deno.stat(dir)).isDirectory} | 0.00 |`),
 * );
 * assert.match(text, /^seed 1; load .* at start, load .* at end\n\n\| run \| wall s \|\n\|---\|---\|\n\| true \| 0\.00 \|$/);
 * ```
 */
export async function timedTable(
  options: {
    prefix: string;
    header: string[];
    seed: number;
    /** Where each row goes as it comes (default: standard error). */
    progress?: (row: string) => void;
  },
  runs: (dir: string, row: (line: string) => void) => Promise<void>,
): Promise<string> {
  const progress = options.progress ?? console.error;
  const lines = [
    `| ${options.header.join(" | ")} |`,
    `|${options.header.map(() => "---").join("|")}|`,
  ];
  const loadBefore = loadNote();
  const dir = await Deno.makeTempDir({ prefix: options.prefix });
  try {
    await runs(dir, (line) => {
      lines.push(line);
      progress(line);
    });
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
  return `seed ${options.seed}; ${loadBefore} at start, ${loadNote()} at end\n\n${
    lines.join("\n")
  }`;
}
