/**
 * Writing output files safely: whole or not at all (write beside the target,
 * then rename), never over an input, never replacing a symbolic link or a
 * special file with a regular file, and with one clear message when the
 * target cannot be written.
 *
 * @module
 */
import { dirname, resolve } from "node:path";
import { gzipSync } from "node:zlib";
import { InputError } from "./input_error.ts";

/** The output name that means standard output (`-o -`). */
export const STDOUT = "-";

function writeStdout(bytes: Uint8Array): void {
  let done = 0;
  while (done < bytes.length) done += Deno.stdout.writeSync(bytes.subarray(done));
}

/** Options of {@linkcode writeTextAtomic} and {@linkcode checkOutputPath}. */
export interface WriteOptions {
  /** Files this run reads: the output may not be any of them (compared by device and inode). */
  inputs?: readonly (string | undefined)[];
}

/** Where the bytes of an output go. */
export interface OutputTarget {
  /** The file actually written: a symbolic link's target, else the name given. */
  path: string;
  /** True for a device, FIFO or socket: written in place (no rename is possible). */
  special: boolean;
}

function fail(file: string, message: string): never {
  throw new InputError([{ file, where: "", message }]);
}

async function statOf(path: string, follow: boolean): Promise<Deno.FileInfo | null> {
  try {
    return follow ? await Deno.stat(path) : await Deno.lstat(path);
  } catch (e) {
    if (e instanceof Deno.errors.NotFound) return null;
    if (e instanceof Deno.errors.NotADirectory) return null;
    throw e;
  }
}

function sameFile(a: Deno.FileInfo, b: Deno.FileInfo): boolean {
  return a.dev === b.dev && a.ino !== null && a.ino === b.ino;
}

/**
 * Checks that `file` can be written without harm and says where the bytes go.
 * Throws {@linkcode InputError} (exit 2) when its folder is missing, when it is
 * a folder or a dangling link, or when it is one of `options.inputs`.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * const dir = await Deno.makeTempDir();
 * await Deno.writeTextFile(`${dir}/g.json`, "{}");
 * assert.equal((await checkOutputPath(`${dir}/plan.json`, { inputs: [`${dir}/g.json`] })).special, false);
 * await assert.rejects(() => checkOutputPath(`${dir}/g.json`, { inputs: [`${dir}/g.json`] }));
 * await Deno.remove(dir, { recursive: true });
 * ```
 */
export async function checkOutputPath(
  file: string,
  options: WriteOptions = {},
): Promise<OutputTarget> {
  if (file === STDOUT) return { path: file, special: true };
  let path = file;
  const link = await statOf(file, false);
  if (link?.isSymlink) {
    try {
      path = await Deno.realPath(file);
    } catch {
      fail(file, "is a symbolic link to nothing; it is not replaced");
    }
  }
  const info = await statOf(path, true);
  if (info === null) {
    const folder = dirname(resolve(path));
    const f = await statOf(folder, true);
    if (f === null) fail(file, `cannot write: the folder ${dirname(file)} does not exist`);
    if (!f.isDirectory) fail(file, `cannot write: ${dirname(file)} is not a folder`);
  } else if (info.isDirectory) {
    fail(file, "is a folder, not a file");
  }
  if (info !== null) {
    for (const input of options.inputs ?? []) {
      if (input === undefined) continue;
      const i = await statOf(input, true);
      if (i !== null && sameFile(i, info)) {
        fail(file, `is also an input of this command (${input}); it is not overwritten`);
      }
    }
  }
  return { path, special: info !== null && !info.isFile };
}

