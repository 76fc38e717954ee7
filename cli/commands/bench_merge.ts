/**
 * `memplan bench merge FILES… --out DIR`: join the results of sharded runs.
 *
 * @module
 */
import { Command } from "npm:@commander-js/extra-typings@15.1.0";
import { InputError } from "../../graph/input_error.ts";
import { failureText } from "../../bench/failure.ts";
import { mergeResults } from "../../bench/merge.ts";
import { formatInt } from "../format.ts";
import { runCommand } from "../run.ts";

/**
 * The `merge` subcommand of `bench`; `parentOut` reads `--out` when commander
 * handed it to `bench`.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { Command } from "npm:@commander-js/extra-typings@15.1.0";
 * const bench = new Command("bench").option("--out <dir>");
 * bench.addCommand(mergeCommand(() => bench.opts().out));
 * assert.deepEqual(bench.commands.map((c) => c.name()), ["merge"]);
 * ```
 */
export function mergeCommand(
  parentOut: () => string | undefined,
  parentJson: () => boolean | undefined = () => undefined,
) {
  return new Command("merge")
    .description(
      "Join the results of sharded runs: one row per key (a later file wins), then rebuild the " +
        "reports. Exit 0: every merged run verified; 1: some failed; 2: a file is missing.",
    )
    .argument("<files...>", "results.jsonl files (or folders holding one)")
    .option("--out <dir>", "folder to write the merged results and reports to (required)")
    .option("--json", "print the outcome as JSON")
    .action(async (files, opts) => {
      Deno.exitCode = await runCommand(async () => {
        const out = opts.out ?? parentOut();
        if (out === undefined) {
          throw new InputError([{
            file: "command line",
            where: "--out",
            message: "bench merge needs --out DIR, the folder to write the merged results to",
          }]);
        }
        const merged = await mergeResults({ files, out });
        if (opts.json ?? (parentJson() === true)) {
          console.log(JSON.stringify(
            {
              read: merged.read,
              files: files.length,
              runs: merged.rows.length,
              failed: merged.failed.map((r) => ({ key: r.key, failure: failureText(r) })),
              written: merged.files,
              exitCode: merged.exitCode,
            },
            null,
            2,
          ));
          return merged.exitCode;
        }
        console.log(
          `merged ${formatInt(merged.read)} rows from ${formatInt(files.length)} files into ` +
            `${formatInt(merged.rows.length)} runs` +
            (merged.failed.length ? `, ${formatInt(merged.failed.length)} FAILED` : ""),
        );
        for (const f of merged.files) console.log(`wrote ${f}`);
        for (const r of merged.failed) console.error(`FAILED ${failureText(r)}`);
        return merged.exitCode;
      });
    });
}
