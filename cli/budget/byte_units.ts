/**
 * Byte counts with units on the command line: `6GiB`, `512MiB`, `1.5GB`, `123456`.
 *
 * @module
 */
import { InputError } from "../../graph/input_error.ts";

const UNITS: Record<string, number> = {
  "": 1,
  b: 1,
  kb: 1e3,
  mb: 1e6,
  gb: 1e9,
  tb: 1e12,
  kib: 2 ** 10,
  mib: 2 ** 20,
  gib: 2 ** 30,
  tib: 2 ** 40,
};

/**
 * Parses a byte count with an optional unit (decimal kB/MB/GB/TB, binary
 * KiB/MiB/GiB/TiB); throws InputError naming the option otherwise.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * assert.equal(parseBytes("--budget", "6GiB"), 6442450944);
 * assert.equal(parseBytes("--budget", "1000"), 1000);
 * ```
 */
export function parseBytes(option: string, value: string): number {
  const m = /^\s*(\d+(?:\.\d+)?)\s*([a-zA-Z]*)\s*$/.exec(value);
  const unit = m ? UNITS[m[2].toLowerCase()] : undefined;
  const bytes = m && unit !== undefined ? Math.floor(Number(m[1]) * unit) : NaN;
  if (!Number.isSafeInteger(bytes)) {
    throw new InputError([{
      file: "command line",
      where: option,
      message: `${JSON.stringify(value)} is not a byte count (e.g. 6GiB, 512MiB, 1000000)`,
    }]);
  }
  return bytes;
}

/**
 * Parses a positive number (a rate such as bytes per second, `16e9` or `16GB`).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * assert.equal(parseRate("--bandwidth", "16GB"), 16000000000);
 * ```
 */
export function parseRate(option: string, value: string): number {
  const plain = Number(value);
  const v = Number.isFinite(plain) ? plain : parseBytes(option, value);
  if (!(v > 0)) {
    throw new InputError([{
      file: "command line",
      where: option,
      message: `${JSON.stringify(value)} is not a positive number`,
    }]);
  }
  return v;
}