/**
 * Writes text (a string, or its UTF-8 bytes) to `file` (standard output for
 * `-`), gzip-compressed when the name ends in `.gz`: into a
 * temporary file beside the target, renamed over it when complete. A symbolic
 * link stays a link (its target is written); a device or FIFO is written in
 * place. Refuses, with an {@linkcode InputError}, what {@linkcode checkOutputPath} refuses.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * const dir = await Deno.makeTempDir();
 * await writeTextAtomic(`${dir}/plan.json`, '{"format": "memplan.plan/v1"}', {
 *   inputs: ["testdata/graphs/tiny.json"],
 * });
 * assert.equal(await Deno.readTextFile(`${dir}/plan.json`), '{"format": "memplan.plan/v1"}');
 * await Deno.remove(dir, { recursive: true });
 * ```
 */
export async function writeTextAtomic(
  file: string,
  text: OutputText,
  options: WriteOptions = {},
): Promise<void> {
  if (file === STDOUT) {
    writeStdout(wholeBytes(text));
    return;
  }
  const target = await checkOutputPath(file, options);
  // Chunks are streamed to the file: a large output is never whole in memory.
  const chunks = file.endsWith(".gz")
    ? [gzipSync(wholeBytes(text))]
    : typeof text === "string"
    ? [new TextEncoder().encode(text)]
    : text instanceof Uint8Array
    ? [text]
    : text;
  if (target.special) {
    await writeOrFail(file, () => writeBytes(target.path, chunks, { create: false }));
    return;
  }
  const tmp = `${target.path}.tmp-${Deno.pid}-${crypto.randomUUID().slice(0, 8)}`;
  try {
    await writeOrFail(file, async () => {
      await writeBytes(tmp, chunks, { create: true });
      await Deno.rename(tmp, target.path);
    });
  } catch (e) {
    await Deno.remove(tmp).catch(() => {});
    throw e;
  }
}

/**
 * Text to write: a string, its UTF-8 bytes, or those bytes in chunks (each
 * written before the second chunk after it is taken, so a writer may reuse
 * two arrays in turn).
 */
export type OutputText = string | Uint8Array | Iterable<Uint8Array>;

/** All of `text` as one array of UTF-8 bytes. */
function wholeBytes(text: OutputText): Uint8Array {
  if (typeof text === "string") return new TextEncoder().encode(text);
  if (text instanceof Uint8Array) return text;
  const parts: Uint8Array[] = [];
  let total = 0;
  for (const chunk of text) {
    parts.push(chunk.slice());
    total += chunk.length;
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** Bytes per write call: a slice the kernel takes in one go. */
const CHUNK = 1 << 20;

/**
 * Writes `bytes` to `path` a mebibyte at a time. `Deno.writeFile` took
 * 180–270 ms for the 42 MB of a million-row placement, these writes 15–60 ms:
 * the difference is a tenth to a quarter of a one-second time limit.
 */
async function writeBytes(
  path: string,
  chunks: Iterable<Uint8Array>,
  options: { create: boolean },
): Promise<void> {
  const f = await Deno.open(path, { write: true, truncate: true, create: options.create });
  // The kernel takes a chunk on another thread while the next is made: one
  // write in flight, and the chunk before it done before the next is taken.
  const writeAll = async (bytes: Uint8Array) => {
    for (let at = 0; at < bytes.length;) {
      at += await f.write(bytes.subarray(at, Math.min(at + CHUNK, bytes.length)));
    }
  };
  let last: Promise<void> = Promise.resolve();
  try {
    for (const bytes of chunks) {
      const writing = last.then(() => writeAll(bytes));
      writing.catch(() => {}); // awaited below: not an unhandled rejection meanwhile
      await last;
      last = writing;
    }
    await last;
  } finally {
    await last.catch(() => {});
    f.close();
  }
}

async function writeOrFail(file: string, write: () => Promise<void>): Promise<void> {
  try {
    await write();
  } catch (e) {
    if (e instanceof Deno.errors.PermissionDenied) fail(file, "cannot write: permission denied");
    if (e instanceof Deno.errors.NotFound) fail(file, "cannot write: the folder does not exist");
    if (e instanceof Deno.errors.IsADirectory) fail(file, "is a folder, not a file");
    throw e;
  }
}
