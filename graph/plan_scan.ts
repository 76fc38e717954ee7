/**
 * The quick reading of a valid `memplan.plan/v1` file: its offsets read
 * straight from the text into an array by tensor, never an object of a
 * million keys. `JSON.parse` made that object (each key a new string in the
 * engine's table) in 1.6 s for a million offsets, and listing its keys took
 * 0.5 s more, a third of verifying such a plan.
 *
 * Everything but the offsets goes through `JSON.parse` and the plan's usual
 * checks; the offsets are taken only when every one is a tensor of the graph
 * with a plain integer up to 2^53 − 1 (a tensor named twice: the last one
 * counts, as in `JSON.parse`), and every tensor of positive size has one,
 * aligned. Anything else gives up (undefined), and
 * the general reader, which names every problem, reads the text.
 *
 * @module
 */
import type { IndexedGraph } from "./indexed_graph.ts";
import { lazyProperty } from "./lazy_property.ts";
import { parsePlan, readPlan, type ResolvedPlan } from "./plan.ts";
import type { Plan } from "./types.ts";

const QUOTE = 34, BACKSLASH = 92, COMMA = 44, COLON = 58, ZERO = 48, NINE = 57;
const OPEN = 123, CLOSE = 125, LBRACKET = 91, RBRACKET = 93;

/**
 * The plan in `text` checked against `g`, as {@linkcode readPlan} gives it,
 * when the quick reading takes it; else undefined.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { loadGraph } from "./load.ts";
 * const g = await loadGraph("testdata/graphs/tiny.json");
 * const text = await Deno.readTextFile("testdata/plans/tiny.valid.json");
 * const { plan, resolved } = scanPlan(text, g, "p.json")!;
 * assert.equal(resolved.offsets?.[g.tensorIndex.get("b")!], 14);
 * assert.equal(plan.offsets?.b, 14);
 * assert.equal(scanPlan('{"format": "memplan.plan/v1", "offsets": {"nope": 0}}', g, "p.json"), undefined);
 * ```
 */
export function scanPlan(
  text: string,
  g: IndexedGraph,
  file: string,
): { plan: Plan; resolved: ResolvedPlan } | undefined {
  // readPlanQuickly checks the head as parsePlan would: not twice.
  const plan = lazyPlan(text, file, { checked: false });
  return plan && readPlanQuickly(g, plan, file);
}

/**
 * The plan in `text` as {@linkcode parsePlan} gives it, its offsets checked
 * (plain keys, plain integers up to 2^53 − 1) but made an object only when
 * read, when the quick reading takes it; else undefined. Until its
 * `offsets` is read or written, {@linkcode readPlanQuickly} reads them from
 * the text. With `checked: false` the head is not checked (for a caller that
 * reads the plan against its graph next, which checks it).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * const plan = lazyPlan('{"format": "memplan.plan/v1", "offsets": {"a": 8}}', "p.json")!;
 * assert.equal(plan.format, "memplan.plan/v1");
 * assert.deepEqual(plan.offsets, { a: 8 });
 * assert.equal(lazyPlan('{"format": "memplan.plan/v1", "offsets": {"a": -8}}', "p.json"), undefined);
 * ```
 */
