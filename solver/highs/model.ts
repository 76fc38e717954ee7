/**
 * A solver-neutral mixed-integer linear model: what every formulation builds,
 * what {@linkcode toLpText} prints and what {@linkcode solveModel} hands to HiGHS.
 * Rows are stored in CSR form so a model of many thousand columns costs a few
 * typed arrays, not one object per coefficient.
 *
 * @module
 */

/** A minimisation model: `rowLower ≤ A x ≤ rowUpper`, `colLower ≤ x ≤ colUpper`, some `x` integer. */
export interface LinearModel {
  readonly name: string;
  readonly numCols: number;
  readonly numRows: number;
  readonly colNames: readonly string[];
  readonly colCost: Float64Array;
  readonly colLower: Float64Array;
  readonly colUpper: Float64Array;
  /** 1 for an integer column, 0 for a continuous one. */
  readonly integer: Uint8Array;
  readonly rowNames: readonly string[];
  readonly rowLower: Float64Array;
  readonly rowUpper: Float64Array;
  /** Row `i` holds `rowIndex/rowValue[rowStart[i] .. rowStart[i+1])`. */
  readonly rowStart: Int32Array;
  readonly rowIndex: Int32Array;
  readonly rowValue: Float64Array;
}

/** A column of {@linkcode ModelBuilder.addVar}; defaults: `[0, +∞)`, continuous, cost 0. */
export interface VarSpec {
  lower?: number;
  upper?: number;
  integer?: boolean;
  cost?: number;
}

/** A row of {@linkcode ModelBuilder.addRow}; a missing side is unbounded. */
export interface RowSpec {
  lower?: number;
  upper?: number;
}

/**
 * Accumulates columns and rows in growable typed arrays, then freezes them
 * into a {@linkcode LinearModel}.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * const b = new ModelBuilder("tiny");
 * const x = b.addVar("x", { upper: 4, integer: true, cost: -1 });
 * b.addRow("cap", [x], [2], { upper: 7 });
 * assert.equal(b.build().numCols, 1);
 * ```
 */
export class ModelBuilder {
  #name: string;
  #colNames: string[] = [];
  #cost = new Float64Array(64);
  #lower = new Float64Array(64);
  #upper = new Float64Array(64);
  #integer = new Uint8Array(64);
  #rowNames: string[] = [];
  #rowLower = new Float64Array(64);
  #rowUpper = new Float64Array(64);
  #rowStart = new Int32Array(65);
  #index = new Int32Array(256);
  #value = new Float64Array(256);
  #nnz = 0;
  // Row stamp and position per column: merges repeated columns of a row in O(1).
  #stamp = new Int32Array(0);
  #at = new Int32Array(0);

  constructor(name = "model") {
    this.#name = name;
  }

  /** Columns so far. */
  get numCols(): number {
    return this.#colNames.length;
  }

  /** Rows so far. */
  get numRows(): number {
    return this.#rowNames.length;
  }

  /** Adds a column and returns its index. */
  addVar(name: string, spec: VarSpec = {}): number {
    const j = this.#colNames.length;
    if (j === this.#cost.length) {
      this.#cost = grow(this.#cost);
      this.#lower = grow(this.#lower);
      this.#upper = grow(this.#upper);
      this.#integer = grow(this.#integer);
    }
    this.#colNames.push(name);
    this.#cost[j] = spec.cost ?? 0;
    this.#lower[j] = spec.lower ?? 0;
    this.#upper[j] = spec.upper ?? Infinity;
    this.#integer[j] = spec.integer ? 1 : 0;
    return j;
  }

