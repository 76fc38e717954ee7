/**
 * Exact placement under a tight capacity: the `search` placer (branch and
 * bound over canonical placements, after MiniMalloc) and minimisation of the
 * arena by repeated exact search.
 *
 * @example
 * ```ts
 * import { minimizeSearch, placeSearch } from "./solver/search/mod.ts";
 * const fit = placeSearch(problem, { capacity: 1048576, timeLimit: 30 });
 * const lowest = minimizeSearch(problem, { timeLimit: 30 });
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
