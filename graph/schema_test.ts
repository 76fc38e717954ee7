import assert from "node:assert/strict";
import fc from "npm:fast-check@4.10.2";
import { isOp, isTensor, jsonPath, opSchema, tensorSchema } from "./schema.ts";

// The fast predicates stand in for zod on the hot path, so they must accept
// exactly what the schemas accept.
const anyValue = fc.oneof(
  fc.constant(undefined),
  fc.constant(null),
  fc.boolean(),
  fc.integer({ min: -5, max: 5 }),
  fc.double(),
  fc.constantFrom(2 ** 53, 2 ** 53 - 1, -0, 1.5, NaN, Infinity),
  fc.string({ maxLength: 3 }),
  fc.constantFrom("input", "weight", "activation", "bogus", ""),
  fc.array(fc.oneof(fc.string({ maxLength: 2 }), fc.integer()), { maxLength: 3 }),
);

Deno.test("schema: isTensor agrees with tensorSchema", () => {
  fc.assert(
    fc.property(
      fc.record({ id: anyValue, size: anyValue, kind: anyValue }, { requiredKeys: [] }),
      (v) => isTensor(v) === tensorSchema.safeParse(v).success,
    ),
    { numRuns: 2000, seed: 1 },
  );
  fc.assert(fc.property(anyValue, (v) => isTensor(v) === tensorSchema.safeParse(v).success), {
    seed: 2,
  });
});

Deno.test("schema: isOp agrees with opSchema", () => {
  fc.assert(
    fc.property(
      fc.record(
        {
          id: anyValue,
          type: anyValue,
          in: anyValue,
          out: anyValue,
          after: anyValue,
          cost: anyValue,
        },
        { requiredKeys: [] },
      ),
      (v) => isOp(v) === opSchema.safeParse(v).success,
    ),
    { numRuns: 2000, seed: 3 },
  );
});

Deno.test("schema: jsonPath", () => {
  assert.equal(jsonPath(["ops", 2, "in", 0]), "ops[2].in[0]");
  assert.equal(jsonPath(["offsets", "a b"]), 'offsets["a b"]');
  assert.equal(jsonPath([]), "(top level)");
});

Deno.test("schema: an op's optional cost is a non-negative finite number", () => {
  const op = { id: "f", in: [], out: [] };
  for (const cost of [0, 12, 1.5e12]) {
    assert.ok(isOp({ ...op, cost }), String(cost));
    assert.ok(opSchema.safeParse({ ...op, cost }).success);
  }
  for (const cost of [-1, NaN, Infinity, "3", null]) {
    assert.ok(!isOp({ ...op, cost }), String(cost));
    assert.ok(!opSchema.safeParse({ ...op, cost }).success);
  }
});
