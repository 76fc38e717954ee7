/**
 * Benchmark of exact placement at a given capacity over generated families:
 * memplan's `search` placer and, with `--peer-minimalloc PATH`, MiniMalloc on
 * the same instance right after it (same run, same load), every placement
 * checked by the simulator's verifier. Prints one line per instance (stderr)
 * and a Markdown summary: solved, median and max time, and the per-instance
 * time ratio memplan / MiniMalloc over the instances both solve.
 *
 * ```
 * deno run -A bench/placement_exact.ts --family tight --seeds 1-200 --time-limit 10 \
 *   [--peer-minimalloc PATH] [--csv out.csv]
 * ```
 *
 * Times: memplan's is the search's own (`seconds` of the result, after
 * reading); MiniMalloc's the "Elapsed time" it reports (solve only, in
 * milliseconds). A solver whose first run takes under 0.5 s runs twice more
 * and reports its median run (`--repeats`); ratios compare both times rounded
 * to the millisecond, at least 1 ms (`bench/placement/short_times.ts`). A time-out counts as not solved; a proof of
 * infeasibility as solved. Before the first instance the search is warmed up
 * on generated problems that are not reported (`--warm-up N`, default 16; 0
 * for cold times), as the summary's header says. memplan runs on every
 * instance first, then MiniMalloc on every instance, so that memplan is never
 * measured right after idling on the peer (see `main`).
 *
 * @module
 */
import { verifyPlacement } from "../simulator/verify_placement.ts";
import { placeSearch } from "../solver/search/search_placer.ts";
import { FAMILIES, familyArg, familyInstances } from "./placement/instances.ts";
import { benchArgs } from "./placement/args.ts";
import { runMinimalloc } from "./placement/peer_minimalloc.ts";
import { atMilliseconds, medianOfShort } from "./placement/short_times.ts";
import { loadNote, median, parseSeeds } from "./placement/stats.ts";
import { warmUpNote, warmUpSearch } from "./placement/warm_up.ts";

/** One instance's results. */
export interface ExactRow {
  name: string;
  buffers: number;
  capacity: number;
  memplan: string;
  memplanSeconds: number;
  peer?: string;
  peerSeconds?: number;
}

const SOLVED = new Set(["optimal", "feasible", "infeasible", "found", "not found"]);

/**
 * The Markdown summary of a run.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { summarize } from "./placement_exact.ts";
 * const row = { name: "t", buffers: 3, capacity: 8, memplan: "optimal", memplanSeconds: 0.1 };
 * assert.match(summarize([row], 10), /\| memplan search \| 1 \|/);
 * ```
 */
export function summarize(rows: ExactRow[], timeLimit: number): string {
  const solved = (s?: string) => s !== undefined && SOLVED.has(s);
  const ms = rows.filter((r) => solved(r.memplan)).map((r) => r.memplanSeconds);
  const withPeer = rows.filter((r) => r.peer !== undefined);
  const ps = withPeer.filter((r) => solved(r.peer)).map((r) => r.peerSeconds!);
  const both = withPeer.filter((r) => solved(r.memplan) && solved(r.peer));
  const ratios = both.map((r) => atMilliseconds(r.memplanSeconds) / atMilliseconds(r.peerSeconds!));
  const f = (x: number) => Number.isNaN(x) ? "–" : x.toFixed(3);
  const lines = [
    `| solver | solved (of ${rows.length}, ${timeLimit} s each) | median s | max s |`,
    "|---|---|---|---|",
    `| memplan search | ${ms.length} | ${f(median(ms))} | ${f(maxOf(ms))} |`,
  ];
  if (withPeer.length > 0) {
    lines.push(`| MiniMalloc | ${ps.length} | ${f(median(ps))} | ${f(maxOf(ps))} |`);
    const le1 = ratios.filter((x) => x <= 1).length;
    const tiny = both.filter((r, i) =>
      ratios[i] > 1 && r.memplanSeconds < 0.01 && r.peerSeconds! < 0.01
    ).length;
    lines.push(
      "",
      `Both solved: ${both.length}; ratio memplan/MiniMalloc median ${f(median(ratios))}, ` +
        `max ${f(maxOf(ratios))}; ratio <= 1 on ${le1} of ${both.length}` +
        (tiny > 0 ? ` (of the rest, ${tiny} with both under 10 ms)` : "") + "; " +
        `solved by memplan only: ${
          withPeer.filter((r) => solved(r.memplan) && !solved(r.peer)).length
        }, by MiniMalloc only: ${
          withPeer.filter((r) => !solved(r.memplan) && solved(r.peer)).length
        }.`,
    );
  }
  return lines.join("\n");
}

function maxOf(xs: number[]): number {
  return xs.length === 0 ? NaN : xs.reduce((a, b) => Math.max(a, b));
}

