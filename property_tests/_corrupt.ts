/**
 * Applies the edits of `arbCorruption` to bytes.
 *
 * @module
 */
import type { Edit } from "./arb_corruption.ts";

/**
 * The bytes after every edit, in turn (positions modulo the current length).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * const bytes = corrupt(new TextEncoder().encode("{}"), [{ op: "truncate", at: 1 }]);
 * assert.equal(new TextDecoder().decode(bytes), "{");
 * ```
 */
export function corrupt(bytes: Uint8Array, edits: readonly Edit[]): Uint8Array {
  let b = Array.from(bytes);
  for (const e of edits) {
    const at = b.length ? e.at % (b.length + 1) : 0;
    switch (e.op) {
      case "flip":
        if (at < b.length) b[at] ^= 1 << e.bit;
        break;
      case "set":
        b.splice(at, e.bytes.length, ...e.bytes);
        break;
      case "insert":
        b.splice(at, 0, ...e.bytes);
        break;
      case "delete":
        b.splice(at, e.length);
        break;
      case "repeat":
        b.splice(at, 0, ...b.slice(at, at + e.length));
        break;
      case "truncate":
        b = b.slice(0, at);
        break;
    }
  }
  return Uint8Array.from(b);
}
