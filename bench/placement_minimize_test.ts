import assert from "node:assert/strict";
import { summarizeMinimize } from "./placement_minimize.ts";

Deno.test("summarizeMinimize: counts proofs, raised bounds and the open gap", () => {
  const md = summarizeMinimize([
    {
      name: "a",
      peak: 10,
      bound: 11,
      method: "refuted-heights",
      arena: 11,
      optimal: true,
      seconds: 0.5,
    },
    { name: "b", peak: 10, bound: 10, method: "peak-live", arena: 12, optimal: false, seconds: 10 },
  ], 10);
  assert.match(
    md,
    /\| 2 \(10 s each\) \| 1 \| 1 \| refuted-heights 1, peak-live 1 \| 20\.000% \(20\.000%\) \| 0\.500 \|/,
  );
  assert.match(md, /Arena above peak live on 2 of 2/);
});
