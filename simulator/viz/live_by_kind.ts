/**
 * Resident bytes per kind at every step, the data of the stacked timeline:
 * graph/metrics.ts computes it (metrics live in one place); re-exported here
 * under the name the renderers use.
 *
 * @module
 */
export { liveTimelineByKind as liveByKind } from "../../graph/metrics.ts";