export function lazyPlan(
  text: string,
  file: string,
  options: { checked?: boolean } = {},
): Plan | undefined {
  const head: Record<string, unknown> = {};
  const keys: string[] = [];
  let offsetsAt = -1;
  let pos = skipSpace(text, 0);
  if (text.charCodeAt(pos++) !== OPEN) return undefined;
  pos = skipSpace(text, pos);
  if (text.charCodeAt(pos) === CLOSE) pos++;
  else {
    for (;;) {
      const keyEnd = plainStringEnd(text, pos);
      if (keyEnd < 0) return undefined;
      const key = text.slice(pos + 1, keyEnd - 1);
      // A key twice, or one an object treats specially: the general reader.
      if (key === "__proto__" || keys.includes(key)) return undefined;
      keys.push(key);
      pos = skipSpace(text, keyEnd);
      if (text.charCodeAt(pos++) !== COLON) return undefined;
      pos = skipSpace(text, pos);
      if (key === "offsets") {
        offsetsAt = pos;
        const read = scanOffsets(text, pos);
        if (read === undefined) return undefined;
        pos = read.end;
      } else {
        const end = valueEnd(text, pos);
        if (end < 0) return undefined;
        try {
          head[key] = JSON.parse(text.slice(pos, end));
        } catch {
          return undefined;
        }
        pos = end;
      }
      pos = skipSpace(text, pos);
      const c = text.charCodeAt(pos++);
      if (c === CLOSE) break;
      if (c !== COMMA) return undefined;
      pos = skipSpace(text, pos);
    }
  }
  if (skipSpace(text, pos) !== text.length || head.format !== "memplan.plan/v1") return undefined;
  // The rest by the usual checks (the offsets' values are checked above),
  // unless the caller checks it next (`checked: false`).
  try {
    if (options.checked ?? true) parsePlan(offsetsAt < 0 ? head : { ...head, offsets: {} }, file);
  } catch {
    return undefined;
  }
  // The keys in file order, the offsets parsed when read.
  const plan = {} as Plan;
  for (const key of keys) {
    if (key !== "offsets") {
      Object.defineProperty(plan, key, {
        value: head[key],
        enumerable: true,
        writable: true,
        configurable: true,
      });
      continue;
    }
    lazyProperty(
      plan,
      "offsets",
      () => JSON.parse(text).offsets as Record<string, number>,
      () => offsetsText.delete(plan),
    );
    offsetsText.set(plan, { text, at: offsetsAt });
  }
  return plan;
}

/** Plans of {@linkcode lazyPlan} whose offsets were never read or written: their text. */
const offsetsText = new WeakMap<Plan, { text: string; at: number }>();

/**
 * {@linkcode readPlan} of a plan of {@linkcode lazyPlan}, its offsets read
 * from the text straight into an array by tensor, when every one is a
 * tensor of `g` (a tensor named twice: the last one counts, as in
 * `JSON.parse`) and every tensor of positive size has one, aligned, its end
 * within 2^53 − 1; else undefined (any other plan too).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { loadGraph } from "./load.ts";
 * const g = await loadGraph("testdata/graphs/tiny.json");
 * const plan = lazyPlan(await Deno.readTextFile("testdata/plans/tiny.valid.json"), "p.json")!;
 * assert.equal(readPlanQuickly(g, plan, "p.json")?.resolved.offsets?.[g.tensorIndex.get("b")!], 14);
 * plan.offsets!.b = 16; // read and changed: the text is no longer the plan
 * assert.equal(readPlanQuickly(g, plan, "p.json"), undefined);
 * ```
 */
export function readPlanQuickly(
  g: IndexedGraph,
  plan: Plan,
  file: string,
): { plan: Plan; resolved: ResolvedPlan } | undefined {
  const source = offsetsText.get(plan);
  if (source === undefined) return undefined;
  const read = scanOffsets(source.text, source.at, g);
  if (read?.offsets === undefined || !offsetsComplete(g, read.offsets)) return undefined;
  // Everything but the offsets by the usual checks (order, capacity, the
  // graph's name), read from the plan as it is now.
  const head: Record<string, unknown> = {};
  for (const key of Object.keys(plan)) {
    if (key !== "offsets") head[key] = (plan as unknown as Record<string, unknown>)[key];
  }
  try {
    const { resolved } = readPlan(g, head, file);
    return { plan, resolved: { ...resolved, offsets: read.offsets } };
  } catch {
    return undefined;
  }
}

function skipSpace(text: string, pos: number): number {
  for (;; pos++) {
    const c = text.charCodeAt(pos);
    if (c !== 32 && c !== 10 && c !== 13 && c !== 9) return pos;
  }
}

/** The end (after the closing quote) of a string at `pos` with no escape or control character; -1 else. */
function plainStringEnd(text: string, pos: number): number {
  if (text.charCodeAt(pos) !== QUOTE) return -1;
  for (let i = pos + 1; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) return i + 1;
    if (c === BACKSLASH || c < 32) return -1;
  }
  return -1;
}

