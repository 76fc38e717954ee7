/**
 * A second portfolio on the same part, in a worker thread: the search's
 * runs are heavy-tailed, so another order of the same runs on the second
 * core settles some parts long before the first would, and doubles the
 * nodes searched on the others.
 *
 * The part's own search never waits for it: it looks at a shared flag
 * whenever it looks at the clock, and reads the helper's answer from shared
 * memory, so nothing here needs the event loop. Starting a worker costs
 * 10–25 ms of the calling thread, so a portfolio calls on one only once its
 * part has taken a while (see `_portfolio.ts`).
 *
 * @module
 */
import type { Component } from "./_components.ts";
import type { RunPosition } from "./_portfolio.ts";

/** Slots of the shared flags. */
const STATE = 0, STOP = 1;
/** Values of `STATE` once the helper ended (0 while it searches). */
const FOUND = 1, INFEASIBLE = 2, GAVE_UP = 3;

/** What the worker is sent. */
export interface SecondCoreTask {
  comp: Component;
  capacity: number;
  alignment: number;
  checkEvery?: number;
  /** Where the helper starts in the portfolio's runs (it takes every other one from there); default the start. */
  startAt?: RunPosition;
  /** The refuted states, shared with the caller's portfolio (`FailureTable.toShared`). */
  failures?: SharedArrayBuffer;
  /** Milliseconds from the worker's start to its deadline. */
  ms: number;
  /** [state, stop] flags, then the nodes and the offsets as float64 from byte 8. */
  shared: SharedArrayBuffer;
}

/** The helper's answer, once it has one. */
export interface SecondCoreAnswer {
  outcome: "found" | "infeasible";
  /** The part's offsets (found), or empty. */
  offsets: Float64Array;
  nodes: number;
}

/**
 * A helper portfolio in a worker; at most one runs at a time in a process
 * (the machine is assumed to have a second core, not more), so starting one
 * stops the one before.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { SecondCore } from "./_second_core.ts";
 * import { splitComponents } from "./_components.ts";
 * const [part] = splitComponents({ buffers: [
 *   { id: "a", lower: 0, upper: 2, size: 4 }, { id: "b", lower: 1, upper: 3, size: 4 },
 * ] });
 * const helper = SecondCore.start({ comp: part, capacity: 8, alignment: 1, ms: 10_000 });
 * const until = performance.now() + 5000;
 * let answer;
 * // The part's own search would run here, looking at `settled` with the clock.
 * while (helper !== undefined && !helper.settled && performance.now() < until);
 * answer = helper?.answer();
 * helper?.stop();
 * if (answer !== undefined) assert.equal(answer.outcome, "found");
 * ```
 */
export class SecondCore {
  static #current: SecondCore | undefined;
  #worker: Worker;
  #flags: Int32Array;
  #numbers: Float64Array;
  #stopped = false;

  private constructor(worker: Worker, shared: SharedArrayBuffer, n: number) {
    this.#worker = worker;
    this.#flags = new Int32Array(shared, 0, 2);
    this.#numbers = new Float64Array(shared, 8, n + 1);
  }

  /**
   * Starts a helper on `task.comp`; undefined where threads or shared memory
   * are not available (it is then simply not used).
   */
  static start(task: Omit<SecondCoreTask, "shared">): SecondCore | undefined {
    SecondCore.#current?.stop();
    if (typeof Worker === "undefined" || typeof SharedArrayBuffer === "undefined") return undefined;
    const shared = new SharedArrayBuffer(8 + 8 * (task.comp.ids.length + 1));
    let worker: Worker;
    try {
      worker = new Worker(new URL("./_second_core_worker.ts", import.meta.url), {
        type: "module",
      });
    } catch {
      return undefined;
    }
    const helper = new SecondCore(worker, shared, task.comp.ids.length);
    // A worker that cannot load (no permission to read its module) must not
    // end the process: it only never answers.
    worker.onerror = (e) => {
      e.preventDefault();
      helper.stop();
    };
    worker.postMessage({ ...task, shared } satisfies SecondCoreTask);
    SecondCore.#current = helper;
    return helper;
  }

  /** The helper's answer when it has settled the part; undefined while it searches or after it gave up. */
  answer(): SecondCoreAnswer | undefined {
    if (!this.settled) return undefined;
    const found = Atomics.load(this.#flags, STATE) === FOUND;
    return {
      outcome: found ? "found" : "infeasible",
      offsets: found ? this.#numbers.slice(1) : new Float64Array(0),
      nodes: this.#numbers[0],
    };
  }

  /** Whether an answer is there to read (cheap: for the search's clock checks). */
  get settled(): boolean {
    const state = Atomics.load(this.#flags, STATE);
    return state === FOUND || state === INFEASIBLE;
  }

  /** Stops the helper and its thread; it answers nothing after. */
  stop(): void {
    if (this.#stopped) return;
    this.#stopped = true;
    Atomics.store(this.#flags, STOP, 1);
    this.#worker.terminate();
    if (SecondCore.#current === this) SecondCore.#current = undefined;
  }
}

/**
 * The worker's side: searches the part, publishes the answer. Exported for
 * the worker module and for tests, which run it in the calling thread.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { runSecondCoreTask } from "./_second_core.ts";
 * import { PartPortfolio } from "./_portfolio.ts";
 * import { splitComponents } from "./_components.ts";
 * const [part] = splitComponents({ buffers: [
 *   { id: "a", lower: 0, upper: 2, size: 4 }, { id: "b", lower: 1, upper: 3, size: 4 },
 * ] });
 * const shared = new SharedArrayBuffer(8 + 8 * 3);
 * runSecondCoreTask({ comp: part, capacity: 7, alignment: 1, ms: 10_000, shared }, PartPortfolio);
 * assert.equal(new Int32Array(shared, 0, 2)[0], 2); // infeasible: 8 bytes live at once
 * ```
 */
export function runSecondCoreTask(
  task: SecondCoreTask,
  Portfolio: typeof import("./_portfolio.ts").PartPortfolio,
): void {
  const flags = new Int32Array(task.shared, 0, 2);
  const numbers = new Float64Array(task.shared, 8, task.comp.ids.length + 1);
  const deadline = performance.now() + task.ms;
  const portfolio = new Portfolio(task.comp, {
    capacity: task.capacity,
    alignment: task.alignment,
    deadline,
    checkEvery: task.checkEvery,
    startAt: task.startAt,
    sharedFailures: task.failures,
    interrupt: () => Atomics.load(flags, STOP) !== 0,
  });
  const r = portfolio.run(deadline)!;
  numbers[0] = r.nodes;
  if (r.outcome === "found") numbers.set(r.offsets, 1);
  Atomics.store(
    flags,
    STATE,
    r.outcome === "found" ? FOUND : r.outcome === "infeasible" ? INFEASIBLE : GAVE_UP,
  );
}
