/**
 * Splitting a sweep into N independent jobs (a Slurm array, a Kubernetes
 * indexed Job): each run goes to one shard by a hash of its key, so the split
 * needs no coordination and a run keeps its shard when inputs are added.
 *
 * @module
 */
import { InputError } from "../graph/input_error.ts";

/** Shard `index` of `count`, 1-based (`--shard 2/4`). */
export interface Shard {
  index: number;
  count: number;
}

/**
 * Parses `K/N` with `1 <= K <= N`; throws InputError otherwise.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * assert.deepEqual(parseShard("2/4"), { index: 2, count: 4 });
 * ```
 */
export function parseShard(text: string): Shard {
  const m = text.trim().match(/^(\d+)\/(\d+)$/);
  const index = m ? Number(m[1]) : NaN, count = m ? Number(m[2]) : NaN;
  if (!(index >= 1 && index <= count)) {
    throw new InputError([{
      file: "command line",
      where: "--shard",
      message: `${JSON.stringify(text)} is not K/N with 1 <= K <= N`,
    }]);
  }
  return { index, count };
}

/**
 * True when the run with this key belongs to `shard` (always, without one).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * // every key is in exactly one shard
 * assert.equal([1, 2].filter((k) => inShard("a|b|{}", { index: k, count: 2 })).length, 1);
 * ```
 */
export function inShard(key: string, shard?: Shard): boolean {
  return !shard || fnv1a(key) % shard.count === shard.index - 1;
}

/** 32-bit FNV-1a over UTF-16 code units: tiny, stable across machines and runtimes. */
function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}
