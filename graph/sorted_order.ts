/**
 * Sorting positions by value: an LSD radix sort on 11-bit digits for
 * non-negative safe integers (addresses, times), carrying each value's
 * position along and skipping the digits every value shares; a comparison
 * sort for anything else. Two million values sort in about a third of the
 * time of `Float64Array.sort` followed by a binary search per value.
 *
 * @module
 */

import { fresh, nestedScratch, type Scratch, withScratch } from "./scratch.ts";

const DIGIT_BITS = 11;
const BUCKETS = 1 << DIGIT_BITS;
const TWO_32 = 2 ** 32;

/**
 * True when every value is a non-negative safe integer (what the radix sort takes).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * assert.equal(radixSortable(Float64Array.from([0, 2 ** 53 - 1])), true);
 * assert.equal(radixSortable(Float64Array.from([0.5])), false);
 * ```
 */
export function radixSortable(values: Float64Array): boolean {
  for (let i = 0; i < values.length; i++) {
    const x = values[i];
    if (!(x >= 0 && Number.isSafeInteger(x))) return false;
  }
  return true;
}

/**
 * Positions `0 … n-1` ordered by `values` ascending, equal values in position
 * order: an LSD radix sort for non-negative safe integers (as ranks use),
 * a comparison sort otherwise. From `mem` when given (graph/scratch.ts).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * assert.deepEqual(sortedOrder(Float64Array.from([40, 8, 40, 0])), Int32Array.from([3, 1, 0, 2]));
 * assert.deepEqual(sortedOrder(Float64Array.from([0.5, -1])), Int32Array.from([1, 0]));
 * ```
 */
export function sortedOrder(values: Float64Array, mem: Scratch = fresh): Int32Array {
  // Already in order (a file written in program order, by start): no sort.
  let ascending = true;
  for (let i = 1; i < values.length && ascending; i++) ascending = values[i - 1] <= values[i];
  if (ascending) {
    const identity = mem.int32(values.length, false);
    for (let i = 0; i < identity.length; i++) identity[i] = i;
    return identity;
  }
  if (radixSortable(values)) {
    return radixSort(values, { keys: false, mem }).pos;
  }
  const order = new Int32Array(values.length);
  for (let k = 0; k < order.length; k++) order[k] = k;
  return order.sort((a, b) => values[a] - values[b] || a - b);
}

/**
 * The LSD radix sort of non-negative safe integers (see
 * {@linkcode radixSortable}): the values split into low and high 32-bit
 * words, sorted, with each one's position carried along. `hi` is empty when
 * every value is below 2^32. With `keys: false` only `pos` is asked for:
 * `lo` and `hi` are then views of scratch memory that the next sort reuses.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * assert.deepEqual(radixSort(Float64Array.from([2 ** 32, 5])).pos, Int32Array.from([1, 0]));
 * assert.equal(radixSort(Float64Array.from([7, 5])).hi.length, 0);
 * assert.deepEqual(radixSort(Float64Array.from([7, 5]), { keys: false }).pos, Int32Array.from([1, 0]));
 * ```
 */
