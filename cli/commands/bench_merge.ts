/**
 * `memplan bench merge FILES… --out DIR`: join the results of sharded runs.
 *
 * @module
 */
import { Command } from "@commander-js/extra-typings";
import { InputError } from "../../graph/input_error.ts";
import { failureText } from "../../bench/failure.ts";
import { mergeResults } from "../../bench/merge.ts";
import { runCommand } from "../run.ts";

/**
 * The `merge` subcommand of `bench`; `parentOut` reads `--out` when commander
 * handed it to `bench`.
 *
 * @example
 * ```ts
 * import { Command } from "@commander-js/extra-typings";
 * const bench = new Command("bench").option("--out <dir>");
 * bench.addCommand(mergeCommand(() => bench.opts().out));
 * ```
 */
export function mergeCommand(parentOut: () => string | undefined) {
  return new Command("merge")
    .description(
      "Join the results of sharded runs: one row per key (a later file wins), then rebuild the " +
        "reports. Exit 0: every merged run verified; 1: some failed; 2: a file is missing.",
    )
    .argument("<files...>", "results.jsonl files (or folders holding one)")
    .option("--out <dir>", "folder to write the merged results and reports to (required)")
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
        console.log(
          `merged ${merged.read} rows from ${files.length} files into ${merged.rows.length} runs` +
            (merged.failed.length ? `, ${merged.failed.length} FAILED` : ""),
        );
        for (const f of merged.files) console.log(`wrote ${f}`);
        for (const r of merged.failed) console.error(`FAILED ${failureText(r)}`);
        return merged.exitCode;
      });
    });
}
