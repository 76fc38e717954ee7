import assert from "node:assert/strict";
import { EXIT } from "../pipeline/exit.ts";
import { finishOutcome, type Outcome } from "./print_outcome.ts";

/** Runs `finishOutcome` with console output captured; returns the code, the writes and the text. */
async function run(o: Partial<Outcome<{ arena: number }>>) {
  const out: string[] = [], err: string[] = [];
  let writes = 0;
  const { log, error } = console;
  console.log = (s: string) => void out.push(s);
  console.error = (s: string) => void err.push(s);
  try {
    const code = await finishOutcome({
      plannerBug: [],
      fits: true,
      what: "plan",
      who: "the x planner",
      output: "p.json",
      capacity: 10,
      arena: 12,
      summary: () => ({ arena: 12 }),
      write: () => Promise.resolve(void writes++),
      table: (s) => `arena ${s.arena}`,
      ...o,
    });
    return { code, writes, out: out.join("\n"), err: err.join("\n") };
  } finally {
    Object.assign(console, { log, error });
  }
}

Deno.test("finishOutcome: a fit is written and its table printed", async () => {
  const r = await run({});
  assert.deepEqual([r.code, r.writes], [EXIT.ok, 1]);
  assert.equal(r.out, "arena 12\nwrote p.json");
});

Deno.test("finishOutcome: over the capacity nothing is written; exit 3 with the reason", async () => {
  const r = await run({ fits: false, json: true });
  assert.deepEqual([r.code, r.writes], [EXIT.notFound, 0]);
  assert.deepEqual(JSON.parse(r.out), { arena: 12 });
  const t = await run({ fits: false });
  assert.match(
    t.err,
    /no plan within capacity 10 found in time \(best arena 12\); nothing written/,
  );
});

Deno.test("finishOutcome: a planner bug is loud, written nowhere, exit 70", async () => {
  const r = await run({ plannerBug: [{ kind: "missing_offset", tensor: "a" }] });
  assert.deepEqual([r.code, r.writes, r.out], [EXIT.internal, 0, ""]);
  assert.match(r.err, /^memplan: the x planner produced an invalid plan:/);
});
