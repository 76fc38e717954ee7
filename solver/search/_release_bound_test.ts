import assert from "node:assert/strict";
import { tightInstance } from "../../bench/generators/tight.ts";
import { assertPlacementValid } from "../../testkit/mod.ts";
import { randomInt, seeded } from "../../testkit/prng.ts";
import { ReleaseBound } from "./_release_bound.ts";
import { searchEveryPart } from "./_search_parts_test_util.ts";

/**
 * The bound by its definition: every section of `[from, to)`, every release
 * of a buffer covering it but the lowest one of all (the search's room check).
 */
function naive(
  members: number[],
  placed: Uint8Array,
  release: Float64Array,
  footprint: Float64Array,
  first: Int32Array,
  end: Int32Array,
  capacity: number,
  from: number,
  to: number,
): boolean {
  const open = members.filter((b) => placed[b] === 0);
  const lowest = Math.min(...open.map((b) => release[b]));
  for (const b of open) {
    if (release[b] === lowest) continue;
    for (let s = Math.max(from, first[b]); s < Math.min(to, end[b]); s++) {
      let above = 0;
      for (const c of open) {
        if (first[c] <= s && s < end[c] && release[c] >= release[b]) above += footprint[c];
      }
      if (above > capacity - release[b]) return false;
    }
  }
  return true;
}

/**
 * Random nodes, several per bound (it keeps its order from call to call);
 * `wide`: long lifespans over many sections, which the bound sums in a tree.
 * Returns how many nodes were refused.
 */
function agreesOnRandomNodes(seed: number, wide: boolean): number {
  const random = seeded(seed);
  let refused = 0;
  for (let trial = 0; trial < 400; trial++) {
    const n = randomInt(random, 1, 12);
    const sections = wide ? randomInt(random, 40, 64) : randomInt(random, 1, 8);
    const first = new Int32Array(n), end = new Int32Array(n);
    const footprint = new Float64Array(n);
    for (let b = 0; b < n; b++) {
      first[b] = wide ? randomInt(random, 0, 8) : randomInt(random, 0, sections - 1);
      end[b] = wide
        ? randomInt(random, sections - 8, sections)
        : randomInt(random, first[b] + 1, sections);
      footprint[b] = randomInt(random, 1, 6);
    }
    const bound = new ReleaseBound({ footprint, first, end });
    // Several nodes per search: the bound keeps its order from call to call.
    for (let call = 0; call < 5; call++) {
      const placed = Uint8Array.from({ length: n }, () => random() < 0.3 ? 1 : 0);
      const release = Float64Array.from({ length: n }, () => randomInt(random, 0, 4));
      // A side: the buffers lying within [lo, hi); the others are left out.
      const lo = randomInt(random, 0, 2), hi = randomInt(random, sections - 2, sections);
      const members = Array.from({ length: n }, (_, b) => b)
        .filter((b) => first[b] >= lo && end[b] <= hi);
      const capacity = randomInt(random, 6, 14);
      // Every other call checks only some sections, as a node whose parent held.
      const whole = call % 2 === 0;
      const from = whole ? lo : randomInt(random, 0, sections - 1);
      const to = whole ? hi : randomInt(random, from, sections);
      const expected = naive(members, placed, release, footprint, first, end, capacity, from, to);
      const got = whole
        ? bound.holds(placed, release, capacity, lo, hi)
        : bound.holds(placed, release, capacity, lo, hi, from, to);
      assert.equal(got, expected, `trial ${trial} call ${call}`);
      if (!got) refused++;
    }
  }
  return refused;
}

Deno.test("ReleaseBound agrees with its definition on random nodes, called again and again", () => {
  const refused = agreesOnRandomNodes(11, false);
  // Both answers came up often.
  assert.ok(refused > 100 && refused < 1900, `${refused}`);
});

Deno.test("ReleaseBound agrees with its definition where lifespans are long (sums in a tree)", () => {
  const refused = agreesOnRandomNodes(12, true);
  assert.ok(refused > 100 && refused < 1900, `${refused}`);
});

Deno.test("the release bound cuts the search on a tight cut, and it still packs", () => {
  // A 4096 × 4096 strip cut into 60 pieces: capacity = peak live.
  const t = tightInstance({ seed: 5036, buffers: 60, capacity: 4096, horizon: 4096, unit: 64 });
  const nodesWith = (releases: boolean): number => {
    const { outcomes, offsets, nodes } = searchEveryPart(t.problem, {
      capacity: t.capacity,
      alignment: 1,
      deadline: Infinity,
      releases,
    });
    for (const o of outcomes) assert.equal(o, "found");
    assertPlacementValid(t.problem, offsets);
    assert.ok(offsets.every((o, i) => o + t.problem.buffers[i].size <= t.capacity));
    return nodes;
  };
  // 63 against 65 at this writing.
  const on = nodesWith(true), off = nodesWith(false);
  assert.ok(on < off, `${on} nodes with the bound, ${off} without`);
});
