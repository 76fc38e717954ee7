/**
 * A model of PyTorch's CUDA caching allocator (`CUDACachingAllocator`, native
 * backend, torch 1.13–2.x with the default configuration), for replaying a
 * training step as PyTorch would place it.
 *
 * Modelled:
 * - Rounding: a request of `n` bytes becomes a block of `max(512, ⌈n/512⌉·512)`
 *   bytes (kMinBlockSize). With an `alignment` option, 512 is replaced by the
 *   least common multiple of 512 and the alignment (our extension; see
 *   {@linkcode pytorchGranule}).
 * - Two pools: rounded requests up to 1 MiB (kSmallSize) use the small pool,
 *   larger ones the large pool. A segment and every block in it belong to the
 *   pool that created it; blocks never move between pools.
 * - Block choice: best fit within the pool — the smallest cached free block
 *   whose size is at least the rounded request; among equal sizes the lowest
 *   address (the pool is ordered by (size, address)).
 * - New segments, when no cached block fits: 2 MiB (kSmallBuffer) for the small
 *   pool; for the large pool 20 MiB (kLargeBuffer) when the rounded request is
 *   under 10 MiB (kMinLargeAlloc), else the request rounded up to a multiple of
 *   2 MiB (kRoundLarge). The request takes the segment's low end.
 * - Splitting: the block handed out keeps its low end; the remainder becomes a
 *   new free cached block when it is at least 512 bytes (small pool) or
 *   strictly more than 1 MiB (large pool). Otherwise the whole block is handed
 *   out, and `allocated()` counts the whole block, as PyTorch's
 *   `allocated_bytes` (`torch.cuda.memory_allocated`) does.
 * - Freeing: the block goes back to its pool's cache, merged with a free
 *   previous and/or next block of the same segment — never across segments,
 *   even when two segments happen to be adjacent in the address space.
 * - Segments are never returned to the device: `reserved()`
 *   (`torch.cuda.memory_reserved`) only grows.
 *
 * Not modelled:
 * - Streams and events: one stream; no `record_stream`, no deferred reuse of
 *   blocks with outstanding events.
 * - Running out of memory: the device is unbounded, so there is no
 *   free-cached-blocks-and-retry path, no `release_available_cached_blocks`,
 *   no OOM error, no `empty_cache`, no `set_per_process_memory_fraction`.
 * - `PYTORCH_CUDA_ALLOC_CONF` options: `max_split_size_mb` (and with it the
 *   "oversize" rules: blocks of at least that size are never split, never
 *   serve a smaller request, and serve a larger one only if they exceed it by
 *   less than 20 MiB), `garbage_collection_threshold`,
 *   `expandable_segments` (under which large blocks split like small ones),
 *   `roundup_power2_divisions` / `roundup_bypass_threshold` and any rounding
 *   beyond 512-byte multiples that newer versions can apply.
 * - Several devices, CUDA-graph private pools, the `cudaMallocAsync` backend.
 * - Real device addresses: segment bases here are consecutive in creation order
 *   (each aligned to the granule), so among equal-size free blocks the one in
 *   the older segment wins; cudaMalloc's addresses might order them otherwise.
 * - Zero-byte requests (PyTorch returns a null pointer; the replay never asks).
 *
 * @module
 */
import type { AllocatorOptions, OnlineAllocator } from "../allocator.ts";
import { checkSize, roundUp } from "./_checks.ts";
import { OrderedPairs } from "./_ordered_pairs.ts";
import {
  pytorchGranule,
  type PytorchPool,
  pytorchPoolFor,
  pytorchRoundSize,
  pytorchSegmentSize,
  pytorchShouldSplit,
} from "./pytorch_rules.ts";

/** A segment (one cudaMalloc) as seen from outside. */
export interface PytorchSegment {
  /** Creation order, from 0. */
  readonly id: number;
  readonly base: number;
  readonly size: number;
  readonly pool: PytorchPool;
}

/** A block (a piece of a segment) as seen from outside. */
export interface PytorchBlock {
  readonly start: number;
  readonly size: number;
  /** Id of its segment. */
  readonly segment: number;
  readonly free: boolean;
}

interface Segment {
  id: number;
  base: number;
  size: number;
  pool: PytorchPool;
  /** The block at `base`; it is never merged into another, so it stays the head. */
  head: Block;
}

interface Block {
  start: number;
  size: number;
  segment: Segment;
  prev: Block | null;
  next: Block | null;
  free: boolean;
}

/**
 * The caching allocator model; see the module doc for exactly what it models.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * const a = new PytorchAllocator();
 * assert.equal(a.allocate(0, 3 << 20), 0); // a new 20 MiB large-pool segment, split
 * assert.equal(a.allocate(1, 1000), 20971520); // a new 2 MiB small-pool segment after it
 * assert.equal(a.reserved(), 23068672); // 22 MiB
 * assert.equal(a.allocated(), 3146752); // 3 MiB + 1024
 * ```
 */
