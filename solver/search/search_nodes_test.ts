import assert from "node:assert/strict";
import { tightInstance } from "../../bench/generators/tight.ts";
import { searchNodes } from "./search_nodes.ts";

Deno.test("searchNodes: deterministic, some nodes when found, capped below", () => {
  const t = tightInstance({ seed: 5003, buffers: 80, capacity: 4096, horizon: 4096, unit: 64 });
  const a = searchNodes(t.problem, { capacity: t.capacity });
  const b = searchNodes(t.problem, { capacity: t.capacity });
  assert.deepEqual(a, b);
  assert.equal(a.outcome, "found");
  // Not one per buffer: a buffer left alone on its side is placed without a node.
  assert.ok(a.nodes > 0 && a.nodes <= 10 * t.problem.buffers.length, `${a.nodes}`);
  assert.ok(a.runs >= 1);
  // Below the optimum (= peak live) nothing fits: proved, or capped on the way.
  const below = searchNodes(t.problem, { capacity: t.capacity - 64, nodeCap: 50 });
  assert.notEqual(below.outcome, "found");
});
