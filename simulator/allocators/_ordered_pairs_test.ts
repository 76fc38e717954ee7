import assert from "node:assert/strict";
import fc from "npm:fast-check@4.10.2";
import { OrderedPairs, type Pair } from "./_ordered_pairs.ts";

function pairs(s: OrderedPairs): [number, number][] {
  return [...s].map((p) => [p.x, p.y]);
}

Deno.test("OrderedPairs keeps pairs ordered by x then y and rejects duplicates", () => {
  const s = new OrderedPairs();
  assert.equal(s.insert(3, 1), true);
  assert.equal(s.insert(1, 5), true);
  assert.equal(s.insert(3, 0), true);
  assert.equal(s.insert(2, 9), true);
  assert.equal(s.insert(3, 0), false);
  assert.equal(s.size, 4);
  assert.deepEqual(pairs(s), [[1, 5], [2, 9], [3, 0], [3, 1]]);
  assert.deepEqual(s.min(), { x: 1, y: 5 });
  assert.deepEqual(s.max(), { x: 3, y: 1 });
  assert.equal(s.maxY(), 9);
});

Deno.test("OrderedPairs delete removes exactly the pair asked for", () => {
  const s = new OrderedPairs();
  for (const [x, y] of [[1, 1], [1, 2], [2, 1]]) s.insert(x, y);
  assert.equal(s.delete(1, 3), false);
  assert.equal(s.delete(1, 2), true);
  assert.equal(s.delete(1, 2), false);
  assert.deepEqual(pairs(s), [[1, 1], [2, 1]]);
  assert.equal(s.size, 2);
  assert.equal(s.has(1, 1), true);
  assert.equal(s.has(1, 2), false);
});

Deno.test("OrderedPairs ceiling and floor bracket a pair or an x", () => {
  const s = new OrderedPairs();
  // As (length, start) pairs of free ranges: two ranges of length 16.
  for (const [x, y] of [[8, 100], [16, 40], [16, 0], [64, 200]]) s.insert(x, y);
  // Best fit for 10 bytes: the smallest length >= 10 is 16, lowest start 0.
  assert.deepEqual(s.ceiling(10), { x: 16, y: 0 });
  assert.deepEqual(s.ceiling(16, 1), { x: 16, y: 40 });
  assert.equal(s.ceiling(65), undefined);
  // floor(x) is the last pair with that x or less.
  assert.deepEqual(s.floor(16), { x: 16, y: 40 });
  assert.deepEqual(s.floor(16, 39), { x: 16, y: 0 });
  assert.deepEqual(s.floor(63), { x: 16, y: 40 });
  assert.equal(s.floor(7), undefined);
});

Deno.test("OrderedPairs firstWithYAtLeast finds the leftmost pair with a large enough y", () => {
  const s = new OrderedPairs();
  // As (start, length) free ranges: [0,8) [32,96) [128,144) [200,300).
  for (const [x, y] of [[0, 8], [32, 64], [128, 16], [200, 100]]) s.insert(x, y);
  assert.deepEqual(s.firstWithYAtLeast(8), { x: 0, y: 8 });
  assert.deepEqual(s.firstWithYAtLeast(9), { x: 32, y: 64 });
  assert.deepEqual(s.firstWithYAtLeast(65), { x: 200, y: 100 });
  assert.equal(s.firstWithYAtLeast(101), undefined);
  s.delete(32, 64);
  assert.deepEqual(s.firstWithYAtLeast(9), { x: 128, y: 16 });
});

Deno.test("OrderedPairs update changes a pair in place and refuses to reorder", () => {
  const s = new OrderedPairs();
  for (const [x, y] of [[0, 8], [32, 64], [128, 16]]) s.insert(x, y);
  // [32, 96) loses its first 10 bytes: (42, 54) still sorts between its neighbours.
  assert.equal(s.update(32, 64, 42, 54), true);
  assert.deepEqual(pairs(s), [[0, 8], [42, 54], [128, 16]]);
  assert.deepEqual(s.firstWithYAtLeast(55), undefined);
  assert.deepEqual(s.firstWithYAtLeast(54), { x: 42, y: 54 });
  assert.equal(s.update(1, 1, 2, 2), false);
  assert.throws(() => s.update(42, 54, 200, 1), RangeError);
  assert.throws(() => s.update(42, 54, 0, 8), RangeError);
  assert.deepEqual(pairs(s), [[0, 8], [42, 54], [128, 16]]);
});