/** Where the JSON value at `pos` ends (not checked: `JSON.parse` does), -1 when it does not. */
function valueEnd(text: string, pos: number): number {
  let depth = 0;
  for (let i = pos; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) {
      for (i++; i < text.length && text.charCodeAt(i) !== QUOTE; i++) {
        if (text.charCodeAt(i) === BACKSLASH) i++;
      }
      if (i >= text.length) return -1;
      if (depth === 0) return i + 1;
    } else if (c === OPEN || c === LBRACKET) depth++;
    else if (c === CLOSE || c === RBRACKET) {
      if (depth === 0) return i; // the end of the object around it
      if (--depth === 0) return i + 1;
    } else if (depth === 0 && (c === COMMA || c === 32 || c === 10 || c === 13 || c === 9)) {
      return i;
    }
  }
  return depth === 0 ? text.length : -1;
}

/**
 * The offsets object at `pos`, by tensor (NaN: none), and where it ends;
 * undefined unless every key is a tensor of `g` with a plain
 * non-negative integer (no sign, fraction, exponent or leading zero) up to
 * 2^53 − 1.
 */
function scanOffsets(
  text: string,
  pos: number,
  g?: IndexedGraph,
): { offsets?: Float64Array; end: number } | undefined {
  if (text.charCodeAt(pos++) !== OPEN) return undefined;
  // Without a graph, only checked.
  const offsets = g && new Float64Array(g.tensorCount).fill(NaN);
  const ids = g?.tensorIds ?? [];
  pos = skipSpace(text, pos);
  if (text.charCodeAt(pos) === CLOSE) return { offsets, end: pos + 1 };
  // Plans usually list offsets in the graph's tensor order: the tensor after
  // the last one is tried before the index.
  let next = 0;
  for (;;) {
    const keyEnd = plainStringEnd(text, pos);
    if (keyEnd < 0) return undefined;
    const from = pos + 1, length = keyEnd - 1 - from;
    let t = -1; // without a graph: checked only
    if (g) {
      const found =
        next < ids.length && ids[next].length === length && text.startsWith(ids[next], from)
          ? next
          : g.tensorIndex.get(text.slice(from, from + length));
      if (found === undefined) return undefined;
      t = found;
      next = t + 1;
    }
    pos = skipSpace(text, keyEnd);
    if (text.charCodeAt(pos++) !== COLON) return undefined;
    pos = skipSpace(text, pos);
    const digitsFrom = pos;
    let v = 0;
    for (;; pos++) {
      const c = text.charCodeAt(pos);
      if (!(c >= ZERO && c <= NINE)) break;
      v = v * 10 + c - ZERO;
    }
    const digits = pos - digitsFrom;
    // Sixteen digits are exact up to 2^53 - 1 (see minimalloc_scan.ts).
    if (digits === 0 || digits > 16 || digits > 1 && text.charCodeAt(digitsFrom) === ZERO) {
      return undefined;
    }
    // (A fraction or an exponent is refused below: no comma or brace after
    // the digits.)
    if (v > Number.MAX_SAFE_INTEGER) return undefined;
    if (offsets) offsets[t] = v;
    pos = skipSpace(text, pos);
    const c = text.charCodeAt(pos++);
    if (c === CLOSE) return { offsets, end: pos };
    if (c !== COMMA) return undefined;
    pos = skipSpace(text, pos);
  }
}

/** Every tensor of positive size placed, aligned, its end exact. */
function offsetsComplete(g: IndexedGraph, offsets: Float64Array): boolean {
  for (let t = 0; t < g.tensorCount; t++) {
    const o = offsets[t], size = g.size[t];
    if (Number.isNaN(o)) {
      if (size > 0) return false;
      continue;
    }
    if (size > 0 && o % g.alignment !== 0) return false;
    if (o + size > Number.MAX_SAFE_INTEGER) return false;
  }
  return true;
}
