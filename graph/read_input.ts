/**
 * Reading input files: plain or gzip, text or JSON, with one clear message
 * naming the file when it cannot be read.
 *
 * @module
 */
import { gunzipSync } from "node:zlib";
import { InputError } from "./input_error.ts";
import { withScratch } from "./scratch.ts";

function fail(file: string, message: string): never {
  throw new InputError([{ file, where: "", message }]);
}

/** The one message for a file that cannot be opened or read. */
function cannotRead(file: string, e: unknown): never {
  const why = e instanceof Deno.errors.NotFound ? "no such file" : (e as Error).message;
  fail(file, `cannot read: ${why}`);
}

/** Bytes that start with the gzip magic. */
function isGzip(bytes: Uint8Array): boolean {
  return bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
}

/**
 * The longest string V8 can make (2^29 - 24 UTF-16 units). A text file of more
 * bytes may not fit in one string, and JSON.parse needs one; ASCII JSON never fits.
 */
export const MAX_TEXT_BYTES = 2 ** 29 - 24;

/** Options of {@linkcode decodeText}. */
export interface DecodeOptions {
  /** Refuse text longer than this many bytes; default {@linkcode MAX_TEXT_BYTES}. */
  maxBytes?: number;
}

function tooLarge(file: string, what: string, limit: number): never {
  fail(
    file,
    `too large to read as one string: ${what}, over the ${limit.toLocaleString("en-US")}-byte ` +
      "limit of a JavaScript string; split it into smaller files",
  );
}

/**
 * Decodes bytes to text, gunzipping first when they start with the gzip magic.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * assert.equal(decodeText(new TextEncoder().encode("{}"), "a.json"), "{}");
 * ```
 */
export function decodeText(bytes: Uint8Array, file: string, options: DecodeOptions = {}): string {
  return utf8Text(gunzipped(bytes, file, options), file, options);
}

/**
 * `bytes` gunzipped when they start with the gzip magic (within the limit),
 * else as they are; an error when the name ends in `.gz` and they do not.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { gzipSync } from "node:zlib";
 * const bytes = new TextEncoder().encode("id");
 * assert.equal(new TextDecoder().decode(gunzipped(gzipSync(bytes), "p.csv.gz")), "id");
 * assert.equal(gunzipped(bytes, "p.csv"), bytes);
 * ```
 */
export function gunzipped(
  bytes: Uint8Array,
  file: string,
  options: DecodeOptions = {},
): Uint8Array {
  const limit = options.maxBytes ?? MAX_TEXT_BYTES;
  if (isGzip(bytes)) {
    try {
      return gunzipSync(bytes, { maxOutputLength: limit + 1 });
    } catch (e) {
      if (e instanceof RangeError) tooLarge(file, "it decompresses to more text", limit);
      fail(file, `not a valid gzip file (${(e as Error).message})`);
    }
  }
  if (file.endsWith(".gz")) fail(file, "named .gz but is not gzip-compressed");
  return bytes;
}

/**
 * `raw` decoded as UTF-8, strictly (an error naming the file if it is not),
 * within the limit of a string.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * assert.equal(utf8Text(new TextEncoder().encode("é"), "a.csv"), "é");
 * ```
 */
export function utf8Text(raw: Uint8Array, file: string, options: DecodeOptions = {}): string {
  const limit = options.maxBytes ?? MAX_TEXT_BYTES;
  if (raw.length > limit) {
    tooLarge(file, `${raw.length.toLocaleString("en-US")} bytes of text`, limit);
  }
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(raw);
  } catch {
    fail(file, "is not UTF-8 text");
  }
}

/**
 * The bytes of `file`, gunzipped when they are gzip (see
 * {@linkcode gunzipped}). Read into one array of the file's size: reading
 * through `Deno.readFile` copies them once more, which at 30 MB cost as much
 * as the reading (0.1 s, most of it the page faults of the second copy).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * const bytes = await readBytes("testdata/minimalloc/example.12.csv");
 * assert.equal(new TextDecoder().decode(bytes.subarray(0, 2)), "id");
 * ```
 */
export async function readBytes(file: string, options: DecodeOptions = {}): Promise<Uint8Array> {
  let f: Deno.FsFile;
  try {
    f = await Deno.open(file);
  } catch (e) {
    cannotRead(file, e);
  }
  let bytes: Uint8Array;
  try {
    // The size read first; a file that grows or a pipe (size 0) goes on
    // into a larger array until the end.
    let buf = new Uint8Array(Math.max((await f.stat()).size, 1 << 16)), at = 0;
    const probe = new Uint8Array(1 << 16);
    for (;;) {
      if (at < buf.length) {
        const got = f.readSync(buf.subarray(at));
        if (got === null) break;
        at += got;
        continue;
      }
      // Full: more only if a read says so.
      const got = f.readSync(probe);
      if (got === null) break;
      const bigger = new Uint8Array(2 * buf.length + got);
      bigger.set(buf);
      bigger.set(probe.subarray(0, got), at);
      buf = bigger;
      at += got;
    }
    bytes = buf.subarray(0, at);
  } catch (e) {
    cannotRead(file, e);
  } finally {
    f.close();
  }
  return gunzipped(bytes, file, options);
}

