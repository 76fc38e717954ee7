/**
 * Messages between {@linkcode solveModel} and the HiGHS worker.
 *
 * @module
 */

/** HiGHS option values as the worker sets them. */
export type HighsOptionValue = number | string | boolean;

/** Main thread to worker: one solve. */
export interface SolveRequest {
  numCols: number;
  numRows: number;
  colCost: Float64Array;
  colLower: Float64Array;
  colUpper: Float64Array;
  integrality: Int32Array;
  rowLower: Float64Array;
  rowUpper: Float64Array;
  rowStart: Int32Array;
  rowIndex: Int32Array;
  rowValue: Float64Array;
  options: Record<string, HighsOptionValue>;
  mipStart?: Float64Array;
  /** HiGHS compiled once by the caller; the worker compiles its own when absent. */
  wasmModule?: WebAssembly.Module;
  /**
   * When the worker interrupts HiGHS itself (the soft limit), in
   * milliseconds since 1970 (`performance.timeOrigin + performance.now()`,
   * the same clock in every thread), or Infinity: the worker's start-up and
   * the model's loading count against the limit too.
   */
  softDeadline: number;
}

/** Worker to main thread. */
export type SolveMessage =
  | { type: "incumbent"; objective: number; bound?: number; values: Float64Array }
  | {
    type: "done";
    /** Name of HiGHS's model status, e.g. "optimal", "timeLimit". */
    highsStatus: string;
    interrupted: boolean;
    objective?: number;
    bound?: number;
    gap?: number;
    values?: Float64Array;
  }
  | { type: "error"; message: string };