type Command =
  | { op: "insert"; x: number; y: number }
  | { op: "delete"; x: number; y: number }
  | { op: "update"; pick: number; dx: number; y: number };

const small = fc.integer({ min: 0, max: 12 });
const command: fc.Arbitrary<Command> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ op: fc.constant("insert" as const), x: small, y: small }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant("delete" as const), x: small, y: small }) },
  {
    weight: 1,
    arbitrary: fc.record({
      op: fc.constant("update" as const),
      pick: fc.nat(),
      dx: fc.integer({ min: -1, max: 1 }),
      y: small,
    }),
  },
);

function lessThan(a: Pair, b: Pair): boolean {
  return a.x < b.x || (a.x === b.x && a.y < b.y);
}

Deno.test("OrderedPairs matches a naive sorted array over random commands", () => {
  fc.assert(
    fc.property(
      fc.array(command, { maxLength: 120, size: "max" }),
      fc.integer(),
      (commands, seed) => {
        const s = new OrderedPairs(seed);
        let naive: Pair[] = [];
        for (const c of commands) {
          if (c.op === "insert") {
            const had = naive.some((p) => p.x === c.x && p.y === c.y);
            assert.equal(s.insert(c.x, c.y), !had);
            if (!had) naive.push({ x: c.x, y: c.y });
          } else if (c.op === "delete") {
            const had = naive.some((p) => p.x === c.x && p.y === c.y);
            assert.equal(s.delete(c.x, c.y), had);
            naive = naive.filter((p) => !(p.x === c.x && p.y === c.y));
          } else if (naive.length > 0) {
            const i = c.pick % naive.length;
            const old = naive[i];
            const moved = { x: old.x + c.dx, y: c.y };
            const rest = naive.filter((_, j) => j !== i);
            const below = rest.filter((p) => lessThan(p, old));
            const above = rest.filter((p) => lessThan(old, p));
            const fits = below.every((p) => lessThan(p, moved)) &&
              above.every((p) => lessThan(moved, p));
            if (fits) {
              assert.equal(s.update(old.x, old.y, moved.x, moved.y), true);
              naive[i] = moved;
            } else {
              assert.throws(() => s.update(old.x, old.y, moved.x, moved.y), RangeError);
            }
          }
          naive.sort((a, b) => a.x - b.x || a.y - b.y);
          assert.deepEqual([...s], naive);
          assert.equal(s.size, naive.length);
          assert.equal(s.maxY(), Math.max(-Infinity, ...naive.map((p) => p.y)));
          for (let q = -1; q <= 13; q++) {
            assert.deepEqual(s.ceiling(q), naive.find((p) => p.x >= q));
            assert.deepEqual(s.floor(q), naive.findLast((p) => p.x <= q));
            assert.deepEqual(s.ceiling(q, 5), naive.find((p) => !lessThan(p, { x: q, y: 5 })));
            assert.deepEqual(s.floor(q, 5), naive.findLast((p) => !lessThan({ x: q, y: 5 }, p)));
            assert.deepEqual(s.firstWithYAtLeast(q), naive.find((p) => p.y >= q));
          }
          assert.deepEqual(s.min(), naive[0]);
          assert.deepEqual(s.max(), naive.at(-1));
        }
      },
    ),
    { numRuns: 300 },
  );
});

Deno.test("OrderedPairs grows past its initial capacity and reuses deleted nodes", () => {
  const s = new OrderedPairs();
  const n = 1000;
  // Insert 0..n-1 in a scrambled order (7 is coprime with 1000).
  for (let i = 0; i < n; i++) s.insert((i * 7) % n, i % 10);
  assert.equal(s.size, n);
  assert.deepEqual([...s].map((p) => p.x), Array.from({ length: n }, (_, i) => i));
  for (let x = 0; x < n; x += 2) assert.equal(s.delete(x, (x * 143) % n % 10), true);
  // 143 is 7's inverse mod 1000, so (x * 143) % n is the i that inserted x.
  assert.equal(s.size, n / 2);
  for (let x = 0; x < n; x += 2) s.insert(x, 100);
  assert.equal(s.size, n);
  assert.deepEqual(s.firstWithYAtLeast(100), { x: 0, y: 100 });
  assert.equal(s.maxY(), 100);
  assert.deepEqual([...s].filter((p) => p.y === 100).length, n / 2);
});
