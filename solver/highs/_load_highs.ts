/**
 * The one place that imports `highs`. Its declarations type the default export
 * as a CommonJS module namespace, which `deno check` refuses to call; the
 * runtime value (from the package's ESM build) is the loader function.
 *
 * @module
 */
import highsModule from "npm:highs@1.15.3";
import type { Highs, InitOptions } from "npm:highs@1.15.3";

export type { Highs };

const loader = highsModule as unknown as (options?: InitOptions) => Promise<Highs>;

/**
 * Instantiates HiGHS. The package locates `highs.wasm` beside its own loader
 * (a `file:` URL in Deno's npm cache), so no network is needed.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * const highs = await loadHighs();
 * assert.equal(highs.version.string, "1.15.1"); // the HiGHS inside npm:highs@1.15.3
 * ```
 */
export function loadHighs(options: InitOptions = {}): Promise<Highs> {
  return loader(options);
}
