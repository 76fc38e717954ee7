import assert from "node:assert/strict";
import { assertPlacementValid, seeded } from "../../testkit/mod.ts";
import { splitComponents } from "./_components.ts";
import { PartPortfolio } from "./_portfolio.ts";
import { runSecondCoreTask, SecondCore } from "./_second_core.ts";
import { tightProblem } from "./_tight_problems.ts";

const partOf = (seed: number, buffers: number) => {
  const problem = tightProblem({ random: seeded(seed), capacity: 64, horizon: 30, buffers });
  const parts = splitComponents(problem);
  const part = parts.reduce((a, b) => (b.ids.length > a.ids.length ? b : a));
  return { problem, part };
};

/** Valid, and within the capacity. */
function assertFits(
  problem: { buffers: { size: number }[] },
  offsets: ArrayLike<number>,
  capacity: number,
) {
  assertPlacementValid(problem as Parameters<typeof assertPlacementValid>[0], offsets);
  problem.buffers.forEach((b, i) =>
    assert.ok(offsets[i] + b.size <= capacity, `buffer ${i} over ${capacity}`)
  );
}

const subProblem = (problem: ReturnType<typeof partOf>["problem"], ids: Int32Array) => ({
  buffers: Array.from(ids, (id) => problem.buffers[id]),
});

Deno.test("runSecondCoreTask publishes a valid placement, or infeasible, in shared memory", () => {
  for (let seed = 1; seed <= 8; seed++) {
    const { problem, part } = partOf(seed, 40);
    const shared = new SharedArrayBuffer(8 + 8 * (part.ids.length + 1));
    runSecondCoreTask(
      { comp: part, capacity: 64, alignment: 1, ms: Infinity, shared },
      PartPortfolio,
    );
    assert.equal(new Int32Array(shared, 0, 2)[0], 1, `seed ${seed}: found`);
    const numbers = new Float64Array(shared, 8, part.ids.length + 1);
    assert.ok(numbers[0] >= 1, "nodes counted");
    assertFits(subProblem(problem, part.ids), numbers.slice(1), 64);
    const below = new SharedArrayBuffer(shared.byteLength);
    runSecondCoreTask(
      { comp: part, capacity: 63, alignment: 1, ms: Infinity, shared: below },
      PartPortfolio,
    );
    assert.equal(new Int32Array(below, 0, 2)[0], 2, `seed ${seed}: infeasible below the cut`);
  }
});

Deno.test("runSecondCoreTask stops when asked, and says it gave up", () => {
  const { part } = partOf(3, 120);
  const shared = new SharedArrayBuffer(8 + 8 * (part.ids.length + 1));
  Atomics.store(new Int32Array(shared, 0, 2), 1, 1); // stop asked before it starts
  runSecondCoreTask(
    { comp: part, capacity: 64, alignment: 1, checkEvery: 1, ms: Infinity, shared },
    PartPortfolio,
  );
  assert.equal(new Int32Array(shared, 0, 2)[0], 3);
});

Deno.test("SecondCore: a worker answers with a valid placement; stop ends it", async () => {
  const { problem, part } = partOf(5, 60);
  const helper = SecondCore.start({ comp: part, capacity: 64, alignment: 1, ms: Infinity });
  assert.ok(helper !== undefined, "workers and shared memory are available under deno test -A");
  while (!helper.settled) await new Promise((r) => setTimeout(r, 5));
  const answer = helper.answer()!;
  helper.stop();
  assert.equal(answer.outcome, "found");
  assertFits(subProblem(problem, part.ids), answer.offsets, 64);
});

Deno.test("a portfolio with a helper from its first millisecond answers as one without", () => {
  for (let seed = 1; seed <= 6; seed++) {
    const { problem, part } = partOf(seed, 80);
    for (const capacity of [63, 64]) {
      const options = { capacity, alignment: 1, deadline: Infinity, checkEvery: 1 };
      const alone = new PartPortfolio(part, options).run(Infinity)!;
      const helped = new PartPortfolio(part, { ...options, secondCore: true, helperAfterMs: 0 })
        .run(Infinity)!;
      assert.equal(helped.outcome, alone.outcome, `seed ${seed} capacity ${capacity}`);
      if (helped.outcome === "found") {
        assertFits(subProblem(problem, part.ids), helped.offsets, capacity);
      }
    }
  }
});

Deno.test("a helper's portfolio starts where it is told and takes every other run", () => {
  const { problem, part } = partOf(7, 60);
  const start = { capacity: 64, alignment: 1, deadline: Infinity };
  const r = new PartPortfolio(part, { ...start, startAt: { round: 0, i: 1, budget: 4 } })
    .run(Infinity)!;
  assert.equal(r.outcome, "found");
  assertFits(subProblem(problem, part.ids), r.offsets, 64);
  // At 4 nodes a run it restarts: its runs are fewer than those of a portfolio taking every run.
  const every = new PartPortfolio(part, { ...start, firstBudget: 4 }).run(Infinity)!;
  assert.ok(every.runs > r.runs, `${every.runs} runs against ${r.runs}`);
});
