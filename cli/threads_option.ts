/**
 * The `--threads` option of the commands that place (`place`, `plan`).
 *
 * @module
 */
import { Option } from "npm:@commander-js/extra-typings@15.1.0";

/**
 * `--threads 1|2` (default 2): 2 lets the exact search hand a long part to a
 * second core as well (`PlaceOptions.threads`); anything else is bad usage.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { threadsOption } from "./threads_option.ts";
 * const o = threadsOption();
 * assert.equal(o.long, "--threads");
 * assert.deepEqual(o.argChoices, ["1", "2"]);
 * assert.equal(o.defaultValue, "2");
 * ```
 */
export function threadsOption() {
  return new Option(
    "--threads <n>",
    "threads to use: 2 lets the exact search hand a long part to a second core as well; 1 " +
      "keeps to one, and the same input, limit and seed then take the same path",
  ).choices(["1", "2"] as const).default("2" as const);
}
