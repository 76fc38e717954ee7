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

/**
 * The one table of online allocator models, by name: the simulator, the CLI's
 * choices and the benchmark's baselines all read it. To add a model, write its
 * factory in its own file and add one line here.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { ONLINE_ALLOCATORS } from "./mod.ts";
 * assert.deepEqual(Object.keys(ONLINE_ALLOCATORS), ["first-fit", "best-fit", "pytorch"]);
 * ```
 */
export const ONLINE_ALLOCATORS = Object.freeze(
  {
    "first-fit": createFirstFit,
    "best-fit": createBestFit,
    "pytorch": createPytorchAllocator,
  } satisfies Record<string, (options?: AllocatorOptions) => OnlineAllocator>,
);

/** The names {@linkcode createAllocator} accepts: every allocator name but `static`. */
export type OnlineAllocatorName = keyof typeof ONLINE_ALLOCATORS;

/**
 * Every allocator name the replay accepts: `static` (the plan's own offsets),
 * then the online models of {@linkcode ONLINE_ALLOCATORS}.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { ALLOCATOR_NAMES } from "./mod.ts";
 * assert.deepEqual(ALLOCATOR_NAMES, ["static", "first-fit", "best-fit", "pytorch"]);
 * ```
 */
export const ALLOCATOR_NAMES: readonly AllocatorName[] = Object.freeze([
  "static",
  ...Object.keys(ONLINE_ALLOCATORS) as OnlineAllocatorName[],
]);

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
  const factory = Object.hasOwn(ONLINE_ALLOCATORS, name) ? ONLINE_ALLOCATORS[name] : undefined;
  if (factory === undefined) {
    throw new RangeError(
      `unknown allocator ${JSON.stringify(name)}; expected one of ${
        Object.keys(ONLINE_ALLOCATORS).join(", ")
      }`,
    );
  }
  return factory(options);
}
