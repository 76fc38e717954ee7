/**
 * A temporary directory removed, with all it holds, when the scope that
 * holds it ends (`await using`), whether the test passed or threw: a test
 * suite leaves nothing behind in the system's temporary folder.
 *
 * @module
 */

/** A temporary directory and its removal. */
export interface TempDir extends AsyncDisposable {
  path: string;
}

/**
 * Makes a temporary directory, removed when its `await using` scope ends.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { tempDir } from "./temp_dir.ts";
 * let kept = "";
 * {
 *   await using dir = await tempDir();
 *   await Deno.writeTextFile(`${dir.path}/a.txt`, "a");
 *   kept = dir.path;
 * }
 * await assert.rejects(Deno.stat(kept));
 * ```
 */
export async function tempDir(): Promise<TempDir> {
  const path = await Deno.makeTempDir({ prefix: "memplan_test_" });
  return {
    path,
    [Symbol.asyncDispose]: () => Deno.remove(path, { recursive: true }).catch(() => {}),
  };
}
