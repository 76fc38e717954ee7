/**
 * JSON of the wrong shape: any JSON value, or a valid document with one part
 * replaced by any JSON value or removed (a field, an element, a key), so the
 * loaders meet wrong types deep inside otherwise good files.
 *
 * @module
 */
import fc from "npm:fast-check@4.10.2";

/** Constraints of {@linkcode arbWrongShape}. */
export interface WrongShapeConstraints {
  /** Depth of the random JSON values; default 3. */
  maxDepth?: number;
}

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

/**
 * A document from `documents` broken in one place, or (one time in four) any JSON value.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import fc from "npm:fast-check@4.10.2";
 * const [doc] = fc.sample(arbWrongShape(fc.constant({ format: "memplan.plan/v1" })), {
 *   numRuns: 1, seed: 1,
 * });
 * assert.notDeepEqual(doc, { format: "memplan.plan/v1" });
 * ```
 */
export function arbWrongShape(
  documents: fc.Arbitrary<unknown>,
  c: WrongShapeConstraints = {},
): fc.Arbitrary<unknown> {
  const value = fc.jsonValue({ maxDepth: c.maxDepth ?? 3 });
  return fc.oneof(
    { weight: 1, arbitrary: value },
    {
      weight: 3,
      arbitrary: fc.tuple(documents, fc.nat(), value, fc.boolean()).map(
        ([doc, pick, replacement, remove]) =>
          breakAt(doc as Json, pick, replacement as Json, remove),
      ),
    },
  );
}

/** A copy of `doc` with its `pick`-th part (modulo their number) replaced or removed. */
function breakAt(doc: Json, pick: number, replacement: Json, remove: boolean): Json {
  const copy = structuredClone(doc);
  const slots: [Json[] | { [k: string]: Json }, string | number][] = [];
  const walk = (v: Json) => {
    if (Array.isArray(v)) v.forEach((x, i) => (slots.push([v, i]), walk(x)));
    else if (v !== null && typeof v === "object") {
      for (const k of Object.keys(v)) {
        slots.push([v, k]);
        walk(v[k]);
      }
    }
  };
  walk(copy);
  if (!slots.length) return replacement;
  const [parent, key] = slots[pick % slots.length];
  if (Array.isArray(parent)) {
    if (remove) parent.splice(key as number, 1);
    else parent[key as number] = replacement;
  } else if (remove) delete parent[key as string];
  else parent[key as string] = replacement;
  return copy;
}