export function radixSort(
  values: Float64Array,
  options: { keys?: boolean; mem?: Scratch } = {},
): { lo: Uint32Array; hi: Uint32Array; pos: Int32Array } {
  const n = values.length;
  const keys = options.keys ?? true;
  // Fresh arrays asked for: those of the module's own scratch below.
  const mem = options.mem === fresh ? undefined : options.mem;
  // Times and addresses rarely reach 2^32: then there are no high words to
  // sort or carry, and their arrays are never made (4 MB each a million).
  let largest = 0;
  for (let i = 0; i < n; i++) if (values[i] > largest) largest = values[i];
  const hiTop = Math.floor(largest / TWO_32), carryHi = hiTop > 0;
  // What is returned is fresh; the second copy of each array, written by
  // every other pass, is scratch kept between sorts. Why: fresh memory is
  // paid for in page faults when first written, about 11 µs per 4 KB page on
  // a virtual machine measured here, so each array of a million words cost
  // ~10 ms before it held anything; a place run sorts two or three times.
  // With scratch memory of the caller's (graph/scratch.ts) every array
  // comes from it, returned ones included.
  const words = (which: number) => mem ? mem.uint32(n, false) : scratch(which, n);
  const lo: Uint32Array = keys ? (mem ?? fresh).uint32(n) : words(SCRATCH_LO_OUT);
  const hi: Uint32Array = carryHi
    ? (keys ? (mem ?? fresh).uint32(n) : words(SCRATCH_HI_OUT))
    : new Uint32Array(0);
  const pos = (mem ?? fresh).int32(n);
  let loBits = 0;
  for (let i = 0; i < n; i++) {
    const x = values[i];
    lo[i] = x >>> 0; // ToUint32 is x mod 2^32, exact for safe integers
    loBits |= lo[i];
    if (carryHi) hi[i] = Math.floor(x / TWO_32);
  }
  for (let i = 0; i < n; i++) pos[i] = i;
  const out = { lo, hi, pos };
  const sorted = (lo2: Uint32Array, hi2: Uint32Array, pos2: Int32Array) => {
    const [slo, shi, spos] = passes({ lo, hi, pos, lo2, hi2, pos2, loBits, hiTop });
    // An odd number of passes leaves the sorted words in the second copies.
    if (spos !== out.pos) {
      out.pos.set(spos);
      // (The caller's scratch copies are given back on return: copied then.)
      if (keys || mem) {
        out.lo.set(slo);
        if (carryHi) out.hi.set(shi);
      } else {
        out.lo = slo;
        out.hi = shi;
      }
    }
  };
  if (mem) {
    // The second copies only while sorting: their pages serve what comes next.
    withScratch(() =>
      sorted(mem.uint32(n, false), carryHi ? mem.uint32(n, false) : hi, mem.int32(n, false))
    );
  } else {
    const pos2 = new Int32Array(scratch(SCRATCH_POS, n).buffer as ArrayBuffer, 0, n);
    sorted(scratch(SCRATCH_LO, n), carryHi ? scratch(SCRATCH_HI, n) : hi, pos2);
  }
  return out;
}

/**
 * Positions `0 … n-1` ordered by `values` (non-negative safe integers, see
 * {@linkcode radixSortable}), equal values in position order, into `order`
 * (length n), sorting 32-bit keys only: values past 2^32 are sorted by their
 * top 32 bits (divided by a power of two), then each run of equal keys by
 * value. Half the work of {@linkcode radixSort}'s two words a value, and a
 * third less memory: at a million offsets of a placement (up to 2^40) its
 * sort took half of verifying it. False, `order` unfinished, when a run of
 * equal keys is long (values packed in a small part of their range, where
 * sorting runs would cost more than the whole): the caller sorts otherwise.
 * Its arrays come from `mem` (graph/scratch.ts).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * const order = new Int32Array(4);
 * assert.equal(orderBy32BitKeys(Float64Array.from([2 ** 40 + 1, 5, 2 ** 40, 5]), order), true);
 * assert.deepEqual(order, Int32Array.from([1, 3, 2, 0]));
 * ```
 */
