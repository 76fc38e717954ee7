/**
 * Who reaches whom in the precedence DAG, as bitsets over a window of ops.
 *
 * The cut bound asks, for every tensor and every op v, "is v between this
 * tensor's producer and one of its readers?". Answering it op by op walks the
 * DAG once per op, O(V·E); with bitsets one pass in topological order answers
 * it for 32 ops per machine word. A full V×V matrix is V²/8 bytes (50 MB at
 * 20k ops, twice that for both directions), so the ops are split into windows
 * of columns that fit a memory budget, and each window is one pass.
 *
 * @module
 */
import type { Precedence } from "./precedence.ts";

/**
 * Reachability restricted to the column window of ops `[start, end)`. Both
 * relations are reflexive. Bit `v - start` of a row stands for op v.
 *
 * - `desc`: row of op u (for `u < end`) at `u * words`: the ops v of the window
 *   with v = u or v a descendant of u. Rows of ops at or after `end` would be
 *   empty (descendants have larger indices) and are not stored.
 * - `anc`: row of op r (for `r >= start`) at `(r - start) * words`: the ops v of
 *   the window with v = r or v an ancestor of r.
 */
export interface ReachabilityWindow {
  readonly start: number;
  readonly end: number;
  readonly words: number;
  readonly desc: Uint32Array;
  readonly anc: Uint32Array;
}

/** Options of {@linkcode reachabilityWindows}. */
export interface ReachabilityOptions {
  /** Bytes the two bitset matrices of one window may take; default 128 MiB. */
  maxBytes?: number;
  /**
   * `performance.now()` after which no further window is begun; with one,
   * windows take at most 8 MiB (about 40 at 50,000 ops, the same total work),
   * so that the stop comes soon. The first window is always made. Default none.
   */
  deadline?: number;
  /** With `deadline`: set to false when a window was not begun. */
  progress?: { complete: boolean };
}

/**
 * Yields the reachability windows covering all ops, left to right; a window's
 * arrays are dropped when the next one is made.
 *
 * Relies on index order being topological (true of every indexed graph), so
 * one descending sweep builds `desc` and one ascending sweep builds `anc`:
 * `desc(u) = {u} ∪ ⋃ desc(successor)` and `anc(r) = {r} ∪ ⋃ anc(predecessor)`.
 *
 * Cost per window of `w` words: O((V + E) · w) word operations (fewer: a row
 * is only combined over the words where it can be non-zero), O(V · w) memory;
 * over all windows O((V + E) · V / 32).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { loadGraph } from "../load.ts";
 * import { precedence } from "./precedence.ts";
 * const g = await loadGraph("testdata/graphs/tiny.json"); // a chain f1 -> f2 -> f3 -> f4
 * for (const w of reachabilityWindows(precedence(g))) {
 *   const col = (v: number) => v - w.start;
 *   // 1 when v (in the window) is u or a descendant of u
 *   const below = (u: number, v: number) =>
 *     (w.desc[u * w.words + (col(v) >> 5)] >>> (col(v) & 31)) & 1;
 *   assert.deepEqual([below(0, 3), below(3, 0)], [1, 0]);
 * }
 * ```
 */
export function* reachabilityWindows(
  p: Precedence,
  options: ReachabilityOptions = {},
): Generator<ReachabilityWindow> {
  const V = p.opCount;
  if (V === 0) return;
  const deadline = options.deadline ?? Infinity;
  const words = windowWords(V, {
    maxBytes: Number.isFinite(deadline)
      ? Math.min(options.maxBytes ?? Infinity, DEADLINE_WINDOW_BYTES)
      : options.maxBytes,
  });
  for (let start = 0; start < V; start += 32 * words) {
    if (start > 0 && performance.now() > deadline) {
      if (options.progress) options.progress.complete = false;
      return;
    }
    const end = Math.min(V, start + 32 * words);
    yield {
      start,
      end,
      words,
      desc: descRows(p, start, end, words),
      anc: ancRows(p, start, end, words),
    };
  }
}

function descRows(p: Precedence, start: number, end: number, words: number): Uint32Array {
  const rows = new Uint32Array(end * words);
  for (let u = end - 1; u >= 0; u--) {
    const row = u * words;
    if (u >= start) rows[row + ((u - start) >> 5)] |= 1 << ((u - start) & 31);
    for (let k = p.succStart[u]; k < p.succStart[u + 1]; k++) {
      const w = p.succList[k];
      if (w >= end) break; // successor lists are ascending
      const from = w > start ? (w - start) >> 5 : 0;
      const other = w * words;
      for (let i = from; i < words; i++) rows[row + i] |= rows[other + i];
    }
  }
  return rows;
}

function ancRows(p: Precedence, start: number, end: number, words: number): Uint32Array {
  const V = p.opCount;
  const rows = new Uint32Array((V - start) * words);
  for (let r = start; r < V; r++) {
    const row = (r - start) * words;
    if (r < end) rows[row + ((r - start) >> 5)] |= 1 << ((r - start) & 31);
    for (let k = p.predStart[r + 1] - 1; k >= p.predStart[r]; k--) {
      const u = p.predList[k];
      if (u < start) break; // predecessor lists are ascending
      const to = Math.min(words - 1, (u - start) >> 5);
      const other = (u - start) * words;
      for (let i = 0; i <= to; i++) rows[row + i] |= rows[other + i];
    }
  }
  return rows;
}

/**
 * The one window covering every op when it fits the memory budget, else
 * undefined: its rows are then whole ancestor and descendant sets.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { loadGraph } from "../load.ts";
 * import { precedence } from "./precedence.ts";
 * const g = await loadGraph("testdata/graphs/tiny.json"); // a chain f1 -> f2 -> f3 -> f4
 * const all = wholeReachability(precedence(g));
 * const v = 2;
 * if (all) {
 *   const ancestors = all.anc.subarray(v * all.words, (v + 1) * all.words); // A(v) as a bitset
 *   assert.equal(ancestors[0], 0b0111); // f1, f2 and f3 itself
 * }
 * ```
 */
export function wholeReachability(
  p: Precedence,
  options: ReachabilityOptions = {},
): ReachabilityWindow | undefined {
  const V = p.opCount;
  // One window of every op: no deadline (which would make windows smaller).
  const whole = { maxBytes: options.maxBytes };
  if (V === 0 || 32 * windowWords(V, whole) < V) return undefined;
  return reachabilityWindows(p, whole).next().value ?? undefined;
}

/** Bytes of one window when a deadline is set. */
const DEADLINE_WINDOW_BYTES = 8 * 2 ** 20;

function windowWords(V: number, options: ReachabilityOptions): number {
  const maxBytes = options.maxBytes ?? 128 * 1024 * 1024;
  return Math.max(1, Math.min(Math.ceil(V / 32), Math.floor(maxBytes / (8 * V))));
}
