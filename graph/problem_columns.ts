/**
 * A placement problem read into columns (one typed array per field, ids as
 * ranges of the UTF-8 bytes read), whose buffer objects are built only if someone
 * asks for `problem.buffers`. At a million buffers the objects and their id
 * strings cost a few tenths of a second to build and collect; `place` under a
 * short time limit reads, places, verifies and writes from the columns and
 * never builds them.
 *
 * Columns are handed out only while the buffers have not been built: once
 * they are, they may be changed, and the columns would no longer say the
 * same. Code that reads columns must fall back to the buffers.
 *
 * @module
 */
import { lazyProperty } from "./lazy_property.ts";
import type { Buffer, PlacementProblem } from "./types.ts";

/** A problem's buffers as columns, by buffer index. */
export interface ProblemColumns {
  lower: Float64Array;
  upper: Float64Array;
  size: Float64Array;
  /** Present when the problem came with offsets. */
  offset?: Float64Array;
  /** Buffer `i`'s id is the UTF-8 `bytes[idStart[i], idEnd[i])` ({@linkcode columnId}). */
  bytes: Uint8Array;
  idStart: Int32Array;
  idEnd: Int32Array;
}

const columnsOf = new WeakMap<PlacementProblem, ProblemColumns>();

/**
 * A problem over `columns`: its `buffers` (`{ id, lower, upper, size[,
 * offset] }`, as any reader builds them) are built on first use.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * const p = columnarProblem({
 *   lower: Float64Array.from([0]), upper: Float64Array.from([2]), size: Float64Array.from([4]),
 *   bytes: new TextEncoder().encode("b1,0,2,4"), idStart: Int32Array.from([0]), idEnd: Int32Array.from([2]),
 * });
 * assert.equal(readColumns(p)?.size[0], 4);
 * assert.deepEqual(p.buffers, [{ id: "b1", lower: 0, upper: 2, size: 4 }]);
 * assert.equal(readColumns(p), undefined); // the buffers exist now: they are the truth
 * ```
 */
export function columnarProblem(columns: ProblemColumns): PlacementProblem {
  const problem = {} as PlacementProblem;
  lazyProperty(problem, "buffers", () => buffersOf(columns), () => columnsOf.delete(problem));
  columnsOf.set(problem, columns);
  return problem;
}

/**
 * `columns` with their ids copied, side by side, into bytes of their own
 * (`idStart` and `idEnd` rewritten in place): the text they were read from
 * is then no longer held. A million ids take 7–16 MB, where their file took
 * 30–45.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * const one = Float64Array.from([1]);
 * const c = compactIds({ lower: one, upper: one, size: one,
 *   bytes: new TextEncoder().encode("x,b1,0"), idStart: Int32Array.from([2]), idEnd: Int32Array.from([4]) });
 * assert.deepEqual([c.bytes.length, columnId(c, 0)], [2, "b1"]);
 * ```
 */
export function compactIds(columns: ProblemColumns): ProblemColumns {
  const { bytes, idStart, idEnd } = columns;
  let total = 0;
  for (let i = 0; i < idStart.length; i++) total += idEnd[i] - idStart[i];
  const ids = new Uint8Array(total);
  let at = 0;
  for (let i = 0; i < idStart.length; i++) {
    const from = idStart[i], to = idEnd[i];
    // Ids are short: a loop beats a subarray and set per id.
    idStart[i] = at;
    for (let k = from; k < to; k++) ids[at++] = bytes[k];
    idEnd[i] = at;
  }
  return { ...columns, bytes: ids };
}

/**
 * The columns `problem` was read into, while its buffers are not built; else undefined.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * assert.equal(readColumns({ buffers: [] }), undefined); // built from objects: no columns
 * ```
 */
export function readColumns(problem: PlacementProblem): ProblemColumns | undefined {
  return columnsOf.get(problem);
}

/**
 * How many buffers `problem` has, without building them.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * assert.equal(bufferCount({ buffers: [{ id: "a", lower: 0, upper: 1, size: 1 }] }), 1);
 * ```
 */
export function bufferCount(problem: PlacementProblem): number {
  return columnsOf.get(problem)?.size.length ?? problem.buffers.length;
}

/**
 * `lower`, `upper` and `size` of every buffer: the problem's own columns
 * while it has them (not to be written to), else copied from its buffers.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * const c = problemColumns({ buffers: [{ id: "a", lower: 1, upper: 3, size: 8 }] });
 * assert.deepEqual([c.lower[0], c.upper[0], c.size[0]], [1, 3, 8]);
 * ```
 */
export function problemColumns(
  problem: PlacementProblem,
): { lower: Float64Array; upper: Float64Array; size: Float64Array } {
  const columns = columnsOf.get(problem);
  if (columns) return columns;
  const bs = problem.buffers;
  const n = bs.length;
  const lower = new Float64Array(n), upper = new Float64Array(n), size = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const b = bs[i];
    lower[i] = b.lower;
    upper[i] = b.upper;
    size[i] = b.size;
  }
  return { lower, upper, size };
}

/**
 * The id of buffer `i`, from the columns while the problem has them.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * assert.equal(bufferId({ buffers: [{ id: "a", lower: 0, upper: 1, size: 1 }] }, 0), "a");
 * ```
 */
export function bufferId(problem: PlacementProblem, i: number): string {
  const c = columnsOf.get(problem);
  return c ? columnId(c, i) : problem.buffers[i].id;
}

// Keeps a leading U+FEFF: in an id it is a character, not a byte-order mark.
const utf8 = new TextDecoder("utf-8", { ignoreBOM: true });

/**
 * Buffer `i`'s id in `columns`, decoded from its bytes.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * const bytes = new TextEncoder().encode("b1 é");
 * const one = Float64Array.from([1]);
 * const c = { lower: one, upper: one, size: one, bytes, idStart: Int32Array.from([0]), idEnd: Int32Array.from([bytes.length]) };
 * assert.equal(columnId(c, 0), "b1 é");
 * ```
 */
export function columnId(columns: ProblemColumns, i: number): string {
  const { bytes } = columns;
  const from = columns.idStart[i], to = columns.idEnd[i];
  // Short ASCII ids (the usual ones) without a decoder call.
  if (to - from <= 32) {
    let id = "";
    for (let k = from; k < to; k++) {
      const c = bytes[k];
      if (c > 127) return utf8.decode(bytes.subarray(from, to));
      id += String.fromCharCode(c);
    }
    return id;
  }
  return utf8.decode(bytes.subarray(from, to));
}

function buffersOf(c: ProblemColumns): Buffer[] {
  const n = c.size.length;
  const buffers: Buffer[] = [];
  for (let i = 0; i < n; i++) {
    const b: Buffer = {
      id: columnId(c, i),
      lower: c.lower[i],
      upper: c.upper[i],
      size: c.size[i],
    };
    if (c.offset) b.offset = c.offset[i];
    buffers.push(b);
  }
  return buffers;
}
