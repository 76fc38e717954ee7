/**
 * Scratch memory reused between the steps of a run. On the virtual machines
 * memplan is measured on, the kernel's first touch of a fresh 4 KB page
 * costs about 15 µs: a million-buffer `place` touched some 180 MB of fresh
 * memory, 0.7 s of a one-second limit, though each step needs its arrays only
 * while it runs (the file's bytes while they are read, the verifier's sweeps
 * while it checks). Memory handed out here comes from a few large regions
 * that stay mapped: a step's arrays reuse the pages the previous step
 * touched.
 *
 * A scope is synchronous ({@linkcode withScratch}): every array taken in it
 * is given back when it returns, and none may outlive it. Scopes nest, each
 * taking memory above its caller's. Between outermost scopes the regions
 * are dropped, unless {@linkcode keepScratch} asked to keep them (the CLI
 * does: one command, run once). A worker has scratch of its own.
 *
 * @module
 */

/**
 * Arrays from scratch memory, valid until their scope returns: zeroed, or
 * with `zero` false holding whatever was there (for an array the caller
 * writes whole before reading: zeroing 50 MB costs more than nothing).
 */
export interface Scratch {
  float64(n: number, zero?: boolean): Float64Array;
  int32(n: number, zero?: boolean): Int32Array;
  uint32(n: number, zero?: boolean): Uint32Array;
  uint8(n: number, zero?: boolean): Uint8Array;
}

/**
 * Arrays made afresh, for a function that takes a {@linkcode Scratch} and is
 * called outside any scope (its default).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * assert.equal(fresh.float64(3).length, 3);
 * ```
 */
export const fresh: Scratch = {
  float64: (n) => new Float64Array(n),
  int32: (n) => new Int32Array(n),
  uint32: (n) => new Uint32Array(n),
  uint8: (n) => new Uint8Array(n),
};

/**
 * The smallest region made. Small: a scope that is not kept makes its regions
 * afresh, and the engine counts their bytes towards collecting garbage.
 */
const MIN_REGION = 1 << 16;
/** The smallest region made while regions are kept ({@linkcode keepScratch}). */
const KEPT_REGION = 1 << 28;

/** Regions, in use from the first: memory below the cursor is taken. */
const regions: ArrayBuffer[] = [];
/** Bytes of each region ever handed out: above them it is still zero. */
const touched: number[] = [];
let region = 0, at = 0, depth = 0, keep = false;

/**
 * Runs `fn` with arrays from scratch memory, given back when it returns
 * (or throws). `fn` must be synchronous: the arrays of an asynchronous one
 * would be taken by the next scope while it still used them.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * const sum = withScratch((s) => {
 *   const a = s.int32(4);
 *   a.set([1, 2, 3, 4]);
 *   return a.reduce((x, y) => x + y, 0);
 * });
 * assert.equal(sum, 10);
 * // Memory given back is zeroed before it is handed out again.
 * assert.deepEqual([...withScratch((s) => s.int32(4))], [0, 0, 0, 0]);
 * ```
 */
export function withScratch<T>(fn: (s: Scratch) => T): T {
  const fromRegion = region, fromAt = at;
  depth++;
  try {
    const out = fn(SCRATCH);
    if (out instanceof Promise) {
      throw new Error("withScratch: the scope must be synchronous (it returned a promise)");
    }
    return out;
  } finally {
    depth--;
    region = fromRegion;
    at = fromAt;
    if (depth === 0 && !keep) {
      regions.length = 0;
      touched.length = 0;
    }
  }
}

/**
 * Runs `fn` with arrays like those of `mem`: in a scope of its own, given back
 * when it returns, when `mem` is scratch memory; {@linkcode fresh} ones when
 * `mem` is. For a step whose own arrays need not outlive it, called by a
 * caller that may or may not have scratch memory.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * assert.equal(nestedScratch(fresh, (s) => isScratch(s.int32(4))), false);
 * assert.equal(withScratch((mem) => nestedScratch(mem, (s) => isScratch(s.int32(4)))), true);
 * ```
 */
export function nestedScratch<T>(mem: Scratch, fn: (s: Scratch) => T): T {
  return mem === fresh ? fn(fresh) : withScratch(fn);
}

