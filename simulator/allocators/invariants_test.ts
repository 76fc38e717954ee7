/**
 * Randomised checks of every online allocator: over thousands of random
 * alloc/free sequences, (1) a naive O(n²) checker finds no overlap between live
 * allocations, no misaligned offset and no two touching free ranges of one
 * segment, and (2) the offsets equal those of a naive O(n)-per-call reference
 * of the same policy, so the fast ordered structures change nothing but speed.
 */
import assert from "node:assert/strict";
import fc from "npm:fast-check@4.10.2";
import { roundUp } from "./_checks.ts";
import { ArenaAllocator, type FitPolicy } from "./arena.ts";
import { createPytorchAllocator, type PytorchAllocator } from "./pytorch.ts";
import {
  pytorchGranule,
  type PytorchPool,
  pytorchPoolFor,
  pytorchRoundSize,
  pytorchSegmentSize,
  pytorchShouldSplit,
} from "./pytorch_rules.ts";

type Op = { kind: "alloc"; size: number } | { kind: "free"; pick: number };

interface Extent {
  offset: number;
  size: number;
}

interface FreeView {
  start: number;
  length: number;
  segment?: number;
}

interface Reference {
  allocate(tensor: number, size: number): number;
  free(tensor: number): void;
}

// ---- naive references -------------------------------------------------------

class NaiveArena implements Reference {
  free_: Extent[] = [];
  top = 0;
  live = new Map<number, Extent>();
  constructor(readonly fit: FitPolicy, readonly alignment: number) {}

  allocate(tensor: number, size: number): number {
    const need = roundUp(size, this.alignment);
    const fits = this.free_.filter((r) => r.size >= need);
    if (this.fit === "best-fit") fits.sort((a, b) => a.size - b.size || a.offset - b.offset);
    else fits.sort((a, b) => a.offset - b.offset);
    let offset: number;
    if (fits.length > 0) {
      offset = fits[0].offset;
      fits[0].offset += need;
      fits[0].size -= need;
    } else {
      const atTop = this.free_.find((r) => r.offset + r.size === this.top);
      offset = atTop !== undefined ? atTop.offset : this.top;
      if (atTop !== undefined) atTop.size = 0;
      this.top = offset + need;
    }
    this.free_ = this.free_.filter((r) => r.size > 0);
    this.live.set(tensor, { offset, size: need });
    return offset;
  }

  free(tensor: number): void {
    this.free_.push(this.live.get(tensor)!);
    this.live.delete(tensor);
    this.free_.sort((a, b) => a.offset - b.offset);
    const merged: Extent[] = [];
    for (const r of this.free_) {
      const last = merged.at(-1);
      if (last !== undefined && last.offset + last.size === r.offset) last.size += r.size;
      else merged.push({ ...r });
    }
    this.free_ = merged;
  }
}

interface NaiveBlock {
  start: number;
  size: number;
  segment: number;
  pool: PytorchPool;
  free: boolean;
}

class NaivePytorch implements Reference {
  blocks: NaiveBlock[] = [];
  live = new Map<number, NaiveBlock>();
  segments = 0;
  nextBase = 0;
  readonly granule: number;
  constructor(alignment: number) {
    this.granule = pytorchGranule(alignment);
  }

  allocate(tensor: number, size: number): number {
    const rounded = pytorchRoundSize(size, this.granule);
    const pool = pytorchPoolFor(rounded);
    let block = this.blocks
      .filter((b) => b.free && b.pool === pool && b.size >= rounded)
      .sort((a, b) => a.size - b.size || a.start - b.start)[0];
    if (block === undefined) {
      const base = roundUp(this.nextBase, this.granule);
      const size = pytorchSegmentSize(rounded);
      this.nextBase = base + size;
      block = { start: base, size, segment: this.segments++, pool, free: true };
      this.blocks.push(block);
    }
    if (pytorchShouldSplit(pool, block.size, rounded)) {
      this.blocks.push({ ...block, start: block.start + rounded, size: block.size - rounded });
      block.size = rounded;
    }
    block.free = false;
    this.blocks.sort((a, b) => a.start - b.start);
    this.live.set(tensor, block);
    return block.start;
  }

  free(tensor: number): void {
    this.live.get(tensor)!.free = true;
    this.live.delete(tensor);
    const merged: NaiveBlock[] = [];
    for (const b of this.blocks) {
      const last = merged.at(-1);
      if (
        last !== undefined && last.free && b.free && last.segment === b.segment &&
        last.start + last.size === b.start
      ) last.size += b.size;
      else merged.push(b);
    }
    this.blocks = merged;
  }
}

// ---- the naive checker -------------------------------------------------------

function disjoint(a: Extent, b: Extent): boolean {
  return a.offset + a.size <= b.offset || b.offset + b.size <= a.offset;
}

