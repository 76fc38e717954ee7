/**
 * A plan as the JSON text `JSON.stringify(plan)` makes, byte for byte, its
 * dense offsets (graph/dense_offsets.ts) streamed from their array a chunk
 * at a time: at a million tensors, building the offsets object and
 * stringifying it took two seconds and half a gigabyte, out of `plan`'s
 * time limit.
 *
 * @module
 */
import { ByteWriter } from "./byte_writer.ts";
import { denseOffsets } from "./dense_offsets.ts";
import type { Plan } from "./types.ts";
import type { OutputText } from "./write_output.ts";

const QUOTE = 34, COMMA = 44, COLON = 58;

/**
 * The JSON text of `plan`, in chunks (see {@linkcode OutputText}) when its
 * offsets are still dense, else as one string.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { setDenseOffsets } from "./dense_offsets.ts";
 * import type { Plan } from "./types.ts";
 * const plan: Plan = { format: "memplan.plan/v1", graph: "g" };
 * setDenseOffsets(plan, { tensorIds: ["a", 'q"'], size: [4, 4], offsets: Float64Array.from([0, 4]) });
 * const text = [...planJson(plan) as Iterable<Uint8Array>].map((c) => new TextDecoder().decode(c)).join("");
 * assert.equal(text, '{"format":"memplan.plan/v1","graph":"g","offsets":{"a":0,"q\\"":4}}');
 * assert.equal(text, JSON.stringify(plan));
 * ```
 */
export function planJson(plan: Plan, chunkBytes = 1 << 20): OutputText {
  const dense = denseOffsets(plan);
  if (dense === undefined) return JSON.stringify(plan);
  const out = new ByteWriter(chunkBytes);
  const { tensorIds, size, offsets } = dense;
  // A chunk handed on when `k` more bytes would not fit (grown for them).
  function* room(k: number): Generator<Uint8Array> {
    if (out.room() >= k) return;
    if (out.length > 0) yield out.bytes();
    out.reset();
    out.grow(k);
  }
  return {
    *[Symbol.iterator]() {
      out.reset();
      yield* room(1);
      out.byte(123); // {
      let first = true;
      for (const key of Object.keys(plan)) {
        const isDense = key === "offsets" && denseOffsets(plan) === dense;
        const text = isDense
          ? ""
          : JSON.stringify((plan as unknown as Record<string, unknown>)[key]);
        if (text === undefined) continue; // as JSON.stringify leaves it out
        // A comma, the key (3 bytes a UTF-16 unit, 6 when escaped), a colon.
        yield* room(6 * key.length + 4);
        if (!first) out.byte(COMMA);
        first = false;
        jsonString(out, key);
        out.byte(COLON);
        if (isDense) {
          yield* room(1);
          out.byte(123);
          let firstOffset = true;
          for (let t = 0; t < tensorIds.length; t++) {
            if (!(size[t] > 0)) continue;
            const id = tensorIds[t];
            // A comma, the id, a colon and a number (at most 24 characters).
            yield* room(6 * id.length + 30);
            if (!firstOffset) out.byte(COMMA);
            firstOffset = false;
            jsonString(out, id);
            out.byte(COLON);
            const o = offsets[t];
            if (Number.isFinite(o)) out.number(o);
            else out.ascii("null");
          }
          yield* room(1);
          out.byte(125);
          continue;
        }
        // A long value (an order of a million ops) goes in pieces.
        for (let i = 0; i < text.length;) {
          let end = Math.min(i + PIECE, text.length);
          // Never between the two halves of a character.
          if (end < text.length && isHighSurrogate(text.charCodeAt(end - 1))) end--;
          yield* room(3 * (end - i));
          out.utf8(end - i === text.length ? text : text.slice(i, end));
          i = end;
        }
      }
      yield* room(1);
      out.byte(125); // }
      yield out.bytes();
    },
  };
}

/** UTF-16 units of a long value encoded at a time. */
const PIECE = 1 << 16;

function isHighSurrogate(c: number): boolean {
  return c >= 0xd800 && c <= 0xdbff;
}

/** Appends `JSON.stringify(s)`: by its codes when plain ASCII needing no escape. */
function jsonString(out: ByteWriter, s: string): void {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x20 || c > 0x7e || c === QUOTE || c === 92) {
      out.utf8(JSON.stringify(s));
      return;
    }
  }
  out.byte(QUOTE);
  out.id(s, 0, s.length);
  out.byte(QUOTE);
}