/**
 * Keeps scratch regions between outermost scopes (`true`), so that the steps
 * of one command reuse each other's pages; `false` drops them when no scope
 * is open. For a process that runs one command and exits: the regions stay
 * as large as the largest step needed.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * keepScratch(true);
 * withScratch((s) => s.uint8(1024));
 * assert.ok(scratchBytes() > 0);
 * keepScratch(false);
 * assert.equal(scratchBytes(), 0);
 * ```
 */
export function keepScratch(on: boolean): void {
  keep = on;
  if (!on && depth === 0) {
    regions.length = 0;
    touched.length = 0;
  }
}

/**
 * True when `view` lies in scratch memory (which {@linkcode outOfScratch}
 * copies out of).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * assert.equal(withScratch((s) => isScratch(s.int32(4))), true);
 * assert.equal(isScratch(new Int32Array(4)), false);
 * ```
 */
export function isScratch(view: ArrayBufferView): boolean {
  return regions.includes(view.buffer as ArrayBuffer);
}

/**
 * `values` itself, or a copy when it lies in scratch memory: what a judge
 * (the verifiers) reads while it takes scratch memory of its own, which could
 * be the same.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * const own = Float64Array.of(1, 2);
 * assert.equal(outOfScratch(own), own);
 * withScratch((s) => {
 *   const lent = s.float64(2);
 *   assert.notEqual(outOfScratch(lent), lent);
 *   assert.equal(isScratch(outOfScratch(lent)), false);
 * });
 * ```
 */
export function outOfScratch(values: Float64Array): Float64Array {
  return isScratch(values) ? values.slice() : values;
}

/**
 * Bytes of scratch regions held now.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * assert.equal(withScratch((s) => (s.float64(8), scratchBytes() >= 64)), true);
 * ```
 */
export function scratchBytes(): number {
  return regions.reduce((sum, r) => sum + r.byteLength, 0);
}

/** `bytes` (a multiple of 8) of zeroed scratch memory, above what is taken. */
function take(bytes: number, zero = true): { buffer: ArrayBuffer; offset: number } {
  if (depth === 0) throw new Error("scratch memory is taken inside withScratch only");
  if (region < regions.length && at + bytes > regions[region].byteLength) {
    region++;
    at = 0;
  }
  if (region === regions.length || bytes > regions[region].byteLength) {
    // Regions after the cursor are free: a too small one is replaced.
    // Kept regions are large from the first: steps then take the same
    // region, reusing what earlier steps touched (only touched pages cost).
    const least = keep ? KEPT_REGION : MIN_REGION;
    const size = Math.max(least, 2 * bytes, regions[region]?.byteLength ?? 0);
    regions[region] = allocateRegion(size, bytes);
    touched[region] = 0;
    at = 0;
  }
  const offset = at;
  at += bytes;
  // Memory handed out before holds what its last user left.
  const dirty = Math.min(at, touched[region]) - offset;
  if (zero && dirty > 0) new Uint8Array(regions[region], offset, dirty).fill(0);
  if (at > touched[region]) touched[region] = at;
  return { buffer: regions[region], offset };
}

/**
 * A region of `size` bytes, or only the `needed` when the system refuses
 * that many (a strict overcommit policy counts untouched memory too).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * assert.equal(allocateRegion(2 ** 52, 64).byteLength, 64);
 * ```
 */
export function allocateRegion(size: number, needed: number): ArrayBuffer {
  try {
    return new ArrayBuffer(size);
  } catch (e) {
    if (!(e instanceof RangeError) || size === needed) throw e;
    return new ArrayBuffer(needed);
  }
}

function padded(bytes: number): number {
  return Math.ceil(bytes / 8) * 8;
}

const SCRATCH: Scratch = {
  float64(n, zero) {
    const { buffer, offset } = take(8 * n, zero);
    return new Float64Array(buffer, offset, n);
  },
  int32(n, zero) {
    const { buffer, offset } = take(padded(4 * n), zero);
    return new Int32Array(buffer, offset, n);
  },
  uint32(n, zero) {
    const { buffer, offset } = take(padded(4 * n), zero);
    return new Uint32Array(buffer, offset, n);
  },
  uint8(n, zero) {
    const { buffer, offset } = take(padded(n), zero);
    return new Uint8Array(buffer, offset, n);
  },
};
