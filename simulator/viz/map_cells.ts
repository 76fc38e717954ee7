/**
 * Which tensors of a memory map are drawn one rectangle each, and which are
 * merged into aggregate cells, so a million-tensor graph stays a picture of
 * bounded size.
 *
 * @module
 */
import type { IndexedGraph } from "../../graph/indexed_graph.ts";
import type { Lifetimes } from "../../graph/types.ts";
import { KIND_STACK_ORDER } from "./palette.ts";

/** The plot a memory map draws into: steps across, addresses `[0, addressMax]` up. */
export interface MapGeometry {
  steps: number;
  addressMax: number;
  /** Plot size in pixels. */
  plotWidth: number;
  plotHeight: number;
}

/** Options of {@linkcode mapCells}. */
export interface MapCellsOptions {
  /** At most this many tensors are drawn one rectangle each; default 20,000. */
  cap?: number;
  /** A tensor under this many pixels wide or tall is merged; default 1. */
  minPx?: number;
  /** Side of an aggregate cell in pixels; default 4. */
  cellPx?: number;
}

/**
 * A run of aggregate cells in one row, for one kind: pixels relative to the
 * plot's bottom-left corner, y growing upwards (with the address).
 */
export interface AggregateCell {
  kind: number;
  x0: number;
  x1: number;
  /** The part of the cell row this kind fills (kinds stacked in stack order). */
  y0: number;
  y1: number;
  /** Share of the row's height it fills: the merged tensors' coverage, rounded up to quarters. */
  fill: number;
  /** Merged tensors whose centre lies in the run, and their total size. */
  count: number;
  bytes: number;
}

/** The split of a memory map's tensors. */
export interface MapCells {
  /** Tensor indices drawn one rectangle each, ascending. */
  drawn: Int32Array;
  /** Number of tensors merged into {@linkcode cells}. */
  aggregated: number;
  cells: AggregateCell[];
  /** Tensors of size 0 (they occupy no memory and are never drawn). */
  zeroSize: number;
  /** Tensors of positive size without an offset (a replay that placed nothing). */
  unplaced: number;
}

/**
 * Splits the tensors of positive size. Those at least `minPx` wide and tall
 * are drawn, up to `cap` of them (the largest on screen win). The rest are
 * merged per (kind, step bucket, address bucket) into cells of `cellPx`
 * pixels: within a cell each kind fills a share of the height equal to the
 * share of the cell its tensors cover, kinds stacked, so colours stay the
 * palette's and a packed region looks solid; equal neighbours in a row become
 * one rectangle.
 *
 * A tensor less than a pixel tall is merged even when it is wide: drawn alone
 * it would be an anti-aliased hairline, and many of them a pale wash.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { loadGraph } from "../../graph/load.ts";
 * import { simulate } from "../simulate.ts";
 * const g = await loadGraph("testdata/graphs/tiny.json");
 * const r = simulate(g);
 * const split = mapCells(g, r.lifetimes, r.offsets, {
 *   steps: g.opCount, addressMax: r.arena, plotWidth: 1000, plotHeight: 400,
 * });
 * assert.equal(split.drawn.length + split.aggregated, 6); // tensors of positive size
 * ```
 */
