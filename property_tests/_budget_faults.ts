/**
 * Planted faults for property 8: each takes a valid `memplan.plan/v2` plan
 * (events and offsets) and breaks it in one known way, and says which
 * violation the judge must report for it — the kind and the op, tensor
 * (`id#k` for the k-th residency) and step it must name.
 *
 * @module
 */
import { EVENT, type Events, residencies } from "../graph/budget/events.ts";
import { inPlaceUpdates, recomputableOps } from "../graph/budget/recompute_rules.ts";
import type { IndexedGraph } from "../graph/indexed_graph.ts";
import { isUnproducedKind, KIND } from "../graph/kind_codes.ts";
import type { BudgetViolation } from "../simulator/budget/violations.ts";

/** A plan with one fault, and the violation that must be reported for it. */
export interface Planted {
  events: Events;
  /** Offsets per residency of `events`; absent: the judge places them online. */
  offsets?: Float64Array;
  capacity?: number;
  /** Fields the reported violation must have (`tensors` of an overlap in any order). */
  expected: Partial<BudgetViolation> & { kind: BudgetViolation["kind"] };
}

/** A valid plan: the faults are planted into it. */
export interface ValidPlan {
  events: Events;
  offsets: Float64Array;
}

/** Plants one fault, or answers undefined when the plan has nowhere to put it. */
export type Planter = (g: IndexedGraph, plan: ValidPlan) => Planted | undefined;

const splice = (ev: Events, at: number, del: number, ...add: [number, number][]): Events => ({
  kind: Uint8Array.from([
    ...ev.kind.slice(0, at),
    ...add.map(([k]) => k),
    ...ev.kind.slice(at + del),
  ]),
  target: Int32Array.from([
    ...ev.target.slice(0, at),
    ...add.map(([, x]) => x),
    ...ev.target.slice(at + del),
  ]),
});

const reads = (g: IndexedGraph, v: number, t: number) => {
  for (let k = g.inStart[v]; k < g.inStart[v + 1]; k++) if (g.inList[k] === t) return true;
  return false;
};

const firstRunOf = (ev: Events, v: number) =>
  ev.kind.findIndex((k, e) => k === EVENT.run && ev.target[e] === v);

/** Drop a run whose output is next read by an op: that op reads a tensor not resident. */
const missingInput: Planter = (g, { events }) => {
  for (let e = 0; e < events.kind.length; e++) {
    if (events.kind[e] !== EVENT.run) continue;
    const v = events.target[e];
    for (let k = g.outStart[v]; k < g.outStart[v + 1]; k++) {
      const t = g.outList[k];
      for (let f = e + 1; f < events.kind.length; f++) {
        const x = events.target[f], kind = events.kind[f];
        const remakes = (kind === EVENT.run && x === v) || (kind === EVENT.fetch && x === t);
        if (remakes || (kind === EVENT.offload && x === t)) break;
        if (kind === EVENT.run && reads(g, x, t)) {
          return {
            events: splice(events, e, 1),
            expected: { kind: "not_resident", step: f - 1, op: g.opIds[x], tensor: g.tensorIds[t] },
          };
        }
      }
    }
  }
  return undefined;
};

/** Run again, right after itself, an op that must run once: an in-place update, or a gradient's producer. */
function runTwice(which: (g: IndexedGraph, v: number) => boolean): Planter {
  return (g, { events }) => {
    const rerunOk = recomputableOps(g);
    for (let v = 0; v < g.opCount; v++) {
      if (rerunOk[v] || !which(g, v)) continue;
      const e = firstRunOf(events, v);
      return {
        events: splice(events, e + 1, 0, [EVENT.run, v]),
        expected: { kind: "forbidden_rerun", op: g.opIds[v], step: e + 1, firstStep: e },
      };
    }
    return undefined;
  };
}

const makesNothing = (g: IndexedGraph, v: number) => g.outStart[v] === g.outStart[v + 1];
const makesGradient = (g: IndexedGraph, v: number) => {
  for (let k = g.outStart[v]; k < g.outStart[v + 1]; k++) {
    if (g.kind[g.outList[k]] === KIND.gradient) return true;
  }
  return false;
};

/** Fetch an activation, right after it is made, that was never offloaded. */
const fetchNeverOffloaded: Planter = (g, { events }) => {
  for (let t = 0; t < g.tensorCount; t++) {
    if (g.kind[t] !== KIND.activation || g.size[t] === 0) continue;
    const e = firstRunOf(events, g.producer[t]);
    return {
      events: splice(events, e + 1, 0, [EVENT.fetch, t]),
      expected: {
        kind: "stale_fetch",
        step: e + 1,
        tensor: g.tensorIds[t],
        problem: "never offloaded",
      },
    };
  }
  return undefined;
};

/** Offload and fetch a weight before its in-place update, then fetch the now stale copy after it. */
const fetchUpdated: Planter = (g, { events }) => {
  const updates = inPlaceUpdates(g);
  for (let u = 0; u < g.opCount; u++) {
    if (updates.start[u] === updates.start[u + 1]) continue;
    const w = updates.list[updates.start[u]];
    const e = firstRunOf(events, u);
    const planted = splice(events, e, 1, [EVENT.offload, w], [EVENT.fetch, w], [EVENT.run, u], [
      EVENT.fetch,
      w,
    ]);
    return {
      events: planted,
      expected: {
        kind: "stale_fetch",
        step: e + 3,
        tensor: g.tensorIds[w],
        problem: "updated in place since its offload",
      },
    };
  }
  return undefined;
};

