/**
 * Verifying a minimalloc solution (a CSV with an offset column) without a
 * graph: the placement verifier on the buffers as the file gives them.
 *
 * @module
 */
import { InputError } from "../graph/input_error.ts";
import { loadMinimallocCsv } from "../graph/load.ts";
import { readColumns } from "../graph/problem_columns.ts";
import { type PlacementReport, verifyPlacement } from "../simulator/verify_placement.ts";

/**
 * Loads and verifies a solution; throws InputError when the file has no
 * offset column (a problem, not a solution). Missing offsets are violations.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { verifySolution } from "./verify_solution.ts";
 * const file = await Deno.makeTempFile({ suffix: ".csv" });
 * await Deno.writeTextFile(file, "id,lower,upper,size,offset\na,0,2,4,0\nb,1,3,4,4\n");
 * assert.equal((await verifySolution(file, { capacity: 8 })).ok, true);
 * await Deno.remove(file);
 * ```
 */
export async function verifySolution(
  file: string,
  options: { capacity?: number } = {},
): Promise<PlacementReport> {
  const problem = await loadMinimallocCsv(file);
  // A file read into columns is verified from them: at a million rows,
  // building the buffer objects took a third of the command's time, and
  // every later step would then read them instead of the columns.
  const columns = readColumns(problem);
  if (columns?.offset) {
    return verifyPlacement(problem, columns.offset, { capacity: options.capacity });
  }
  if (!problem.buffers.some((b) => b.offset !== undefined)) {
    throw new InputError([{
      file,
      where: "line 1",
      message: "no offset column: this is a problem, not a solution",
    }]);
  }
  const offsets = Float64Array.from(problem.buffers, (b) => b.offset ?? NaN);
  return verifyPlacement(problem, offsets, { capacity: options.capacity });
}
