/**
 * Branch and bound over canonical placements of one independent part.
 *
 * Canonical form. Among all placements that fit, take one P minimising the sum
 * of offsets weighted by footprint squared (any positive weights would do for
 * what follows; these orient the symmetry rule below), with exact copies in
 * index order. In P every buffer rests on the floor or on the top of a
 * conflicting buffer (else it could drop), and no buffer could move down into
 * free space. Sort P by offset: each buffer's offset is then exactly its
 * "floor" at its turn, the highest top of the placed buffers it conflicts
 * with. So the search places buffers at their floors, in order of
 * non-decreasing offset, with a water level `x` that only rises.
 *
 * Branching. At level `x` the candidates are the buffers whose floor is
 * exactly `x` (one whose floor is lower can never start at `x`: nothing placed
 * from now on ends at `x`). Pick the section where the fewest candidates could
 * start and where room is tightest; its candidates pairwise conflict, so at
 * most one of them starts at `x`: try each, then "none of them starts at `x`"
 * (they are excluded from this level). When no candidate is left, the water
 * level rises to the lowest floor above it.
 *
 * Pruning, each valid for P, so nothing that fits is lost. Every unplaced
 * buffer has a lowest start it can still reach: its floor, or `x`, or — when
 * it cannot start at `x` — `x` plus the smallest footprint it could rest on.
 * - sections: the footprints still to place in a section must fit between the
 *   lowest start of its unplaced buffers and the capacity;
 * - dominance: a buffer whose floor plus footprint is at or below the water
 *   level would fit in the gap beneath it, which no later buffer can use: P
 *   never leaves such a gap.
 * - valleys: in each run of equal height walled by higher sections, the
 *   buffers that start at its bottom lie within it and do not conflict; the
 *   sections that cannot afford to wait for a higher start must be covered by
 *   disjoint such buffers (_valleys.ts); checked from a run's first
 *   backtrack on, since a descent that never fails gains nothing from it;
 * - releases: in each section, the buffers that cannot start below a level
 *   must fit between it and the capacity, for each level one of them can
 *   reach first (_release_bound.ts); also from the first backtrack on;
 * - full sections: the "none of them" branch is not taken where the section
 *   branched on has no slack left at `x` and no other buffer can start there
 *   (it would leave a gap that section cannot afford; see `#noneFutile`);
 * - refuted states: a state whose every branch failed is remembered by a
 *   hash of what its future depends on (the skyline over the sections of its
 *   unplaced buffers, those buffers, water level, exclusions), and pruned
 *   when reached again, by another arrangement of the same skyline, beside
 *   any other placement of the rest, or by a later restart (_failure_table.ts).
 *   A section's top buffer enters the hash only where the twin rule below can
 *   see it, so arrangements under other tops are one state (skylineTopKeys).
 *
 * Symmetry, also from P: copies (same lifespan and size) are placed in index
 * order, and a buffer never sits right on a smaller one of the same lifespan
 * (swapping the two keeps their union and lowers the weighted sum).
 *
 * Decomposition. Once no unplaced buffer crosses a time point (every buffer
 * of a section placed, or only buffers that end or start there left), the
 * unplaced buffers on either side of it no longer interact: each side is
 * searched on its own (with its own water level), and when a side has no
 * completion the node fails without trying other completions of the sides
 * already solved. A side of one buffer goes at its floor, without a node.
 *
 * Checked where things changed. Releases, wells and valleys each hold or fail
 * section by section (run by run), on the skyline and the reaches of the
 * buffers there. A node whose parent held them checks only the sections where
 * those changed: the placed buffer's, those of buffers whose reach changed
 * (the parent's reaches are kept on a trail for the comparison), and after the
 * level rose every section at or below it. Node for node the same search as
 * checking everywhere, for a fraction of the work.
 *
 * The search keeps an explicit stack of frames and a trail of changed values,
 * so it allocates nothing per node; it recurses only into the sides of a
 * decomposition. A node whose members are mostly placed lists the unplaced
 * ones, in order, for its descendants' scans.
 *
 * @module
 */
import type { Component } from "./_components.ts";
import { type Heuristic, heuristicOrder, HEURISTICS } from "./_heuristics.ts";
import { restOnBound } from "./_rest_on.ts";
import { ReleaseBound } from "./_release_bound.ts";
import { FailureTable } from "./_failure_table.ts";
import { bufferHashes, levelKeyA, levelKeyB, skyA, skyB, skylineTopKeys } from "./_state_hash.ts";
import { labelValleys, runsAround, type ValleyArrays, valleysCover } from "./_valleys.ts";
import { markWells, type WellArrays, wellsAfford } from "./_wells.ts";
import type { RangeMin } from "./_range_min.ts";
import { SearchScratch } from "./_search_scratch.ts";
import { type ContactArrays, sortByContact } from "./_contact.ts";

/** Options of {@linkcode searchComponent}. */
export interface ComponentSearchOptions {
  capacity: number;
  alignment: number;
  /** `performance.now()` at which to give up. */
  deadline: number;
  /**
   * Looked at with the clock: true gives up as at the deadline (outcome
   * `timeout`); e.g. another thread has settled the part.
   */
  interrupt?: () => boolean;
  /** Nodes after which to give up (outcome `limit`); default unlimited. */
  nodeLimit?: number;
  /** Nodes between two looks at the clock; default {@linkcode defaultCheckEvery}. */
  checkEvery?: number;
  /** Default the first of {@linkcode HEURISTICS}. */
  heuristic?: Heuristic;
  /**
   * States already refuted at this capacity (shared by the runs of a
   * portfolio on the same part); default a new table.
   */
  failures?: FailureTable;
  /** Working arrays lent from run to run (one search at a time); default new ones. */
  scratch?: SearchScratch;
  /**
   * Also check releases and futile "none of them" branches (default true),
   * from the run's first backtrack on: fewer nodes, each dearer. False only
   * to measure what they prune.
   */
  releases?: boolean;
  /**
   * Check releases, wells and valleys in every section of every node
   * (default false: only around what changed since a parent that held, the
   * same cuts for a fraction of the work). True only to test that.
   */
  everywhere?: boolean;
  /**
   * Slots of the trail that keeps a node's parent's reaches (two a change),
   * default `max(2^20, 16 n)`: a part whose path down would need more (long
   * paths of level rises over many buffers) stops keeping it and from then
   * on checks everywhere, so that its memory stays bounded.
   */
  trailLimit?: number;
  /**
   * Stop checking releases in this run once this many checks in a row have
   * all passed (default never). Futile "none of them" branches are still
   * cut. On large parts with long lifespans a check costs about as much as
   * the rest of the node, and where a first run's releases prune nothing it
   * is pure cost (inception_v3's largest part: 1,679 nodes either way; its
   * first run 90 ms without releases, 170 ms with, 125 ms with 256 here).
   */
  releaseTrial?: number;
}

