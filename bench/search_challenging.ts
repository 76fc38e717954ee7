/**
 * Benchmark: the `search` placer on MiniMalloc's challenging problems, read in
 * place from `testdata/minimalloc/`, each at its capacity
 * (1,048,576) and minimised, every result checked by the simulator's
 * verifier. Prints a Markdown table.
 *
 * ```
 * deno task bench:challenging [--time-limit 60] [--repeat 1]
 * ```
 *
 * With `--repeat k` each case runs k times in one process and the table gives
 * the first (cold: includes compiling the search) and the median time.
 *
 * @module
 */
import { loadMinimallocCsv } from "../graph/load.ts";
import { problemPeakLive } from "../graph/placement_problem.ts";
import type { PlacementProblem } from "../graph/types.ts";
import { verifyPlacement } from "../simulator/verify_placement.ts";
import type { PlaceResult } from "../solver/types.ts";
import { placeSearch } from "../solver/search/search_placer.ts";

const DIR = new URL("../testdata/minimalloc/", import.meta.url);
const CAPACITY = 1048576;

/** One table row. */
interface Row {
  problem: string;
  mode: string;
  capacity: string;
  bound: number;
  arena: number;
  status: string;
  seconds: number;
  median: number;
  verified: string;
}

/**
 * Runs one problem in one mode `repeat` times and verifies every result.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * const row = await benchOne("challenging-C", { capacity: 1048576 }, Infinity, 1);
 * assert.deepEqual([row.arena, row.status], [1039360, "optimal"]);
 * ```
 */
export async function benchOne(
  name: string,
  mode: { capacity?: number; minimize?: boolean },
  timeLimit: number,
  repeat: number,
): Promise<Row> {
  const problem: PlacementProblem = await loadMinimallocCsv(
    new URL(`${name}.${CAPACITY}.csv`, DIR).pathname,
  );
  const times: number[] = [];
  let r: PlaceResult | undefined, failures = 0;
  for (let i = 0; i < repeat; i++) {
    r = placeSearch(problem, { ...mode, timeLimit });
    times.push(r.seconds);
    if (!verifyPlacement(problem, r.offsets, { capacity: mode.capacity }).ok) failures++;
  }
  const report = verifyPlacement(problem, r!.offsets, { capacity: mode.capacity });
  const sorted = [...times].sort((a, b) => a - b);
  return {
    problem: name,
    mode: mode.minimize ? "minimize" : "capacity",
    capacity: mode.capacity === undefined ? "—" : String(mode.capacity),
    bound: problemPeakLive(problem),
    arena: r!.arena,
    status: r!.status,
    seconds: times[0],
    median: sorted[sorted.length >> 1],
    verified: failures === 0 ? `ok (arena ${report.arena})` : `FAILED ${failures} of ${repeat}`,
  };
}

if (import.meta.main) {
  const arg = (flag: string, fallback: number): number => {
    const i = Deno.args.indexOf(flag);
    return i >= 0 ? Number(Deno.args[i + 1]) : fallback;
  };
  const timeLimit = arg("--time-limit", 60), repeat = arg("--repeat", 1);
  const rows: Row[] = [];
  for (const name of ["challenging-A", "challenging-B", "challenging-C"]) {
    rows.push(await benchOne(name, { capacity: CAPACITY }, timeLimit, repeat));
  }
  for (const name of ["challenging-A", "challenging-B", "challenging-C"]) {
    rows.push(await benchOne(name, { minimize: true }, timeLimit, repeat));
  }
  console.log(
    "| problem | mode | capacity | lower bound | result arena | status | seconds (first) | seconds (median) | verified |",
  );
  console.log("| --- | --- | ---: | ---: | ---: | --- | ---: | ---: | --- |");
  for (const r of rows) {
    console.log(
      `| ${r.problem} | ${r.mode} | ${r.capacity} | ${r.bound} | ${r.arena} | ${r.status} | ${
        r.seconds.toFixed(3)
      } | ${r.median.toFixed(3)} | ${r.verified} |`,
    );
  }
}
