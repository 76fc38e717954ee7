/**
 * Small models shared by the adapter's tests.
 *
 * @module
 */
import { type LinearModel, ModelBuilder } from "./model.ts";

/**
 * max x + 2y s.t. 2x + y ≤ 7, x ≤ 4, y ≤ 3, both integer: optimum x=2, y=3,
 * value 8 (written as min -x - 2y = -8).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { solveModel } from "./solve.ts";
 * const r = await solveModel(tinyMip(), { timeLimit: Infinity });
 * assert.deepEqual([r.status, r.objective], ["optimal", -8]);
 * ```
 */
export function tinyMip(): LinearModel {
  const b = new ModelBuilder("tiny");
  const x = b.addVar("x", { upper: 4, integer: true, cost: -1 });
  const y = b.addVar("y", { upper: 3, integer: true, cost: -2 });
  b.addRow("cap", [x, y], [2, 1], { upper: 7 });
  return b.build();
}

/**
 * A market-split instance (Cornuéjols and Dawande): equality knapsacks on
 * binaries with slack penalties. Branch and bound cannot close these in
 * seconds, which makes it a reliable time-out test.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * // Solving it with `{ timeLimit: 1 }` ends in "timeout"; building it is instant.
 * const m = marketSplit();
 * assert.deepEqual([m.numCols, m.numRows], [50, 5]); // 40 binaries and 2 slacks per row
 * ```
 */
export function marketSplit(n = 40, m = 5, seed = 7): LinearModel {
  let s = seed;
  const rnd = () => (s = (s * 1103515245 + 12345) % 2147483648) / 2147483648;
  const b = new ModelBuilder("market_split");
  for (let j = 0; j < n; j++) b.addVar(`x${j}`, { upper: 1, integer: true });
  for (let i = 0; i < m; i++) {
    const a = Array.from({ length: n }, () => Math.floor(rnd() * 100));
    const d = Math.floor(a.reduce((p, q) => p + q, 0) / 2);
    const up = b.addVar(`up${i}`, { cost: 1 }), down = b.addVar(`down${i}`, { cost: 1 });
    b.addRow(`c${i}`, [...a.keys(), up, down], [...a, 1, -1], { lower: d, upper: d });
  }
  return b.build();
}
