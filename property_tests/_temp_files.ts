/**
 * Writing inputs to a fresh temporary directory for one CLI run, and removing
 * it afterwards whatever happens.
 *
 * @module
 */
import { join } from "node:path";

/**
 * Writes `files` (name to bytes or text) into a new temporary directory, calls
 * `fn` with their paths, and removes the directory.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * const text = await withTempFiles({ "g.json": "{}" }, (paths) => Deno.readTextFile(paths["g.json"]));
 * assert.equal(text, "{}"); // and the folder is gone
 * ```
 */
export async function withTempFiles<T>(
  files: Record<string, Uint8Array | string>,
  fn: (paths: Record<string, string>) => Promise<T>,
): Promise<T> {
  const dir = await Deno.makeTempDir({ prefix: "memplan_prop_" });
  try {
    const paths: Record<string, string> = {};
    for (const [name, content] of Object.entries(files)) {
      paths[name] = join(dir, name);
      if (typeof content === "string") await Deno.writeTextFile(paths[name], content);
      else await Deno.writeFile(paths[name], content);
    }
    return await fn(paths);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
}
