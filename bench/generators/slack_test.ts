import assert from "node:assert/strict";
import { problemPeakLive } from "../../graph/placement_problem.ts";
import { verifyPlacement } from "../../simulator/verify_placement.ts";
import { slackInstance } from "./slack.ts";
import { tightInstance } from "./tight.ts";

Deno.test("slackInstance: a strict subset of the tight cut whose known placement still fits", () => {
  let below = 0;
  for (let seed = 1; seed <= 30; seed++) {
    const s = slackInstance({ seed }), t = tightInstance({ seed });
    assert.ok(s.problem.buffers.length < t.problem.buffers.length);
    const check = verifyPlacement(s.problem, s.known, { capacity: s.capacity });
    assert.ok(check.ok, `seed ${seed}`);
    const peak = problemPeakLive(s.problem);
    assert.ok(peak <= s.capacity);
    if (peak < s.capacity) below++;
  }
  assert.ok(below > 0, "some seed lowers peak live below the capacity");
});

Deno.test("slackInstance: the removed share is honoured", () => {
  const t = tightInstance({ seed: 9 }), s = slackInstance({ seed: 9, removed: 0.5 });
  assert.equal(
    s.problem.buffers.length,
    t.problem.buffers.length - Math.round(0.5 * t.problem.buffers.length),
  );
});
