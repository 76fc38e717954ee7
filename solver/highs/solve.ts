/**
 * Solves a {@linkcode LinearModel} with HiGHS in a module worker, under a hard
 * deadline. Every solver outcome (optimal, infeasible, out of time, out of
 * memory) comes back as a value; only a malformed model throws.
 *
 * @module
 */
import type { LinearModel } from "./model.ts";
import type { HighsOptionValue, SolveMessage, SolveRequest } from "./_protocol.ts";

/**
 * Default seconds between HiGHS's time limit and the end of its worker
 * ({@linkcode SolveModelOptions.grace}). A solver that must end by a deadline
 * gives HiGHS the time left less this: then even a solve stuck where HiGHS
 * has no checkpoint (presolve, a root LP) ends by it.
 */
export const KILL_GRACE = 0.25;

/** Options of {@linkcode solveModel}. */
export interface SolveModelOptions {
  /**
   * Seconds HiGHS may run; the worker is killed `grace` seconds after it.
   * `Infinity` means no limit: the outcome then depends only on the model and
   * on work limits such as `mip_max_nodes`, never on the machine's speed.
   */
  timeLimit: number;
  /** A point to start from (one value per column); HiGHS checks it and may reject it. */
  mipStart?: Float64Array;
  /**
   * HiGHS's `objective_bound`: only solutions with a smaller objective are
   * sought, so `infeasible` then means "none better than the cutoff".
   */
  cutoff?: number;
  /** Relative gap at which HiGHS stops and calls the incumbent optimal; default 0 (a proof). */
  mipRelGap?: number;
  /**
   * Seconds between the soft limit and `terminate()`; default 0.25: a
   * command's time limit allows 0.5 s over it for everything after the
   * solver, and HiGHS's improving solutions have come as they were found
   * (a kill loses only its last dual bound). At 1.5 s, a sub-problem's root LP
   * on 20,000 buffers, which has no checkpoint, overran a 2 s limit by 0.5 s.
   */
  grace?: number;
  /** Any other HiGHS options (snake_case names), e.g. `{ presolve: "off" }`. */
  highsOptions?: Record<string, HighsOptionValue>;
}

/** What a solve found. */
export interface SolveModelResult {
  /**
   * `optimal`: HiGHS proved it (within `mipRelGap`); `infeasible`: proved that
   * no point (better than the cutoff) exists; `timeout`: time, memory or another
   * limit ended the solve — `values` is then the last incumbent, if any;
   * `feasible`: a point from a solve that stopped for another reason.
   */
  status: "optimal" | "feasible" | "infeasible" | "timeout";
  objective?: number;
  /** Best proved lower bound on the objective. */
  bound?: number;
  /** HiGHS's relative gap `(objective - bound) / objective`. */
  gap?: number;
  values?: Float64Array;
  seconds: number;
  /** HiGHS's model status name, or `killed` (hard deadline) or `error`. */
  highsStatus: string;
  /** The worker's failure (e.g. WebAssembly out of memory), when `highsStatus` is `error`. */
  error?: string;
}

/**
 * Runs HiGHS on `model` in a fresh module worker. HiGHS gets `time_limit` and
 * interrupts itself at its MIP checkpoints; if it is still busy `grace`
 * seconds later (presolve and the root LP have no checkpoint) the worker is
 * terminated, which also frees its WebAssembly heap, and the last improving
 * solution it reported is returned.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { ModelBuilder } from "./model.ts";
 * const b = new ModelBuilder("tiny");
 * const x = b.addVar("x", { upper: 4, integer: true, cost: -1 });
 * b.addRow("cap", [x], [2], { upper: 7 });
 * const r = await solveModel(b.build(), { timeLimit: Infinity });
 * assert.equal(r.status, "optimal");
 * assert.equal(r.objective, -3);
 * ```
 */