export class PytorchAllocator implements OnlineAllocator {
  readonly #granule: number;
  /** Cached free blocks of each pool as (size, start) pairs. */
  readonly #cached: Record<PytorchPool, OrderedPairs> = {
    small: new OrderedPairs(0x1b873593),
    large: new OrderedPairs(0xcc9e2d51),
  };
  readonly #freeAt = new Map<number, Block>();
  readonly #live = new Map<number, Block>();
  readonly #segments: Segment[] = [];
  #nextBase = 0;
  #reserved = 0;
  #allocated = 0;

  constructor(options: AllocatorOptions = {}) {
    this.#granule = pytorchGranule(options.alignment ?? 1);
  }

  /** Places `tensor` (of `size` bytes, a positive safe integer) and returns its address. */
  allocate(tensor: number, size: number): number {
    checkSize(size);
    if (this.#live.has(tensor)) throw new Error(`tensor ${tensor} is already allocated`);
    const rounded = pytorchRoundSize(size, this.#granule);
    const pool = pytorchPoolFor(rounded);
    const block = this.#takeCached(pool, rounded) ?? this.#newSegment(pool, rounded);
    if (pytorchShouldSplit(pool, block.size, rounded)) {
      const rest: Block = {
        start: block.start + rounded,
        size: block.size - rounded,
        segment: block.segment,
        prev: block,
        next: block.next,
        free: true,
      };
      if (block.next !== null) block.next.prev = rest;
      block.next = rest;
      block.size = rounded;
      this.#cache(rest);
    }
    block.free = false;
    this.#live.set(tensor, block);
    this.#allocated += block.size;
    return block.start;
  }

  /** Returns the block of `tensor` to its pool, merged with free neighbours in its segment. */
  free(tensor: number): void {
    let block = this.#live.get(tensor);
    if (block === undefined) throw new Error(`tensor ${tensor} is not allocated`);
    this.#live.delete(tensor);
    this.#allocated -= block.size;
    block.free = true;
    const prev = block.prev;
    if (prev !== null && prev.free) {
      this.#uncache(prev);
      prev.size += block.size;
      prev.next = block.next;
      if (block.next !== null) block.next.prev = prev;
      block = prev;
    }
    const next = block.next;
    if (next !== null && next.free) {
      this.#uncache(next);
      block.size += next.size;
      block.next = next.next;
      if (next.next !== null) next.next.prev = block;
    }
    this.#cache(block);
  }

  /** Total bytes of all segments (`torch.cuda.memory_reserved`). */
  reserved(): number {
    return this.#reserved;
  }

  /** Total bytes of blocks in use, unsplit tails included (`torch.cuda.memory_allocated`). */
  allocated(): number {
    return this.#allocated;
  }

  /** Every segment in creation (= address) order. */
  segments(): PytorchSegment[] {
    return this.#segments.map(({ id, base, size, pool }) => ({ id, base, size, pool }));
  }

  /** Every block, free or not, in address order. */
  blocks(): PytorchBlock[] {
    const out: PytorchBlock[] = [];
    for (const s of this.#segments) {
      for (let b: Block | null = s.head; b !== null; b = b.next) {
        out.push({ start: b.start, size: b.size, segment: s.id, free: b.free });
      }
    }
    return out;
  }

  /** The cached free blocks as free ranges, in address order (for inspection and tests). */
  freeRanges(): { start: number; length: number; segment: number }[] {
    return this.blocks().filter((b) => b.free).map((b) => ({
      start: b.start,
      length: b.size,
      segment: b.segment,
    }));
  }

  #takeCached(pool: PytorchPool, rounded: number): Block | undefined {
    const hit = this.#cached[pool].ceiling(rounded);
    if (hit === undefined) return undefined;
    const block = this.#freeAt.get(hit.y)!;
    this.#uncache(block);
    return block;
  }

  #newSegment(pool: PytorchPool, rounded: number): Block {
    const size = pytorchSegmentSize(rounded);
    const base = roundUp(this.#nextBase, this.#granule);
    this.#nextBase = base + size;
    this.#reserved += size;
    // Segment and head point at each other: build the segment, then its head.
    const segment = { id: this.#segments.length, base, size, pool } as Segment;
    segment.head = { start: base, size, segment, prev: null, next: null, free: true };
    this.#segments.push(segment);
    return segment.head;
  }

  #cache(block: Block): void {
    this.#cached[block.segment.pool].insert(block.size, block.start);
    this.#freeAt.set(block.start, block);
  }

  #uncache(block: Block): void {
    this.#cached[block.segment.pool].delete(block.size, block.start);
    this.#freeAt.delete(block.start);
  }
}

/**
 * A new model of PyTorch's CUDA caching allocator. Block sizes are multiples of
 * 512 anyway; a larger `alignment` is honoured by rounding to a multiple of
 * lcm(512, alignment).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * const a = createPytorchAllocator();
 * assert.equal(a.allocate(0, 12 << 20), 0); // a 12 MiB segment of its own
 * assert.equal(a.reserved(), 12582912);
 * ```
 */
export function createPytorchAllocator(options: AllocatorOptions = {}): PytorchAllocator {
  return new PytorchAllocator(options);
}
