import assert from "node:assert/strict";
import { tightInstance } from "../../bench/generators/tight.ts";
import { placeFirstFit } from "../placers/first_fit.ts";
import { placeGreedySize } from "../placers/greedy_size.ts";
import { greedyStart } from "./_greedy_start.ts";
import { placeSearch } from "./search_placer.ts";

// A rectangle cut into 6,000 buffers: above the size where greedy-size runs only in time.
const large = tightInstance({ buffers: 6000, seed: 3 }).problem;

Deno.test("greedyStart: greedy-size on small problems; on large ones first fit, and greedy-size if in time", () => {
  const small = tightInstance({ buffers: 300, seed: 3 }).problem;
  assert.deepEqual(greedyStart(small, 0).offsets, placeGreedySize(small).offsets);
  // No time: greedy-size gives up at its first look at the clock.
  assert.deepEqual(greedyStart(large, 0).offsets, placeFirstFit(large).offsets);
  const both = [placeFirstFit(large).arena, placeGreedySize(large).arena];
  assert.equal(greedyStart(large, Infinity).arena, Math.min(...both));
});

Deno.test("placeSearch: on a large problem, no search is begun once the greedy start took the time", () => {
  const r = placeSearch(large, { capacity: large.capacity, timeLimit: 0 });
  assert.equal(r.status, "timeout");
  assert.equal(r.details?.method, "first-fit"); // greedy-size gave up at once
  assert.equal(r.details?.overCapacity, r.arena - large.capacity!);
});
