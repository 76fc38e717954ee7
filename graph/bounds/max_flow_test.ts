import assert from "node:assert/strict";
import fc from "npm:fast-check@4.10.2";
import { FlowNetwork } from "./max_flow.ts";

function network(n: number, edges: [number, number, number][]): FlowNetwork {
  const net = new FlowNetwork();
  net.reset(n);
  for (const [u, v, c] of edges) net.addEdge(u, v, c);
  return net;
}

/** Capacity of the cut with `side` as source side (original capacities). */
function cutCapacity(side: (v: number) => boolean, edges: [number, number, number][]): number {
  let c = 0;
  for (const [u, v, cap] of edges) if (side(u) && !side(v)) c += cap;
  return c;
}

Deno.test("max flow: the textbook network (CLRS fig. 26.1) carries 23", () => {
  // s=0, v1..v4 = 1..4, t=5
  const edges: [number, number, number][] = [
    [0, 1, 16],
    [0, 2, 13],
    [2, 1, 4],
    [1, 3, 12],
    [3, 2, 9],
    [2, 4, 14],
    [4, 3, 7],
    [3, 5, 20],
    [4, 5, 4],
  ];
  const net = network(6, edges);
  assert.equal(net.maxFlow(0, 5), 23);
  // min cut {s, v1, v2, v4} -> {v3, t}: 12 + 7 + 4 = 23
  const side = net.sourceSide(0);
  assert.deepEqual(Array.from(side), [1, 1, 1, 0, 1, 0]);
  assert.equal(net.maxFlow(0, 5), 0, "the network is left residual");
});

Deno.test("max flow: infinite edges are never cut; an all-infinite path is infinite", () => {
  // s -> a (5), a -> b (inf), b -> t (7), s -> b (2): cutting b -> t costs 7, as does
  // cutting both edges out of s; a cut between a and b would cost infinity
  assert.equal(network(4, [[0, 1, 5], [1, 2, Infinity], [2, 3, 7], [0, 2, 2]]).maxFlow(0, 3), 7);
  assert.equal(network(3, [[0, 1, Infinity], [1, 2, Infinity]]).maxFlow(0, 2), Infinity);
  assert.equal(network(3, [[0, 1, 4], [2, 1, 9]]).maxFlow(0, 2), 0, "no path");
});

Deno.test("max flow: reset reuses the storage, and nodes grow past the first allocation", () => {
  const net = new FlowNetwork();
  for (const n of [3, 100, 5]) {
    net.reset(n);
    // a chain s -> 1 -> … -> n-1 whose narrowest edge is n
    for (let i = 0; i + 1 < n; i++) net.addEdge(i, i + 1, i === 1 ? n : 1000);
    assert.equal(net.maxFlow(0, n - 1), n);
    assert.equal(net.nodeCount, n);
    assert.equal(net.edgeCount, n - 1);
  }
  assert.throws(() => net.addEdge(0, 1, -1), RangeError);
});

Deno.test("max flow: equals the least cut over all 2^(n-2) cuts of random networks", () => {
  const edge = (n: number) =>
    fc.tuple(
      fc.nat({ max: n - 1 }),
      fc.nat({ max: n - 1 }),
      fc.oneof(fc.nat({ max: 20 }), fc.constant(Infinity)),
    );
  const arb = fc.integer({ min: 2, max: 8 }).chain((n) =>
    fc.tuple(fc.constant(n), fc.array(edge(n), { maxLength: 20 }))
  );
  fc.assert(
    fc.property(arb, ([n, raw]) => {
      const edges = raw.filter(([u, v]) => u !== v) as [number, number, number][];
      const s = 0, t = n - 1;
      let least = Infinity;
      for (let mask = 0; mask < 1 << (n - 2); mask++) {
        const side = (v: number) => v === s || (v !== t && ((mask >> (v - 1)) & 1) === 1);
        least = Math.min(least, cutCapacity(side, edges));
      }
      const net = network(n, edges);
      const flow = net.maxFlow(s, t);
      assert.equal(flow, least);
      if (flow < Infinity) {
        const side = net.sourceSide(s);
        assert.equal(side[t], 0);
        assert.equal(cutCapacity((v) => side[v] === 1, edges), flow);
      }
    }),
    { numRuns: 300, seed: 5 },
  );
});
