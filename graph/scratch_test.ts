import assert from "node:assert/strict";
import fc from "npm:fast-check@4.10.2";
import { keepScratch, type Scratch, scratchBytes, withScratch } from "./scratch.ts";

Deno.test("scratch: a nested scope never takes what its caller holds, and gives back its own", () => {
  withScratch((s) => {
    const outer = s.int32(1000).fill(7);
    const inner = withScratch((t) => {
      const a = t.float64(5000).fill(1.5);
      assert.ok(outer.every((x) => x === 7));
      return a.length;
    });
    assert.equal(inner, 5000);
    // What the inner scope gave back is handed out again, zeroed.
    const again = s.float64(5000);
    assert.ok(again.every((x) => x === 0));
    assert.ok(outer.every((x) => x === 7));
  });
});

Deno.test("scratch: a scope that throws gives its memory back", () => {
  keepScratch(true);
  try {
    const before = withScratch((s) => s.uint8(16).byteOffset);
    assert.throws(() =>
      withScratch((s) => {
        s.uint8(1 << 20);
        throw new Error("boom");
      }), /boom/);
    assert.equal(withScratch((s) => s.uint8(16).byteOffset), before);
  } finally {
    keepScratch(false);
  }
});

Deno.test("scratch: an asynchronous scope is refused", () => {
  assert.throws(() => withScratch(async () => {}), /synchronous/);
});

Deno.test("scratch: taken outside a scope is an error", () => {
  let escaped: Scratch | undefined;
  withScratch((s) => (escaped = s, 0));
  assert.throws(() => escaped!.int32(4), /inside withScratch/);
});

Deno.test("scratch: regions are dropped between scopes unless kept", () => {
  withScratch((s) => s.float64(1 << 16));
  assert.equal(scratchBytes(), 0);
  keepScratch(true);
  withScratch((s) => s.float64(1 << 16));
  const kept = scratchBytes();
  assert.ok(kept >= 8 << 16);
  // A second run of the same step makes no new region.
  withScratch((s) => s.float64(1 << 16));
  assert.equal(scratchBytes(), kept);
  keepScratch(false);
  assert.equal(scratchBytes(), 0);
});

Deno.test("scratch: arrays live at once never share bytes, whatever the sizes and nesting", () => {
  // A random tree of scopes, each taking arrays of random kinds and sizes
  // (some larger than any region so far), each array filled with its own
  // mark and checked when its scope ends.
  type Step = { take: number; kind: number } | { scope: Step[] };
  const step: fc.Memo<Step> = fc.memo((d) =>
    d <= 1 ? fc.record({ take: fc.integer({ min: 0, max: 100_000 }), kind: fc.nat(3) }) : fc.oneof(
      fc.record({ take: fc.integer({ min: 0, max: 100_000 }), kind: fc.nat(3) }),
      fc.record({ scope: fc.array(step(d - 1), { maxLength: 5 }) }),
    )
  );
  for (const keep of [false, true]) {
    keepScratch(keep);
    try {
      fc.assert(
        fc.property(fc.array(step(4), { maxLength: 6 }), (steps) => {
          let mark = 0;
          const run = (s: Scratch, list: Step[]) => {
            const held: {
              a: { fill(v: number): unknown; every(f: (x: number) => boolean): boolean };
              v: number;
            }[] = [];
            for (const st of list) {
              if ("scope" in st) {
                withScratch((t) => run(t, st.scope));
                continue;
              }
              const v = ++mark % 200 + 1;
              const a = [s.float64, s.int32, s.uint32, s.uint8][st.kind](st.take);
              assert.ok(a.every((x) => x === 0), "handed out zeroed");
              a.fill(v);
              held.push({ a, v });
            }
            for (const { a, v } of held) assert.ok(a.every((x) => x === v), "untouched by others");
          };
          withScratch((s) => run(s, steps));
        }),
        { numRuns: 40 },
      );
    } finally {
      keepScratch(false);
    }
  }
});

Deno.test("scratch: unzeroed arrays hold what was there, zeroed ones never", () => {
  keepScratch(true);
  try {
    withScratch((s) => s.int32(4).fill(9));
    assert.deepEqual([...withScratch((s) => s.int32(4, false))], [9, 9, 9, 9]);
    assert.deepEqual([...withScratch((s) => s.int32(4))], [0, 0, 0, 0]);
  } finally {
    keepScratch(false);
  }
});
