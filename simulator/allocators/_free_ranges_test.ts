import assert from "node:assert/strict";
import fc from "npm:fast-check@4.10.2";
import { type FreeRange, FreeRanges } from "./_free_ranges.ts";

function list(f: FreeRanges): [number, number][] {
  return [...f].map((r) => [r.start, r.start + r.length]);
}

Deno.test("FreeRanges.add merges with the free neighbours on both sides", () => {
  const f = new FreeRanges({ bySize: true });
  f.add(0, 10); // [0, 10)
  f.add(20, 10); // [20, 30)
  assert.deepEqual(list(f), [[0, 10], [20, 30]]);
  // [10, 20) touches [0, 10) on the left and [20, 30) on the right: one range.
  assert.deepEqual(f.add(10, 10), { start: 0, length: 30 });
  assert.deepEqual(list(f), [[0, 30]]);
  assert.equal(f.count, 1);
  assert.equal(f.bytes, 30);
  // The size index followed the merge: 30 is the only length left.
  assert.deepEqual(f.bestFit(1), { start: 0, length: 30 });
});

Deno.test("FreeRanges.add merges with one side only when only one touches", () => {
  const f = new FreeRanges({ bySize: true });
  f.add(0, 10);
  f.add(50, 10);
  assert.deepEqual(f.add(10, 5), { start: 0, length: 15 }); // left neighbour [0, 10)
  assert.deepEqual(f.add(45, 5), { start: 45, length: 15 }); // right neighbour [50, 60)
  assert.deepEqual(f.add(30, 5), { start: 30, length: 5 }); // touches nothing
  assert.deepEqual(list(f), [[0, 15], [30, 35], [45, 60]]);
  assert.deepEqual(f.bestFit(5), { start: 30, length: 5 });
});

Deno.test("FreeRanges.add refuses a range that is already partly free", () => {
  const f = new FreeRanges();
  f.add(10, 10); // [10, 20)
  assert.throws(() => f.add(15, 1), RangeError); // inside
  assert.throws(() => f.add(5, 6), RangeError); // [5, 11) overlaps the start
  assert.throws(() => f.add(19, 5), RangeError); // [19, 24) overlaps the end
  assert.throws(() => f.add(0, 0), RangeError); // empty
  assert.deepEqual(list(f), [[10, 20]]);
});

Deno.test("FreeRanges.remove carves a range and keeps what is left", () => {
  const f = new FreeRanges({ bySize: true });
  f.add(0, 100);
  f.remove(40, 20); // [0, 40) and [60, 100) remain
  assert.deepEqual(list(f), [[0, 40], [60, 100]]);
  f.remove(0, 10); // from the start: [10, 40)
  f.remove(90, 10); // at the end: [60, 90)
  f.remove(60, 30); // all of it
  assert.deepEqual(list(f), [[10, 40]]);
  assert.equal(f.bytes, 30);
  assert.deepEqual(f.bestFit(1), { start: 10, length: 30 });
  assert.throws(() => f.remove(35, 10), RangeError); // [35, 45) runs past [10, 40)
  assert.throws(() => f.remove(0, 5), RangeError); // not free at all
});

Deno.test("FreeRanges firstFit takes the lowest address, bestFit the smallest range", () => {
  const f = new FreeRanges({ bySize: true });
  f.add(0, 50);
  f.add(100, 20);
  f.add(200, 20);
  f.add(300, 10);
  assert.deepEqual(f.firstFit(15), { start: 0, length: 50 });
  // Lengths >= 15 are 50, 20, 20: the smallest is 20, the lower of the two at 100.
  assert.deepEqual(f.bestFit(15), { start: 100, length: 20 });
  assert.deepEqual(f.firstFit(51), undefined);
  assert.deepEqual(f.bestFit(51), undefined);
  assert.deepEqual(f.last(), { start: 300, length: 10 });
  assert.throws(() => new FreeRanges().bestFit(1), Error);
});

type Command = { op: "add" | "remove"; start: number; length: number };

const SPACE = 48;

/** Free runs of a bitmap, the naive model of the set. */
function runs(freeBit: boolean[]): FreeRange[] {
  const out: FreeRange[] = [];
  for (let i = 0; i < freeBit.length;) {
    if (!freeBit[i]) {
      i++;
      continue;
    }
    let j = i;
    while (j < freeBit.length && freeBit[j]) j++;
    out.push({ start: i, length: j - i });
    i = j;
  }
  return out;
}

Deno.test("FreeRanges matches a naive bitmap over random adds and removes", () => {
  const command = fc.record({
    op: fc.constantFrom("add" as const, "remove" as const),
    start: fc.integer({ min: 0, max: SPACE - 1 }),
    length: fc.integer({ min: 1, max: 12 }),
  });
  fc.assert(
    fc.property(fc.array(command, { maxLength: 100, size: "max" }), (commands: Command[]) => {
      const f = new FreeRanges({ bySize: true });
      const freeBit = new Array<boolean>(SPACE + 12).fill(false);
      for (const { op, start, length } of commands) {
        const bits = freeBit.slice(start, start + length);
        if (op === "add") {
          if (bits.some((b) => b)) assert.throws(() => f.add(start, length), RangeError);
          else {
            f.add(start, length);
            freeBit.fill(true, start, start + length);
          }
        } else {
          // remove needs all of it free *and* in one range, which is the same
          // thing once ranges are coalesced.
          if (bits.every((b) => b)) {
            f.remove(start, length);
            freeBit.fill(false, start, start + length);
          } else assert.throws(() => f.remove(start, length), RangeError);
        }
        const naive = runs(freeBit);
        assert.deepEqual([...f], naive);
        assert.equal(f.bytes, freeBit.filter((b) => b).length);
        for (let n = 1; n <= 14; n++) {
          const fitting = naive.filter((r) => r.length >= n);
          assert.deepEqual(f.firstFit(n), fitting[0]);
          const best = fitting.reduce<FreeRange | undefined>(
            (b, r) => b === undefined || r.length < b.length ? r : b,
            undefined,
          );
          assert.deepEqual(f.bestFit(n), best);
        }
      }
    }),
    { numRuns: 300 },
  );
});