/**
 * Runs `fn` on the bytes of `file` read into scratch memory (graph/scratch.ts):
 * they are valid only while `fn` runs, and what it returns must not hold
 * them. Undefined, `fn` not called, for what is not a plain regular file
 * read whole at the size it had (named `.gz` or gzip bytes, a pipe, a file
 * that grows): {@linkcode readBytes} reads those. Why: a million-row CSV is
 * 30–45 MB whose pages, touched fresh, cost 0.1 s; in scratch memory the
 * placer's and the verifier's arrays reuse them.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * assert.equal(withFileBytes("testdata/minimalloc/example.12.csv", (b) => b[0]), 105); // "i"
 * assert.equal(withFileBytes("testdata/graphs/resnet18.b32.sgd.json.gz", (b) => b.length), undefined);
 * ```
 */
export function withFileBytes<T>(file: string, fn: (bytes: Uint8Array) => T): T | undefined {
  if (file.endsWith(".gz")) return undefined;
  let f: Deno.FsFile;
  try {
    f = Deno.openSync(file);
  } catch (e) {
    cannotRead(file, e);
  }
  try {
    let info: Deno.FileInfo;
    try {
      info = f.statSync();
    } catch (e) {
      cannotRead(file, e);
    }
    if (!info.isFile || info.size === 0) return undefined;
    return withScratch((s) => {
      const bytes = readWhole(f, s.uint8(info.size + 1, false), file);
      if (bytes === undefined || isGzip(bytes)) return undefined;
      return fn(bytes);
    });
  } finally {
    f.close();
  }
}

/** The bytes of `f` read into `buf`, undefined if they fill it (the file grew). */
function readWhole(f: Deno.FsFile, buf: Uint8Array, file: string): Uint8Array | undefined {
  let at = 0;
  try {
    for (;;) {
      const got = f.readSync(buf.subarray(at));
      if (got === null) return buf.subarray(0, at);
      at += got;
      if (at === buf.length) return undefined;
    }
  } catch (e) {
    cannotRead(file, e);
  }
}

/**
 * Reads a file as text (gunzipping `.gz` content).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * const text = await readText("testdata/graphs/tiny.json");
 * assert.match(text, /memplan\.graph\/v1/);
 * ```
 */
export async function readText(file: string, options: DecodeOptions = {}): Promise<string> {
  const quick = await readPlainText(file, options.maxBytes ?? MAX_TEXT_BYTES);
  if (quick !== undefined) return quick;
  let bytes: Uint8Array;
  try {
    bytes = await Deno.readFile(file);
  } catch (e) {
    cannotRead(file, e);
  }
  return decodeText(bytes, file, options);
}

/**
 * Parses JSON text, naming the file and position of a syntax error.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * assert.deepEqual(parseJson('{"a": 1}', "a.json"), { a: 1 });
 * ```
 */
export function parseJson(text: string, file: string): unknown {
  try {
    return JSON.parse(text);
  } catch (e) {
    fail(file, `malformed JSON: ${(e as Error).message}`);
  }
}

/**
 * Reads and parses a `.json` or `.json.gz` file.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * const value = await readJson("testdata/plans/branchy.before_after.json");
 * assert.equal((value as { format: string }).format, "memplan.plan/v1");
 * ```
 */
export async function readJson(file: string): Promise<unknown> {
  return parseJson(await readText(file), file);
}

/**
 * The text of `file` read by Deno in one step (half the time and the memory
 * of reading the bytes and decoding them: 45 ms against 90 ms for 30 MB),
 * when that gives exactly what {@linkcode decodeText} would: not named
 * `.gz`, within `limit` bytes, no byte-order mark (the decoder drops it, this
 * read keeps it) and no U+FFFD (this read puts one for each byte that is not
 * UTF-8, and gzip's second byte never is). Otherwise undefined, and the
 * strict path reads the file and says what is wrong with it.
 */
async function readPlainText(file: string, limit: number): Promise<string | undefined> {
  if (file.endsWith(".gz")) return undefined;
  try {
    if ((await Deno.stat(file)).size > limit) return undefined;
    const text = await Deno.readTextFile(file);
    return text.charCodeAt(0) === 0xfeff || text.includes("\ufffd") ? undefined : text;
  } catch {
    return undefined;
  }
}
