/**
 * Sizes on the command line: a number of bytes with an optional unit, as
 * people write them (`16GiB`, `1.5GB`, `512 MiB`, `1,048,576`).
 *
 * @module
 */
import { InputError } from "../graph/input_error.ts";

const UNITS: Record<string, number> = {
  "": 1,
  b: 1,
  kb: 1e3,
  mb: 1e6,
  gb: 1e9,
  tb: 1e12,
  k: 2 ** 10,
  kib: 2 ** 10,
  m: 2 ** 20,
  mib: 2 ** 20,
  g: 2 ** 30,
  gib: 2 ** 30,
  t: 2 ** 40,
  tib: 2 ** 40,
};

/**
 * Parses a byte size: digits (with `,` or `_` between groups allowed), an
 * optional fraction, and an optional unit — B, kB/MB/GB/TB (powers of 1000),
 * KiB/MiB/GiB/TiB or K/M/G/T (powers of 1024), any case. The result must be a
 * whole number of bytes within the safe integers; anything else throws
 * InputError naming the option.
 *
 * @example
 * ```ts
 * parseSize("--capacity", "16GiB"); // 17179869184
 * parseSize("--capacity", "1.5GB"); // 1500000000
 * parseSize("--capacity", "1,048,576"); // 1048576
 * ```
 */
export function parseSize(option: string, value: string): number {
  const m = value.trim().match(/^(\d{1,3}(?:[,_]\d{3})+|\d+)(\.\d+)?\s*([A-Za-z]*)$/);
  const unit = m ? UNITS[m[3].toLowerCase()] : undefined;
  const bytes = m && unit !== undefined
    ? Number(m[1].replaceAll(/[,_]/g, "") + (m[2] ?? "")) * unit
    : NaN;
  if (!Number.isSafeInteger(Math.round(bytes)) || Math.abs(bytes - Math.round(bytes)) > 1e-6) {
    throw new InputError([{
      file: "command line",
      where: option,
      message: `${JSON.stringify(value)} is not a size in bytes ` +
        "(a whole number, optionally with a unit: 16GiB, 1.5GB, 512MiB)",
    }]);
  }
  return Math.round(bytes);
}

/**
 * {@linkcode parseSize} for an option that may be absent.
 *
 * @example
 * ```ts
 * optionalSize("--capacity", undefined); // undefined
 * optionalSize("--capacity", "2KiB"); // 2048
 * ```
 */
export function optionalSize(option: string, value: string | undefined): number | undefined {
  return value === undefined ? undefined : parseSize(option, value);
}

/**
 * Parses a positive rate, such as host-device bandwidth in bytes per second:
 * a plain number (`16e9`) or a size with a unit (`16GB`, `12GiB`).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * assert.equal(parseRate("--bandwidth", "16GB"), 16e9);
 * assert.equal(parseRate("--bandwidth", "1.6e10"), 16e9);
 * ```
 */
export function parseRate(option: string, value: string): number {
  const plain = Number(value);
  const v = value.trim() !== "" && Number.isFinite(plain) ? plain : parseSize(option, value);
  if (!(v > 0)) {
    throw new InputError([{
      file: "command line",
      where: option,
      message: `${JSON.stringify(value)} is not a positive number`,
    }]);
  }
  return v;
}
