/**
 * The online allocator models of the simulator: first-fit and best-fit over
 * one growable arena, and a model of PyTorch's CUDA caching allocator.
 *
 * @module
 */
import type { AllocatorName, AllocatorOptions, OnlineAllocator } from "../allocator.ts";
import { createBestFit } from "./best_fit.ts";
import { createFirstFit } from "./first_fit.ts";
import { createPytorchAllocator } from "./pytorch.ts";

export { ArenaAllocator, type ArenaOptions, type FitPolicy, type FreeRange } from "./arena.ts";
export { createFirstFit } from "./first_fit.ts";
export { createBestFit } from "./best_fit.ts";
export {
  createPytorchAllocator,
  PytorchAllocator,
  type PytorchBlock,
  type PytorchSegment,
} from "./pytorch.ts";
export * from "./pytorch_rules.ts";

/** The names {@linkcode createAllocator} accepts: every allocator name but `static`. */
export type OnlineAllocatorName = Exclude<AllocatorName, "static">;

const FACTORIES: Record<OnlineAllocatorName, (options?: AllocatorOptions) => OnlineAllocator> = {
  "first-fit": createFirstFit,
  "best-fit": createBestFit,
  "pytorch": createPytorchAllocator,
};

/**
 * A new online allocator model by name. Throws a RangeError for an unknown
 * name (the CLI passes user input through).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * const a = createAllocator("best-fit", { alignment: 64 });
 * assert.equal(a.allocate(0, 100), 0);
 * assert.equal(a.allocate(1, 100), 128);
 * ```
 */
export function createAllocator(
  name: OnlineAllocatorName,
  options: AllocatorOptions = {},
): OnlineAllocator {
  const factory = Object.hasOwn(FACTORIES, name) ? FACTORIES[name] : undefined;
  if (factory === undefined) {
    throw new RangeError(
      `unknown allocator ${JSON.stringify(name)}; expected one of ${
        Object.keys(FACTORIES).join(", ")
      }`,
    );
  }
  return factory(options);
}