/** Offload an activation just before an op reads it. */
const useAfterOffload: Planter = (g, { events }) => {
  for (let e = 0; e < events.kind.length; e++) {
    if (events.kind[e] !== EVENT.run) continue;
    const v = events.target[e];
    for (let k = g.inStart[v]; k < g.inStart[v + 1]; k++) {
      const t = g.inList[k];
      if (isUnproducedKind(g.kind[t])) continue;
      return {
        events: splice(events, e, 0, [EVENT.offload, t]),
        expected: { kind: "not_resident", step: e + 1, op: g.opIds[v], tensor: g.tensorIds[t] },
      };
    }
  }
  return undefined;
};

/** Recompute an op before its input's producer first runs: it reads what is not yet made. */
const recomputeFromMissing: Planter = (g, { events }) => {
  const rerunOk = recomputableOps(g);
  for (let v = 0; v < g.opCount; v++) {
    if (!rerunOk[v]) continue;
    for (let k = g.inStart[v]; k < g.inStart[v + 1]; k++) {
      const t = g.inList[k];
      if (isUnproducedKind(g.kind[t])) continue;
      const p = firstRunOf(events, g.producer[t]);
      return {
        events: splice(events, p, 0, [EVENT.run, v]),
        expected: { kind: "not_resident", step: p, op: g.opIds[v], tensor: g.tensorIds[t] },
      };
    }
  }
  return undefined;
};

function residencyIds(g: IndexedGraph, events: Events) {
  const res = residencies(g, events);
  const ids = Array.from(
    { length: res.count },
    (_, r) => `${g.tensorIds[res.tensor[r]]}#${res.ordinal[r]}`,
  );
  return { res, ids };
}

/** Move a residency onto the offset of another alive at the same event. */
const overlap: Planter = (g, { events, offsets }) => {
  const { res, ids } = residencyIds(g, events);
  for (let i = 0; i < res.count; i++) {
    for (let j = i + 1; j < res.count; j++) {
      if (g.size[res.tensor[i]] === 0 || g.size[res.tensor[j]] === 0) continue;
      if (res.first[i] > res.last[j] || res.first[j] > res.last[i]) continue;
      const moved = new Float64Array(offsets);
      moved[j] = moved[i];
      return { events, offsets: moved, expected: { kind: "overlap", tensors: [ids[i], ids[j]] } };
    }
  }
  return undefined;
};

/** Move one residency just above the plan's arena, and make the arena the budget. */
const overBudget: Planter = (g, { events, offsets }) => {
  const { res, ids } = residencyIds(g, events);
  let arena = 0;
  for (let r = 0; r < res.count; r++) arena = Math.max(arena, offsets[r] + g.size[res.tensor[r]]);
  for (let r = 0; r < res.count; r++) {
    const size = g.size[res.tensor[r]];
    if (size === 0) continue;
    const moved = new Float64Array(offsets);
    moved[r] = Math.ceil(arena / g.alignment) * g.alignment;
    return {
      events,
      offsets: moved,
      capacity: arena,
      expected: { kind: "out_of_capacity", tensor: ids[r], step: res.first[r] },
    };
  }
  return undefined;
};

/** Offload an output as the last event: it is not resident when the step ends. */
const outputOffloaded: Planter = (g, { events }) => {
  for (let t = 0; t < g.tensorCount; t++) {
    if (g.kind[t] !== KIND.output) continue;
    return {
      events: splice(events, events.kind.length, 0, [EVENT.offload, t]),
      expected: { kind: "not_resident_at_end", tensor: g.tensorIds[t] },
    };
  }
  return undefined;
};

/** Drop the only run of the last op. */
const opNeverRuns: Planter = (g, { events }) => {
  const v = g.opCount - 1;
  const runs = events.kind.filter((k, e) => k === EVENT.run && events.target[e] === v).length;
  if (runs !== 1) return undefined;
  return {
    events: splice(events, firstRunOf(events, v), 1),
    expected: { kind: "not_run", op: g.opIds[v] },
  };
};

/**
 * The planted faults by name.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { runEvents } from "../graph/budget/events.ts";
 * import { trainingChain } from "../graph/budget/training_chain.ts";
 * import { programOrder } from "../graph/lifetimes.ts";
 * const g = trainingChain(2);
 * const events = runEvents(programOrder(g));
 * const planted = PLANTERS["double update"](g, { events, offsets: new Float64Array(0) });
 * assert.deepEqual(planted?.expected, { kind: "forbidden_rerun", op: "u1", step: 6, firstStep: 5 });
 * ```
 */
export const PLANTERS: Readonly<Record<string, Planter>> = Object.freeze({
  "missing input": missingInput,
  "double update": runTwice(makesNothing),
  "gradient produced twice": runTwice(makesGradient),
  "stale fetch: never offloaded": fetchNeverOffloaded,
  "stale fetch: updated since its offload": fetchUpdated,
  "use after offload": useAfterOffload,
  "recompute from a non-resident input": recomputeFromMissing,
  overlap,
  "over budget": overBudget,
  "output offloaded at the end": outputOffloaded,
  "op never runs": opNeverRuns,
});

/**
 * True when `v` has every field `expected` gives (an overlap's pair in either order).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * const v = { kind: "not_resident", step: 3, op: "b1", tensor: "a1" } as const;
 * assert.equal(matches(v, { kind: "not_resident", op: "b1", tensor: "a1" }), true);
 * assert.equal(matches(v, { kind: "not_resident", op: "b1", tensor: "a2" }), false);
 * ```
 */
export function matches(v: BudgetViolation, expected: Planted["expected"]): boolean {
  for (const [key, want] of Object.entries(expected)) {
    const got = (v as unknown as Record<string, unknown>)[key];
    if (key === "tensors" && Array.isArray(want) && Array.isArray(got)) {
      if ([...want].sort().join("\n") !== [...got].sort().join("\n")) return false;
    } else if (JSON.stringify(got) !== JSON.stringify(want)) return false;
  }
  return true;
}
