/**
 * Candidates by contact: an order of the buffers that may start at the water
 * level over one section, for restarts that should meet their choices in
 * another order than the static one.
 *
 * A buffer placed at level `x` touches what is around it where its ends meet
 * the walls of the valley it starts in (the run of sections at or below `x`
 * around the section branched on), and where its top is flush with the
 * skyline just outside its ends. Packings that waste nothing are made of
 * pieces that touch along their edges, so trying the best-touching candidate
 * first is the classic "touching perimeter" rule of rectangle packing, here
 * as a value order. It only reorders: every candidate is still tried.
 *
 * @module
 */

/** What {@linkcode sortByContact} reads. */
export interface ContactArrays {
  /** Top of the placed buffers, per section. */
  h: Float64Array;
  first: Int32Array;
  end: Int32Array;
  fp: Float64Array;
  /** Sections of the part. */
  sections: number;
}

/**
 * Walls touched and tops flushed by `b` at level `x` in the valley
 * `[vl, vr)`: 0 to 4.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * // Sections 0..3 with tops 8, 0, 0, 4: the valley at 0 is [1, 3).
 * const a = { h: Float64Array.of(8, 0, 0, 4), first: Int32Array.of(1, 1),
 *   end: Int32Array.of(3, 2), fp: Float64Array.of(4, 8), sections: 4 };
 * assert.equal(contactScore(a, 0, 0, 1, 3), 3); // both walls, flush with section 3
 * assert.equal(contactScore(a, 1, 0, 1, 3), 2); // left wall, flush with section 0
 * ```
 */
export function contactScore(
  a: ContactArrays,
  b: number,
  x: number,
  vl: number,
  vr: number,
): number {
  const h = a.h, f = a.first[b], e = a.end[b], top = x + a.fp[b];
  let score = 0;
  if (f === vl) score++;
  if (e === vr) score++;
  if (f > 0 && h[f - 1] === top) score++;
  if (e < a.sections && h[e] === top) score++;
  return score;
}

/**
 * Sorts `pool[start, stop)`, the candidates at level `x` over section `pick`,
 * by descending {@linkcode contactScore}, keeping their order among equals.
 * Lists are a few candidates long: an insertion sort, allocating nothing.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * const a = { h: Float64Array.of(8, 0, 0, 4), first: Int32Array.of(1, 1),
 *   end: Int32Array.of(2, 3), fp: Float64Array.of(2, 4), sections: 4 };
 * const pool = Int32Array.of(0, 1);
 * sortByContact(a, pool, 0, 2, 1, 0);
 * assert.deepEqual([...pool], [1, 0]); // buffer 1 spans the valley and is flush with section 3
 * ```
 */
export function sortByContact(
  a: ContactArrays,
  pool: Int32Array,
  start: number,
  stop: number,
  pick: number,
  x: number,
): void {
  const h = a.h;
  let vl = pick, vr = pick + 1;
  while (vl > 0 && h[vl - 1] <= x) vl--;
  while (vr < a.sections && h[vr] <= x) vr++;
  for (let i = start + 1; i < stop; i++) {
    const b = pool[i], score = contactScore(a, b, x, vl, vr);
    let j = i - 1;
    while (j >= start && contactScore(a, pool[j], x, vl, vr) < score) {
      pool[j + 1] = pool[j];
      j--;
    }
    pool[j + 1] = b;
  }
}
