/**
 * The families of placement benchmarks, by name: each yields named problems
 * with the capacity they are placed at.
 *
 * @module
 */
import { loadGraph } from "../../graph/load.ts";
import { lifetimes, programOrder } from "../../graph/lifetimes.ts";
import { placementProblem, problemPeakLive } from "../../graph/placement_problem.ts";
import type { PlacementProblem } from "../../graph/types.ts";
import { compilerInstance, trainingInstance } from "../generators/large.ts";
import { gadgetInstance } from "../generators/gadget.ts";
import { withHoles } from "../generators/holes.ts";
import { mixedInstance, skylineInstance } from "../generators/shapes.ts";
import { slackInstance } from "../generators/slack.ts";
import { type GeneratedInstance, tightInstance } from "../generators/tight.ts";

/** One benchmark problem. */
export interface BenchInstance {
  name: string;
  problem: PlacementProblem;
  /** The capacity to place at (the known optimum for tight ones, peak live for fixtures). */
  capacity: number;
}

/** Family names for `--family`. */
export const FAMILIES = [
  "tight",
  "holes",
  "skyline",
  "skyline-holes",
  "mixed",
  "mixed-holes",
  "slack",
  "gadget",
  "fixtures",
  "training",
  "compiler",
] as const;

/** One of {@linkcode FAMILIES}. */
export type Family = typeof FAMILIES[number];

/**
 * The `--family` option of the placement benchmarks: the family it names,
 * or undefined after saying which ones there are.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * assert.equal(familyArg("tight"), "tight");
 * const said: string[] = [];
 * assert.equal(familyArg("nope", (line) => said.push(line)), undefined);
 * assert.match(said[0], /^--family must be one of tight, /);
 * ```
 */
export function familyArg(
  text: string,
  say: (line: string) => void = console.error,
): Family | undefined {
  if ((FAMILIES as readonly string[]).includes(text)) return text as Family;
  say(`--family must be one of ${FAMILIES.join(", ")}`);
  return undefined;
}

/** The families whose capacity is the known optimum of a cut (tight.ts, shapes.ts, holes.ts). */
const CUTS: Partial<Record<Family, (seed: number) => GeneratedInstance>> = {
  tight: (seed) => tightInstance({ seed }),
  holes: (seed) => withHoles(tightInstance({ seed }), { seed }),
  skyline: (seed) => skylineInstance({ seed }),
  "skyline-holes": (seed) => withHoles(skylineInstance({ seed }), { seed }),
  mixed: (seed) => mixedInstance({ seed }),
  "mixed-holes": (seed) => withHoles(mixedInstance({ seed }), { seed }),
  slack: (seed) => slackInstance({ seed }),
  // Capacity: a known fit, not the optimum (which is above peak live).
  gadget: (seed) => gadgetInstance({ seed }),
};

/**
 * The instances of a family: generated from `seeds` (the cuts, slack; training
 * and compiler of `buffers` buffers), or every graph fixture in `fixtureDir`
 * at program order with capacity = peak live (size-0 buffers included).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { familyInstances } from "./instances.ts";
 * const names = [];
 * for await (const inst of familyInstances("tight", { seeds: [1, 2] })) names.push(inst.name);
 * assert.deepEqual(names, ["tight-1", "tight-2"]);
 * ```
 */
export async function* familyInstances(
  family: Family,
  options: { seeds: number[]; buffers?: number; fixtureDir?: string },
): AsyncGenerator<BenchInstance> {
  if (family === "fixtures") {
    const dir = options.fixtureDir ?? new URL("../../testdata/graphs/", import.meta.url).pathname;
    const files = [...Deno.readDirSync(dir)].map((e) => e.name).filter((f) =>
      /\.json(\.gz)?$/.test(f)
    )
      .sort();
    for (const f of files) {
      const g = await loadGraph(`${dir}/${f}`);
      const problem = placementProblem(g, lifetimes(g, programOrder(g)));
      yield { name: f.replace(/\.json(\.gz)?$/, ""), problem, capacity: problemPeakLive(problem) };
    }
    return;
  }
  for (const seed of options.seeds) {
    const cut = CUTS[family];
    if (cut !== undefined) {
      const g = cut(seed);
      yield { name: g.name, problem: g.problem, capacity: g.capacity };
    } else {
      const buffers = options.buffers ?? 20000;
      const problem = family === "training"
        ? trainingInstance({ tensors: buffers, seed })
        : compilerInstance({ buffers, seed });
      yield { name: `${family}-${buffers}-${seed}`, problem, capacity: problemPeakLive(problem) };
    }
  }
}
