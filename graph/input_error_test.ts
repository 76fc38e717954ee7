import assert from "node:assert/strict";
import { InputError, ProblemCollector } from "./input_error.ts";

Deno.test("ProblemCollector: past its cap it counts what it no longer records, and the summary says how many", () => {
  const c = new ProblemCollector("p.csv", 30);
  for (let i = 0; i < 1_000_000; i++) {
    c.add(`line ${i + 2}`, "upper 5 must be greater than lower 5");
  }
  assert.equal(c.count, 1_000_000);
  let e: InputError | undefined;
  try {
    c.throwIfAny();
  } catch (thrown) {
    e = thrown as InputError;
  }
  assert.ok(e instanceof InputError);
  assert.equal(e.problems.length, 30);
  assert.equal(e.count, 1_000_000);
  const lines = e.message.split("\n");
  assert.equal(lines.length, 21);
  assert.equal(lines[0], "p.csv: line 2: upper 5 must be greater than lower 5");
  assert.equal(lines[20], "… and 999,980 more problems");
});

Deno.test("InputError: twenty problems or fewer are all shown, with no count line", () => {
  const problems = Array.from(
    { length: 20 },
    (_, i) => ({ file: "g.json", where: `ops[${i}]`, message: "x" }),
  );
  assert.equal(new InputError(problems).message.split("\n").length, 20);
  assert.doesNotMatch(new InputError(problems).message, /more problems/);
});