const USAGE = `usage: deno run -A bench/placement_exact.ts [options]
  --family F               one of ${FAMILIES.join(", ")} (default tight)
  --seeds A-B              seeds to generate (default 1-20)
  --buffers N              buffers per generated instance (default the family's)
  --time-limit S           seconds per instance (default 10)
  --peer-minimalloc PATH   also run MiniMalloc from PATH on every instance
  --csv FILE               also write one row per instance
  --warm-up N              generated problems searched first, not reported (default 16;
                           0: the first instance's time includes compiling the search)
  --repeats K              runs of a solver whose first run took under 0.5 s; its median
                           run is reported (default 3; 1: every solver runs once)
  --help                   this text`;

async function main(args: string[]): Promise<number> {
  const parsed = benchArgs(args, {
    family: { type: "string", default: "tight" },
    seeds: { type: "string", default: "1-20" },
    buffers: { type: "string" },
    "time-limit": { type: "string", default: "10" },
    "peer-minimalloc": { type: "string" },
    csv: { type: "string" },
    "warm-up": { type: "string", default: "16" },
    repeats: { type: "string", default: "3" },
  }, USAGE);
  if ("exit" in parsed) return parsed.exit;
  const { values } = parsed;
  const family = familyArg(values.family);
  if (family === undefined) return 2;
  const timeLimit = Number(values["time-limit"]);
  const repeats = Number(values.repeats);
  if (!(Number.isInteger(repeats) && repeats >= 1)) {
    console.error(`--repeats must be a positive integer, got ${values.repeats}`);
    return 2;
  }
  const peer = values["peer-minimalloc"];
  const rows: ExactRow[] = [];
  const loadBefore = loadNote();
  const seeds = parseSeeds(values.seeds);
  const buffers = values.buffers === undefined ? undefined : Number(values.buffers);
  const warmUps = Number(values["warm-up"]);
  const warmUp = warmUpNote(warmUps, warmUpSearch(warmUps));
  // memplan over every instance first, then the peer: waiting idle on the
  // peer between memplan's runs (up to the time limit an instance) let V8's
  // memory reducer drop the search's compiled code, and a search of 1 ms
  // then took 6-14 ms (vgg11 right after transformer_encoder's 10 s).
  const instances = [];
  for await (const inst of familyInstances(family, { seeds, buffers })) {
    const { problem, capacity } = inst;
    const r = await medianOfShort(
      () => Promise.resolve(placeSearch(problem, { capacity, timeLimit })),
      { repeats },
    );
    const fits = r.status === "optimal" || r.status === "feasible";
    if (fits) {
      const check = verifyPlacement(problem, r.offsets, { capacity });
      if (!check.ok) throw new Error(`${inst.name}: memplan's placement fails verification`);
    }
    const row: ExactRow = {
      name: inst.name,
      buffers: problem.buffers.length,
      capacity,
      memplan: r.status,
      memplanSeconds: r.seconds,
    };
    rows.push(row);
    instances.push(inst);
    console.error(
      `${inst.name} n=${row.buffers} memplan ${row.memplan} ${row.memplanSeconds.toFixed(3)}s`,
    );
  }
  for (const [k, inst] of instances.entries()) {
    if (peer === undefined) break;
    const { problem, capacity } = inst;
    const p = await medianOfShort(
      () => runMinimalloc(peer, problem, { capacity, timeLimit }),
      { repeats },
    );
    if (p.outcome === "found") {
      const check = verifyPlacement(problem, p.offsets!, { capacity });
      if (!check.ok) throw new Error(`${inst.name}: MiniMalloc's placement fails verification`);
    }
    if (p.outcome === "error") console.error(`${inst.name}: MiniMalloc error: ${p.message}`);
    const row = rows[k];
    row.peer = p.outcome;
    row.peerSeconds = p.seconds;
    console.error(
      `${inst.name} n=${row.buffers} memplan ${row.memplan} ${row.memplanSeconds.toFixed(3)}s` +
        ` | minimalloc ${row.peer} ${row.peerSeconds.toFixed(3)}s`,
    );
  }
  if (values.csv) {
    const header = "name,buffers,capacity,memplan,memplan_s,minimalloc,minimalloc_s";
    const body = rows.map((r) =>
      [
        r.name,
        r.buffers,
        r.capacity,
        r.memplan,
        r.memplanSeconds,
        r.peer ?? "",
        r.peerSeconds ?? "",
      ]
        .join(",")
    );
    await Deno.writeTextFile(values.csv, [header, ...body].join("\n") + "\n");
  }
  console.log(
    `family ${family}, seeds ${values.seeds}, ${loadBefore} at start, ${loadNote()} at end; ` +
      `${warmUp}; ${repeatNote(repeats)}\n`,
  );
  console.log(summarize(rows, timeLimit));
  return 0;
}

function repeatNote(repeats: number): string {
  return repeats > 1
    ? `a solver's time under 0.5 s is the median of ${repeats} runs, ratios at 1 ms resolution`
    : "every solver run once, ratios at 1 ms resolution";
}

if (import.meta.main) Deno.exit(await main(Deno.args));
