import assert from "node:assert/strict";
import { type Component, splitComponents } from "./_components.ts";
import { staircase } from "./_fixtures.ts";
import {
  candidateOrder,
  DistinctHeuristics,
  type Heuristic,
  HEURISTICS,
  jitteredHeuristic,
} from "./_heuristics.ts";

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

/** The distinct heuristics of a part, asked for in order. */
function distinct(part: Component, options: { capacity: number; alignment: number }): Heuristic[] {
  const lazy = new DistinctHeuristics(part, options);
  const out: Heuristic[] = [];
  for (let i = 0; lazy.at(i) !== undefined; i++) out.push(lazy.at(i)!);
  return out;
}

Deno.test("DistinctHeuristics drops runs that would repeat another node for node", () => {
  // The staircase: every section holds 6 bytes, so pressure ties everywhere
  // (pressure-then-size is size order) and at capacity 6 "least room" is
  // "fewest candidates".
  const [part] = splitComponents(staircase());
  const full = distinct(part, { capacity: 6, alignment: 1 });
  assert.ok(full.length < HEURISTICS.length);
  assert.ok(full.every((h) => h.section !== "tightest"));
  // Within a rule no two runs share an order; the leading rule is a rule of its own.
  for (const rule of ["fewest", "leading"]) {
    const orders = full.filter((h) => h.section === rule).map((h) =>
      candidateOrder(part, h.order).join()
    );
    assert.equal(new Set(orders).size, orders.length);
  }
  assert.ok(full.some((h) => h.section === "leading"));
  // With room to spare the "tightest" rule counts again.
  const loose = distinct(part, { capacity: 7, alignment: 1 });
  assert.ok(loose.some((h) => h.section === "tightest"));
});

Deno.test("DistinctHeuristics: asked for out of order, the same list as asked for in order", () => {
  const [part] = splitComponents(staircase());
  for (const capacity of [6, 7]) {
    const all = distinct(part, { capacity, alignment: 1 });
    const lazy = new DistinctHeuristics(part, { capacity, alignment: 1 });
    // The last first, then from the start, then past the end.
    assert.equal(lazy.at(all.length - 1), all.at(-1));
    assert.deepEqual(all.map((_, i) => lazy.at(i)), all);
    assert.equal(lazy.at(all.length), undefined);
    assert.equal(lazy.length, all.length);
  }
});

Deno.test("jittered heuristics differ from seed to seed but are reproducible", () => {
  const [part] = splitComponents(staircase());
  const a = jitteredHeuristic(3), b = jitteredHeuristic(3), c = jitteredHeuristic(4);
  assert.deepEqual(a, b);
  assert.notDeepEqual(a, c);
  assert.deepEqual(candidateOrder(part, a.order, a), candidateOrder(part, b.order, b));
  // A jittered order is still a permutation of the buffers.
  const order = [...candidateOrder(part, c.order, c)].sort((x, y) => x - y);
  assert.deepEqual(order, [0, 1, 2, 3, 4, 5]);
});