export function mapCells(
  g: IndexedGraph,
  lt: Lifetimes,
  offsets: Float64Array,
  geometry: MapGeometry,
  options: MapCellsOptions = {},
): MapCells {
  const cap = Math.max(0, options.cap ?? 20_000);
  const minPx = options.minPx ?? 1;
  const { plotWidth, plotHeight } = geometry;
  const pxStep = plotWidth / Math.max(1, geometry.steps);
  const pxByte = geometry.addressMax > 0 ? plotHeight / geometry.addressMax : 0;
  const big: number[] = [], small: number[] = [];
  let zeroSize = 0, unplaced = 0;
  for (let t = 0; t < g.tensorCount; t++) {
    const size = g.size[t];
    if (!(size > 0)) {
      zeroSize++;
      continue;
    }
    if (!Number.isFinite(offsets[t])) {
      unplaced++;
      continue;
    }
    const w = (lt.last[t] - lt.first[t] + 1) * pxStep, h = size * pxByte;
    (w < minPx || h < minPx ? small : big).push(t);
  }
  const drawn = big.length <= cap
    ? Int32Array.from(big)
    : largest(big, cap, (t) => (lt.last[t] - lt.first[t] + 1) * g.size[t], small);
  const cells = aggregate(g, lt, offsets, small, pxStep, pxByte, geometry, options.cellPx ?? 4);
  return { drawn, aggregated: small.length, cells, zeroSize, unplaced };
}

/** The `cap` tensors of largest area, ascending; the others go to `rest`. */
function largest(
  ts: number[],
  cap: number,
  area: (t: number) => number,
  rest: number[],
): Int32Array {
  const areas = Float64Array.from(ts, area);
  // A native numeric sort of the areas finds the threshold much faster than
  // sorting the indices with a comparator.
  const threshold = cap === 0 ? Infinity : areas.slice().sort()[areas.length - cap];
  let above = 0;
  for (let i = 0; i < ts.length; i++) if (areas[i] > threshold) above++;
  let ties = cap - above;
  const out = new Int32Array(cap);
  let k = 0;
  for (let i = 0; i < ts.length; i++) {
    if (areas[i] > threshold || (areas[i] === threshold && ties-- > 0)) out[k++] = ts[i];
    else rest.push(ts[i]);
  }
  rest.sort((a, b) => a - b);
  return out;
}

/** Per kind: covered pixels and centred tensors per cell, row-major. */
interface Grid {
  cover: Float64Array;
  count: Uint32Array;
  bytes: Float64Array;
}

function aggregate(
  g: IndexedGraph,
  lt: Lifetimes,
  offsets: Float64Array,
  ts: number[],
  pxStep: number,
  pxByte: number,
  geometry: MapGeometry,
  cellPx: number,
): AggregateCell[] {
  if (ts.length === 0) return [];
  const { plotWidth: W, plotHeight: H } = geometry;
  const nx = Math.max(1, Math.ceil(W / cellPx)), ny = Math.max(1, Math.ceil(H / cellPx));
  const grids = coverGrids(g, lt, offsets, ts, pxStep, pxByte, W, H, cellPx, nx, ny);
  const kinds = KIND_STACK_ORDER.filter((k) => grids.has(k));
  const out: AggregateCell[] = [];
  for (let by = 0; by < ny; by++) {
    const rowY0 = by * cellPx, rowH = Math.min(H, rowY0 + cellPx) - rowY0;
    const open = new Map<number, AggregateCell>();
    for (let bx = 0; bx < nx; bx++) {
      const i = by * nx + bx;
      const x0 = bx * cellPx, x1 = Math.min(W, x0 + cellPx);
      const area = Math.max((x1 - x0) * rowH, 1e-9);
      let total = 0;
      const fills = kinds.map((k) => {
        const grid = grids.get(k)!;
        // Rounding in the difference array can leave crumbs far below a pixel.
        const f = grid.cover[i] > 1e-9 || grid.count[i] > 0 ? quantise(grid.cover[i] / area) : 0;
        total += f;
        return f;
      });
      const scale = total > 1 ? 1 / total : 1;
      let y = rowY0;
      kinds.forEach((k, j) => {
        if (fills[j] === 0) return;
        const grid = grids.get(k)!;
        const fill = fills[j] * scale, y0 = y, y1 = y + fill * rowH;
        y = y1;
        const run = open.get(k);
        if (run && run.x1 === x0 && run.y0 === y0 && run.y1 === y1) {
          run.x1 = x1;
          run.count += grid.count[i];
          run.bytes += grid.bytes[i];
        } else {
          const cell = {
            kind: k,
            x0,
            x1,
            y0,
            y1,
            fill,
            count: grid.count[i],
            bytes: grid.bytes[i],
          };
          open.set(k, cell);
          out.push(cell);
        }
      });
    }
  }
  return out;
}

