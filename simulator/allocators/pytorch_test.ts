import assert from "node:assert/strict";
import { createPytorchAllocator, type PytorchAllocator } from "./pytorch.ts";

const MiB = 1 << 20;

function blocks(a: PytorchAllocator): [number, number, number, boolean][] {
  return a.blocks().map((b) => [b.segment, b.start, b.size, b.free]);
}

Deno.test("pytorch: requests round up to multiples of 512 bytes", () => {
  const a = createPytorchAllocator();
  assert.equal(a.allocate(0, 1), 0); // 1 -> 512: [0, 512)
  assert.equal(a.allocate(1, 513), 512); // 513 -> 1024: [512, 1536)
  assert.equal(a.allocate(2, 512), 1536); // 512 -> 512
  assert.equal(a.allocated(), 2048); // 512 + 1024 + 512
  assert.equal(a.reserved(), 2 * MiB); // one small segment
  assert.deepEqual(blocks(a), [
    [0, 0, 512, false],
    [0, 512, 1024, false],
    [0, 1536, 512, false],
    [0, 2048, 2 * MiB - 2048, true],
  ]);
});

Deno.test("pytorch: up to 1 MiB is small (2 MiB segments), above is large", () => {
  const a = createPytorchAllocator();
  assert.equal(a.allocate(0, MiB), 0); // small: segment 0 = [0, 2 MiB)
  assert.equal(a.allocate(1, MiB + 1), 2 * MiB); // 1 MiB + 512 is large: a 20 MiB segment at 2 MiB
  assert.equal(a.allocate(2, MiB), MiB); // small again: the rest of segment 0
  assert.deepEqual(a.segments(), [
    { id: 0, base: 0, size: 2 * MiB, pool: "small" },
    { id: 1, base: 2 * MiB, size: 20 * MiB, pool: "large" },
  ]);
  // The large segment's 19 MiB - 512 free tail never serves a small request.
  assert.equal(a.allocate(3, 512), 22 * MiB); // new small segment at 2 + 20 MiB
  assert.equal(a.reserved(), 24 * MiB); // 2 + 20 + 2
});

Deno.test("pytorch: a 3 MiB request gets a 20 MiB segment and splits it", () => {
  const a = createPytorchAllocator();
  assert.equal(a.allocate(0, 3 * MiB), 0);
  assert.equal(a.reserved(), 20 * MiB);
  assert.equal(a.allocated(), 3 * MiB);
  // Remainder 20 - 3 = 17 MiB > 1 MiB: cached as a free block.
  assert.deepEqual(blocks(a), [[0, 0, 3 * MiB, false], [0, 3 * MiB, 17 * MiB, true]]);
});

Deno.test("pytorch: a 12 MiB request gets a segment of exactly 12 MiB", () => {
  const a = createPytorchAllocator();
  assert.equal(a.allocate(0, 12 * MiB), 0); // >= 10 MiB: ceil(12 / 2) * 2 = 12 MiB
  assert.equal(a.reserved(), 12 * MiB);
  assert.deepEqual(blocks(a), [[0, 0, 12 * MiB, false]]);
  // 11 MiB also gets 12 MiB; the 1 MiB left over is not > 1 MiB, so no split and
  // the whole 12 MiB counts as allocated.
  assert.equal(a.allocate(1, 11 * MiB), 12 * MiB);
  assert.equal(a.reserved(), 24 * MiB);
  assert.equal(a.allocated(), 24 * MiB);
  assert.deepEqual(blocks(a), [[0, 0, 12 * MiB, false], [1, 12 * MiB, 12 * MiB, false]]);
});

Deno.test("pytorch: a split large block is reused, split again, or handed out whole", () => {
  const a = createPytorchAllocator();
  a.allocate(0, 3 * MiB); // [0, 3 MiB), free [3, 20) MiB
  assert.equal(a.allocate(1, 5 * MiB), 3 * MiB); // from the cached 17 MiB: [3, 8), free [8, 20)
  assert.equal(a.reserved(), 20 * MiB); // no new segment
  // 11.5 MiB from the 12 MiB block leaves 0.5 MiB <= 1 MiB: no split, 12 MiB handed out.
  assert.equal(a.allocate(2, 11.5 * MiB), 8 * MiB);
  assert.equal(a.allocated(), 3 * MiB + 5 * MiB + 12 * MiB);
  assert.deepEqual(blocks(a), [
    [0, 0, 3 * MiB, false],
    [0, 3 * MiB, 5 * MiB, false],
    [0, 8 * MiB, 12 * MiB, false],
  ]);
  a.free(2); // the whole 12 MiB block comes back
  assert.equal(a.allocated(), 8 * MiB);
  assert.equal(a.allocate(3, 2 * MiB), 8 * MiB); // 12 - 2 = 10 MiB left > 1 MiB: split
  assert.deepEqual(blocks(a).at(-1), [0, 10 * MiB, 10 * MiB, true]);
});

Deno.test("pytorch: best fit picks the smallest cached block, lowest address among equals", () => {
  const a = createPytorchAllocator();
  // One 20 MiB segment cut into [0,3) [3,5) [5,8) [8,10) [10,20) MiB.
  a.allocate(0, 3 * MiB);
  a.allocate(1, 2 * MiB);
  a.allocate(2, 3 * MiB);
  a.allocate(3, 2 * MiB);
  a.free(0); // free 3 MiB at 0
  a.free(2); // free 3 MiB at 5 MiB; and 10 MiB at 10 MiB
  // 2.5 MiB: both 3 MiB blocks are tighter than 10 MiB; the one at 0 wins.
  // 3 - 2.5 = 0.5 MiB left: not split.
  assert.equal(a.allocate(4, 2.5 * MiB), 0);
  assert.equal(a.allocate(5, 2.5 * MiB), 5 * MiB);
  assert.equal(a.allocate(6, 2.5 * MiB), 10 * MiB); // only the 10 MiB block is left
});

