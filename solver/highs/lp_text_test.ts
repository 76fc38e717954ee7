import assert from "node:assert/strict";
import { loadHighs } from "./_load_highs.ts";
import { toLpText } from "./lp_text.ts";
import { ModelBuilder } from "./model.ts";

function sample() {
  const b = new ModelBuilder("sample");
  const x = b.addVar("x", { upper: 4, integer: true, cost: -1 });
  const y = b.addVar("y", { lower: -2, upper: 3, cost: -2 });
  const z = b.addVar("z", { lower: -Infinity });
  const w = b.addVar("w", { lower: 1, upper: 1, cost: 0.5 });
  b.addRow("cap", [x, y], [2, 1], { upper: 7 });
  b.addRow("rng", [x, y, z], [1, -1, 1], { lower: -1, upper: 1 });
  b.addRow("eq", [z, w], [1, 1], { lower: 1.5, upper: 1.5 });
  return b.build();
}

Deno.test("toLpText prints a tiny model exactly", () => {
  assert.equal(
    toLpText(sample()),
    [
      "\\ sample",
      "Minimize",
      " obj: - x - 2 y + 0.5 w",
      "Subject To",
      " cap: 2 x + y <= 7",
      " rng_lo: x - y + z >= -1",
      " rng_hi: x - y + z <= 1",
      " eq: z + w = 1.5",
      "Bounds",
      " 0 <= x <= 4",
      " -2 <= y <= 3",
      " z free",
      " w = 1",
      "General",
      " x",
      "End",
      "",
    ].join("\n"),
  );
});

Deno.test("HiGHS reads the LP text and finds the optimum worked out by hand", async () => {
  // y = 3 (its bound), then 2x ≤ 4 gives x = 2; z = 0.5 keeps x - y + z = -0.5 in range.
  const highs = await loadHighs();
  const r = highs.solve(toLpText(sample()), {});
  assert.equal(r.Status, "Optimal");
  assert.equal(r.ObjectiveValue, -2 - 6 + 0.5);
});
