/**
 * Live bytes at each op's step when it runs as early or as late as the
 * partial order allows: cheap per-op upper bounds on the least live bytes at
 * that step, which let the min-cut bound skip most ops.
 *
 * @module
 */
import type { IndexedGraph } from "../indexed_graph.ts";
import { isPersistentKind, KIND } from "../kind_codes.ts";
import { type CutOptions, cutPerOp } from "./cut.ts";
import { precedence } from "./precedence.ts";
import { reachabilityWindows } from "./reachability.ts";

/** Options of {@linkcode extremePrefixesPerOp}. */
export interface ExtremePrefixesOptions extends CutOptions {
  /** {@linkcode cutPerOp} of the graph, when the caller has it. */
  cut?: Float64Array;
}

/** Per-op live bytes of the two extreme prefixes, see {@linkcode extremePrefixesPerOp}. */
export interface ExtremePrefixes {
  /** Live bytes at v's step when exactly v's ancestors ran before it. */
  early: Float64Array;
  /** Live bytes at v's step when every op but v's descendants ran before it. */
  late: Float64Array;
}

/**
 * For each op v, with A(v) = v and its ancestors, D(v) = v and its
 * descendants and F(v) the ops comparable with neither: the live bytes at v's
 * step in a schedule whose prefix up to v is A(v) (`early`), or everything
 * but D(v)∖{v} (`late`); both prefixes are closed under predecessors and end
 * in v, so both are real schedules' steps. Unread inputs at step 0 are left
 * out, as in {@linkcode MincutSolver}, of whose network these are the
 * all-sink and all-source cuts: `early = cut + source edges`, `late = cut +
 * sink edges`, each at least the least live bytes at v's step.
 *
 * Beyond {@linkcode cutPerOp}, a tensor t with producer p adds to
 *
 * - `early` at v when p ∈ A(v)∖{v} (or t is an `input`), t is no `output`, no
 *   reader is in D(v) and some reader is in F(v): it stays, as that reader has
 *   not run;
 * - `late` at v when p ∈ F(v) and t is an `output` or read in D(v): it was made
 *   and is still needed.
 *
 * Both are computed with the reachability windows like the cut bound, at
 * about twice its cost.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { loadGraph } from "../load.ts";
 * const g = await loadGraph("testdata/graphs/branchy.json");
 * assert.deepEqual(extremePrefixesPerOp(g).late, Float64Array.from([15, 15, 15, 15, 6, 4]));
 * ```
 */
export function extremePrefixesPerOp(
  g: IndexedGraph,
  options: ExtremePrefixesOptions = {},
): ExtremePrefixes {
  const V = g.opCount, T = g.tensorCount;
  const p = options.precedence ?? precedence(g);
  const cut = options.cut ?? cutPerOp(g, { ...options, precedence: p });
  const early = cut.slice(), late = cut.slice();
  if (V === 0) return { early, late };
  const lastReader = new Int32Array(T).fill(-1);
  for (let t = 0; t < T; t++) {
    for (let k = g.readerStart[t]; k < g.readerStart[t + 1]; k++) {
      if (g.readerList[k] > lastReader[t]) lastReader[t] = g.readerList[k];
    }
  }
  let readAbove = new Uint32Array(0), readBelow = new Uint32Array(0), z = new Uint32Array(0);
  let reached = 0;
  for (const win of reachabilityWindows(p, options)) {
    reached = win.end;
    const { start, end, words, desc, anc } = win;
    if (z.length < words) {
      readAbove = new Uint32Array(words); // ⋃ A(reader): ops with a reader in D(v)
      readBelow = new Uint32Array(words); // ⋂ D(reader): ops after every reader
      z = new Uint32Array(words);
    }
    const full = (i: number) => (i === ((end - start - 1) >> 5) ? lastMask(end - start) : ~0);
    for (let t = 0; t < T; t++) {
      const size = g.size[t], k = g.kind[t], prod = g.producer[t];
      if (size === 0 || isPersistentKind(k)) continue;
      const hasReaders = lastReader[t] >= 0;
      if (k !== KIND.output && !hasReaders) continue; // unread: resident at its producer's step only
      readAbove.fill(0, 0, words);
      readBelow.fill(~0, 0, words);
      for (let j = g.readerStart[t]; j < g.readerStart[t + 1]; j++) {
        const r = g.readerList[j];
        const aRow = (r - start) * words, dRow = r * words;
        for (let i = 0; i < words; i++) {
          if (r >= start) readAbove[i] |= anc[aRow + i];
          readBelow[i] &= r < end ? desc[dRow + i] : 0;
        }
      }
      // early: p ∈ A(v)∖{v} (any v for an input), no reader in D(v), one in F(v)
      if (k !== KIND.output) {
        for (let i = 0; i < words; i++) {
          let before = full(i);
          if (k !== KIND.input) before = prod < end ? desc[prod * words + i] : 0;
          z[i] = before & ~readAbove[i] & ~readBelow[i];
        }
        if (k !== KIND.input && prod >= start && prod < end) {
          z[(prod - start) >> 5] &= ~(1 << ((prod - start) & 31));
        }
        addBits(early, z, words, start, size);
      }
      // late: p ∈ F(v), and t an output or read in D(v)
      if (k !== KIND.input) {
        for (let i = 0; i < words; i++) {
          const needed = k === KIND.output ? full(i) : readAbove[i];
          const ancP = prod >= start ? anc[(prod - start) * words + i] : 0;
          const descP = prod < end ? desc[prod * words + i] : 0;
          z[i] = needed & ~ancP & ~descP;
        }
        addBits(late, z, words, start, size);
      }
    }
  }
  // Ops of windows not reached by `options.deadline`: no schedule's step is
  // known to have their bytes.
  early.fill(Infinity, reached);
  late.fill(Infinity, reached);
  return { early, late };
}

function lastMask(bits: number): number {
  const r = bits & 31;
  return r === 0 ? ~0 : (1 << r) - 1;
}

function addBits(sum: Float64Array, z: Uint32Array, words: number, start: number, size: number) {
  for (let i = 0; i < words; i++) {
    let x = z[i];
    const base = start + (i << 5);
    while (x !== 0) {
      const low = x & -x;
      sum[base + 31 - Math.clz32(low)] += size;
      x ^= low;
    }
  }
}
