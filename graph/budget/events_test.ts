import assert from "node:assert/strict";
import { lifetimes, programOrder } from "../lifetimes.ts";
import { trainingChain } from "./training_chain.ts";
import { EVENT, residencies, residentBytes, runEvents } from "./events.ts";
import { liveTimeline } from "../metrics.ts";

Deno.test("without recompute or offload, residencies are FORMAT.md's lifetimes", () => {
  const g = trainingChain(3);
  const order = programOrder(g);
  const r = residencies(g, runEvents(order));
  const lt = lifetimes(g, order);
  assert.deepEqual(r.count, g.tensorCount);
  for (let i = 0; i < r.count; i++) {
    assert.deepEqual([r.first[i], r.last[i]], [lt.first[r.tensor[i]], lt.last[r.tensor[i]]]);
  }
  assert.deepEqual(residentBytes(g, r, order.length), liveTimeline(g, lt, order.length));
});

Deno.test("a recompute splits a residency; an offload ends one and a fetch starts one", () => {
  const g = trainingChain(2);
  const op = (id: string) => g.opIndex.get(id)!;
  const t = (id: string) => g.tensorIndex.get(id)!;
  // f1 f2 [offload a1] loss [fetch a1] b2 b1 u1 u2
  const kind = Uint8Array.from([0, 0, EVENT.offload, 0, EVENT.fetch, 0, 0, 0, 0]);
  const target = Int32Array.from([
    op("f1"),
    op("f2"),
    t("a1"),
    op("loss"),
    t("a1"),
    op("b2"),
    op("b1"),
    op("u1"),
    op("u2"),
  ]);
  const r = residencies(g, { kind, target });
  const a1 = [...r.byTensor.slice(r.byTensorStart[t("a1")], r.byTensorStart[t("a1") + 1])];
  assert.deepEqual(a1.map((i) => [r.first[i], r.last[i], r.ordinal[i]]), [[0, 2, 0], [4, 5, 1]]);
  // f1 f2 loss f1 b2 b1 u1 u2: the recompute of f1 starts a second residency of a1
  const names = ["f1", "f2", "loss", "f1", "b2", "b1", "u1", "u2"];
  const again = residencies(g, { kind: new Uint8Array(8), target: Int32Array.from(names.map(op)) });
  const ra = again.byTensor.slice(again.byTensorStart[t("a1")], again.byTensorStart[t("a1") + 1]);
  assert.deepEqual([...ra].map((i) => [again.first[i], again.last[i]]), [[0, 1], [3, 4]]);
});
