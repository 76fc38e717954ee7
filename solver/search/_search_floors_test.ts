import assert from "node:assert/strict";
import fc from "npm:fast-check@4.10.2";
import { smallProblem } from "./_arbitraries.ts";
import { type Component, splitComponents } from "./_components.ts";
import { HEURISTICS } from "./_heuristics.ts";
import { solvePart } from "./_portfolio.ts";
import { searchComponent } from "./_search_component.ts";

const SEED = 20261207;

/**
 * The lowest height of a part on its floors, by brute force: first fit (the
 * lowest aligned offset at or above the floors that clears every buffer
 * placed so far) over every order of the buffers. Complete: in the order of
 * any placement's offsets, first fit puts each buffer no higher than that
 * placement does.
 */
function bruteHeight(comp: Component, floors: Float64Array, align: number): number {
  const n = comp.ids.length;
  const ids = Array.from({ length: n }, (_, b) => b);
  let best = Infinity;
  const at = new Float64Array(n);
  const permute = (k: number, placed: number[], height: number) => {
    if (height >= best) return;
    if (k === n) {
      best = height;
      return;
    }
    for (let i = k; i < n; i++) {
      [ids[k], ids[i]] = [ids[i], ids[k]];
      const b = ids[k];
      let o = 0;
      for (let s = comp.first[b]; s < comp.end[b]; s++) o = Math.max(o, floors[s]);
      const meets = placed.filter((a) => comp.first[a] < comp.end[b] && comp.first[b] < comp.end[a])
        .sort((x, y) => at[x] - at[y]);
      for (const a of meets) {
        if (at[a] < o + comp.footprint[b] && o < at[a] + comp.footprint[a]) {
          o = Math.max(o, at[a] + comp.footprint[a]);
        }
      }
      // The gaps were scanned in offset order: o is the lowest fit above the floor.
      o = Math.ceil(o / align) * align;
      at[b] = o;
      placed.push(b);
      permute(k + 1, placed, Math.max(height, comp.size[b] > 0 ? o + comp.size[b] : 0));
      placed.pop();
      [ids[k], ids[i]] = [ids[i], ids[k]];
    }
  };
  permute(0, [], 0);
  return best;
}

/** Checks a found placement of a part: on its floors, no overlaps, under the capacity. */
function assertValid(
  comp: Component,
  floors: Float64Array,
  offsets: Float64Array,
  capacity: number,
) {
  const n = comp.ids.length;
  for (let b = 0; b < n; b++) {
    for (let s = comp.first[b]; s < comp.end[b]; s++) assert.ok(offsets[b] >= floors[s]);
    assert.ok(offsets[b] + comp.size[b] <= capacity);
    for (let a = 0; a < b; a++) {
      if (comp.first[a] >= comp.end[b] || comp.first[b] >= comp.end[a]) continue;
      const apart = offsets[a] + comp.footprint[a] <= offsets[b] ||
        offsets[b] + comp.footprint[b] <= offsets[a];
      assert.ok(apart, `buffers ${a} and ${b} overlap`);
    }
  }
}

const withFloors = fc.tuple(
  smallProblem({ maxBuffers: 6 }),
  fc.array(fc.integer({ min: 0, max: 6 }), { minLength: 12, maxLength: 12 }),
  fc.integer({ min: -2, max: 1 }),
);

Deno.test("on floors, the search fits a capacity exactly when the brute force does, every heuristic", () => {
  fc.assert(
    fc.property(withFloors, ([drawn, heights, delta]) => {
      const align = drawn.alignment ?? 1;
      for (const part of splitComponents(drawn)) {
        const floors = Float64Array.from(
          { length: part.sectionCount },
          (_, s) => heights[s % heights.length] * align,
        );
        const comp = { ...part, floors };
        const capacity = Math.max(0, bruteHeight(comp, floors, align) + delta);
        const fits = delta >= 0;
        for (const heuristic of HEURISTICS) {
          const r = searchComponent(comp, {
            capacity,
            alignment: align,
            deadline: Infinity,
            heuristic,
          });
          assert.equal(r.outcome, fits ? "found" : "infeasible", JSON.stringify(heuristic));
          if (fits) assertValid(comp, floors, r.offsets, capacity);
        }
        // The portfolio's later runs search the part's mirror, floors reversed.
        const p = solvePart(comp, {
          capacity,
          alignment: align,
          deadline: Infinity,
          firstBudget: 1,
        });
        assert.equal(p.outcome, fits ? "found" : "infeasible");
        if (fits) assertValid(comp, floors, p.offsets, capacity);
      }
    }),
    { seed: SEED, numRuns: 400 },
  );
});

Deno.test("a floor as high everywhere is a capacity that much lower", () => {
  fc.assert(
    fc.property(smallProblem({ maxBuffers: 6 }), fc.integer({ min: 1, max: 5 }), (p, lift) => {
      const align = p.alignment ?? 1;
      for (const part of splitComponents(p)) {
        const floors = new Float64Array(part.sectionCount).fill(lift * align);
        const ground = bruteHeight(part, new Float64Array(part.sectionCount), align);
        const r = searchComponent({ ...part, floors }, {
          capacity: ground + lift * align,
          alignment: align,
          deadline: Infinity,
        });
        assert.equal(r.outcome, "found");
        const below = searchComponent({ ...part, floors }, {
          capacity: ground + lift * align - 1,
          alignment: align,
          deadline: Infinity,
        });
        assert.equal(below.outcome, part.size.some((s) => s > 0) ? "infeasible" : "found");
      }
    }),
    { seed: SEED, numRuns: 200 },
  );
});