/** The invariants every allocator keeps, checked pairwise (O(n²)) and by brute force. */
function checkCommon(live: Map<number, Extent>, free: FreeView[], alignment: number): void {
  const extents = [...live.values()];
  for (let i = 0; i < extents.length; i++) {
    assert.equal(extents[i].offset % alignment, 0, `offset ${extents[i].offset} misaligned`);
    for (let j = i + 1; j < extents.length; j++) {
      assert.ok(disjoint(extents[i], extents[j]), "two live allocations overlap");
    }
  }
  for (let i = 0; i < free.length; i++) {
    const f = { offset: free[i].start, size: free[i].length };
    assert.ok(f.size > 0, "empty free range");
    for (const e of extents) assert.ok(disjoint(f, e), "a free range overlaps a live allocation");
    for (let j = 0; j < free.length; j++) {
      if (i === j) continue;
      const g = { offset: free[j].start, size: free[j].length };
      assert.ok(disjoint(f, g), "two free ranges overlap");
      const sameSegment = free[i].segment === free[j].segment;
      assert.ok(!(sameSegment && f.offset + f.size === g.offset), "two free ranges touch");
    }
  }
}

function checkArena(a: ArenaAllocator, live: Map<number, Extent>, alignment: number): void {
  const free = a.freeRanges();
  checkCommon(live, free, alignment);
  const rounded = [...live.values()].reduce((s, e) => s + roundUp(e.size, alignment), 0);
  assert.equal(a.allocated(), rounded);
  // Live blocks and free ranges are disjoint and inside [0, top); equal byte
  // counts then mean they tile the arena exactly.
  for (const f of free) assert.ok(f.start + f.length <= a.top);
  for (const e of live.values()) assert.ok(e.offset + roundUp(e.size, alignment) <= a.top);
  assert.equal(free.reduce((s, f) => s + f.length, 0) + rounded, a.top);
}

function checkPytorch(a: PytorchAllocator, live: Map<number, Extent>, alignment: number): void {
  checkCommon(live, a.freeRanges(), alignment);
  const segments = a.segments();
  assert.equal(a.reserved(), segments.reduce((s, g) => s + g.size, 0));
  const blocks = a.blocks();
  assert.equal(a.allocated(), blocks.filter((b) => !b.free).reduce((s, b) => s + b.size, 0));
  assert.equal(blocks.filter((b) => !b.free).length, live.size);
  for (const s of segments) {
    let at = s.base; // the blocks of a segment tile it from base to base + size
    for (const b of blocks.filter((b) => b.segment === s.id)) {
      assert.equal(b.start, at);
      at += b.size;
    }
    assert.equal(at, s.base + s.size);
  }
  for (let i = 1; i < segments.length; i++) {
    assert.ok(segments[i - 1].base + segments[i - 1].size <= segments[i].base);
  }
  for (const [, e] of live) {
    const b = blocks.find((b) => b.start === e.offset)!;
    assert.ok(!b.free && e.size <= b.size, "a live tensor is not inside its block");
  }
}

// ---- the runs ------------------------------------------------------------------

function ops(size: fc.Arbitrary<number>): fc.Arbitrary<Op[]> {
  const op: fc.Arbitrary<Op> = fc.oneof(
    { weight: 3, arbitrary: fc.record({ kind: fc.constant("alloc" as const), size }) },
    { weight: 2, arbitrary: fc.record({ kind: fc.constant("free" as const), pick: fc.nat() }) },
  );
  return fc.array(op, { maxLength: 120, size: "max" });
}

function replay<A extends Reference>(
  allocator: A,
  reference: Reference,
  sequence: Op[],
  check: (a: A, live: Map<number, Extent>) => void,
): void {
  const live = new Map<number, Extent>();
  const ids: number[] = [];
  let next = 0;
  for (const op of sequence) {
    if (op.kind === "alloc") {
      const offset = allocator.allocate(next, op.size);
      assert.equal(offset, reference.allocate(next, op.size), "offset differs from the reference");
      live.set(next, { offset, size: op.size });
      ids.push(next++);
    } else if (ids.length > 0) {
      const i = op.pick % ids.length;
      const t = ids[i];
      ids[i] = ids[ids.length - 1];
      ids.pop();
      allocator.free(t);
      reference.free(t);
      live.delete(t);
    }
    check(allocator, live);
  }
}

const RUNS = 500;

const arenaSizes = fc.oneof(fc.integer({ min: 1, max: 16 }), fc.integer({ min: 1, max: 100 }));

for (const fit of ["first-fit", "best-fit"] as const) {
  for (const alignment of [1, 8, 12]) {
    Deno.test(`${fit} (alignment ${alignment}) keeps its invariants over random sequences`, () => {
      fc.assert(
        fc.property(ops(arenaSizes), (sequence) => {
          replay(
            new ArenaAllocator({ fit, alignment }),
            new NaiveArena(fit, alignment),
            sequence,
            (a, live) => checkArena(a, live, alignment),
          );
        }),
        { numRuns: RUNS },
      );
    });
  }
}

const MiB = 1 << 20;
const pytorchSizes = fc.oneof(
  fc.integer({ min: 1, max: 4096 }),
  fc.integer({ min: 1, max: MiB }),
  fc.integer({ min: MiB, max: 24 * MiB }),
  fc.constantFrom(512, MiB, MiB + 1, 10 * MiB, 12 * MiB, 19 * MiB),
);

for (const alignment of [1, 4096, 1536]) {
  Deno.test(`pytorch (alignment ${alignment}) keeps its invariants over random sequences`, () => {
    fc.assert(
      fc.property(ops(pytorchSizes), (sequence) => {
        replay(
          createPytorchAllocator({ alignment }),
          new NaivePytorch(alignment),
          sequence,
          (a, live) => checkPytorch(a, live, alignment),
        );
      }),
      { numRuns: RUNS },
    );
  });
}