Deno.test("pytorch: the small-pool split rule keeps a 512-byte remainder", () => {
  const a = createPytorchAllocator();
  a.allocate(0, MiB); // [0, 1 MiB), free 1 MiB
  assert.equal(a.allocate(1, MiB - 512), MiB); // leaves exactly 512: split
  assert.equal(a.allocate(2, 1), 2 * MiB - 512); // the 512-byte remainder
  assert.equal(a.allocate(3, 1), 2 * MiB); // segment full: a new one
  assert.equal(a.segments().length, 2);
});

Deno.test("pytorch: a freed block merges with free neighbours on both sides of its segment", () => {
  const a = createPytorchAllocator();
  a.allocate(0, 512); // [0, 512)
  a.allocate(1, 512); // [512, 1024)
  a.allocate(2, 512); // [1024, 1536), free [1536, 2 MiB)
  a.free(0);
  a.free(2); // merges with the free tail: [1024, 2 MiB)
  assert.deepEqual(blocks(a), [
    [0, 0, 512, true],
    [0, 512, 512, false],
    [0, 1024, 2 * MiB - 1024, true],
  ]);
  a.free(1); // merges left and right: the whole segment, one free block
  assert.deepEqual(blocks(a), [[0, 0, 2 * MiB, true]]);
  assert.equal(a.allocated(), 0);
  assert.equal(a.reserved(), 2 * MiB); // segments are never returned
});

Deno.test("pytorch: free blocks of adjacent segments never merge", () => {
  const a = createPytorchAllocator();
  a.allocate(0, 12 * MiB); // segment 0 = [0, 12) MiB
  a.allocate(1, 12 * MiB); // segment 1 = [12, 24) MiB
  a.free(0);
  a.free(1);
  // Touching in the address space, but two blocks, not one of 24 MiB.
  assert.deepEqual(blocks(a), [[0, 0, 12 * MiB, true], [1, 12 * MiB, 12 * MiB, true]]);
  // So 20 MiB fits neither and needs a third segment (an arena would reuse 0).
  assert.equal(a.allocate(2, 20 * MiB), 24 * MiB);
  assert.equal(a.reserved(), 44 * MiB); // 12 + 12 + 20
  assert.equal(a.allocated(), 20 * MiB);
});

Deno.test("pytorch: reserved counts segments, allocated counts blocks in use", () => {
  const a = createPytorchAllocator();
  a.allocate(0, 100); // 512 in a 2 MiB segment
  a.allocate(1, 4 * MiB); // 4 MiB in a 20 MiB segment
  assert.equal(a.reserved(), 22 * MiB);
  assert.equal(a.allocated(), 4 * MiB + 512);
  a.free(1);
  assert.equal(a.reserved(), 22 * MiB);
  assert.equal(a.allocated(), 512);
  a.allocate(2, 4 * MiB); // reuses the cached block: nothing new reserved
  assert.equal(a.reserved(), 22 * MiB);
});

Deno.test("pytorch: a larger alignment rounds blocks and segment bases to lcm(512, a)", () => {
  const a = createPytorchAllocator({ alignment: 4096 });
  assert.equal(a.allocate(0, 1), 0); // 1 -> 4096
  assert.equal(a.allocate(1, 1), 4096);
  assert.equal(a.allocated(), 8192);
  // 1536 = 3 * 512, and neither 1 MiB nor 2 MiB nor 20 MiB is a multiple of it.
  const b = createPytorchAllocator({ alignment: 1536 });
  // 1 MiB -> ceil(1048576 / 1536) * 1536 = 683 * 1536 = 1049088 > 1 MiB: large pool,
  // a 20 MiB segment at 0.
  assert.equal(b.allocate(0, MiB), 0);
  assert.equal(b.segments()[0].pool, "large");
  // The next segment starts at ceil(20971520 / 1536) * 1536 = 13654 * 1536 = 20972544.
  assert.equal(b.allocate(1, 1000), 20972544); // 1000 -> 1536, small
  // 512 KiB -> 342 * 1536 = 525312, right after: 20972544 + 1536 = 20974080.
  assert.equal(b.allocate(2, 512 * 1024), 20974080);
  // 1 MiB - 1536 -> 682 * 1536 = 1047552 <= 1 MiB: small, at 20974080 + 525312.
  assert.equal(b.allocate(3, MiB - 1536), 21499392);
  // Segment 1 has 2097152 - 1536 - 525312 - 1047552 = 522752 left: too small,
  // so a third segment at ceil((20972544 + 2097152) / 1536) * 1536 = 15020 * 1536.
  assert.equal(b.allocate(4, MiB - 1536), 23070720);
  for (const blk of b.blocks()) {
    if (!blk.free) assert.equal(blk.start % 1536, 0);
  }
  assert.equal(b.reserved(), 20 * MiB + 2 * MiB + 2 * MiB); // gaps are not reserved
});

Deno.test("pytorch: misuse throws", () => {
  const a = createPytorchAllocator();
  a.allocate(1, 10);
  assert.throws(() => a.allocate(1, 10), /already allocated/);
  assert.throws(() => a.free(2), /not allocated/);
  assert.throws(() => a.allocate(3, 0), RangeError);
  assert.throws(() => createPytorchAllocator({ alignment: -1 }), RangeError);
});
