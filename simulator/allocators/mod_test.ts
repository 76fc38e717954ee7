import assert from "node:assert/strict";
import { ALLOCATOR_NAMES } from "../allocator.ts";
import {
  ArenaAllocator,
  createAllocator,
  type OnlineAllocatorName,
  PytorchAllocator,
} from "./mod.ts";

/** The crafted case of first_fit_test.ts: holes of 100 at 0 and 40 at 110, then 30 bytes. */
function holeChoice(name: OnlineAllocatorName): number {
  const a = createAllocator(name);
  a.allocate(0, 100);
  a.allocate(1, 10);
  a.allocate(2, 40);
  a.allocate(3, 10);
  a.free(0);
  a.free(2);
  return a.allocate(4, 30);
}

Deno.test("createAllocator builds the allocator each name stands for", () => {
  assert.equal(holeChoice("first-fit"), 0); // lowest hole
  assert.equal(holeChoice("best-fit"), 110); // tightest hole
  assert.ok(createAllocator("first-fit") instanceof ArenaAllocator);
  assert.ok(createAllocator("best-fit") instanceof ArenaAllocator);
  assert.ok(createAllocator("pytorch") instanceof PytorchAllocator);
});

Deno.test("createAllocator covers every online name of ALLOCATOR_NAMES", () => {
  for (const name of ALLOCATOR_NAMES) {
    if (name === "static") continue;
    assert.equal(createAllocator(name).allocate(0, 1), 0);
  }
});

Deno.test("createAllocator returns a fresh allocator each time and passes options on", () => {
  const a = createAllocator("best-fit", { alignment: 64 });
  const b = createAllocator("best-fit", { alignment: 64 });
  assert.equal(a.allocate(0, 1), 0);
  assert.equal(a.allocate(1, 1), 64); // 1 rounds up to 64
  assert.equal(b.allocate(0, 1), 0); // b saw none of a's calls
  const p = createAllocator("pytorch", { alignment: 4096 });
  p.allocate(0, 1);
  assert.equal(p.allocated!(), 4096);
});

Deno.test("createAllocator rejects unknown names", () => {
  assert.throws(() => createAllocator("static" as OnlineAllocatorName), RangeError);
  assert.throws(() => createAllocator("toString" as OnlineAllocatorName), RangeError);
});
