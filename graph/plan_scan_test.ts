import assert from "node:assert/strict";
import fc from "npm:fast-check@4.10.2";
import { indexGraph } from "./indexed_graph.ts";
import { parsePlan, readPlan } from "./plan.ts";
import { lazyPlan, scanPlan } from "./plan_scan.ts";
import type { Graph } from "./types.ts";

/** A chain graph whose tensor ids need escaping now and then; sizes 0 among them. */
function graphOf(ids: string[], sizes: number[]): Graph {
  return {
    format: "memplan.graph/v1",
    name: "g",
    alignment: 2,
    tensors: ids.map((id, i) => ({ id, size: sizes[i] })),
    ops: ids.map((id, i) => ({
      id: `op${i}`,
      type: "f",
      in: i > 0 ? [ids[i - 1]] : [],
      out: [id],
    })),
  } as Graph;
}

/** At most one thing wrong with a plan (or odd but valid), drawn as a file might hold it. */
const fault = fc.oneof(
  { weight: 3, arbitrary: fc.constant({ kind: "none" as const }) },
  {
    weight: 6,
    arbitrary: fc.record({
      kind: fc.constant("value" as const),
      at: fc.nat(7),
      text: fc.constantFrom("-2", "2.5", "1e2", "04", '"8"', "null", "9007199254740993", "3"),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("drop" as const), at: fc.nat(7) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("twice" as const), at: fc.nat(7) }) },
  { weight: 1, arbitrary: fc.constant({ kind: "unknown" as const }) },
  { weight: 1, arbitrary: fc.constant({ kind: "graph" as const }) },
);

Deno.test("scanPlan: never takes what the general reader refuses, and when both take, the same", () => {
  let taken = 0;
  fc.assert(
    fc.property(
      fc.uniqueArray(
        fc.oneof(
          fc.string({ minLength: 1, maxLength: 4 }),
          fc.constantFrom('q"', "b\\", "é", "__proto__"),
        ),
        { minLength: 1, maxLength: 8 },
      ),
      fc.array(fc.nat(3), { minLength: 8, maxLength: 8 }),
      fault,
      fc.record({
        shuffle: fc.boolean(),
        order: fc.boolean(),
        planner: fc.boolean(),
        indent: fc.constantFrom(0, 1, "\t"),
        top: fc.boolean(), // offsets near 2^53, some ending past it
      }),
      (ids, sizeDraw, f, v) => {
        const sizes = ids.map((_, i) => 2 * sizeDraw[i]);
        const g = indexGraph(graphOf(ids, sizes));
        const base = v.top ? 2 ** 53 - 12 : 0;
        let listed = ids.map((id, i) => [id, base + 8 * i] as [string, number]);
        if (v.shuffle) listed = listed.reverse();
        if (f.kind === "drop" && f.at < listed.length) listed.splice(f.at, 1);
        const offsets: Record<string, number> = Object.create(null);
        for (const [id, o] of listed) offsets[id] = o;
        if (f.kind === "unknown") offsets["nope"] = 0;
        const plan: Record<string, unknown> = { format: "memplan.plan/v1" };
        plan.graph = f.kind === "graph" ? "h" : "g";
        if (v.order) plan.order = ids.map((_, i) => `op${i}`);
        plan.offsets = offsets;
        if (v.planner) plan.planner = { name: 'a "} {[', nested: { x: [1, "]"] } };
        let text = JSON.stringify(plan, null, v.indent);
        const entry = (i: number) => `${JSON.stringify(listed[i][0])}:`;
        if (f.kind === "value" && f.at < listed.length) {
          const at = text.indexOf(entry(f.at), text.indexOf('"offsets"'));
          const from = text.indexOf(":", at) + 1;
          const to = text.slice(from).search(/[,}\n]/) + from;
          text = text.slice(0, from) + f.text + text.slice(to);
        }
        if (f.kind === "twice" && f.at < listed.length) {
          // The same tensor twice (the last one counts in JSON).
          text = text.replace(/"offsets":\s*\{/, (m) => `${m}${entry(f.at)} 1, `);
        }
        let general: ReturnType<typeof readPlan> | undefined;
        try {
          general = readPlan(g, JSON.parse(text), "p.json");
        } catch {
          general = undefined;
        }
        const quick = scanPlan(text, g, "p.json");
        if (quick === undefined) return;
        taken++;
        assert.ok(general, `taken quickly but refused by the general reader: ${text}`);
        assert.deepEqual(quick.resolved, general.resolved);
        assert.deepEqual({ ...quick.plan }, { ...JSON.parse(text) });
      },
    ),
    { numRuns: 600 },
  );
  assert.ok(taken > 40, `the quick reading took only ${taken} of 600`);
});

Deno.test("scanPlan: takes a valid plan however it is laid out", () => {
  const g = indexGraph(graphOf(["x", "y", "z"], [2, 0, 4]));
  for (
    const text of [
      '{"format":"memplan.plan/v1","offsets":{"x":0,"z":2}}',
      '{ "offsets" : { "z" : 2 , "x" : 0 } ,\n\t"format" : "memplan.plan/v1" }\n',
      '{"format": "memplan.plan/v1", "graph": "g", "order": ["op0", "op1", "op2"], "offsets": {"x": 0, "y": 7, "z": 2}}',
    ]
  ) {
    const r = scanPlan(text, g, "p.json");
    assert.ok(r, text);
    assert.deepEqual(r.resolved, readPlan(g, JSON.parse(text), "p.json").resolved);
  }
});

Deno.test("lazyPlan: never takes what parsePlan refuses, and reads as JSON.parse does", () => {
  const value = fc.oneof(
    fc.maxSafeNat().map(String),
    fc.constantFrom("-1", "0.5", "1e3", "01", '"7"', "null", "9007199254740992", "{}", "[]"),
  );
  fc.assert(
    fc.property(
      fc.array(fc.tuple(fc.string({ maxLength: 3 }), value), { maxLength: 4 }),
      fc.constantFrom(
        "memplan.plan/v1",
        "memplan.plan/v1",
        "memplan.plan/v1",
        "memplan.plan/v2",
        1,
      ),
      fc.constantFrom(undefined, "5", "5", '"5"', "-5"),
      (entries, format, capacity) => {
        const body = entries.map(([k, v]) => `${JSON.stringify(k)}: ${v}`).join(", ");
        const text = `{"format": ${JSON.stringify(format)}, "offsets": {${body}}` +
          (capacity === undefined ? "" : `, "capacity": ${capacity}`) + "}";
        let general: unknown;
        try {
          general = parsePlan(JSON.parse(text), "p.json");
        } catch {
          general = undefined;
        }
        const quick = lazyPlan(text, "p.json");
        if (quick === undefined) return;
        assert.ok(general, `taken quickly but refused by parsePlan: ${text}`);
        assert.equal(JSON.stringify(quick), JSON.stringify(general));
      },
    ),
    { numRuns: 500 },
  );
});