function coverGrids(
  g: IndexedGraph,
  lt: Lifetimes,
  offsets: Float64Array,
  ts: number[],
  pxStep: number,
  pxByte: number,
  W: number,
  H: number,
  cellPx: number,
  nx: number,
  ny: number,
): Map<number, Grid> {
  // Partial first and last columns are added directly, the full columns between
  // them through a per-row difference array: a tensor as wide as the plot costs
  // one update per row it spans, not one per cell.
  const grids = new Map<number, Grid & { span: Float64Array }>();
  const gridOf = (kind: number) => {
    let grid = grids.get(kind);
    if (!grid) {
      const n = nx * ny;
      grid = {
        cover: new Float64Array(n),
        span: new Float64Array(ny * (nx + 1)),
        count: new Uint32Array(n),
        bytes: new Float64Array(n),
      };
      grids.set(kind, grid);
    }
    return grid;
  };
  const clampX = (v: number) => Math.min(Math.max(v, 0), W);
  const clampY = (v: number) => Math.min(Math.max(v, 0), H);
  for (const t of ts) {
    const grid = gridOf(g.kind[t]);
    const x0 = clampX(lt.first[t] * pxStep), x1 = clampX((lt.last[t] + 1) * pxStep);
    const y0 = clampY(offsets[t] * pxByte), y1 = clampY((offsets[t] + g.size[t]) * pxByte);
    const cx = Math.min(nx - 1, Math.floor((x0 + x1) / 2 / cellPx));
    const cy = Math.min(ny - 1, Math.floor((y0 + y1) / 2 / cellPx));
    grid.count[cy * nx + cx]++;
    grid.bytes[cy * nx + cx] += g.size[t];
    const [bx0, bx1] = bucketRange(x0, x1, cellPx, nx);
    const [by0, by1] = bucketRange(y0, y1, cellPx, ny);
    const dxFirst = Math.min(x1, (bx0 + 1) * cellPx) - x0;
    const dxLast = x1 - Math.max(x0, bx1 * cellPx);
    for (let by = by0; by <= by1; by++) {
      const dy = Math.min(y1, (by + 1) * cellPx) - Math.max(y0, by * cellPx);
      const row = by * nx;
      if (bx0 === bx1) {
        grid.cover[row + bx0] += (x1 - x0) * dy;
        continue;
      }
      grid.cover[row + bx0] += dxFirst * dy;
      grid.cover[row + bx1] += dxLast * dy;
      if (bx1 - bx0 > 1) {
        grid.span[by * (nx + 1) + bx0 + 1] += cellPx * dy;
        grid.span[by * (nx + 1) + bx1] -= cellPx * dy;
      }
    }
  }
  for (const grid of grids.values()) {
    for (let by = 0; by < ny; by++) {
      let acc = 0;
      for (let bx = 0; bx < nx; bx++) {
        acc += grid.span[by * (nx + 1) + bx];
        grid.cover[by * nx + bx] += acc;
      }
    }
  }
  return grids;
}

/** Buckets `[lo, hi]` a pixel span `[a, b)` touches; an empty span touches the bucket of `a`. */
function bucketRange(a: number, b: number, cellPx: number, n: number): [number, number] {
  const lo = Math.min(n - 1, Math.floor(a / cellPx));
  return [lo, Math.min(n - 1, Math.max(lo, Math.ceil(b / cellPx) - 1))];
}

/** Rounds a share up to a quarter, so any merged tensor stays visible and runs merge. */
function quantise(share: number): number {
  return Math.min(1, Math.max(0.25, Math.ceil(share * 4 - 1e-6) / 4));
}
