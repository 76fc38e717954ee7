import assert from "node:assert/strict";
import fc from "npm:fast-check@4.10.2";
import { setDenseOffsets } from "./dense_offsets.ts";
import { planJson } from "./plan_json.ts";
import type { Plan } from "./types.ts";

function text(out: ReturnType<typeof planJson>): string {
  if (typeof out === "string") return out;
  const parts: Uint8Array[] = [];
  for (const c of out as Iterable<Uint8Array>) parts.push(c.slice());
  return new TextDecoder().decode(new Uint8Array(parts.flatMap((p) => [...p])));
}

Deno.test("planJson: the bytes of JSON.stringify(plan), whatever the ids, offsets and chunks", () => {
  const id = fc.oneof(
    fc.string({ unit: "binary", maxLength: 6 }),
    fc.constantFrom("__proto__", 'a"b', "c\\d", "\u0001", "é", "😀", "\ud800", "t0"),
  );
  const offset = fc.oneof(
    fc.maxSafeNat(),
    fc.double(),
    fc.constantFrom(-0, NaN, Infinity, 2 ** 60),
  );
  fc.assert(
    fc.property(
      fc.uniqueArray(fc.tuple(id, fc.nat(3), offset), { selector: ([i]) => i, maxLength: 40 }),
      fc.option(fc.array(id, { maxLength: 30 }), { nil: undefined }),
      fc.option(fc.maxSafeNat(), { nil: undefined }),
      fc.option(fc.dictionary(id, fc.jsonValue({ maxDepth: 2 })), { nil: undefined }),
      fc.integer({ min: 8, max: 200 }),
      (tensors, order, capacity, planner, chunk) => {
        const plan: Plan = { format: "memplan.plan/v1", graph: "g\u2028" };
        if (order) plan.order = order;
        setDenseOffsets(plan, {
          tensorIds: tensors.map(([i]) => i),
          size: tensors.map(([, s]) => s),
          offsets: Float64Array.from(tensors, ([, , o]) => o),
        });
        if (capacity !== undefined) plan.capacity = capacity;
        if (planner) plan.planner = planner;
        const streamed = text(planJson(plan, chunk));
        assert.equal(streamed, JSON.stringify(plan)); // now built as an object
        assert.equal(planJson(plan), streamed); // and written as one string
      },
    ),
  );
});

Deno.test("planJson: a long order goes in pieces, no character split", () => {
  // The first id puts the first half of an emoji where a piece of 2^16 units ends.
  const order = ["x".repeat(65533) + "😀", ...Array.from({ length: 40_000 }, (_, i) => `op😀${i}`)];
  const plan: Plan = { format: "memplan.plan/v1", order };
  setDenseOffsets(plan, { tensorIds: ["a"], size: [1], offsets: Float64Array.from([3]) });
  const out = planJson(plan, 1024);
  assert.notEqual(typeof out, "string");
  assert.equal(text(out), JSON.stringify(plan));
});
