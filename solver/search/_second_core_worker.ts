/**
 * The worker of `_second_core.ts`: runs one task and publishes its answer in
 * the shared memory it was given.
 *
 * @module
 */
import { runSecondCoreTask, type SecondCoreTask } from "./_second_core.ts";
import { PartPortfolio } from "./_portfolio.ts";

// Type-checked as a window script, run as a worker: its scope receives the task.
const scope = globalThis as unknown as {
  onmessage: (e: MessageEvent<SecondCoreTask>) => void;
};
scope.onmessage = (e) => runSecondCoreTask(e.data, PartPortfolio);
