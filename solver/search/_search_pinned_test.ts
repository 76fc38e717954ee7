import assert from "node:assert/strict";
import fc from "npm:fast-check@4.10.2";
import { smallProblem } from "./_arbitraries.ts";
import { type Component, splitComponents } from "./_components.ts";
import { HEURISTICS } from "./_heuristics.ts";
import { solvePart } from "./_portfolio.ts";
import { searchComponent } from "./_search_component.ts";
import { placeFirstFit } from "../placers/first_fit.ts";
import { problemOfRows } from "../../testkit/mod.ts";

const SEED = 20261207;

/** Checks a found placement of a part: no overlaps, under the capacity. */
function assertValid(comp: Component, offsets: Float64Array, capacity: number) {
  const n = comp.ids.length;
  for (let b = 0; b < n; b++) {
    assert.ok(offsets[b] >= 0);
    assert.ok(offsets[b] + comp.size[b] <= capacity);
    for (let a = 0; a < b; a++) {
      if (comp.first[a] >= comp.end[b] || comp.first[b] >= comp.end[a]) continue;
      const apart = offsets[a] + comp.footprint[a] <= offsets[b] ||
        offsets[b] + comp.footprint[b] <= offsets[a];
      assert.ok(apart, `buffers ${a} and ${b} overlap`);
    }
  }
}

/**
 * The lowest height of a part with some buffers pinned (`pin[b]` an offset,
 * NaN when free), by brute force: the free ones first-fit around the pinned
 * ones and each other, over every order. Complete: in the order
 * of any placement's offsets, first fit puts each free buffer no higher
 * than that placement does.
 */
function bruteHeightPinned(comp: Component, pin: Float64Array, align: number): number {
  const n = comp.ids.length;
  const meets = (a: number, b: number) =>
    comp.first[a] < comp.end[b] && comp.first[b] < comp.end[a];
  const at = Float64Array.from(pin);
  const free = Array.from({ length: n }, (_, b) => b).filter((b) => Number.isNaN(pin[b]));
  let pinnedTop = 0;
  for (let b = 0; b < n; b++) {
    if (!Number.isNaN(pin[b])) pinnedTop = Math.max(pinnedTop, pin[b] + comp.size[b]);
  }
  let best = Infinity;
  const placed: number[] = [];
  for (let b = 0; b < n; b++) if (!Number.isNaN(pin[b])) placed.push(b);
  const permute = (k: number, height: number) => {
    if (height >= best) return;
    if (k === free.length) {
      best = height;
      return;
    }
    for (let i = k; i < free.length; i++) {
      [free[k], free[i]] = [free[i], free[k]];
      const b = free[k];
      const others = placed.filter((a) => meets(a, b)).sort((x, y) => at[x] - at[y]);
      let o = 0;
      for (const a of others) {
        if (at[a] < o + comp.footprint[b] && o < at[a] + comp.footprint[a]) {
          o = Math.ceil((at[a] + comp.footprint[a]) / align) * align;
        }
      }
      at[b] = o;
      placed.push(b);
      permute(k + 1, Math.max(height, o + comp.size[b]));
      placed.pop();
      [free[k], free[i]] = [free[i], free[k]];
    }
  };
  permute(0, pinnedTop);
  return best;
}

Deno.test("with pinned buffers, the search fits a capacity exactly when the brute force does", () => {
  let found = 0, refuted = 0;
  fc.assert(
    fc.property(
      smallProblem({ maxBuffers: 6 }),
      fc.array(fc.boolean(), { minLength: 6, maxLength: 6 }),
      fc.array(fc.integer({ min: 0, max: 12 }), { minLength: 6, maxLength: 6 }),
      fc.integer({ min: -2, max: 1 }),
      (drawn, pins, where, delta) => {
        const align = drawn.alignment ?? 1;
        for (const part of splitComponents(drawn)) {
          const n = part.ids.length;
          // Pinned buffers at drawn offsets, pushed up until they clear each other.
          const pin = new Float64Array(n).fill(NaN);
          for (let b = 0; b < n; b++) {
            if (!pins[b % pins.length]) continue;
            let o = where[b % where.length] * align;
            for (let moved = true; moved;) {
              moved = false;
              for (let a = 0; a < b; a++) {
                if (
                  Number.isNaN(pin[a]) || part.first[a] >= part.end[b] ||
                  part.first[b] >= part.end[a]
                ) continue;
                if (pin[a] < o + part.footprint[b] && o < pin[a] + part.footprint[a]) {
                  o = pin[a] + part.footprint[a];
                  moved = true;
                }
              }
            }
            pin[b] = o;
          }
          const comp = { ...part, pinned: pin };
          const capacity = Math.max(0, bruteHeightPinned(comp, pin, align) + delta);
          const fits = delta >= 0;
          for (const heuristic of HEURISTICS) {
            const r = searchComponent(comp, {
              capacity,
              alignment: align,
              deadline: Infinity,
              heuristic,
            });
            assert.equal(r.outcome, fits ? "found" : "infeasible", JSON.stringify(heuristic));
            if (!fits) continue;
            assertValid(comp, r.offsets, capacity);
            for (let b = 0; b < n; b++) {
              if (!Number.isNaN(pin[b])) assert.equal(r.offsets[b], pin[b]);
            }
          }
          const p = solvePart(comp, {
            capacity,
            alignment: align,
            deadline: Infinity,
            firstBudget: 1,
          });
          assert.equal(p.outcome, fits ? "found" : "infeasible");
          if (fits) found++;
          else refuted++;
        }
      },
    ),
    { seed: SEED, numRuns: 500 },
  );
  assert.ok(found > 50 && refuted > 50, `${found} found, ${refuted} refuted`);
});

Deno.test("pinned where a placement has them, the search finds one as low (larger parts)", () => {
  let parts = 0;
  fc.assert(
    fc.property(
      fc.array(
        fc.record({
          lower: fc.integer({ min: 0, max: 30 }),
          length: fc.integer({ min: 1, max: 10 }),
          size: fc.integer({ min: 1, max: 16 }),
          pinned: fc.boolean(),
        }),
        { minLength: 2, maxLength: 40 },
      ),
      (rows) => {
        const problem = problemOfRows(rows);
        const offsets = placeFirstFit(problem).offsets;
        for (const part of splitComponents(problem)) {
          const pin = Float64Array.from(part.ids, (i) => rows[i].pinned ? offsets[i] : NaN);
          let height = 0;
          for (const i of part.ids) height = Math.max(height, offsets[i] + rows[i].size);
          const comp = { ...part, pinned: pin };
          for (const heuristic of HEURISTICS) {
            const r = searchComponent(comp, {
              capacity: height,
              alignment: 1,
              deadline: Infinity,
              heuristic,
            });
            assert.equal(r.outcome, "found");
            assertValid(comp, r.offsets, height);
            pin.forEach((o, b) => {
              if (!Number.isNaN(o)) assert.equal(r.offsets[b], o);
            });
          }
          parts++;
        }
      },
    ),
    { seed: SEED, numRuns: 300 },
  );
  assert.ok(parts > 300);
});
