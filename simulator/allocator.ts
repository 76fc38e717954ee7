/**
 * The allocator models the replay asks for offsets: the plan's own (`static`),
 * or an online allocator that sees allocations and frees one at a time.
 *
 * @module
 */
import type { OnlineAllocatorName } from "./allocators/mod.ts";

/**
 * An online allocator model. The replay calls `allocate` for every tensor of
 * positive size when it becomes resident and `free` when its lifetime ends;
 * offsets are virtual addresses and must never overlap while both are live.
 */
export interface OnlineAllocator {
  /** Returns the byte offset (virtual address) of the new allocation. */
  allocate(tensor: number, size: number): number;
  /** Releases the allocation of `tensor` (made earlier by `allocate`). */
  free(tensor: number): void;
  /**
   * Bytes the allocator holds from the device right now (for example PyTorch's
   * cached segments). Absent: the replay uses the top of the highest live
   * allocation, which is what a bump arena would have to hold.
   */
  reserved?(): number;
  /** Bytes handed out right now, after any rounding; absent: the requested sizes. */
  allocated?(): number;
}

/** Options every allocator factory accepts. */
export interface AllocatorOptions {
  /** Every offset a multiple of it (the graph's alignment); default 1. */
  alignment?: number;
}

export { ALLOCATOR_NAMES } from "./allocators/mod.ts";

/** `static` (the plan's own offsets) or one of the online models' names. */
export type AllocatorName = "static" | OnlineAllocatorName;
