/**
 * One growable arena with coalescing free ranges, the core that first-fit and
 * best-fit share; they differ only in which free range they pick.
 *
 * Alignment: every block's size is rounded up to a multiple of the alignment.
 * The arena starts at 0 and every block boundary is then a multiple of it, so
 * every free range has an aligned start and length and "fits" is simply
 * "length >= rounded size" — no padding slivers, no start-dependent fit test.
 * The rounded size is what the block occupies and what `allocated()` counts.
 *
 * The arena never shrinks: `top` is its high-water mark. It has no
 * `reserved()`, so the replay measures the arena as the highest
 * `offset + size` of live allocations (FORMAT.md §5's `H`), which leaves out
 * the alignment padding after the topmost block.
 *
 * @module
 */
import type { AllocatorOptions, OnlineAllocator } from "../allocator.ts";
import { checkAlignment, checkSize, roundUp } from "./_checks.ts";
import { type FreeRange, FreeRanges } from "./_free_ranges.ts";

export type { FreeRange };

/** Which free range an {@linkcode ArenaAllocator} takes. */
export type FitPolicy = "first-fit" | "best-fit";

/** Options of {@linkcode ArenaAllocator}. */
export interface ArenaOptions extends AllocatorOptions {
  /** first-fit: the lowest-address range that fits; best-fit: the smallest (ties: lowest address). */
  fit: FitPolicy;
}

interface Block {
  offset: number;
  size: number;
}

/**
 * An online allocator over one arena that grows from its top. A request takes
 * the free range chosen by the policy; when none fits it goes to the top of
 * the arena, starting inside the topmost free range if that range reaches the
 * top (a real arena would extend it rather than leave it as a hole).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * const a = new ArenaAllocator({ fit: "best-fit", alignment: 8 });
 * assert.equal(a.allocate(0, 10), 0); // occupies [0, 16)
 * assert.equal(a.allocate(1, 4), 16); // occupies [16, 24)
 * a.free(0);
 * assert.equal(a.allocate(2, 16), 0); // the freed range fits exactly
 * assert.equal(a.top, 24);
 * ```
 */
export class ArenaAllocator implements OnlineAllocator {
  readonly #fit: FitPolicy;
  readonly #alignment: number;
  readonly #free: FreeRanges;
  readonly #live = new Map<number, Block>();
  #top = 0;
  #allocated = 0;

  constructor(options: ArenaOptions) {
    this.#fit = options.fit;
    this.#alignment = checkAlignment(options.alignment ?? 1);
    this.#free = new FreeRanges({ bySize: options.fit === "best-fit" });
  }

  /** The arena's size so far: the end of the highest block ever placed (aligned). */
  get top(): number {
    return this.#top;
  }

  /** Places `tensor` (of `size` bytes, a positive safe integer) and returns its offset. */
  allocate(tensor: number, size: number): number {
    checkSize(size);
    if (this.#live.has(tensor)) throw new Error(`tensor ${tensor} is already allocated`);
    const need = roundUp(size, this.#alignment);
    const hole = this.#fit === "first-fit" ? this.#free.firstFit(need) : this.#free.bestFit(need);
    let offset: number;
    if (hole !== undefined) {
      offset = hole.start;
      this.#free.remove(offset, need);
    } else {
      const last = this.#free.last();
      if (last !== undefined && last.start + last.length === this.#top) {
        offset = last.start;
        this.#free.remove(last.start, last.length);
      } else {
        offset = this.#top;
      }
      this.#top = offset + need;
    }
    this.#live.set(tensor, { offset, size: need });
    this.#allocated += need;
    return offset;
  }

  /** Returns the block of `tensor` to the free ranges, merged with free neighbours. */
  free(tensor: number): void {
    const b = this.#live.get(tensor);
    if (b === undefined) throw new Error(`tensor ${tensor} is not allocated`);
    this.#live.delete(tensor);
    this.#free.add(b.offset, b.size);
    this.#allocated -= b.size;
  }

  /** Bytes in live blocks, sizes rounded up to the alignment. */
  allocated(): number {
    return this.#allocated;
  }

  /** The free ranges below `top`, in address order (a copy, for inspection and tests). */
  freeRanges(): FreeRange[] {
    return [...this.#free];
  }
}
