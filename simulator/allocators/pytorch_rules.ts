/**
 * The size rules of PyTorch's CUDA caching allocator (torch 1.13–2.x, default
 * configuration) as pure functions: request rounding, pool choice, segment
 * size and the split rule. {@linkcode PytorchAllocator} in `pytorch.ts` applies
 * them; keeping them apart lets each rule be read and tested on its own.
 *
 * @module
 */
import { checkAlignment, roundUp } from "./_checks.ts";

const MiB = 1 << 20;

/** The allocator's constants, under PyTorch's own names in the comments. */
export const PYTORCH_SIZES = {
  /** kMinBlockSize: every request is rounded up to a multiple of it. */
  minBlockSize: 512,
  /** kSmallSize: the largest request served from the small pool. */
  smallSize: MiB,
  /** kSmallBuffer: the size of every small-pool segment. */
  smallBuffer: 2 * MiB,
  /** kLargeBuffer: the segment a large request below kMinLargeAlloc gets. */
  largeBuffer: 20 * MiB,
  /** kMinLargeAlloc: from here on a new segment is just the request, rounded. */
  minLargeAlloc: 10 * MiB,
  /** kRoundLarge: the rounding of such segments. */
  roundLarge: 2 * MiB,
} as const;

/** The two block pools of the caching allocator. */
export type PytorchPool = "small" | "large";

/**
 * The unit every block size is a multiple of: 512, or the least common multiple
 * of 512 and a larger `alignment` (not PyTorch behaviour: it lets the model
 * honour a graph's alignment; any power of two up to 512 changes nothing).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * assert.equal(pytorchGranule(), 512);
 * assert.equal(pytorchGranule(256), 512);
 * assert.equal(pytorchGranule(4096), 4096);
 * ```
 */
export function pytorchGranule(alignment = 1): number {
  const a = checkAlignment(alignment);
  const m = PYTORCH_SIZES.minBlockSize;
  const g = (m / gcd(m, a)) * a;
  if (!Number.isSafeInteger(g)) throw new RangeError(`alignment ${alignment} is too large`);
  return g;
}

/**
 * A request's block size: at least one granule, rounded up to a multiple of it
 * (PyTorch's `round_size` without `roundup_power2_divisions`).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * assert.equal(pytorchRoundSize(1), 512);
 * assert.equal(pytorchRoundSize(513), 1024);
 * assert.equal(pytorchRoundSize(1000, 4096), 4096);
 * ```
 */
export function pytorchRoundSize(
  size: number,
  granule: number = PYTORCH_SIZES.minBlockSize,
): number {
  return Math.max(granule, roundUp(size, granule));
}

/**
 * The pool that serves a rounded request: small up to and including 1 MiB.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * assert.equal(pytorchPoolFor(1 << 20), "small");
 * assert.equal(pytorchPoolFor((1 << 20) + 512), "large");
 * ```
 */
export function pytorchPoolFor(rounded: number): PytorchPool {
  return rounded <= PYTORCH_SIZES.smallSize ? "small" : "large";
}

/**
 * The size of the segment allocated (cudaMalloc) for a rounded request that no
 * cached block fits: 2 MiB for a small request, 20 MiB for a large one under
 * 10 MiB, otherwise the request rounded up to a multiple of 2 MiB.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * assert.equal(pytorchSegmentSize(4096), 2097152); // 2 MiB
 * assert.equal(pytorchSegmentSize(3 << 20), 20971520); // 20 MiB
 * assert.equal(pytorchSegmentSize(11 << 20), 12582912); // 12 MiB
 * ```
 */
export function pytorchSegmentSize(rounded: number): number {
  const s = PYTORCH_SIZES;
  if (rounded <= s.smallSize) return s.smallBuffer;
  if (rounded < s.minLargeAlloc) return s.largeBuffer;
  return roundUp(rounded, s.roundLarge);
}

/**
 * Whether a block of `blockSize` bytes handed to a rounded request is split,
 * leaving the remainder as a free block: in the small pool when the remainder
 * is at least 512 bytes, in the large pool only when it is *more than* 1 MiB
 * (`should_split` with the default, unlimited `max_split_size`). An unsplit
 * block is handed out whole.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * assert.equal(pytorchShouldSplit("small", 2 << 20, 512), true);
 * assert.equal(pytorchShouldSplit("large", 20 << 20, 19 << 20), false); // remainder exactly 1 MiB
 * ```
 */
export function pytorchShouldSplit(pool: PytorchPool, blockSize: number, rounded: number): boolean {
  const remaining = blockSize - rounded;
  return pool === "small"
    ? remaining >= PYTORCH_SIZES.minBlockSize
    : remaining > PYTORCH_SIZES.smallSize;
}

function gcd(a: number, b: number): number {
  while (b !== 0) [a, b] = [b, a % b];
  return a;
}