  /**
   * Adds `lower ≤ Σ values[k]·x[indices[k]] ≤ upper` and returns its index.
   * Repeated columns are summed so the matrix HiGHS sees has no duplicates.
   */
  addRow(
    name: string,
    indices: ArrayLike<number>,
    values: ArrayLike<number>,
    spec: RowSpec,
  ): number {
    const i = this.#rowNames.length;
    if (i === this.#rowLower.length) {
      this.#rowLower = grow(this.#rowLower);
      this.#rowUpper = grow(this.#rowUpper);
      const starts = new Int32Array(this.#rowLower.length + 1);
      starts.set(this.#rowStart);
      this.#rowStart = starts;
    }
    while (this.#nnz + indices.length > this.#index.length) {
      this.#index = grow(this.#index);
      this.#value = grow(this.#value);
    }
    if (this.#stamp.length < this.numCols) {
      const n = Math.max(this.numCols, this.#stamp.length * 2);
      const stamp = new Int32Array(n), at = new Int32Array(n);
      stamp.set(this.#stamp);
      at.set(this.#at);
      this.#stamp = stamp;
      this.#at = at;
    }
    for (let k = 0; k < indices.length; k++) {
      const j = indices[k], v = values[k];
      if (!(j >= 0 && j < this.numCols)) throw new RangeError(`row ${name}: unknown column ${j}`);
      if (v === 0) continue;
      if (this.#stamp[j] === i + 1) {
        this.#value[this.#at[j]] += v;
        continue;
      }
      this.#stamp[j] = i + 1;
      this.#at[j] = this.#nnz;
      this.#index[this.#nnz] = j;
      this.#value[this.#nnz++] = v;
    }
    this.#rowNames.push(name);
    this.#rowLower[i] = spec.lower ?? -Infinity;
    this.#rowUpper[i] = spec.upper ?? Infinity;
    this.#rowStart[i + 1] = this.#nnz;
    return i;
  }

  /** The model built so far; the builder may keep growing afterwards. */
  build(): LinearModel {
    const n = this.numCols, m = this.numRows;
    return {
      name: this.#name,
      numCols: n,
      numRows: m,
      colNames: this.#colNames.slice(),
      colCost: this.#cost.slice(0, n),
      colLower: this.#lower.slice(0, n),
      colUpper: this.#upper.slice(0, n),
      integer: this.#integer.slice(0, n),
      rowNames: this.#rowNames.slice(),
      rowLower: this.#rowLower.slice(0, m),
      rowUpper: this.#rowUpper.slice(0, m),
      rowStart: this.#rowStart.slice(0, m + 1),
      rowIndex: this.#index.slice(0, this.#nnz),
      rowValue: this.#value.slice(0, this.#nnz),
    };
  }
}

function grow<T extends Float64Array | Int32Array | Uint8Array>(a: T): T {
  const b = new (a.constructor as new (n: number) => T)(a.length * 2);
  b.set(a);
  return b;
}

/**
 * The objective `Σ cost·x` of a point, and whether it satisfies every bound and
 * row within `tolerance`: lets a formulation check a MIP start before it is sent.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * const b = new ModelBuilder("tiny");
 * const x = b.addVar("x", { upper: 4, integer: true, cost: -1 });
 * b.addRow("cap", [x], [2], { upper: 7 });
 * const model = b.build();
 * assert.deepEqual(evaluate(model, Float64Array.from([2])), {
 *   objective: -2,
 *   feasible: true,
 *   worstViolation: 0,
 * });
 * assert.equal(evaluate(model, Float64Array.from([4])).feasible, false); // 2 × 4 > 7
 * ```
 */
export function evaluate(
  model: LinearModel,
  x: Float64Array,
  tolerance = 1e-6,
): { objective: number; feasible: boolean; worstViolation: number } {
  let objective = 0, worst = 0;
  for (let j = 0; j < model.numCols; j++) {
    objective += model.colCost[j] * x[j];
    worst = Math.max(worst, model.colLower[j] - x[j], x[j] - model.colUpper[j]);
    if (model.integer[j]) worst = Math.max(worst, Math.abs(x[j] - Math.round(x[j])));
  }
  for (let i = 0; i < model.numRows; i++) {
    let a = 0;
    for (let k = model.rowStart[i]; k < model.rowStart[i + 1]; k++) {
      a += model.rowValue[k] * x[model.rowIndex[k]];
    }
    worst = Math.max(worst, model.rowLower[i] - a, a - model.rowUpper[i]);
  }
  return { objective, feasible: worst <= tolerance, worstViolation: Math.max(worst, 0) };
}