/** What one search ends with. */
export interface ComponentSearchResult {
  /**
   * `found`: `offsets` fit; `infeasible`: proved that nothing fits; `timeout`
   * or `limit`: gave up at the deadline or the node limit.
   */
  outcome: "found" | "infeasible" | "timeout" | "limit";
  /** Local offsets: all of them when found, else the deepest partial placement (NaN = unplaced). */
  offsets: Float64Array;
  nodes: number;
}

/**
 * Searches for a placement of one part under the capacity.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { loadMinimallocCsv } from "../../graph/load.ts";
 * import { splitComponents } from "./_components.ts";
 * const problem = await loadMinimallocCsv("testdata/minimalloc/example.12.csv");
 * const [part] = splitComponents(problem);
 * const r = searchComponent(part, { capacity: 12, alignment: 1, deadline: Infinity });
 * assert.equal(r.outcome, "found");
 * ```
 */
export function searchComponent(
  comp: Component,
  options: ComponentSearchOptions,
): ComponentSearchResult {
  const search = new CanonicalSearch(comp, options);
  const outcome = search.run();
  return { outcome, offsets: search.offsets(outcome), nodes: search.nodes };
}

/**
 * Nodes between two looks at the clock for a part of `n` buffers: 1024 for
 * small parts, fewer for large ones, whose nodes cost O(n) each, so that the
 * time limit is kept to within milliseconds.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * assert.equal(defaultCheckEvery(200), 1024);
 * assert.equal(defaultCheckEvery(20000), 13);
 * ```
 */
export function defaultCheckEvery(n: number): number {
  return Math.max(1, Math.min(1024, Math.floor(262144 / Math.max(1, n))));
}

type Outcome = ComponentSearchResult["outcome"];

/** The state of one search; see the module comment. */
class CanonicalSearch {
  nodes = 0;
  #n: number;
  #size: Float64Array;
  #fp: Float64Array;
  #first: Int32Array;
  #end: Int32Array;
  #capacity: number;
  #capFp: number;
  #deadline: number;
  #interrupt: (() => boolean) | undefined;
  #checkMask: number;
  #nodeLimit: number;
  #byCount: boolean;
  #leading: boolean; // branch in the sections of the first candidate that can start at x
  #contact: ContactArrays | undefined; // set when candidates are tried by contact
  #stopped: "timeout" | "limit" | undefined;
  // No backtrack yet. Until the first, valleys are not checked: on generated
  // tight problems that cut the CPU time of easy ones (one descent each) by
  // 12%, for a geometric mean of nodes 0.3-0.6% higher. Wells are still
  // checked: skipping them too saved 22% but cost up to 13x the nodes on some.
  #diving = true;
  #failures: FailureTable;
  #flip: number; // -1, or for a mirrored part the last section (hashes use the part's sections)
  // Per section: its share of the skyline hash, (section, top, topmost buffer).
  #skyHA: Int32Array;
  #skyHB: Int32Array;
  #za: Int32Array; // per buffer: its share of the unplaced members' hash
  #zb: Int32Array;
  #zx: Int32Array; // its share of the exclusions' hash
  #fKeyA: Int32Array; // state key of each frame
  #fR: Int32Array; // reach trail mark before the frame's node set its reaches
  #fHeld: Uint8Array; // what the frame's node checked in its every section: RELEASES | WELLS | VALLEYS
  #fKeyB: Int32Array;

  #order: Int32Array; // buffers in the order candidates are tried
  #restOn: Float64Array; // smallest footprint among conflicting buffers (or a lower bound)

  #h: Float64Array; // top of the placed buffers, per section
  #below: Int32Array; // the placed buffer whose top that is, or -1
  #topKey: Int32Array; // per buffer: what the skyline hash takes of it as a top (skylineTopKeys)
  #span: Float64Array; // buffers with equal lifespans share a value
  #copyBefore: Int32Array; // the previous buffer of equal lifespan and size, or -1
  #rem: Float64Array; // footprints still to place, per section
  #cross: Int32Array; // per section s: unplaced buffers covering both s - 1 and s
  #floor: Float64Array; // top of the placed conflicting buffers, per buffer
  #pin: Float64Array | undefined; // per buffer: its fixed offset, NaN if free (set when any is pinned)
  #excluded: Float64Array; // level at which a buffer may not start
  #placed: Uint8Array;
  #offsets: Float64Array;
  #placedCount = 0;
  #best: Float64Array;
  #bestCount = -1;
  #recordStep: number;

  // Trail: old section tops and floors (f), changed buffers and counts (i).
  #ftrail: Float64Array;
  #ftop = 0;
  #itrail: Int32Array;
  #itop = 0;
  #log: Int32Array; // buffers in placement order
  #logTop = 0;
  #xtrail: Float64Array; // (buffer, old exclusion) pairs
  #xtop = 0;

  // Frames of the explicit stack, shared by nested side searches.
  #fLevel: Float64Array;
  #fStart: Int32Array;
  #fNext: Int32Array;
  #fEnd: Int32Array;
  #fExcluded: Uint8Array; // the "none of them" branch was taken
  #fLog: Int32Array; // log mark of the child placement, or -1
  #fX: Int32Array; // exclusion trail mark of the child, or -1
  #fFrom: Int32Array; // the node's members: groups[fFrom, fTo)
  #fTo: Int32Array;
  #fGroups: Int32Array; // groupsTop before the node listed its members, restored at its pop
  #depth = -1;
  #pool: Int32Array; // candidate lists of the frames
  #poolTop = 0;
  #groups: Int32Array; // member lists of the sides being searched
  #groupsTop = 0;
  #sideBounds = 0; // where #split left the bounds of the side lists

  // Scratch, per section.
  #low: Float64Array; // lowest reachable start
  #lowOfRanges: RangeMin; // for #low when lifespans are long
  #reachOf: Float64Array; // per buffer: #reach at the node being opened (then at its parent's)
  #rtrail: Float64Array; // (buffer, old reach) pairs, undone as nodes are left
  #rtop = 0;
  #changedLo = 0; // the sections of the buffers whose reach the node being opened changed
  #changedHi = 0;
  #rtrailLimit: number;
  #untrailed = false; // past the trail's limit: parents' reaches no longer kept
  #count: Int32Array; // candidates covering it; also side labels when splitting
  #counts: Int32Array;
  #well: Int32Array; // well of a section, or -1
  #inside: Float64Array; // footprints lying within the section's well
  #head: Int32Array; // candidates at the water level by first section (lists)
  #next: Int32Array;
  #atX: Int32Array; // the node's members that can start at its level, in order
  #valley: Int32Array; // first section of the section's valley, or -1
  #runs = new Int32Array(2); // the sections whose wells and valleys a node checks
  #valleyArrays: ValleyArrays;
  #wellArrays: WellArrays;
  #scratch: SearchScratch;
  #release: ReleaseBound | undefined; // made at the first use
  #releases: boolean;
  #everywhere: boolean;
  #releaseBound: boolean; // releases still checked in this run
  #releaseTrial: number;
  #releasePasses = 0; // checks passed since the last cut

