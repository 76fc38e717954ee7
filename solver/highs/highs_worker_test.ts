import assert from "node:assert/strict";
import { marketSplit } from "./_test_models.ts";
import type { SolveMessage, SolveRequest } from "./_protocol.ts";

/** The worker's answer to `options` with its soft deadline at `softDeadline`. */
function askWorker(
  softDeadline: number,
  options: SolveRequest["options"],
): Promise<SolveMessage> {
  const m = marketSplit();
  const request: SolveRequest = {
    numCols: m.numCols,
    numRows: m.numRows,
    colCost: m.colCost,
    colLower: m.colLower,
    colUpper: m.colUpper,
    integrality: Int32Array.from(m.integer),
    rowLower: m.rowLower,
    rowUpper: m.rowUpper,
    rowStart: m.rowStart,
    rowIndex: m.rowIndex,
    rowValue: m.rowValue,
    options,
    softDeadline,
  };
  const worker = new Worker(new URL("./highs_worker.ts", import.meta.url).href, {
    type: "module",
  });
  return new Promise((resolve) => {
    worker.onmessage = (e: MessageEvent<SolveMessage>) => {
      if (e.data.type === "incumbent") return;
      worker.terminate();
      resolve(e.data);
    };
    worker.postMessage(request);
  });
}

Deno.test("the HiGHS worker gives HiGHS only what is left of the deadline, its own start-up counted", async () => {
  // A node limit ends either solve whatever the machine; an hour's
  // time_limit would be HiGHS's own if the worker kept it.
  const options = { time_limit: 3600, mip_max_nodes: 50, output_flag: false };
  const passed = await askWorker(performance.timeOrigin + performance.now() - 1, options);
  assert.equal(passed.type, "done");
  if (passed.type === "done") assert.equal(passed.highsStatus, "timeLimit");
  const open = await askWorker(Infinity, options);
  assert.equal(open.type, "done");
  if (open.type === "done") assert.notEqual(open.highsStatus, "timeLimit");
});
