/**
 * The two steps of a large-placement run that are not timed: writing the
 * generated problem, and checking the placement the CLI wrote. The
 * benchmark runs each in a child process of its own, so that the process
 * timing the CLI holds no large heap. Why: on this project's virtual
 * machines, a parent that had just generated and verified a million buffers
 * (1–1.5 GB, freed by its collector while the CLI ran) raised the CLI's
 * system time from 0.2 s to 0.5–1.2 s, and its wall time at
 * `--time-limit 1` from 1.3 s to 1.8–2.5 s: the memory a user's CLI call
 * sees is not that.
 *
 * ```
 * deno run -A bench/placement/large_instance.ts write llm 1000 1 foreign /tmp/p.csv
 * deno run -A bench/placement/large_instance.ts check /tmp/p.csv /tmp/out.csv
 * ```
 *
 * @module
 */
import { loadMinimallocCsv } from "../../graph/load.ts";
import { formatMinimallocCsv } from "../../graph/minimalloc_csv.ts";
import { problemPeakLive } from "../../graph/placement_problem.ts";
import type { PlacementProblem } from "../../graph/types.ts";
import { verifyPlacement } from "../../simulator/verify_placement.ts";
import { foreignStyle } from "../generators/foreign_style.ts";
import { compilerInstance, trainingInstance } from "../generators/large.ts";
import { llmInstance } from "../generators/llm.ts";
import { randomIntervalInstance } from "../generators/random_intervals.ts";
import { tightInstance } from "../generators/tight.ts";

/** The families of `bench/placement_large.ts`. */
export type LargeFamily = "training" | "compiler" | "llm" | "random" | "tight";

/**
 * The problem of a family, size and seed; `foreign` writes it as another
 * tool might (bench/generators/foreign_style.ts). A tight problem is given
 * without its capacity: it is minimised, and the verifier must not count
 * buffers above the capacity.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { largeInstance } from "./large_instance.ts";
 * const p = largeInstance({ family: "tight", buffers: 50, seed: 3 });
 * assert.equal(p.buffers.length, 50);
 * assert.equal(p.capacity, undefined);
 * ```
 */
export function largeInstance(
  options: { family: LargeFamily; buffers: number; seed: number; foreign?: boolean },
): PlacementProblem {
  const { family, buffers, seed } = options;
  const generated = family === "training"
    ? trainingInstance({ tensors: buffers, seed })
    : family === "llm"
    ? llmInstance({ buffers, seed })
    : family === "random"
    ? randomIntervalInstance({ buffers, seed })
    : family === "tight"
    ? { buffers: tightInstance({ buffers, seed }).problem.buffers }
    : compilerInstance({ buffers, seed });
  return options.foreign ? foreignStyle(generated) : generated;
}

/** What {@linkcode checkWritten} found. */
export interface WrittenCheck {
  /** Arena / peak live, or undefined when nothing readable was written. */
  heightOverPeakLive?: number;
  /** "yes", "no output", or "NO (k violations)". */
  verified: string;
}

/**
 * Reads the placement written at `output` for the problem at `input` and
 * verifies it with the simulator.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { checkWritten } from "./large_instance.ts";
 * const dir = await Deno.makeTempDir();
 * await Deno.writeTextFile(`${dir}/p.csv`, "id,lower,upper,size\na,0,2,4\nb,1,3,4\n");
 * await Deno.writeTextFile(`${dir}/o.csv`, "id,lower,upper,size,offset\na,0,2,4,0\nb,1,3,4,4\n");
 * assert.deepEqual(await checkWritten(`${dir}/p.csv`, `${dir}/o.csv`), { heightOverPeakLive: 1, verified: "yes" });
 * assert.deepEqual(await checkWritten(`${dir}/p.csv`, `${dir}/none.csv`), { verified: "no output" });
 * await Deno.remove(dir, { recursive: true });
 * ```
 */
export async function checkWritten(input: string, output: string): Promise<WrittenCheck> {
  const problem = await loadMinimallocCsv(input);
  const written = await loadMinimallocCsv(output).catch(() => undefined);
  if (!written) return { verified: "no output" };
  const offsets = Float64Array.from(written.buffers, (b) => b.offset ?? NaN);
  const check = verifyPlacement(problem, offsets);
  return {
    heightOverPeakLive: check.arena / problemPeakLive(problem),
    verified: check.ok ? "yes" : `NO (${check.violationCount} violations)`,
  };
}

async function main(args: string[]): Promise<number> {
  const [mode, ...rest] = args;
  if (mode === "write" && rest.length === 5) {
    const [family, buffers, seed, style, file] = rest;
    const problem = largeInstance({
      family: family as LargeFamily,
      buffers: Number(buffers),
      seed: Number(seed),
      foreign: style === "foreign",
    });
    await Deno.writeTextFile(file, formatMinimallocCsv(problem));
    return 0;
  }
  if (mode === "check" && rest.length === 2) {
    console.log(JSON.stringify(await checkWritten(rest[0], rest[1])));
    return 0;
  }
  console.error(
    "usage: large_instance.ts write FAMILY BUFFERS SEED plain|foreign FILE | check INPUT OUTPUT",
  );
  return 2;
}

if (import.meta.main) Deno.exit(await main(Deno.args));
