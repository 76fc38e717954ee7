import assert from "node:assert/strict";
import { splitComponents } from "./_components.ts";
import { staircase } from "./_fixtures.ts";
import { candidateOrder, HEURISTICS } from "./_heuristics.ts";

Deno.test("candidateOrder sorts by the keys, each descending, then by local index", () => {
  const [part] = splitComponents(staircase());
  const ids = (order: Int32Array) => Array.from(order, (k) => `r${part.ids[k]}`);
  // Sections [0,2), [2,3), [3,4). Sizes r0..r5: 2 2 3 3 1 4; sections
  // covered: 1 2 1 1 2 1. Local order (by first section): r0 r2 r4 r1 r3 r5.
  assert.deepEqual(ids(candidateOrder(part, ["size", "width"])), [
    "r5",
    "r2",
    "r3",
    "r1",
    "r0",
    "r4",
  ]);
  assert.deepEqual(ids(candidateOrder(part, ["width", "size"])), [
    "r1",
    "r4",
    "r5",
    "r2",
    "r3",
    "r0",
  ]);
  // Every section of the staircase holds 6 bytes: pressure ties, size decides.
  assert.deepEqual(ids(candidateOrder(part, ["pressure", "size"])), [
    "r5",
    "r2",
    "r3",
    "r0",
    "r1",
    "r4",
  ]);
});

Deno.test("every heuristic breaks ties of equal lifespan by size, larger first", () => {
  for (const h of HEURISTICS) {
    const i = h.order.indexOf("size");
    // Keys before size must be equal for equal lifespans (width and pressure
    // are) or order them by size (area, size × width, does).
    assert.ok(i >= 0, JSON.stringify(h));
    assert.ok(h.order.slice(0, i).every((k) => k === "width" || k === "pressure" || k === "area"));
  }
});
