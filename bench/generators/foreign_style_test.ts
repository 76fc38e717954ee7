import assert from "node:assert/strict";
import { problemPeakLive } from "../../graph/placement_problem.ts";
import { placeFirstFit } from "../../solver/placers/first_fit.ts";
import { verifyPlacement } from "../../simulator/verify_placement.ts";
import { foreignStyle } from "./foreign_style.ts";
import { llmInstance } from "./llm.ts";

Deno.test("foreignStyle: new ids, far-apart times, the same problem", () => {
  const p = llmInstance({ buffers: 2000, seed: 3 });
  const f = foreignStyle(p);
  assert.equal(new Set(f.buffers.map((b) => b.id)).size, p.buffers.length);
  assert.ok(f.buffers.every((b) => !/^b\d+$/.test(b.id)));
  assert.ok(Math.max(...f.buffers.map((b) => b.upper)) > 4 * p.buffers.length + 1024);
  assert.equal(problemPeakLive(f), problemPeakLive(p));
  // What is valid for one is valid for the other.
  const offsets = placeFirstFit(p).offsets;
  assert.ok(verifyPlacement(f, offsets).ok);
  assert.deepEqual([...placeFirstFit(f).offsets], [...offsets]);
});
