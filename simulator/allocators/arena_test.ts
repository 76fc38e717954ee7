import assert from "node:assert/strict";
import { ArenaAllocator, type FitPolicy } from "./arena.ts";

const POLICIES: FitPolicy[] = ["first-fit", "best-fit"];

function ranges(a: ArenaAllocator): [number, number][] {
  return a.freeRanges().map((r) => [r.start, r.start + r.length]);
}

for (const fit of POLICIES) {
  Deno.test(`${fit}: a freed block merges with free neighbours on both sides`, () => {
    const a = new ArenaAllocator({ fit });
    assert.equal(a.allocate(0, 10), 0); // [0, 10)
    assert.equal(a.allocate(1, 10), 10); // [10, 20)
    assert.equal(a.allocate(2, 10), 20); // [20, 30)
    assert.equal(a.allocate(3, 10), 30); // [30, 40) keeps the hole off the top
    a.free(0);
    a.free(2);
    assert.deepEqual(ranges(a), [[0, 10], [20, 30]]);
    a.free(1); // [10, 20) touches both holes: 10 + 10 + 10 = [0, 30)
    assert.deepEqual(ranges(a), [[0, 30]]);
    // 30 bytes fit only in the merged hole.
    assert.equal(a.allocate(4, 30), 0);
    assert.deepEqual(ranges(a), []);
    assert.equal(a.top, 40);
  });

  Deno.test(`${fit}: a request that fits nowhere extends a free range at the top`, () => {
    const a = new ArenaAllocator({ fit });
    a.allocate(0, 10); // [0, 10)
    a.allocate(1, 10); // [10, 20)
    a.free(1); // [10, 20) is free and reaches the top, 20
    // 25 > 10 fits no hole; it starts at 10 and the arena grows to 10 + 25 = 35,
    // not to 20 + 25 = 45.
    assert.equal(a.allocate(2, 25), 10);
    assert.equal(a.top, 35);
    assert.deepEqual(ranges(a), []);
  });

  Deno.test(`${fit}: a request that fits nowhere goes to the top when the top block is live`, () => {
    const a = new ArenaAllocator({ fit });
    a.allocate(0, 10); // [0, 10)
    a.allocate(1, 10); // [10, 20)
    a.free(0); // hole [0, 10), but [10, 20) is live at the top
    assert.equal(a.allocate(2, 15), 20); // 15 > 10: at the top, 20
    assert.equal(a.top, 35);
    assert.deepEqual(ranges(a), [[0, 10]]);
  });

  Deno.test(`${fit}: sizes round up to the alignment so every offset is a multiple of it`, () => {
    const a = new ArenaAllocator({ fit, alignment: 8 });
    assert.equal(a.allocate(0, 3), 0); // 3 -> 8: [0, 8)
    assert.equal(a.allocate(1, 9), 8); // 9 -> 16: [8, 24)
    assert.equal(a.allocate(2, 8), 24); // 8 -> 8: [24, 32)
    assert.equal(a.allocated(), 32); // 8 + 16 + 8
    a.free(0);
    assert.equal(a.allocated(), 24);
    assert.equal(a.allocate(3, 8), 0); // the 3-byte block left a whole 8-byte hole
    // A non-power-of-two alignment works the same way: 5 -> 6, 7 -> 12.
    const b = new ArenaAllocator({ fit, alignment: 6 });
    assert.equal(b.allocate(0, 5), 0);
    assert.equal(b.allocate(1, 7), 6);
    assert.equal(b.allocate(2, 1), 18);
    assert.equal(b.top, 24);
  });

  Deno.test(`${fit}: allocated() counts live blocks and the arena never shrinks`, () => {
    const a = new ArenaAllocator({ fit });
    a.allocate(0, 100);
    a.allocate(1, 50);
    assert.equal(a.allocated(), 150);
    a.free(0);
    a.free(1);
    assert.equal(a.allocated(), 0);
    assert.equal(a.top, 150);
    assert.deepEqual(ranges(a), [[0, 150]]);
  });

  Deno.test(`${fit}: misuse throws`, () => {
    const a = new ArenaAllocator({ fit });
    a.allocate(7, 1);
    assert.throws(() => a.allocate(7, 1), /already allocated/);
    assert.throws(() => a.free(8), /not allocated/);
    assert.throws(() => a.allocate(9, 0), RangeError);
    assert.throws(() => a.allocate(9, 1.5), RangeError);
    assert.throws(() => new ArenaAllocator({ fit, alignment: 0 }), RangeError);
    a.free(7);
    assert.throws(() => a.free(7), /not allocated/);
  });
}