export function orderBy32BitKeys(
  values: Float64Array,
  order: Int32Array,
  mem: Scratch = fresh,
): boolean {
  const n = values.length;
  let largest = 0;
  for (let i = 0; i < n; i++) if (values[i] > largest) largest = values[i];
  let scale = 1;
  while (largest / scale >= TWO_32) scale *= 2;
  const run = (mem: Scratch) => {
    const lo = mem.uint32(n, false), pos = mem.int32(n, false);
    let loBits = 0;
    for (let i = 0; i < n; i++) {
      // Exact: a safe integer divided by a power of two, floored.
      const key = scale === 1 ? values[i] : Math.floor(values[i] / scale);
      lo[i] = key;
      loBits |= key;
      pos[i] = i;
    }
    const [keys, , sorted] = passes({
      lo,
      hi: lo,
      pos,
      lo2: mem.uint32(n, false),
      hi2: lo,
      pos2: mem.int32(n, false),
      loBits,
      hiTop: 0,
    });
    order.set(sorted);
    if (scale === 1) return true;
    // Runs of one key: their values differ below `scale`. By insertion, in
    // position order among equals (the radix sort is stable).
    for (let a = 0; a < n;) {
      let b = a + 1;
      while (b < n && keys[b] === keys[a]) b++;
      if (b - a > MAX_RUN) return false;
      for (let i = a + 1; i < b; i++) {
        const p = order[i], v = values[p];
        let j = i - 1;
        for (; j >= a && (values[order[j]] > v || values[order[j]] === v && order[j] > p); j--) {
          order[j + 1] = order[j];
        }
        order[j + 1] = p;
      }
      a = b;
    }
    return true;
  };
  return nestedScratch(mem, run);
}

/** The longest run of equal keys {@linkcode orderBy32BitKeys} sorts by insertion. */
const MAX_RUN = 64;

/**
 * The passes of {@linkcode radixSort} over the words `lo` (and `hi` when
 * `hiTop > 0`) and positions `pos`, writing every other pass into the second
 * copies; the sorted words and positions, in whichever copy they ended.
 */
function passes(a: {
  lo: Uint32Array;
  hi: Uint32Array;
  pos: Int32Array;
  lo2: Uint32Array;
  hi2: Uint32Array;
  pos2: Int32Array;
  loBits: number;
  hiTop: number;
}): [Uint32Array, Uint32Array, Int32Array] {
  let { lo, hi, pos, lo2, hi2, pos2 } = a;
  const n = pos.length, carryHi = a.hiTop > 0;
  // (16-bit digits, two passes instead of three for values under 2^32, were
  // slower at two million: their scattered writes miss the cache.)
  const mask = BUCKETS - 1;
  const count = new Int32Array(BUCKETS);
  for (let word = 0; word < 2; word++) {
    const top = word === 0 ? a.loBits >>> 0 : a.hiTop;
    for (let shift = 0; shift < 32 && top >>> shift !== 0; shift += DIGIT_BITS) {
      const key = word === 0 ? lo : hi;
      count.fill(0);
      for (let i = 0; i < n; i++) count[(key[i] >>> shift) & mask]++;
      if (count[(key[0] >>> shift) & mask] === n) continue; // digit shared by all
      let sum = 0;
      for (let b = 0; b <= mask; b++) {
        const c = count[b];
        count[b] = sum;
        sum += c;
      }
      for (let i = 0; i < n; i++) {
        const j = count[(key[i] >>> shift) & mask]++;
        lo2[j] = lo[i];
        if (carryHi) hi2[j] = hi[i];
        pos2[j] = pos[i];
      }
      [lo, lo2] = [lo2, lo];
      if (carryHi) [hi, hi2] = [hi2, hi];
      [pos, pos2] = [pos2, pos];
    }
  }
  return [lo, hi, pos];
}

/** Which scratch array: the second copies of the words and positions, and the words when not returned. */
const SCRATCH_LO = 0, SCRATCH_HI = 1, SCRATCH_POS = 2, SCRATCH_LO_OUT = 3, SCRATCH_HI_OUT = 4;

/**
 * Scratch arrays by use, held weakly: reused while the garbage collector
 * leaves them, made afresh when it took them (nothing is kept alive for it).
 */
const scratches: (WeakRef<Uint32Array<ArrayBuffer>> | undefined)[] = [];

/** A view of `n` words of scratch array `which`, grown when too short (its contents are stale). */
function scratch(which: number, n: number): Uint32Array<ArrayBuffer> {
  let a = scratches[which]?.deref();
  if (a === undefined || a.length < n) {
    a = new Uint32Array(n);
    scratches[which] = new WeakRef(a);
  }
  return a.subarray(0, n);
}
