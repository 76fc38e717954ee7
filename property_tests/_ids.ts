/**
 * Ids for generated graphs and buffer problems. Plain ids keep a failing case
 * readable; tricky ids (commas, quotes, line breaks, spaces at either end,
 * names of `Object.prototype` members) probe the file formats, which allow any
 * non-empty string.
 *
 * @module
 */

/**
 * `plain`: `t3`, `op4`; `tricky`: awkward strings, still unique;
 * `tricky-unpadded`: the same without whitespace at either end (the CSV
 * reader trims fields, see the known-bug test in p5_round_trips_test.ts).
 */
export type IdStyle = "plain" | "tricky" | "tricky-unpadded";

const TRICKY = [
  "__proto__",
  "constructor",
  "toString",
  "hasOwnProperty",
  "a,b",
  'say "hi"',
  "line\nbreak",
  " lead",
  "trail ",
  "tab\tin",
  "ünïcødé",
  "0",
  "-1",
  "#",
  "'",
  "id,lower,upper,size",
];

const UNPADDED = TRICKY.filter((id) => id.trim() === id);

/**
 * The `index`-th id of a namespace: `${prefix}${index}` when plain; when
 * tricky, the awkward strings first, then variants made unique by the index.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * assert.equal(makeId("t", 3, "plain"), "t3");
 * assert.equal(makeId("t", 0, "tricky"), "__proto__");
 * ```
 */
export function makeId(prefix: string, index: number, style: IdStyle): string {
  if (style === "plain") return `${prefix}${index}`;
  const pool = style === "tricky" ? TRICKY : UNPADDED;
  if (index < pool.length) return pool[index];
  return `${pool[index % pool.length]}${prefix}${index}`;
}
