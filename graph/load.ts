/**
 * Loading the three file formats from disk, each fully validated.
 *
 * Each format's reader is loaded when a file of it is read: a command
 * reading one format does not load the others' (the graph and plan schemas
 * take zod; the general CSV reader, csv-parse), and `place` counts its
 * start-up against its time limit.
 *
 * @module
 */
import type { IndexedGraph } from "./indexed_graph.ts";
import { scannedProblem, scanPlainMinimalloc } from "./minimalloc_scan.ts";
import { columnarProblem, compactIds } from "./problem_columns.ts";
import type { ResolvedPlan } from "./plan.ts";
import { parseJson, readBytes, readJson, readText, utf8Text, withFileBytes } from "./read_input.ts";
import type { PlacementProblem, Plan } from "./types.ts";

/**
 * Reads, validates and indexes a `memplan.graph/v1` file (`.json` or `.json.gz`).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * const g = await loadGraph("testdata/graphs/tiny.json");
 * assert.deepEqual([g.tensorCount, g.opCount], [6, 4]);
 * ```
 */
export async function loadGraph(file: string): Promise<IndexedGraph> {
  const { indexGraph } = await import("./indexed_graph.ts");
  return indexGraph(await readJson(file), { file });
}

/**
 * Reads a `memplan.plan/v1` file and checks its shape (use `resolvePlan` to
 * check it against a graph).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * const plan = await loadPlan("testdata/plans/branchy.before_after.json");
 * assert.equal(plan.graph, "branchy");
 * ```
 */
export async function loadPlan(file: string): Promise<Plan> {
  const { parsePlan } = await import("./plan.ts");
  const { lazyPlan } = await import("./plan_scan.ts");
  // Its offsets an object only when read: verify reads them from the text.
  const text = await readText(file);
  return lazyPlan(text, file) ?? parsePlan(parseJson(text, file), file);
}

/**
 * Reads a `memplan.plan/v1` file and checks it against its graph.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * const g = await loadGraph("testdata/graphs/branchy.json");
 * const { plan, resolved } = await loadResolvedPlan(g, "testdata/plans/branchy.before_after.json");
 * assert.equal(plan.order?.[1], "upd");
 * assert.equal(resolved.order?.[1], g.opIndex.get("upd"));
 * ```
 */
export async function loadResolvedPlan(
  g: IndexedGraph,
  file: string,
): Promise<{ plan: Plan; resolved: ResolvedPlan }> {
  const { readPlan } = await import("./plan.ts");
  const { scanPlan } = await import("./plan_scan.ts");
  // The quick reading of a valid plan; the general one names any problem.
  const text = await readText(file);
  return scanPlan(text, g, file) ?? readPlan(g, parseJson(text, file), file);
}

/**
 * Reads a minimalloc CSV problem or solution.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * const problem = await loadMinimallocCsv("testdata/minimalloc/example.12.csv");
 * assert.equal(problem.buffers.length, 5);
 * ```
 */
export async function loadMinimallocCsv(file: string): Promise<PlacementProblem> {
  // The quick reading first; the general one (and its CSV parser) is loaded
  // only for a file it refuses: quotes, a bad row, a repeated id. A plain
  // file is read into scratch memory, its ids copied out of it: the pages
  // of its bytes then serve the placer's and the verifier's arrays.
  const read = withFileBytes(file, (bytes) => {
    const columns = scanPlainMinimalloc(bytes);
    return columns ? columnarProblem(compactIds(columns)) : bytes.slice();
  });
  if (read !== undefined && !(read instanceof Uint8Array)) return read;
  const bytes = read ?? await readBytes(file);
  const quick = read ? undefined : scannedProblem(bytes);
  if (quick) return quick;
  const { parseMinimallocCsvGeneral } = await import("./minimalloc_csv.ts");
  return parseMinimallocCsvGeneral(utf8Text(bytes, file), file);
}
