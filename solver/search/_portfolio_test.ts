import assert from "node:assert/strict";
import { assertPlacementValid, seeded } from "../../testkit/mod.ts";
import { splitComponents } from "./_components.ts";
import { PartPortfolio, solvePart } from "./_portfolio.ts";
import { FailureTable } from "./_failure_table.ts";
import { searchComponent } from "./_search_component.ts";
import { tightProblem } from "./_tight_problems.ts";

Deno.test("solvePart restarts until a run ends, and stays complete", () => {
  // Tight problems of 40 buffers: some need more than the first budget.
  let restarted = 0;
  for (let seed = 1; seed <= 30; seed++) {
    const p = tightProblem({ random: seeded(seed), capacity: 64, horizon: 30, buffers: 40 });
    for (const part of splitComponents(p)) {
      const r = solvePart(part, {
        capacity: 64,
        alignment: 1,
        deadline: Infinity,
        firstBudget: 16,
      });
      assert.equal(r.outcome, "found", `seed ${seed}`);
      if (r.runs > 1) restarted++;
      const offsets = new Float64Array(p.buffers.length);
      part.ids.forEach((id, k) => offsets[id] = r.offsets[k]);
      const q = { buffers: Array.from(part.ids, (id) => p.buffers[id]) };
      assertPlacementValid(q, Array.from(part.ids, (id) => offsets[id]));
    }
  }
  assert.ok(restarted > 0, "some part needed a restart");
});

Deno.test("solvePart reports a timeout with its deepest partial placement", () => {
  const p = tightProblem({ random: seeded(153), capacity: 64, horizon: 40, buffers: 150 });
  const [part] = splitComponents(p);
  const r = solvePart(part, {
    capacity: 64,
    alignment: 1,
    deadline: performance.now() - 1, // expired: the first check stops it
    checkEvery: 16,
  });
  assert.equal(r.outcome, "timeout");
  assert.equal(r.offsets.length, part.ids.length);
  assert.ok(r.offsets.some((o) => !Number.isNaN(o)), "some buffers placed");
});

/** Peak live 4, no placement below 5 (bench/generators/gadget.ts): [lower, upper, size]. */
const GADGET = [[0, 2, 2], [0, 1, 2], [1, 4, 1], [1, 3, 1], [2, 4, 1], [3, 5, 2], [4, 5, 2]];

Deno.test("a part and its mirror share refuted states: the mirror's root is already refuted", () => {
  for (let seed = 1; seed <= 10; seed++) {
    // In shuffled order and scaled: other buffer indices, other hash values.
    const scale = 1 + (seed % 3);
    const random = seeded(seed), keys = GADGET.map(() => random());
    const buffers = GADGET.map(([lower, upper, size], i) => ({
      id: `g${i}`,
      lower,
      upper,
      size: size * scale,
    }))
      .map((b, i) => ({ b, key: keys[i] })).sort((x, y) => x.key - y.key).map(({ b }) => b);
    const [part] = splitComponents({ buffers });
    const S = part.sectionCount;
    const mirror = {
      ...part,
      first: Int32Array.from(part.end, (e) => S - e),
      end: Int32Array.from(part.first, (f) => S - f),
      mirrored: true,
    };
    const options = { capacity: 4 * scale, alignment: 1, deadline: Infinity };
    const failures = new FailureTable();
    const r = searchComponent(part, { ...options, failures });
    assert.equal(r.outcome, "infeasible");
    assert.ok(r.nodes > 1, "refuted by search, not at the root");
    const m = searchComponent(mirror, { ...options, failures });
    assert.deepEqual([m.outcome, m.nodes], ["infeasible", 1], `seed ${seed}`);
    const alone = searchComponent(mirror, { ...options, failures: new FailureTable() });
    assert.ok(alone.nodes > 1, `seed ${seed}: with a table of its own the mirror searches`);
  }
});

Deno.test("a mirror searched after its part, with the states the part refuted, still finds a fit", () => {
  let shared = 0;
  for (let seed = 1; seed <= 40; seed++) {
    const p = tightProblem({ random: seeded(seed), capacity: 64, horizon: 30, buffers: 40 });
    for (const part of splitComponents(p)) {
      const S = part.sectionCount;
      const mirror = {
        ...part,
        first: Int32Array.from(part.end, (e) => S - e),
        end: Int32Array.from(part.first, (f) => S - f),
        mirrored: true,
      };
      const options = { capacity: 64, alignment: 1, deadline: Infinity };
      const failures = new FailureTable();
      const r = searchComponent(part, { ...options, failures, nodeLimit: 1 + (seed % 7) * 5 });
      if (r.outcome !== "limit") continue;
      shared++;
      const m = searchComponent(mirror, { ...options, failures });
      assert.equal(m.outcome, "found", `seed ${seed}`);
      // Offsets of the mirror are offsets of the part: time reversal keeps overlaps.
      const q = { buffers: Array.from(part.ids, (id) => p.buffers[id]) };
      assertPlacementValid(q, m.offsets);
      assert.ok(
        Math.max(...Array.from(part.ids, (id, k) => m.offsets[k] + p.buffers[id].size)) <= 64,
      );
    }
  }
  assert.ok(shared > 0, "some part was cut short before its mirror ran");
});

Deno.test("a portfolio stopped by its deadline goes on with the run it was in", () => {
  for (const seed of [153, 154, 155]) {
    const p = tightProblem({ random: seeded(seed), capacity: 64, horizon: 40, buffers: 150 });
    const [part] = splitComponents(p);
    const options = { capacity: 64, alignment: 1, deadline: Infinity, checkEvery: 16 };
    const fresh = new PartPortfolio(part, options).run(Infinity)!;
    const stopped = new PartPortfolio(part, options);
    assert.equal(stopped.run(performance.now() - 1)?.outcome, "timeout");
    const resumed = stopped.run(Infinity)!;
    // The interrupted first run is made again (not skipped for the next
    // heuristic), so it ends where the fresh portfolio's runs end.
    assert.equal(resumed.outcome, fresh.outcome, `seed ${seed}`);
    assert.deepEqual(resumed.offsets, fresh.offsets, `seed ${seed}`);
    assert.equal(resumed.runs, fresh.runs + 1, `seed ${seed}`);
  }
});
