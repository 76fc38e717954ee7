import assert from "node:assert/strict";
import { EXIT, outcomeExit } from "./exit.ts";

Deno.test("outcomeExit: a bug wins over not fitting; fitting is ok", () => {
  assert.equal(outcomeExit({ plannerBug: [1], fits: false }), EXIT.internal);
  assert.equal(outcomeExit({ plannerBug: [], fits: false }), EXIT.notFound);
  assert.equal(outcomeExit({ plannerBug: [], fits: true }), EXIT.ok);
});
