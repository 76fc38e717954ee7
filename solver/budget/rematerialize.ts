/**
 * Turns "drop these tensors after that point" into events: a base order runs
 * once; a dropped tensor is freed after its drop point (or offloaded there) and
 * brought back just before its next reader, by re-running its producer (and,
 * recursively, the producers of dropped inputs) or by a fetch.
 *
 * @module
 */
import { EVENT, type Events } from "../../graph/budget/events.ts";
import type { BudgetAnalysis } from "./analysis.ts";

/** How a dropped tensor comes back. */
export const DROP = { keep: 0, recompute: 1, offload: 2 } as const;

/**
 * Drop decisions per tensor: mode ({@linkcode DROP}) and the base positions
 * after which it goes (each later read brings it back).
 */
export interface Drops {
  mode: Uint8Array;
  after: number[][];
}

/** Events, and the dropped tensors whose recompute would break an `after` edge (undo those). */
export interface Rematerialized {
  events: Events;
  /** Per base position, the index of its event (recompute and fetch events come before it). */
  eventOf: Int32Array;
  conflicts: number[];
}

/**
 * No drops: every tensor kept.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * const drops = noDrops(10);
 * assert.ok(drops.mode.length === 10 && drops.mode.every((m) => m === 0));
 * ```
 */
export function noDrops(tensorCount: number): Drops {
  return {
    mode: new Uint8Array(tensorCount),
    after: Array.from({ length: tensorCount }, () => []),
  };
}

/**
 * Builds the events of `base` under `drops`. Recomputed ops of one stage (the
 * runs before a base op) come in base order, so the plan is in Checkmate's
 * stage form. A recompute that would run after an op that must follow every
 * run of it is still emitted, and its tensor listed in `conflicts`.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { trainingChain } from "../../graph/budget/training_chain.ts";
 * import { runEvents } from "../../graph/budget/events.ts";
 * import { programOrder } from "../../graph/lifetimes.ts";
 * import { analyseBudget } from "./analysis.ts";
 * const g = trainingChain(4);
 * const a = analyseBudget(g);
 * const { events } = rematerialize(a, programOrder(g), noDrops(g.tensorCount));
 * assert.deepEqual(events, runEvents(programOrder(g))); // nothing dropped, nothing re-run
 * ```
 */
export function rematerialize(a: BudgetAnalysis, base: Int32Array, drops: Drops): Rematerialized {
  const g = a.g;
  const n = base.length;
  const pos = new Int32Array(g.opCount);
  for (let s = 0; s < n; s++) pos[base[s]] = s;
  const dropAt: number[][] = Array.from({ length: n }, () => []);
  for (let t = 0; t < g.tensorCount; t++) {
    if (drops.mode[t] === DROP.keep) continue;
    for (const s of drops.after[t]) if (s >= 0 && s < n) dropAt[s].push(t);
  }
  // avail: 1 on the device; host: 1 when an offloaded copy exists.
  const avail = new Uint8Array(g.tensorCount);
  const host = new Uint8Array(g.tensorCount);
  for (let t = 0; t < g.tensorCount; t++) if (g.producer[t] < 0) avail[t] = 1;
  const kind: number[] = [], target: number[] = [];
  const eventOf = new Int32Array(n);
  const conflicts = new Set<number>();
  let minSucc = 0; // base position of the earliest op that must follow a re-run op
  const stage: number[] = [];
  const fetches: number[] = [];
  const collect = (t: number, top: number) => {
    if (avail[t]) return;
    if (host[t]) {
      fetches.push(t);
      avail[t] = 1;
      return;
    }
    const p = g.producer[t];
    if (p < 0 || !a.recomputable[p]) {
      conflicts.add(top);
      return;
    }
    for (let k = g.inStart[p]; k < g.inStart[p + 1]; k++) collect(g.inList[k], top);
    for (let k = a.succStart[p]; k < a.succStart[p + 1]; k++) {
      if (pos[a.succList[k]] < minSucc) conflicts.add(top);
    }
    stage.push(p);
    for (let k = g.outStart[p]; k < g.outStart[p + 1]; k++) avail[g.outList[k]] = 1;
  };
  for (let s = 0; s < n; s++) {
    const v = base[s];
    minSucc = s;
    stage.length = 0;
    fetches.length = 0;
    for (let k = g.inStart[v]; k < g.inStart[v + 1]; k++) collect(g.inList[k], g.inList[k]);
    for (const t of fetches) {
      kind.push(EVENT.fetch);
      target.push(t);
    }
    stage.sort((x, y) => pos[x] - pos[y]);
    for (const p of stage) {
      kind.push(EVENT.run);
      target.push(p);
    }
    eventOf[s] = kind.length;
    kind.push(EVENT.run);
    target.push(v);
    for (let k = g.outStart[v]; k < g.outStart[v + 1]; k++) avail[g.outList[k]] = 1;
    for (const t of dropAt[s]) {
      if (!avail[t]) continue;
      avail[t] = 0;
      if (drops.mode[t] === DROP.offload) {
        kind.push(EVENT.offload);
        target.push(t);
        host[t] = 1;
      }
    }
  }
  return {
    events: { kind: Uint8Array.from(kind), target: Int32Array.from(target) },
    eventOf,
    conflicts: [...conflicts],
  };
}
