import assert from "node:assert/strict";
import {
  PYTORCH_SIZES,
  pytorchGranule,
  pytorchPoolFor,
  pytorchRoundSize,
  pytorchSegmentSize,
  pytorchShouldSplit,
} from "./pytorch_rules.ts";

const KiB = 1024;
const MiB = 1024 * KiB;

Deno.test("PyTorch constants are the allocator's", () => {
  assert.deepEqual(PYTORCH_SIZES, {
    minBlockSize: 512,
    smallSize: 1048576,
    smallBuffer: 2097152,
    largeBuffer: 20971520,
    minLargeAlloc: 10485760,
    roundLarge: 2097152,
  });
});

Deno.test("requests round up to a multiple of 512, at least 512", () => {
  assert.equal(pytorchRoundSize(1), 512);
  assert.equal(pytorchRoundSize(512), 512);
  assert.equal(pytorchRoundSize(513), 1024); // 2 * 512
  assert.equal(pytorchRoundSize(3 * MiB + 1), 3 * MiB + 512);
  assert.equal(pytorchRoundSize(1000, 4096), 4096); // with a 4096 granule
});

Deno.test("the granule is lcm(512, alignment)", () => {
  assert.equal(pytorchGranule(), 512);
  assert.equal(pytorchGranule(1), 512);
  assert.equal(pytorchGranule(64), 512);
  assert.equal(pytorchGranule(1024), 1024);
  assert.equal(pytorchGranule(1536), 1536); // 3 * 512
  assert.equal(pytorchGranule(3), 1536); // 512 * 3
  assert.throws(() => pytorchGranule(0), RangeError);
});

Deno.test("rounded requests up to 1 MiB use the small pool", () => {
  assert.equal(pytorchPoolFor(512), "small");
  assert.equal(pytorchPoolFor(MiB), "small");
  assert.equal(pytorchPoolFor(MiB + 512), "large");
});

Deno.test("segment sizes: 2 MiB small, 20 MiB under 10 MiB, else rounded to 2 MiB", () => {
  assert.equal(pytorchSegmentSize(512), 2 * MiB);
  assert.equal(pytorchSegmentSize(MiB), 2 * MiB);
  assert.equal(pytorchSegmentSize(MiB + 512), 20 * MiB);
  assert.equal(pytorchSegmentSize(3 * MiB), 20 * MiB);
  assert.equal(pytorchSegmentSize(10 * MiB - 512), 20 * MiB);
  assert.equal(pytorchSegmentSize(10 * MiB), 10 * MiB); // already a 2 MiB multiple
  assert.equal(pytorchSegmentSize(11 * MiB), 12 * MiB); // ceil(11 / 2) * 2
  assert.equal(pytorchSegmentSize(12 * MiB), 12 * MiB);
  assert.equal(pytorchSegmentSize(12 * MiB + 512), 14 * MiB);
});

Deno.test("split: small pool from a 512-byte remainder, large pool above 1 MiB", () => {
  assert.equal(pytorchShouldSplit("small", 2 * MiB, 2 * MiB - 512), true); // 512 left
  assert.equal(pytorchShouldSplit("small", 2 * MiB, 2 * MiB), false); // 0 left
  assert.equal(pytorchShouldSplit("large", 20 * MiB, 19 * MiB), false); // exactly 1 MiB left
  assert.equal(pytorchShouldSplit("large", 20 * MiB, 19 * MiB - 512), true); // 1 MiB + 512
  assert.equal(pytorchShouldSplit("large", 20 * MiB, 3 * MiB), true); // 17 MiB
});
