/**
 * Writing output files whole or not at all: write beside the target, then rename.
 *
 * @module
 */
import { gzipSync } from "node:zlib";

/**
 * Writes text to `file` atomically, gzip-compressed when the name ends in `.gz`.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * const dir = await Deno.makeTempDir();
 * await writeTextAtomic(`${dir}/plan.json`, '{"format": "memplan.plan/v1"}');
 * assert.equal(await Deno.readTextFile(`${dir}/plan.json`), '{"format": "memplan.plan/v1"}');
 * await Deno.remove(dir, { recursive: true });
 * ```
 */
export async function writeTextAtomic(file: string, text: string): Promise<void> {
  const bytes = file.endsWith(".gz")
    ? gzipSync(new TextEncoder().encode(text))
    : new TextEncoder().encode(text);
  const tmp = `${file}.tmp-${Deno.pid}-${crypto.randomUUID().slice(0, 8)}`;
  try {
    await Deno.writeFile(tmp, bytes);
    await Deno.rename(tmp, file);
  } catch (e) {
    await Deno.remove(tmp).catch(() => {});
    throw e;
  }
}
