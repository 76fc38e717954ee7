/**
 * Exact placement under a tight capacity: the `search` placer (branch and
 * bound over canonical placements, after MiniMalloc) and minimisation of the
 * arena by repeated exact search.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { loadMinimallocCsv } from "../../graph/load.ts";
 * import { minimizeSearch, placeSearch } from "./mod.ts";
 * const problem = await loadMinimallocCsv("testdata/minimalloc/challenging-C.1048576.csv");
 * const fit = placeSearch(problem, { capacity: 1048576, timeLimit: Infinity });
 * const lowest = minimizeSearch(problem, { timeLimit: Infinity });
 * assert.ok(fit.arena <= 1048576);
 * assert.equal(lowest.arena, 1039360);
 * ```
 *
 * @module
 */
export { placeSearch, type SearchPlaceOptions, searchPlacer } from "./search_placer.ts";
export {
  DEFAULT_TIME_LIMIT,
  minimizeSearch,
  type MinimizeSearchOptions,
} from "./minimize_search.ts";