  constructor(comp: Component, options: ComponentSearchOptions) {
    const n = comp.ids.length, sections = comp.sectionCount;
    this.#n = n;
    this.#size = comp.size;
    this.#fp = comp.footprint;
    this.#first = comp.first;
    this.#end = comp.end;
    this.#capacity = options.capacity;
    const a = options.alignment;
    this.#capFp = Math.ceil(options.capacity / a) * a;
    this.#deadline = options.deadline;
    this.#interrupt = options.interrupt;
    this.#checkMask = pow2(options.checkEvery ?? defaultCheckEvery(n)) - 1;
    this.#nodeLimit = options.nodeLimit ?? Infinity;
    this.#failures = options.failures ?? new FailureTable();
    this.#flip = comp.mirrored ? sections - 1 : -1;
    this.#releases = this.#releaseBound = options.releases ?? true;
    this.#everywhere = options.everywhere ?? false;
    this.#rtrailLimit = options.trailLimit ?? Math.max(1 << 20, 16 * n);
    this.#releaseTrial = options.releaseTrial ?? Infinity;
    const zs = memo(comp, "hashes", () => bufferHashes(n));
    this.#za = zs.subarray(0, n);
    this.#zb = zs.subarray(n, 2 * n);
    this.#zx = zs.subarray(2 * n, 3 * n);
    const heuristic = options.heuristic ?? HEURISTICS[0];
    this.#byCount = heuristic.section !== "tightest";
    this.#leading = heuristic.section === "leading";
    this.#order = heuristicOrder(comp, heuristic);
    this.#restOn = memo(comp, "restOn", () => restOnBound(comp));
    // Per section: the smallest #restOn of a buffer covering it (valleys' second starts).
    const restOnIn = memo(comp, "restOnIn", () => {
      const m = new Float64Array(sections + 1).fill(Infinity);
      for (let b = 0; b < n; b++) {
        for (let s = comp.first[b]; s < comp.end[b]; s++) m[s] = Math.min(m[s], this.#restOn[b]);
      }
      return m;
    });
    // Lent by the scratch: only what a run reads before writing is reset here.
    const sc = this.#scratch = options.scratch ?? new SearchScratch();
    const F = Float64Array, I = Int32Array, U = Uint8Array;
    this.#h = sc.take("h", sections, F).fill(0, 0, sections);
    this.#below = sc.take("below", sections, I).fill(-1, 0, sections);
    const flip = this.#flip;
    this.#skyHA = sc.take("skyHA", sections, I);
    this.#skyHA.set(memo(comp, "skyHA", () => {
      const a = new Int32Array(sections);
      for (let s = 0; s < sections; s++) a[s] = skyA(flip < 0 ? s : flip - s, 0, -1);
      return a;
    }));
    this.#skyHB = sc.take("skyHB", sections, I);
    this.#skyHB.set(memo(comp, "skyHB", () => {
      const a = new Int32Array(sections);
      for (let s = 0; s < sections; s++) a[s] = skyB(flip < 0 ? s : flip - s, 0, -1);
      return a;
    }));
    // Static per part: computed once for all the runs of a portfolio.
    this.#span = memo(comp, "span", () => {
      const span = new Float64Array(n);
      for (let b = 0; b < n; b++) span[b] = comp.first[b] * (sections + 1) + comp.end[b];
      return span;
    });
    this.#copyBefore = memo(comp, "copyBefore", () => copiesBefore(comp, this.#span));
    this.#topKey = memo(comp, "topKey", () => skylineTopKeys(this.#span, comp.footprint));
    const pin = comp.pinned;
    if (pin !== undefined && pin.some((o) => !Number.isNaN(o))) {
      this.#pin = pin;
      // A pinned buffer swaps with nothing: no copy rule through it.
      this.#copyBefore = this.#copyBefore.map((p, b) =>
        p >= 0 && (Number.isNaN(pin[b]) && Number.isNaN(pin[p])) ? p : -1
      );
    }
    this.#rem = sc.take("rem", sections, F);
    this.#rem.set(memo(comp, "rem", () => {
      const rem = new Float64Array(sections);
      for (let b = 0; b < n; b++) {
        for (let s = comp.first[b]; s < comp.end[b]; s++) rem[s] += comp.footprint[b];
      }
      return rem;
    }));
    this.#cross = sc.take("cross", sections + 1, I);
    this.#cross.set(memo(comp, "cross", () => {
      const cross = new Int32Array(sections + 1);
      for (let b = 0; b < n; b++) for (let s = comp.first[b] + 1; s < comp.end[b]; s++) cross[s]++;
      return cross;
    }));
    this.#floor = sc.take("floor", n, F).fill(0, 0, n);
    this.#excluded = sc.take("excluded", n, F).fill(-1, 0, n);
    this.#placed = sc.take("placed", n, U).fill(0, 0, n);
    this.#offsets = sc.take("offsets", n, F).fill(NaN, 0, n);
    this.#best = EMPTY_F64; // allocated at the first record
    this.#recordStep = Math.max(1, n >> 6);
    this.#log = sc.take("log", n, I);
    this.#pool = sc.take("pool", Math.max(16, 2 * n), I);
    this.#groups = sc.take("groups", Math.max(16, 4 * n), I);
    this.#low = sc.take("low", sections + 1, F);
    this.#lowOfRanges = sc.ranges(sections + 1);
    // NaN: a root's every reach is new.
    this.#reachOf = sc.take("reachOf", n, F).fill(NaN, 0, n);
    this.#rtrail = sc.take("rtrail", 1024, F);
    this.#count = sc.take("count", sections + 1, I);
    this.#counts = sc.take("counts", sections + 2, I);
    this.#well = sc.take("well", sections + 1, I);
    this.#inside = sc.take("inside", sections + 1, F);
    this.#head = sc.take("head", sections + 1, I);
    this.#next = sc.take("next", n, I);
    this.#atX = sc.take("atX", n, I);
    this.#valley = sc.take("valley", sections + 1, I);
    this.#valleyArrays = {
      h: this.#h,
      rem: this.#rem,
      restOnIn,
      end: this.#end,
      valley: this.#valley,
      low2: sc.take("low2", sections + 1, F),
      head: this.#head,
      next: this.#next,
      ok: sc.take("ok", sections + 1, U),
    };
    this.#wellArrays = { h: this.#h, rem: this.#rem, well: this.#well, inside: this.#inside };
    this.#contact = heuristic.contact
      ? { h: this.#h, first: this.#first, end: this.#end, fp: this.#fp, sections }
      : undefined;
    this.#ftrail = sc.take("ftrail", 1024, F);
    this.#itrail = sc.take("itrail", 1024, I);
    this.#xtrail = sc.take("xtrail", 256, F);
    this.#fLevel = sc.take("fLevel", 64, F);
    this.#fStart = sc.take("fStart", 64, I);
    this.#fNext = sc.take("fNext", 64, I);
    this.#fEnd = sc.take("fEnd", 64, I);
    this.#fExcluded = sc.take("fExcluded", 64, U);
    this.#fLog = sc.take("fLog", 64, I);
    this.#fX = sc.take("fX", 64, I);
    this.#fFrom = sc.take("fFrom", 64, I);
    this.#fTo = sc.take("fTo", 64, I);
    this.#fGroups = sc.take("fGroups", 64, I);
    this.#fKeyA = sc.take("fKeyA", 64, I);
    this.#fKeyB = sc.take("fKeyB", 64, I);
    this.#fR = sc.take("fR", 64, I);
    this.#fHeld = sc.take("fHeld", 64, U);
  }

  /** Runs the whole search (once). */
  run(): Outcome {
    const n = this.#n;
    if (n === 0) return "found";
    this.#groups.set(this.#order);
    this.#groupsTop = n;
    const found = this.#solve(0, n, 0);
    this.#giveBack();
    return found ? "found" : this.#stopped ?? "infeasible";
  }

  /** Hands the arrays that may have grown back to the scratch, for the next run. */
  #giveBack(): void {
    const sc = this.#scratch;
    sc.give("pool", this.#pool);
    sc.give("groups", this.#groups);
    sc.give("ftrail", this.#ftrail);
    sc.give("itrail", this.#itrail);
    sc.give("xtrail", this.#xtrail);
    sc.give("fLevel", this.#fLevel);
    sc.give("fStart", this.#fStart);
    sc.give("fNext", this.#fNext);
    sc.give("fEnd", this.#fEnd);
    sc.give("fExcluded", this.#fExcluded);
    sc.give("fLog", this.#fLog);
    sc.give("fX", this.#fX);
    sc.give("fFrom", this.#fFrom);
    sc.give("fTo", this.#fTo);
    sc.give("fGroups", this.#fGroups);
    sc.give("fKeyA", this.#fKeyA);
    sc.give("fKeyB", this.#fKeyB);
    sc.give("fR", this.#fR);
    sc.give("fHeld", this.#fHeld);
    sc.give("rtrail", this.#rtrail);
  }

  /** The offsets to report for an outcome. */
  offsets(outcome: Outcome): Float64Array {
    if (outcome === "found") return this.#offsets.slice(0, this.#n);
    if ((outcome === "timeout" || outcome === "limit") && this.#bestCount >= 0) return this.#best;
    return new Float64Array(this.#n).fill(NaN);
  }

  /**
   * Searches the side whose members are `groups[from, to)`, from water level
   * `x`. On success its placements stay; otherwise all it did is undone.
   */
  #solve(from: number, to: number, x: number): boolean {
    const base = this.#depth, logMark = this.#logTop, xMark = this.#xtop;
    const groupsMark = this.#groupsTop;
    if (this.#enter(from, to, x)) {
      while (this.#depth > base) {
        const d = this.#depth, level = this.#fLevel[d];
        const from = this.#fFrom[d], to = this.#fTo[d];
        if (this.#fLog[d] >= 0) {
          this.#diving = false;
          this.#undoTo(this.#fLog[d]);
          this.#fLog[d] = -1;
        }
        if (this.#fX[d] >= 0) {
          this.#unexclude(this.#fX[d]);
          this.#fX[d] = -1;
        }
        if (this.#stopped !== undefined) break;
        if (this.#fNext[d] < this.#fEnd[d]) {
          const b = this.#pool[this.#fNext[d]++];
          this.#fLog[d] = this.#logTop;
          this.#place(b, level, from, to);
          const sides = this.#split(from, to, b);
          if (sides === 0) return this.#succeed(base, groupsMark);
          if (sides === 1) this.#enter(from, to, level);
          else if (this.#solveSides(sides, level)) return this.#succeed(base, groupsMark);
          continue;
        }
        if (this.#fExcluded[d] === 0) {
          this.#fExcluded[d] = 1;
          this.#fX[d] = this.#xtop;
          for (let k = this.#fStart[d]; k < this.#fEnd[d]; k++) {
            this.#exclude(this.#pool[k], level);
          }
          this.#enter(from, to, level);
          continue;
        }
        // Every branch failed, none cut short: the state has no completion.
        this.#failures.add(this.#fKeyA[d], this.#fKeyB[d]);
        this.#poolTop = this.#fStart[d];
        this.#groupsTop = this.#fGroups[d];
        this.#unreach(this.#fR[d]);
        this.#depth--;
      }
    }
    if (this.#depth > base) {
      this.#poolTop = this.#fStart[base + 1];
      this.#unreach(this.#fR[base + 1]);
    }
    this.#depth = base;
    this.#groupsTop = groupsMark;
    this.#undoTo(logMark);
    this.#unexclude(xMark);
    return false;
  }

  #succeed(base: number, groupsMark: number): boolean {
    this.#poolTop = this.#fStart[base + 1];
    this.#unreach(this.#fR[base + 1]);
    this.#groupsTop = groupsMark;
    this.#depth = base;
    return true;
  }

  /**
   * Opens a node for the members `groups[from, to)` at water level `x`:
   * raises the level if nothing can start at it, prunes, picks a section and
   * pushes a frame holding its candidates. False when pruned, its reaches
   * then set back to its parent's.
   */
  #enter(from: number, to: number, x: number): boolean {
    const mark = this.#rtop, need = mark + 4 * (to - from);
    if (need > this.#rtrail.length && !this.#untrailed) {
      if (need > this.#rtrailLimit) this.#untrailed = true;
      else {
        // Doubling, but never past the limit (grow would double past it).
        const t = new Float64Array(
          Math.min(Math.max(need, 2 * this.#rtrail.length), this.#rtrailLimit),
        );
        t.set(this.#rtrail.subarray(0, mark));
        this.#rtrail = t;
      }
    }
    if (this.#open(from, to, x, mark)) return true;
    this.#unreach(mark);
    return false;
  }

  /** Sets the reaches changed since trail mark `mark` back. */
  #unreach(mark: number): void {
    const rtrail = this.#rtrail, reach = this.#reachOf;
    let top = this.#rtop;
    while (top > mark) {
      top -= 2;
      reach[rtrail[top]] = rtrail[top + 1];
    }
    this.#rtop = top;
  }

  /**
   * Sets `b`'s reach to `f`, keeping the old one on the trail (while kept) and
   * its sections among those to check again.
   */
  #changeReach(b: number, f: number): void {
    if (!this.#untrailed) {
      this.#rtrail[this.#rtop++] = b;
      this.#rtrail[this.#rtop++] = this.#reachOf[b];
    }
    this.#reachOf[b] = f;
    if (this.#first[b] < this.#changedLo) this.#changedLo = this.#first[b];
    if (this.#end[b] > this.#changedHi) this.#changedHi = this.#end[b];
  }

  /** {@linkcode #enter}, whose reach trail starts at `mark`. */
  #open(from: number, to: number, x: number, mark: number): boolean {
    if (++this.nodes > this.#nodeLimit) {
      this.#stopped = "limit";
      return false;
    }
    if (
      (this.nodes & this.#checkMask) === 0 &&
      (performance.now() > this.#deadline || this.#interrupt?.() === true)
    ) {
      this.#stopped = "timeout";
      return false;
    }
    const groups = this.#groups, placed = this.#placed, floor = this.#floor, fp = this.#fp;
    const first = this.#first, end = this.#end, reach = this.#reachOf, excluded = this.#excluded;
    const zx = this.#zx, za = this.#za, zb = this.#zb, restOn = this.#restOn;
    const pin = this.#pin;
    let m = Infinity, lo = Infinity, hi = 0, ex = 0, width = 0, unplaced = 0, next = Infinity;
    let ua = 0, ub = 0; // hash of the unplaced members
    // The sections whose buffers' reaches differ from the parent's.
    this.#changedLo = Infinity;
    this.#changedHi = -1;
    for (let k = from; k < to; k++) {
      const b = groups[k];
      if (placed[b] !== 0) continue;
      // #reach, inlined; meanwhile the lowest floor above x.
      const fl = floor[b];
      let f;
      if (pin !== undefined && pin[b] === pin[b]) {
        f = this.#reach(b, x);
        if (f === Infinity) return false;
        if (f > x && f < next) next = f;
      } else if (fl > x) {
        f = fl;
        if (fl < next) next = fl;
      } else if (fl === x && excluded[b] !== x && !this.#twinBelow(b, x) && this.#copyFree(b)) {
        f = x;
      } else f = x + restOn[b];
      if (reach[b] !== f) this.#changeReach(b, f);
      if (f < m) m = f;
      if (first[b] < lo) lo = first[b];
      if (end[b] > hi) hi = end[b];
      if (excluded[b] === x) ex ^= zx[b];
      ua ^= za[b];
      ub ^= zb[b];
      width += end[b] - first[b];
      unplaced++;
    }
    if (m > x) {
      // Nothing starts at x: the next buffer starts at a floor, the lowest one
      // above x (floors at or below x are below m, those above are at least m).
      if (next === Infinity) return false;
      x = next;
      ex = 0;
      for (let k = from; k < to; k++) {
        const b = groups[k];
        if (placed[b] !== 0) continue;
        if (floor[b] + fp[b] <= x && !this.#isPinned(b)) return false;
        const f = this.#reach(b, x);
        if (reach[b] !== f) this.#changeReach(b, f);
        if (excluded[b] === x) ex ^= zx[b];
      }
    }
    const changedLo = this.#changedLo, changedHi = this.#changedHi;
    // The state, as far as the rest of the side depends on it: the skyline
    // over the unplaced members' sections, those members, the water level and
    // the exclusions there. Nothing else reaches them: no other unplaced
    // buffer shares their sections, and their floors are the skyline's tops.
    // So a side refuted once is refuted wherever it recurs, whatever lies
    // beside it.
    const skyHA = this.#skyHA, skyHB = this.#skyHB;
    for (let s = lo; s < hi; s++) {
      ua ^= skyHA[s];
      ub ^= skyHB[s];
    }
    const ka = levelKeyA(ua, x, ex);
    const kb = levelKeyB(ub, x, ex);
    if (this.#failures.has(ka, kb)) return false;
    // Wells and valleys count the space under the skyline as free or lost,
    // which a buffer pinned above it breaks: not checked with pins. Where the
    // parent checked them, only the runs of sections around what changed since
    // (the placed buffer's sections, those of buffers whose reach changed, and
    // after a rise of the level those at or below it) can fail: each other run
    // has the same sections, height, walls, room and candidates as there.
    const checkWells = pin === undefined, checkValleys = !this.#diving && pin === undefined;
    let vFrom = lo, vTo = hi;
    const p = this.#depth;
    const pHeld = p >= 0 && !this.#everywhere && !this.#untrailed ? this.#fHeld[p] : 0;
    if ((pHeld & WELLS) !== 0 && (!checkValleys || (pHeld & VALLEYS) !== 0)) {
      let cLo = changedLo, cHi = changedHi;
      if (this.#fLevel[p] !== x) {
        // The level rose: a section is seen at another height, or comes into
        // a well, only if its top is at or below the new level.
        const h = this.#h, rem = this.#rem;
        for (let s = lo; s < hi; s++) {
          if (h[s] <= x && rem[s] > 0) {
            if (s < cLo) cLo = s;
            if (s + 1 > cHi) cHi = s + 1;
          }
        }
      }
      const lm = this.#fLog[p];
      if (lm >= 0) {
        const b = this.#log[lm];
        if (first[b] < cLo) cLo = first[b];
        if (end[b] > cHi) cHi = end[b];
      }
      if (cLo > cHi) vFrom = vTo = lo;
      else {
        const runs = this.#runs;
        runsAround(this.#valleyArrays, x, lo, hi, cLo, cHi, runs);
        vFrom = runs[0];
        vTo = runs[1];
      }
    }
    const wells = checkWells ? markWells(this.#wellArrays, x, lo, hi, vFrom, vTo) : 0;
    const valleys = checkValleys ? labelValleys(this.#valleyArrays, x, lo, hi, vFrom, vTo) : 0;
    const size = this.#size, capacity = this.#capacity, h = this.#h;
    const low = this.#low, count = this.#count, valley = this.#valley;
    const head = this.#head, nextIn = this.#next, atX = this.#atX;
    const well = this.#well, inside = this.#inside;
    let nAtX = 0;
    if (wells > 0) inside.fill(0, vFrom, vTo + 1);
    // Where no buffer can start at x, a section's room is counted from its
    // lowest reachable start; once the release bound is checked at this node
    // it makes that check too (at the section's lowest release, above the
    // node's lowest when some buffer starts at x), so the lows are skipped.
    const lows = this.#diving || !this.#releaseBound;
    if (lows) low.fill(Infinity, lo, hi);
    count.fill(0, lo, hi + 1);
    if (valleys > 0) head.fill(-1, vFrom, vTo);
    // Section by section while the lifespans are short, else by blocks (same values).
    const ranges = lows && width > 4 * unplaced + 2 * (hi - lo) * (31 - Math.clz32(hi - lo))
      ? this.#lowOfRanges
      : undefined;
    for (let k = from; k < to; k++) {
      const b = groups[k];
      if (placed[b] !== 0) continue;
      const f = reach[b], fs = first[b], es = end[b];
      if (f + size[b] > capacity) {
        if (ranges !== undefined) ranges.flush(low, lo, hi);
        return false;
      }
      // A buffer that can start at x, the lowest any can, is counted instead:
      // where the count is positive the lowest reachable start is x.
      if (f === x) {
        count[fs]++;
        count[es]--;
        atX[nAtX++] = b;
      } else if (ranges !== undefined) ranges.add(fs, es, f, low);
      else if (lows) {
        for (let s = fs; s < es; s++) if (f < low[s]) low[s] = f;
      }
      if (fs < vFrom || es > vTo) continue;
      if (wells > 0) {
        const w = well[fs];
        if (w >= 0 && well[es - 1] === w) {
          inside[fs] += fp[b];
          inside[es] -= fp[b];
        }
      }
      if (valleys === 0) continue;
      const v = valley[fs];
      if (v >= 0 && valley[es - 1] === v && f === (h[fs] > x ? h[fs] : x)) {
        nextIn[b] = head[fs];
        head[fs] = b;
      }
    }
    if (ranges !== undefined) ranges.flush(low, lo, hi);
    if (wells > 0 && !wellsAfford(this.#wellArrays, this.#capFp, x, lo, hi, vFrom, vTo)) {
      return false;
    }
    for (let s = lo + 1; s < hi; s++) count[s] += count[s - 1];
    // Every section's remaining footprints above its lowest reachable start;
    // meanwhile the section to branch on.
    const rem = this.#rem, capFp = this.#capFp, byCount = this.#byCount;
    let pick = -1, pickRoom = Infinity, pickCount = 0;
    for (let s = lo; s < hi; s++) {
      if (rem[s] === 0) continue;
      const c = count[s];
      if (c === 0 && !lows) continue;
      const room = capFp - (c > 0 ? x : low[s]) - rem[s];
      if (room < 0) return false;
      if (
        c > 0 &&
        (pick < 0 ||
          (byCount
            ? c < pickCount || (c === pickCount && room < pickRoom)
            : room < pickRoom || (room === pickRoom && c < pickCount)))
      ) {
        pick = s;
        pickRoom = room;
        pickCount = c;
      }
    }
    if (this.#leading && nAtX > 0) {
      // Members are listed in the heuristic's order, and so are the buffers at x.
      const t = atX[0];
      pick = first[t];
      for (let s = first[t] + 1; s < end[t]; s++) if (count[s] < count[pick]) pick = s;
      pickCount = count[pick];
    }
    if (valleys > 0 && !valleysCover(this.#valleyArrays, capFp, lo, hi, vFrom, vTo)) return false;
    // Releases: where the parent node checked them all, only the sections of
    // buffers whose reach changed since can fail (placing a buffer only takes
    // footprints away); every other one holds as it did there.
    let held = (checkWells ? WELLS : 0) | (checkValleys ? VALLEYS : 0);
    if (this.#releaseBound && !this.#diving) {
      const parentHeld = p >= 0 && (this.#fHeld[p] & RELEASES) !== 0 && !this.#everywhere &&
        !this.#untrailed;
      const cLo = parentHeld ? changedLo : lo, cHi = parentHeld ? changedHi : hi;
      if (!this.#releaseFits(lo, hi, cLo, cHi, m)) {
        this.#releasePasses = 0;
        return false;
      }
      if (++this.#releasePasses >= this.#releaseTrial) this.#releaseBound = false;
      held |= RELEASES;
    }
    const d = this.#depth + 1;
    if (d === this.#fLevel.length) this.#growFrames();
    if (this.#poolTop + pickCount > this.#pool.length) {
      this.#pool = grow(this.#pool, this.#poolTop + pickCount);
    }
    const pool = this.#pool;
    let top = this.#poolTop;
    this.#fLevel[d] = x;
    this.#fStart[d] = this.#fNext[d] = top;
    this.#fGroups[d] = this.#groupsTop;
    if (COMPACT * unplaced < (COMPACT - 1) * (to - from)) {
      // Most members are placed: list the rest for the node's descendants, so
      // that their scans skip the placed ones (in the same order: same search).
      let at = this.#groupsTop;
      if (at + unplaced > groups.length) this.#groups = grow(groups, at + unplaced);
      const g = this.#groups;
      this.#fFrom[d] = at;
      for (let k = from; k < to; k++) if (placed[g[k]] === 0) g[at++] = g[k];
      this.#fTo[d] = this.#groupsTop = at;
    } else {
      this.#fFrom[d] = from;
      this.#fTo[d] = to;
    }
    // The buffers that can start at x over the picked section, in member order;
    // or a buffer pinned at x alone, which must go there (no "none of them").
    let forced = -1;
    if (pin !== undefined) {
      for (let i = 0; i < nAtX && forced < 0; i++) if (pin[atX[i]] === pin[atX[i]]) forced = atX[i];
    }
    if (forced >= 0) pool[top++] = forced;
    else {
      for (let i = 0; i < nAtX; i++) {
        const b = atX[i];
        if (first[b] <= pick && pick < end[b]) pool[top++] = b;
      }
    }
    if (this.#contact !== undefined && top - this.#fStart[d] > 1) {
      sortByContact(this.#contact, pool, this.#fStart[d], top, pick, x);
    }
    this.#poolTop = this.#fEnd[d] = top;
    // A futile "none of them" is marked as taken: decided here, where the
    // counts of the buffers at x are at hand, not when the branch comes.
    const noNone = forced >= 0 ||
      (this.#releases && pin === undefined && this.#noneFutile(d, x, count));
    this.#fExcluded[d] = noNone ? 1 : 0;
    this.#fKeyA[d] = ka;
    this.#fKeyB[d] = kb;
    this.#fR[d] = mark;
    this.#fHeld[d] = held;
    this.#fLog[d] = -1;
    this.#fX[d] = -1;
    this.#depth = d;
    return true;
  }

  /**
   * The lowest offset unplaced `b` can still start at, with water level `x`:
   * its floor if above `x`; `x` if its floor is `x` and it is not excluded
   * there; else it must rest on an unplaced buffer, so at least `x` plus the
   * smallest footprint that conflicts with it.
   */
  #reach(b: number, x: number): number {
    const f = this.#floor[b];
    // Pinned: at its offset, unless something lies in its way or the level passed it.
    if (this.#isPinned(b)) {
      const o = this.#pin![b];
      return f > o || o < x ? Infinity : o;
    }
    if (f > x) return f;
    if (f === x && this.#excluded[b] !== x && !this.#twinBelow(b, x) && this.#copyFree(b)) return x;
    return x + this.#restOn[b];
  }

  /** Whether `b` is pinned at an offset (Component.pinned). */
  #isPinned(b: number): boolean {
    const pin = this.#pin;
    return pin !== undefined && !Number.isNaN(pin[b]);
  }

  /**
   * Copies (same lifespan, same size) are interchangeable, so P takes them in
   * index order: a copy may start only once the one before it is placed.
   */
  #copyFree(b: number): boolean {
    const p = this.#copyBefore[b];
    return p < 0 || this.#placed[p] !== 0;
  }

  /**
   * True when `b` would sit right on a smaller buffer of the same lifespan
   * (or a copy of higher index): swapping the two keeps their union and
   * lowers P's sum of offsets weighted by footprint squared
   * (fa²·y + fb²·(y + fa) > fb²·y + fa²·(y + fb) when fa < fb), so P never
   * does that.
   */
  #twinBelow(b: number, x: number): boolean {
    const s = this.#first[b], a = this.#below[s];
    if (a < 0 || this.#h[s] !== x || this.#span[a] !== this.#span[b]) return false;
    // A pinned buffer swaps with nothing.
    if (this.#isPinned(a) || this.#isPinned(b)) return false;
    // With a size off the alignment the swap could move the real top past the capacity.
    if (this.#size[a] !== this.#fp[a] || this.#size[b] !== this.#fp[b]) return false;
    return this.#fp[a] < this.#fp[b] || (this.#fp[a] === this.#fp[b] && a > b);
  }

  /**
   * Places `b` at `x`. Only members of its side `groups[from, to)` can
   * conflict with it among the unplaced buffers, so only their floors move.
   */
  #place(b: number, x: number, from: number, to: number): void {
    const fp = this.#fp[b], top = x + fp, first = this.#first[b], end = this.#end[b];
    const h = this.#h, rem = this.#rem, floor = this.#floor, placed = this.#placed;
    const groups = this.#groups, firsts = this.#first, ends = this.#end;
    const need = end - first + to - from + 1;
    if (this.#ftop + need > this.#ftrail.length) {
      this.#ftrail = grow(this.#ftrail, this.#ftop + need);
    }
    if (this.#itop + need > this.#itrail.length) {
      this.#itrail = grow(this.#itrail, this.#itop + need);
    }
    const ftrail = this.#ftrail, itrail = this.#itrail;
    let ftop = this.#ftop, itop = this.#itop;
    const below = this.#below, skyHA = this.#skyHA, skyHB = this.#skyHB;
    const flip = this.#flip, topKey = this.#topKey[b];
    for (let s = first; s < end; s++) {
      const k = flip < 0 ? s : flip - s;
      skyHA[s] = skyA(k, top, topKey);
      skyHB[s] = skyB(k, top, topKey);
      ftrail[ftop++] = h[s];
      h[s] = top;
      rem[s] -= fp;
      itrail[itop++] = below[s];
      below[s] = b;
    }
    const cross = this.#cross;
    for (let s = first + 1; s < end; s++) cross[s]--;
    let changed = 0;
    for (let k = from; k < to; k++) {
      const o = groups[k];
      if (placed[o] === 0 && firsts[o] < end && first < ends[o] && floor[o] < top && o !== b) {
        itrail[itop++] = o;
        ftrail[ftop++] = floor[o];
        floor[o] = top;
        changed++;
      }
    }
    itrail[itop++] = changed;
    this.#ftop = ftop;
    this.#itop = itop;
    this.#offsets[b] = x;
    placed[b] = 1;
    this.#log[this.#logTop++] = b;
    this.#placedCount++;
  }

  /**
   * Keeps the current placement as the deepest one seen, if it is. Called
   * before undoing, where a deepest placement always shows up; a record must
   * beat the last by 1/64 of the buffers (or the search be stopping) so that
   * large parts are not copied at every step down.
   */
  #keepIfDeepest(): void {
    const c = this.#placedCount;
    if (c > this.#bestCount && (c >= this.#bestCount + this.#recordStep || this.#stopped)) {
      this.#bestCount = c;
      if (this.#best.length !== this.#n) this.#best = new Float64Array(this.#n);
      this.#best.set(this.#offsets.subarray(0, this.#n));
    }
  }

  /** Undoes placements, latest first, until `mark` remain. */
  #undoTo(mark: number): void {
    if (this.#logTop > mark) this.#keepIfDeepest();
    const h = this.#h, rem = this.#rem, floor = this.#floor, below = this.#below;
    const ftrail = this.#ftrail, itrail = this.#itrail, flip = this.#flip;
    const cross = this.#cross, skyHA = this.#skyHA, skyHB = this.#skyHB, topKey = this.#topKey;
    let ftop = this.#ftop, itop = this.#itop;
    while (this.#logTop > mark) {
      const b = this.#log[--this.#logTop];
      for (let changed = itrail[--itop]; changed > 0; changed--) {
        floor[itrail[--itop]] = ftrail[--ftop];
      }
      const fp = this.#fp[b];
      for (let s = this.#first[b] + 1; s < this.#end[b]; s++) cross[s]++;
      for (let s = this.#end[b] - 1; s >= this.#first[b]; s--) {
        h[s] = ftrail[--ftop];
        rem[s] += fp;
        below[s] = itrail[--itop];
        const k = flip < 0 ? s : flip - s;
        const t = below[s] < 0 ? -1 : topKey[below[s]];
        skyHA[s] = skyA(k, h[s], t);
        skyHB[s] = skyB(k, h[s], t);
      }
      this.#offsets[b] = NaN;
      this.#placed[b] = 0;
      this.#placedCount--;
    }
    this.#ftop = ftop;
    this.#itop = itop;
  }

  #exclude(b: number, x: number): void {
    if (this.#xtop + 2 > this.#xtrail.length) this.#xtrail = grow(this.#xtrail, this.#xtop + 2);
    this.#xtrail[this.#xtop++] = b;
    this.#xtrail[this.#xtop++] = this.#excluded[b];
    this.#excluded[b] = x;
  }

  #unexclude(mark: number): void {
    while (this.#xtop > mark) {
      const old = this.#xtrail[--this.#xtop];
      this.#excluded[this.#xtrail[--this.#xtop]] = old;
    }
  }

  /**
   * Solves the sides #split just listed, smallest first; false (all undone)
   * as soon as one fails. Frees their lists afterwards.
   */
  #solveSides(sides: number, x: number): boolean {
    const boundsAt = this.#sideBounds, listStart = this.#groups[boundsAt];
    const logMark = this.#logTop, xMark = this.#xtop;
    let ok = true;
    for (let round = 0; round < sides && ok; round++) {
      // A solved side has its start negated.
      const groups = this.#groups;
      let pick = -1, pickLen = Infinity;
      for (let k = 0; k < sides; k++) {
        const s = groups[boundsAt + k], e = unflip(groups[boundsAt + k + 1]);
        if (s >= 0 && e - s < pickLen) {
          pick = k;
          pickLen = e - s;
        }
      }
      const s = groups[boundsAt + pick], e = unflip(groups[boundsAt + pick + 1]);
      groups[boundsAt + pick] = -s - 1;
      ok = e - s === 1 ? this.#placeAlone(groups[s], x) : this.#solve(s, e, x);
    }
    if (!ok) {
      // Sides solved before the failing one leave placements and exclusions.
      this.#undoTo(logMark);
      this.#unexclude(xMark);
    }
    this.#groupsTop = listStart;
    return ok;
  }

  /** A side of one buffer: it can only go at its floor, and not below `x`. */
  #placeAlone(b: number, x: number): boolean {
    if (this.#isPinned(b)) {
      const o = this.#reach(b, x);
      if (o === Infinity || o + this.#size[b] > this.#capacity) return false;
      this.#place(b, o, 0, 0);
      return true;
    }
    const f = this.#floor[b];
    if (f < x || (f === x && this.#excluded[b] === x)) return false;
    if (f + this.#size[b] > this.#capacity) return false;
    this.#place(b, f, 0, 0); // alone on its side: no floor to move
    return true;
  }

  /**
   * After placing `b`, splits the unplaced members of `groups[from, to)` into
   * sides that share no section (the parts of their conflict graph). Returns 0 (none left), 1 (still one side) or
   * the number of sides, whose member lists (in order) it appends to `groups`,
   * followed by `sides + 1` list bounds at `#sideBounds`.
   */
  #split(from: number, to: number, b: number): number {
    const groups = this.#groups, placed = this.#placed;
    const first = this.#first, end = this.#end;
    let left = 0;
    for (let k = from; k < to; k++) if (placed[groups[k]] === 0) left++;
    if (left === 0) return 0;
    // Unplaced members conflict only through sections they share, so the side
    // falls apart at a time point no unplaced member crosses. The side was
    // whole before `b` was placed, so only the points `b` crossed can have
    // become free (a section left empty frees the points around it, and the
    // side being whole, `b` crossed one of them, or was alone on the side).
    const cross = this.#cross;
    let cut = false;
    for (let s = first[b] + 1; s < end[b] && !cut; s++) cut = cross[s] === 0;
    if (!cut) return 1;
    // Sides are the maximal runs of sections covered by unplaced members and
    // joined by a member across each point between two of them.
    const mark = this.#count;
    let lo = Infinity, hi = -1;
    for (let k = from; k < to; k++) {
      const o = groups[k];
      if (placed[o] !== 0) continue;
      if (first[o] < lo) lo = first[o];
      if (end[o] > hi) hi = end[o];
    }
    mark.fill(0, lo, hi + 1);
    for (let k = from; k < to; k++) {
      const o = groups[k];
      if (placed[o] !== 0) continue;
      mark[first[o]]++;
      mark[end[o]]--;
    }
    let sides = 0;
    for (let s = lo, run = 0; s < hi; s++) {
      const was = run;
      run += mark[s];
      if (run > 0 && (was === 0 || cross[s] === 0)) sides++;
      mark[s] = sides - 1; // only the labels of covered sections are read
    }
    if (sides === 1) return 1;
    // Counting sort of the unplaced members by side, keeping their order.
    const listStart = this.#groupsTop, boundsAt = listStart + left;
    if (boundsAt + sides + 1 > groups.length) this.#groups = grow(groups, boundsAt + sides + 1);
    const g = this.#groups, counts = this.#counts;
    counts.fill(0, 0, sides + 1);
    for (let k = from; k < to; k++) {
      const o = g[k];
      if (placed[o] === 0) counts[mark[first[o]] + 1]++;
    }
    for (let i = 0; i < sides; i++) counts[i + 1] += counts[i];
    for (let i = 0; i <= sides; i++) g[boundsAt + i] = listStart + counts[i];
    for (let k = from; k < to; k++) {
      const o = g[k];
      if (placed[o] === 0) g[listStart + counts[mark[first[o]]]++] = o;
    }
    this.#groupsTop = boundsAt + sides + 1;
    this.#sideBounds = boundsAt;
    return sides;
  }

  /**
   * The release bound (_release_bound.ts) over the reaches `#enter` just
   * computed, in the sections `[from, to)` of the node's `[lo, hi)`.
   */
  #releaseFits(lo: number, hi: number, from: number, to: number, lowest: number): boolean {
    this.#release ??= new ReleaseBound({ footprint: this.#fp, first: this.#first, end: this.#end });
    return this.#release.holds(this.#placed, this.#reachOf, this.#capFp, lo, hi, from, to, lowest);
  }

  /**
   * Whether the "none of them" branch of frame `d` (level `x`) must fail: some
   * section covered by all its candidates has no slack at `x` (its top is at
   * most `x` and what it still holds fills the rest exactly) and no other
   * unplaced buffer could start at `x` over it. Excluding the candidates then
   * leaves the space just above `x` there empty for good, and the child node
   * would fail its room check. `count` holds, per section of the node, how
   * many of its buffers can start at `x` over it (the candidates among them).
   * With no candidate the branch would only repeat the node: futile too.
   */
  #noneFutile(d: number, x: number, count: Int32Array): boolean {
    const pool = this.#pool, first = this.#first, end = this.#end, h = this.#h, rem = this.#rem;
    const start = this.#fStart[d], stop = this.#fEnd[d], candidates = stop - start;
    if (candidates === 0) return true;
    let lo = 0, hi = Infinity;
    for (let k = start; k < stop; k++) {
      const b = pool[k];
      if (first[b] > lo) lo = first[b];
      if (end[b] < hi) hi = end[b];
    }
    for (let s = lo; s < hi; s++) {
      if (h[s] <= x && this.#capFp - x - rem[s] <= 0 && count[s] === candidates) return true;
    }
    return false;
  }

  #growFrames(): void {
    const c = this.#fLevel.length * 2;
    this.#fLevel = grow(this.#fLevel, c);
    this.#fStart = grow(this.#fStart, c);
    this.#fNext = grow(this.#fNext, c);
    this.#fEnd = grow(this.#fEnd, c);
    this.#fExcluded = grow(this.#fExcluded, c);
    this.#fLog = grow(this.#fLog, c);
    this.#fX = grow(this.#fX, c);
    this.#fFrom = grow(this.#fFrom, c);
    this.#fTo = grow(this.#fTo, c);
    this.#fGroups = grow(this.#fGroups, c);
    this.#fKeyA = grow(this.#fKeyA, c);
    this.#fKeyB = grow(this.#fKeyB, c);
    this.#fR = grow(this.#fR, c);
    this.#fHeld = grow(this.#fHeld, c);
  }
}

const EMPTY_F64 = new Float64Array(0);
// Bits of #fHeld.
const RELEASES = 1, WELLS = 2, VALLEYS = 4;
const COMPACT = 8;

const memos = new WeakMap<Component, Map<string, Float64Array | Int32Array>>();

/** Static data of a part, computed once for all the runs of a portfolio. */
function memo<T extends Float64Array | Int32Array>(comp: Component, key: string, make: () => T): T {
  let m = memos.get(comp);
  if (m === undefined) memos.set(comp, m = new Map());
  let v = m.get(key) as T | undefined;
  if (v === undefined) m.set(key, v = make());
  return v;
}

/** A side's list start, whether or not it was marked solved (negated). */
function unflip(v: number): number {
  return v < 0 ? -v - 1 : v;
}

function pow2(x: number): number {
  let p = 1;
  while (p < x) p *= 2;
  return p;
}

function grow<A extends Float64Array | Int32Array | Uint8Array>(a: A, atLeast: number): A {
  const b = new (a.constructor as new (n: number) => A)(Math.max(atLeast, a.length * 2));
  b.set(a);
  return b;
}

/** Per buffer, the previous buffer (by index) of equal lifespan and size, or -1. */
function copiesBefore(comp: Component, span: Float64Array): Int32Array {
  const n = span.length, size = comp.size;
  const byShape = Int32Array.from({ length: n }, (_, b) => b)
    .sort((a, b) => span[a] - span[b] || size[a] - size[b] || a - b);
  const out = new Int32Array(n).fill(-1);
  for (let k = 1; k < n; k++) {
    const a = byShape[k - 1], b = byShape[k];
    if (span[a] === span[b] && size[a] === size[b]) out[b] = a;
  }
  return out;
}
