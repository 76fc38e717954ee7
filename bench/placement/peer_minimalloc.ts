/**
 * MiniMalloc as a peer in placement benchmarks: run its binary (a path given
 * on the command line, never a default) on a copy of a problem and read its
 * answer back. MiniMalloc answers "not found" whenever a size-0 buffer is
 * present, so the copy leaves them out; they go at offset 0, where they
 * overlap nothing.
 *
 * @module
 */
import { parseMinimallocCsv } from "../../graph/minimalloc_csv.ts";
import type { PlacementProblem } from "../../graph/types.ts";

/** What one MiniMalloc run ended with. */
export interface PeerResult {
  outcome: "found" | "not found" | "timeout" | "error";
  /** Solve time MiniMalloc reports ("Elapsed time"); wall time when it reports none. */
  seconds: number;
  /** Wall time of the process, reading and writing included. */
  wall: number;
  /** Per buffer of the problem, when found. */
  offsets?: Float64Array;
  message?: string;
}

/**
 * The problem as MiniMalloc reads it: positive sizes only, ids made unique
 * and plain (index-based) so that any id survives its CSV reader.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { peerCsv } from "./peer_minimalloc.ts";
 * const { csv, kept } = peerCsv({ buffers: [
 *   { id: "a", lower: 0, upper: 2, size: 4 },
 *   { id: "z", lower: 0, upper: 2, size: 0 },
 * ] });
 * assert.equal(csv, "id,lower,upper,size\n0,0,2,4\n");
 * assert.deepEqual(kept, [0]);
 * ```
 */
export function peerCsv(problem: PlacementProblem): { csv: string; kept: number[] } {
  const kept: number[] = [];
  const lines = ["id,lower,upper,size"];
  problem.buffers.forEach((b, i) => {
    if (b.size <= 0) return;
    lines.push(`${kept.length},${b.lower},${b.upper},${b.size}`);
    kept.push(i);
  });
  return { csv: lines.join("\n") + "\n", kept };
}

/**
 * Runs MiniMalloc at `capacity` with a timeout of `timeLimit` seconds (its own
 * `--timeout`, and a kill a few seconds later should it not stop).
 *
 * @example
 * ```ts
 * import type { PlacementProblem } from "../../graph/types.ts";
 * // Only defined here, not called: it needs a MiniMalloc binary, whose path comes
 * // from the command line.
 * const peer = (binary: string, problem: PlacementProblem) =>
 *   runMinimalloc(binary, problem, { capacity: 1048576, timeLimit: 10 }); // outcome "found", …
 * ```
 */
export async function runMinimalloc(
  binary: string,
  problem: PlacementProblem,
  options: { capacity: number; timeLimit: number },
): Promise<PeerResult> {
  const dir = await Deno.makeTempDir({ prefix: "memplan_peer_" });
  try {
    const { csv, kept } = peerCsv(problem);
    const input = `${dir}/problem.csv`, output = `${dir}/solution.csv`;
    await Deno.writeTextFile(input, csv);
    const t0 = performance.now();
    const child = new Deno.Command(binary, {
      args: [
        `--input=${input}`,
        `--output=${output}`,
        `--capacity=${options.capacity}`,
        `--timeout=${options.timeLimit}s`,
      ],
      stdout: "null",
      stderr: "piped",
    }).spawn();
    const killer = setTimeout(() => child.kill("SIGKILL"), (options.timeLimit + 5) * 1000);
    const out = await child.output();
    clearTimeout(killer);
    const wall = (performance.now() - t0) / 1000;
    const stderr = new TextDecoder().decode(out.stderr);
    const elapsed = /Elapsed time ([0-9.]+)s/.exec(stderr);
    const seconds = elapsed ? Number(elapsed[1]) : wall;
    if (!out.success) {
      const outcome = /NOT_FOUND/i.test(stderr)
        ? "not found"
        : /DEADLINE|ABORTED/i.test(stderr) || out.signal !== null
        ? "timeout"
        : "error";
      return { outcome, seconds, wall, message: stderr.trim().split("\n").pop() };
    }
    const solved = parseMinimallocCsv(await Deno.readTextFile(output), output);
    const offsets = new Float64Array(problem.buffers.length); // size-0 buffers at 0
    for (const b of solved.buffers) offsets[kept[Number(b.id)]] = b.offset ?? NaN;
    return { outcome: "found", seconds, wall, offsets };
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
}
