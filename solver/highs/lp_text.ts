/**
 * CPLEX LP text of a {@linkcode LinearModel}: for reading a formulation, for
 * tests that pin a formulation without solving it, and for feeding any other
 * solver by hand.
 *
 * @module
 */
import type { LinearModel } from "./model.ts";

/**
 * Prints `model` in CPLEX LP format (HiGHS, CPLEX, Gurobi and CBC read it).
 * Bounds are written only where they differ from the LP default `[0, +∞)`;
 * integer columns go to `General`, with their bounds in `Bounds`. A row with
 * two finite, different sides becomes rows `<name>_lo` and `<name>_hi`, since
 * HiGHS's LP reader rejects `lo <= expr <= hi`.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { ModelBuilder } from "./model.ts";
 * const b = new ModelBuilder("tiny");
 * const x = b.addVar("x", { upper: 4, integer: true, cost: -1 });
 * b.addRow("cap", [x], [2], { upper: 7 });
 * assert.equal(
 *   toLpText(b.build()),
 *   "\\ tiny\nMinimize\n obj: - x\nSubject To\n cap: 2 x <= 7\nBounds\n 0 <= x <= 4\nGeneral\n x\nEnd\n",
 * );
 * ```
 */
export function toLpText(model: LinearModel): string {
  const out: string[] = [`\\ ${model.name}`, "Minimize"];
  const objIdx: number[] = [], objVal: number[] = [];
  for (let j = 0; j < model.numCols; j++) {
    if (model.colCost[j] !== 0) {
      objIdx.push(j);
      objVal.push(model.colCost[j]);
    }
  }
  out.push(` obj: ${linear(model, objIdx, objVal)}`);
  out.push("Subject To");
  for (let i = 0; i < model.numRows; i++) {
    const idx = model.rowIndex.subarray(model.rowStart[i], model.rowStart[i + 1]);
    const val = model.rowValue.subarray(model.rowStart[i], model.rowStart[i + 1]);
    const expr = linear(model, idx, val);
    const lo = model.rowLower[i], hi = model.rowUpper[i], name = model.rowNames[i];
    if (lo === hi) out.push(` ${name}: ${expr} = ${num(hi)}`);
    else if (lo === -Infinity && hi === Infinity) out.push(` ${name}: ${expr} >= -inf`);
    else if (lo === -Infinity) out.push(` ${name}: ${expr} <= ${num(hi)}`);
    else if (hi === Infinity) out.push(` ${name}: ${expr} >= ${num(lo)}`);
    else out.push(` ${name}_lo: ${expr} >= ${num(lo)}`, ` ${name}_hi: ${expr} <= ${num(hi)}`);
  }
  const bounds: string[] = [];
  const generals: string[] = [];
  for (let j = 0; j < model.numCols; j++) {
    const lo = model.colLower[j], hi = model.colUpper[j], name = model.colNames[j];
    if (model.integer[j]) generals.push(` ${name}`);
    if (lo === 0 && hi === Infinity) continue;
    if (lo === -Infinity && hi === Infinity) bounds.push(` ${name} free`);
    else if (lo === hi) bounds.push(` ${name} = ${num(lo)}`);
    else bounds.push(` ${bound(lo)} <= ${name} <= ${bound(hi)}`);
  }
  if (bounds.length) out.push("Bounds", ...bounds);
  if (generals.length) out.push("General", ...generals);
  out.push("End");
  return out.join("\n") + "\n";
}

function linear(model: LinearModel, idx: ArrayLike<number>, val: ArrayLike<number>): string {
  if (idx.length === 0) return "0";
  const terms: string[] = [];
  for (let k = 0; k < idx.length; k++) {
    const v = val[k], name = model.colNames[idx[k]];
    const sign = v < 0 ? "-" : "+";
    const mag = Math.abs(v);
    const term = mag === 1 ? `${sign} ${name}` : `${sign} ${num(mag)} ${name}`;
    terms.push(k === 0 && sign === "+" ? term.slice(2) : term);
  }
  return terms.join(" ");
}

function bound(x: number): string {
  return x === Infinity ? "+inf" : x === -Infinity ? "-inf" : num(x);
}

// String() is exact for doubles; LP readers accept its exponent form (1e+21).
function num(x: number): string {
  return String(x);
}
