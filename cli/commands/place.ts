/**
 * `memplan place PROBLEM.csv -o OUT.csv`: place a fixed-lifetime buffer problem.
 *
 * @module
 */
import { Command, Option } from "npm:@commander-js/extra-typings@15.1.0";
import { loadMinimallocCsv } from "../../graph/load.ts";
import { formatMinimallocCsv } from "../../graph/minimalloc_csv.ts";
import { checkOutputPath, writeTextAtomic } from "../../graph/write_output.ts";
import { verifyPlacement } from "../../simulator/verify_placement.ts";
import { getPlacer, placerNames } from "../../solver/registry.ts";
import { formatBytes, formatPercent, renderPairs } from "../format.ts";
import { formatPlannerBug } from "../print_report.ts";
import { EXIT, parseByteCount, parseSeconds, printJson, runCommand } from "../run.ts";

/** The `place` command. */
export function placeCommand() {
  return new Command("place")
    .description(
      "Place a minimalloc-style buffer problem (id,lower,upper,size): pick an offset for every\n" +
        "buffer so that buffers with intersecting lifespans never share bytes. The placement is\n" +
        "verified before it is written.\n" +
        "Exit 0: placed (within --capacity); 3: no placement within the capacity found in time; 2: bad input.",
    )
    .argument("<problem>", "minimalloc CSV problem")
    .option("--capacity <bytes>", "every offset + size must fit under it")
    .addOption(
      new Option("--placer <name>", "how to pick the offsets").choices(placerNames()).default(
        "best",
      ),
    )
    .option("--time-limit <seconds>", "wall-clock budget in seconds, or none", "30")
    .option("--seed <n>", "seed for randomised placers", "1")
    .option(
      "--minimize",
      "search for the lowest feasible arena (the search placer proves it optimal when it reaches peak live)",
    )
    .requiredOption("-o, --output <file>", "CSV to write, with an offset column")
    .option("--json", "print the summary as JSON")
    .action(async (file, opts) => {
      Deno.exitCode = await runCommand(async () => {
        const capacity = opts.capacity !== undefined
          ? parseByteCount("--capacity", opts.capacity)
          : undefined;
        const timeLimit = parseSeconds("--time-limit", opts.timeLimit);
        const seed = parseByteCount("--seed", opts.seed);
        const problem = await loadMinimallocCsv(file);
        await checkOutputPath(opts.output, { inputs: [file] });
        const placer = getPlacer(opts.placer);
        const result = await placer.place(problem, {
          capacity,
          timeLimit,
          seed,
          minimize: opts.minimize,
        });
        const check = verifyPlacement(problem, result.offsets, { capacity });
        const broken = check.violations.filter((v) => v.kind !== "out_of_capacity");
        if (broken.length > 0) {
          console.error(formatPlannerBug(`the ${opts.placer} placer`, "placement", broken));
          return EXIT.internal;
        }
        const fits = capacity === undefined || check.arena <= capacity;
        if (fits) {
          await writeTextAtomic(opts.output, formatMinimallocCsv(problem, result.offsets), {
            inputs: [file],
          });
        }
        const summary = {
          problem: file,
          placer: opts.placer,
          status: result.status,
          buffers: problem.buffers.length,
          peakLive: check.peakLive,
          arena: check.arena,
          fragmentation: check.fragmentation,
          capacity,
          fits,
          seconds: result.seconds,
          ...(fits ? { output: opts.output } : {}),
        };
        if (opts.json) printJson(summary);
        else {
          console.log(renderPairs([
            ["problem", file],
            ["placer", `${opts.placer} (${result.status}, ${result.seconds.toFixed(2)} s)`],
            ["proved optimal", result.status === "optimal" ? "yes" : "no"],
            ["peak live (lower bound)", formatBytes(check.peakLive)],
            ["arena (H)", formatBytes(check.arena)],
            ["fragmentation (H-L)/H", formatPercent(check.fragmentation)],
            ...(capacity !== undefined
              ? [
                ["capacity", `${formatBytes(capacity)}: ${fits ? "fits" : "DOES NOT FIT"}`] as [
                  string,
                  string,
                ],
              ]
              : []),
          ]));
          if (fits) console.log(`wrote ${opts.output}`);
          else {console.error(
              `memplan: no placement within capacity ${capacity} found in time (best arena ${check.arena}); nothing written`,
            );}
        }
        return fits ? EXIT.ok : EXIT.notFound;
      });
    });
}
