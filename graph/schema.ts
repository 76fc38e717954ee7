/**
 * The shapes of FORMAT.md as zod schemas: the one definition of what a
 * well-formed element is, and of the message a malformed one gets.
 *
 * A million-tensor file must validate in less time than `JSON.parse` takes to
 * read it, and running zod over every element costs about as much as the parse.
 * So each array element first meets a plain predicate that accepts exactly what
 * its schema accepts (`schema_test.ts` checks the two agree on random values);
 * zod runs only on the elements the predicate rejects, to name what is wrong.
 *
 * @module
 */
import { z } from "npm:zod@4.6.7";
import { KINDS } from "./types.ts";

const safeSize = z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER);
const id = z.string().min(1);

/** Schema of one `tensors[]` element. */
export const tensorSchema = z.object({
  id,
  size: safeSize,
  kind: z.enum(KINDS).optional(),
});

/** Schema of one `ops[]` element. */
export const opSchema = z.object({
  id,
  type: z.string().optional(),
  in: z.array(id),
  out: z.array(id),
  after: z.array(id).optional(),
  cost: z.number().nonnegative().finite().optional(),
});

// An array whose elements are checked one by one elsewhere (z.array would walk it).
const bigArray = z.custom<unknown[]>((v) => Array.isArray(v), {
  message: "Invalid input: expected array",
});

/** Schema of a graph file without its two big arrays (checked element by element). */
export const graphHeadSchema = z.object({
  format: z.literal("memplan.graph/v1"),
  name: z.string(),
  meta: z.record(z.string(), z.unknown()).optional(),
  alignment: z.number().int().positive().max(Number.MAX_SAFE_INTEGER).optional(),
  tensors: bigArray,
  ops: bigArray,
});

/** Schema of a plan file without its big `order` and `offsets` (checked element by element). */
export const planHeadSchema = z.object({
  format: z.literal("memplan.plan/v1"),
  graph: z.string().optional(),
  order: bigArray.optional(),
  offsets: z.custom<Record<string, unknown>>(
    (v) => typeof v === "object" && v !== null && !Array.isArray(v),
    { message: "Invalid input: expected object" },
  ).optional(),
  capacity: safeSize.optional(),
  planner: z.record(z.string(), z.unknown()).optional(),
});

/** Schema of one `order[]` element. */
export const orderEntrySchema = id;

/** Schema of one `offsets` value. */
export const offsetSchema = safeSize;

const KIND_SET: ReadonlySet<string> = new Set(KINDS);

/**
 * True exactly when a value is a non-negative safe integer ({@linkcode offsetSchema}).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * assert.equal(isSafeSize(4), true);
 * assert.equal(isSafeSize(4.5), false);
 * ```
 */
export function isSafeSize(v: unknown): boolean {
  return typeof v === "number" && Number.isSafeInteger(v) && v >= 0;
}

/**
 * True exactly when a value is a non-empty string ({@linkcode orderEntrySchema}).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * assert.equal(isId("f1"), true);
 * ```
 */
export function isId(v: unknown): boolean {
  return typeof v === "string" && v.length > 0;
}

function isCost(v: unknown): boolean {
  return typeof v === "number" && Number.isFinite(v) && v >= 0;
}

function isIdArray(v: unknown): boolean {
  if (!Array.isArray(v)) return false;
  for (let i = 0; i < v.length; i++) if (!isId(v[i])) return false;
  return true;
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/**
 * True exactly when {@linkcode tensorSchema} accepts `v` (the fast path).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * assert.equal(isTensor({ id: "a", size: 4 }), true);
 * assert.equal(isTensor({ id: "a", size: -1 }), false);
 * ```
 */
export function isTensor(v: unknown): boolean {
  if (!isPlainObject(v)) return false;
  return isId(v.id) && isSafeSize(v.size) &&
    (v.kind === undefined || (typeof v.kind === "string" && KIND_SET.has(v.kind)));
}

/**
 * True exactly when {@linkcode opSchema} accepts `v` (the fast path).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * assert.equal(isOp({ id: "f", in: [], out: ["a"] }), true);
 * assert.equal(isOp({ id: "f", in: "a", out: [] }), false);
 * assert.equal(isOp({ id: "f", in: [], out: [], cost: 1.5e9 }), true);
 * assert.equal(isOp({ id: "f", in: [], out: [], cost: -1 }), false);
 * ```
 */
export function isOp(v: unknown): boolean {
  if (!isPlainObject(v)) return false;
  return isId(v.id) && (v.type === undefined || typeof v.type === "string") &&
    isIdArray(v.in) && isIdArray(v.out) && (v.after === undefined || isIdArray(v.after)) &&
    (v.cost === undefined || isCost(v.cost));
}

/**
 * Turns a zod path into the JSON path a user reads: `tensors[3].size`.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * assert.equal(jsonPath(["ops", 2, "in", 0]), "ops[2].in[0]");
 * ```
 */
export function jsonPath(path: ReadonlyArray<PropertyKey>): string {
  let s = "";
  for (const k of path) {
    if (typeof k === "number") s += `[${k}]`;
    else if (typeof k === "string" && /^[A-Za-z_][A-Za-z0-9_]*$/.test(k)) {
      s += s ? `.${k}` : k;
    } else s += `[${JSON.stringify(String(k))}]`;
  }
  return s || "(top level)";
}
