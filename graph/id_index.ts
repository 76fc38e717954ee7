/**
 * A frozen string → dense index lookup for the ids of a graph: open addressing
 * over typed arrays with a hash computed in JavaScript.
 *
 * Why not a `Map`: on a million fresh ids from `JSON.parse`, V8's `Map` spends
 * most of its time hashing each non-internalized key through the runtime and
 * chasing its chained entries (measured 0.6–1.0 s to insert 1M tensor ids and
 * 0.9 s to look up 1.6M references in a fresh process); this table does both in
 * about a third of that, and its arrays live outside the garbage-collected heap.
 *
 * @module
 */

/** What the graph index needs of an id lookup; a `Map<string, number>` also satisfies it. */
export interface IdLookup {
  /** Dense index of `id`, or undefined when the graph has no such id. */
  get(id: string): number | undefined;
  has(id: string): boolean;
  readonly size: number;
}

/**
 * Per-process seed: a file cannot be crafted so that its ids all collide
 * (which would make indexing quadratic) without knowing it.
 */
const SEED = crypto.getRandomValues(new Int32Array(1))[0];

/**
 * The hash of `text[from, to)`: FNV-1a over UTF-16 code units from a seeded
 * basis, then murmur3's finalizer: FNV's low bits depend only on the low
 * bits of each unit, and the tables index by low bits. Also the hash of ids
 * still lying in the text they were read from (distinct_ranges.ts).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * assert.equal(hashOfRange("x,conv_1,y", 2, 8), hashOfRange("conv_1", 0, 6));
 * ```
 */
export function hashOfRange(text: string, from: number, to: number): number {
  let h = 0x811c9dc5 ^ SEED;
  for (let i = from; i < to; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}

function hashOf(s: string): number {
  return hashOfRange(s, 0, s.length);
}

/**
 * Indexes a list of ids; the first occurrence of a repeated id wins, and each
 * repeat is reported to `onDuplicate` (index of the repeat, index of the first).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * const repeats: number[][] = [];
 * const ix = new IdIndex(["x", "y", "x"], (at, first) => repeats.push([at, first]));
 * assert.deepEqual(repeats, [[2, 0]]);
 * assert.equal(ix.get("y"), 1);
 * assert.equal(ix.get("z"), undefined);
 * ```
 */
export class IdIndex implements IdLookup {
  readonly #ids: readonly string[];
  /**
   * Two words per slot: the hash of the id there (most probes that miss end on
   * it, not in a string compare), then index + 1 (0: empty). Side by side so a
   * probe touches one cache line.
   */
  readonly #slots: Int32Array;
  readonly #mask: number;
  #size = 0;

  constructor(ids: readonly string[], onDuplicate?: (at: number, first: number) => void) {
    this.#ids = ids;
    let cap = 16;
    while (cap < ids.length * 2) cap *= 2;
    this.#slots = new Int32Array(2 * cap);
    this.#mask = cap - 1;
    for (let i = 0; i < ids.length; i++) {
      const first = this.#insert(ids[i], i);
      if (first >= 0) onDuplicate?.(i, first);
    }
  }

  /** Number of distinct ids. */
  get size(): number {
    return this.#size;
  }

  #insert(id: string, index: number): number {
    const h = hashOf(id);
    const slots = this.#slots, mask = this.#mask;
    for (let p = h & mask;; p = (p + 1) & mask) {
      const s = slots[2 * p + 1];
      if (s === 0) {
        slots[2 * p] = h;
        slots[2 * p + 1] = index + 1;
        this.#size++;
        return -1;
      }
      if (slots[2 * p] === h && this.#ids[s - 1] === id) return s - 1;
    }
  }

  /**
   * Dense index of `id`, or undefined.
   *
   * @example
   * ```ts
   * import assert from "node:assert/strict";
   * assert.equal(new IdIndex(["a", "b"]).get("b"), 1);
   * ```
   */
  get(id: string): number | undefined {
    const h = hashOf(id);
    const slots = this.#slots, mask = this.#mask;
    for (let p = h & mask;; p = (p + 1) & mask) {
      const s = slots[2 * p + 1];
      if (s === 0) return undefined;
      if (slots[2 * p] === h && this.#ids[s - 1] === id) return s - 1;
    }
  }

  /**
   * True when `id` is indexed.
   *
   * @example
   * ```ts
   * import assert from "node:assert/strict";
   * assert.equal(new IdIndex(["a"]).has("a"), true);
   * ```
   */
  has(id: string): boolean {
    return this.get(id) !== undefined;
  }
}
