/**
 * The one JSON shape of `memplan verify`, whether it checked a graph and a plan
 * or a MiniMalloc solution CSV: the inputs, then the verdict fields in a fixed
 * order, then what only one form has.
 *
 * @module
 */
import type { PlacementReport } from "../simulator/verify_placement.ts";

/** The fields every verdict has: a placement report's, less its buffer count. */
export type Verdict = Omit<PlacementReport, "buffers">;

/**
 * `{ inputs, ok, violationCount, violationsByKind, violations, peakLive,
 * arena, fragmentation, capacity, …extra }`; `capacity` is null when none was
 * checked. Ratios are fractions.
 *
 * @example
 * ```ts
 * import { verifyJson } from "./verify_json.ts";
 * verifyJson(["sol.csv"], { ok: true, violationCount: 0, violationsByKind: {}, violations: [],
 *   peakLive: 12, arena: 12, fragmentation: 0 }, { buffers: 5 });
 * ```
 */
export function verifyJson(
  inputs: string[],
  v: Verdict,
  extra: Record<string, unknown>,
): Record<string, unknown> {
  const {
    ok,
    violationCount,
    violationsByKind,
    violations,
    peakLive,
    arena,
    fragmentation,
    capacity,
    ...rest
  } = { ...extra, ...v };
  return {
    inputs,
    ok,
    violationCount,
    violationsByKind,
    violations,
    peakLive,
    arena,
    fragmentation,
    capacity: capacity ?? null,
    ...rest,
  };
}