export async function solveModel(
  model: LinearModel,
  options: SolveModelOptions,
): Promise<SolveModelResult> {
  checkModel(model);
  if (options.mipStart && options.mipStart.length !== model.numCols) {
    throw new RangeError(
      `mipStart has ${options.mipStart.length} values for ${model.numCols} columns`,
    );
  }
  const t0 = performance.now();
  const timeLimit = Math.max(options.timeLimit, 0.01);
  const limited = Number.isFinite(timeLimit);
  const highsOptions: Record<string, HighsOptionValue> = {
    // HiGHS's own default `time_limit` is infinite.
    ...(limited ? { time_limit: timeLimit } : {}),
    mip_rel_gap: options.mipRelGap ?? 0,
    ...(options.cutoff !== undefined ? { objective_bound: options.cutoff } : {}),
    ...options.highsOptions,
  };
  const request: SolveRequest = {
    numCols: model.numCols,
    numRows: model.numRows,
    colCost: model.colCost,
    colLower: model.colLower,
    colUpper: model.colUpper,
    integrality: Int32Array.from(model.integer),
    rowLower: model.rowLower,
    rowUpper: model.rowUpper,
    rowStart: model.rowStart,
    rowIndex: model.rowIndex,
    rowValue: model.rowValue,
    options: highsOptions,
    // An overridden `time_limit` moves the worker's own interrupt too, never the kill.
    softDeadline: performance.timeOrigin + t0 +
      Number(highsOptions.time_limit ?? Infinity) * 1000,
  };
  if (options.mipStart) request.mipStart = options.mipStart;
  const wasm = await compiledHighs();
  if (wasm) request.wasmModule = wasm;
  const worker = new Worker(new URL("./highs_worker.ts", import.meta.url).href, { type: "module" });
  const seconds = () => (performance.now() - t0) / 1000;
  let incumbent: { objective: number; bound?: number; values: Float64Array } | undefined;
  return await new Promise<SolveModelResult>((resolve) => {
    let settled = false;
    const finish = (r: Omit<SolveModelResult, "seconds">) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      worker.terminate();
      resolve({ ...r, seconds: seconds() });
    };
    const fromIncumbent = (
      highsStatus: string,
      error?: string,
    ): Omit<SolveModelResult, "seconds"> => {
      const r: Omit<SolveModelResult, "seconds"> = { status: "timeout", highsStatus };
      if (error !== undefined) r.error = error;
      if (incumbent) {
        r.objective = incumbent.objective;
        r.values = incumbent.values;
        if (incumbent.bound !== undefined && Number.isFinite(incumbent.bound)) {
          r.bound = incumbent.bound;
        }
      }
      return r;
    };
    // setTimeout would read an infinite delay as 0: no limit means no kill.
    const timer = limited
      ? setTimeout(
        () => finish(fromIncumbent("killed")),
        (timeLimit + (options.grace ?? KILL_GRACE)) * 1000,
      )
      : undefined;
    worker.onmessage = (e: MessageEvent<SolveMessage>) => {
      const m = e.data;
      if (m.type === "incumbent") {
        if (!incumbent || m.objective <= incumbent.objective) incumbent = m;
        return;
      }
      if (m.type === "error") {
        finish(fromIncumbent("error", m.message));
        return;
      }
      const r: Omit<SolveModelResult, "seconds"> = {
        status: statusOf(m.highsStatus, m.interrupted, m.values !== undefined),
        highsStatus: m.interrupted ? "interrupted" : m.highsStatus,
      };
      if (m.values) {
        r.values = m.values;
        r.objective = m.objective;
      } else if (incumbent) {
        r.values = incumbent.values;
        r.objective = incumbent.objective;
      }
      if (m.bound !== undefined) r.bound = m.bound;
      if (m.gap !== undefined) r.gap = m.gap;
      finish(r);
    };
    worker.onerror = (e: ErrorEvent) => {
      e.preventDefault();
      finish(fromIncumbent("error", e.message));
    };
    worker.postMessage(request);
  });
}

let compiled: Promise<WebAssembly.Module | undefined> | undefined;

/**
 * HiGHS's WebAssembly compiled once per process: a worker that receives it
 * skips a 3.5 MB compile. Undefined (the worker then compiles) when the binary
 * cannot be read from beside the package's loader.
 */
function compiledHighs(): Promise<WebAssembly.Module | undefined> {
  compiled ??= (async () => {
    try {
      const url = new URL("highs.wasm", import.meta.resolve("highs"));
      return await WebAssembly.compile(await Deno.readFile(url));
    } catch {
      return undefined;
    }
  })();
  return compiled;
}

function statusOf(
  highsStatus: string,
  interrupted: boolean,
  hasValues: boolean,
): SolveModelResult["status"] {
  if (highsStatus === "optimal") return "optimal";
  if (highsStatus === "infeasible" || highsStatus === "unboundedOrInfeasible") return "infeasible";
  if (interrupted || highsStatus === "timeLimit" || highsStatus === "interrupted") return "timeout";
  return hasValues ? "feasible" : "timeout";
}

function checkModel(m: LinearModel): void {
  const n = m.numCols, r = m.numRows;
  const sameLength = m.colCost.length === n && m.colLower.length === n && m.colUpper.length === n &&
    m.integer.length === n && m.rowLower.length === r && m.rowUpper.length === r &&
    m.rowStart.length === r + 1 && m.rowIndex.length === m.rowValue.length &&
    m.rowStart[r] === m.rowIndex.length;
  if (!sameLength) {
    throw new RangeError(`model ${m.name}: array lengths do not match its dimensions`);
  }
}
