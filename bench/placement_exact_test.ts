import assert from "node:assert/strict";
import { summarize } from "./placement_exact.ts";

Deno.test("summarize: counts solved per solver and the per-instance ratio over both solved", () => {
  const md = summarize([
    {
      name: "a",
      buffers: 3,
      capacity: 8,
      memplan: "optimal",
      memplanSeconds: 0.2,
      peer: "found",
      peerSeconds: 0.4,
    },
    {
      name: "b",
      buffers: 3,
      capacity: 8,
      memplan: "timeout",
      memplanSeconds: 10,
      peer: "found",
      peerSeconds: 1,
    },
    {
      name: "c",
      buffers: 3,
      capacity: 8,
      memplan: "infeasible",
      memplanSeconds: 2,
      peer: "timeout",
      peerSeconds: 10,
    },
  ], 10);
  assert.match(md, /\| memplan search \| 2 \| 1\.100 \| 2\.000 \|/);
  assert.match(md, /\| MiniMalloc \| 2 \| 0\.700 \| 1\.000 \|/);
  assert.match(
    md,
    /Both solved: 1; ratio memplan\/MiniMalloc median 0\.500, max 0\.500; ratio <= 1 on 1 of 1/,
  );
  assert.match(md, /by memplan only: 1, by MiniMalloc only: 1/);
});
