import assert from "node:assert/strict";
import { warmUpNote, warmUpSearch } from "./warm_up.ts";

Deno.test("warmUpSearch searches only when asked, and the note says which", () => {
  assert.equal(warmUpSearch(0), 0);
  assert.ok(warmUpSearch(2, 0.05) > 0);
  assert.match(warmUpNote(0, 0), /no warm-up/);
  assert.match(warmUpNote(2, 0.1), /warmed up on 2 generated problems/);
});
