/**
 * Module worker that runs one HiGHS solve. It lives in its own thread so the
 * caller can `terminate()` it at a hard deadline (HiGHS's own time limit is only
 * checked between phases) and so the 2 GiB WebAssembly heap, which never
 * shrinks, is returned when the worker ends.
 *
 * @module
 */
/// <reference lib="deno.worker" />
import { loadHighs } from "./_load_highs.ts";
import type { SolveMessage, SolveRequest } from "./_protocol.ts";

self.onmessage = (e: MessageEvent<SolveRequest>) => {
  run(e.data).catch((err: unknown) => {
    const message = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
    post({ type: "error", message });
  });
};

function post(m: SolveMessage): void {
  self.postMessage(m);
}

async function run(req: SolveRequest): Promise<void> {
  const highs = await loadHighs(req.wasmModule ? { wasmModule: req.wasmModule } : {});
  const model = highs.createModel({
    numCols: req.numCols,
    numRows: req.numRows,
    colCost: req.colCost,
    colLower: req.colLower,
    colUpper: req.colUpper,
    rowLower: req.rowLower,
    rowUpper: req.rowUpper,
    matrix: {
      format: "csr",
      numRows: req.numRows,
      numCols: req.numCols,
      starts: req.rowStart,
      indices: req.rowIndex,
      values: req.rowValue,
    },
    integrality: req.integrality,
  });
  // HiGHS's clock starts when it runs: it gets what is left of the limit
  // after this worker's start-up and the model's loading (0.2-0.4 s on 20,000
  // buffers' sub-problems, which overran a 1.5 s limit by as much).
  const left = (req.softDeadline - (performance.timeOrigin + performance.now())) / 1000;
  const options = Number.isFinite(left)
    ? { ...req.options, time_limit: Math.max(left, 0.001) }
    : req.options;
  try {
    model.options.set({ output_flag: false, ...options });
    // HiGHS checks the start when it runs and silently drops an infeasible one.
    if (req.mipStart) model.setSolution({ colValue: req.mipStart });
    const cb = highs.constants.callbackType;
    let interrupted = false;
    const deadline = req.softDeadline - performance.timeOrigin;
    model.run({
      [cb.mipImprovingSolution](event) {
        const values = event.data.mip_solution;
        const objective = event.data.objective_function_value;
        if (values && objective !== undefined) {
          post({ type: "incumbent", objective, bound: event.data.mip_dual_bound, values });
        }
      },
      [cb.mipInterrupt](event) {
        if (performance.now() > deadline) {
          interrupted = true;
          event.interrupt();
        }
      },
    });
    const code = model.getModelStatus();
    const highsStatus = Object.entries(highs.constants.modelStatus).find(([, v]) =>
      v === code
    )?.[0] ??
      String(code);
    const hasPrimal = Number(model.info.get("primal_solution_status")) === 2;
    const done: SolveMessage = { type: "done", highsStatus, interrupted };
    if (hasPrimal) {
      done.objective = model.getObjectiveValue();
      done.values = model.getSolution().colValue;
    }
    const bound = info(model, "mip_dual_bound"), gap = info(model, "mip_gap");
    if (bound !== undefined && Number.isFinite(bound)) done.bound = bound;
    if (gap !== undefined && Number.isFinite(gap)) done.gap = gap;
    post(done);
  } finally {
    model.dispose();
  }
}

function info(
  model: { info: { get(name: string): number | bigint } },
  name: string,
): number | undefined {
  try {
    return Number(model.info.get(name));
  } catch {
    return undefined;
  }
}
