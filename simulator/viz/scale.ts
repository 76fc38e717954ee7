/**
 * Axis arithmetic: linear scales, "nice" tick values and byte units.
 *
 * @module
 */

/** A linear map from a domain `[0, max]` onto a pixel range. */
export interface LinearScale {
  (value: number): number;
  readonly max: number;
}

/**
 * A linear scale from `[0, max]` onto `[from, to]` (`to < from` flips it, as the
 * address axis of an SVG needs). A non-positive `max` maps everything to `from`.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * const y = linearScale(100, 300, 100); // 0 → 300, 100 → 100
 * assert.equal(y(50), 200);
 * ```
 */
export function linearScale(max: number, from: number, to: number): LinearScale {
  const k = max > 0 ? (to - from) / max : 0;
  const f = (v: number) => from + v * k;
  return Object.assign(f, { max });
}

/**
 * Tick values `0, step, 2·step, … ≤ max` with a step of 1, 2 or 5 times a power
 * of ten, about `target` of them. With `integer`, the step is at least 1.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * assert.deepEqual(niceTicks(23, 5), [0, 5, 10, 15, 20]);
 * ```
 */
export function niceTicks(max: number, target: number, integer = false): number[] {
  if (!(max > 0) || !Number.isFinite(max)) return [0];
  const step = niceStep(max / Math.max(1, target), integer);
  const out: number[] = [];
  // Multiply rather than add, so 0.1-steps do not drift into 0.30000000000000004.
  for (let i = 0; i * step <= max * (1 + 1e-9); i++) out.push(roundTo(i * step, step));
  return out;
}

/**
 * The smallest of 1, 2, 5 × 10^k that is at least `raw`.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * assert.equal(niceStep(3.2), 5);
 * ```
 */
export function niceStep(raw: number, integer = false): number {
  if (!(raw > 0)) return 1;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const norm = raw / mag;
  const step = (norm <= 1 ? 1 : norm <= 2 ? 2 : norm <= 5 ? 5 : 10) * mag;
  return integer ? Math.max(1, Math.round(step)) : step;
}

function roundTo(value: number, step: number): number {
  const decimals = Math.max(0, -Math.floor(Math.log10(step)) + 1);
  return Number(value.toFixed(Math.min(decimals, 20)));
}

/** A unit for byte axes. */
export interface ByteUnit {
  name: "B" | "KiB" | "MiB" | "GiB";
  bytes: number;
}

/**
 * The unit a byte axis reaching `max` is labelled in: MiB from 1 MiB up (real
 * steps), GiB from 64 GiB, KiB and B only for toy graphs.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * assert.deepEqual(byteUnit(800 * 2 ** 20), { name: "MiB", bytes: 1048576 });
 * ```
 */
export function byteUnit(max: number): ByteUnit {
  if (max >= 64 * 2 ** 30) return { name: "GiB", bytes: 2 ** 30 };
  if (max >= 2 ** 20) return { name: "MiB", bytes: 2 ** 20 };
  if (max >= 2 ** 10) return { name: "KiB", bytes: 2 ** 10 };
  return { name: "B", bytes: 1 };
}

const FORMATS = new Map<number, Intl.NumberFormat>();

/**
 * A number with thousands separators and exactly `decimals` decimals (integers
 * with none by default).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * assert.equal(formatNumber(1088.25, 1), "1,088.3");
 * ```
 */
export function formatNumber(value: number, decimals = 0): string {
  let f = FORMATS.get(decimals);
  if (!f) {
    // Building an Intl.NumberFormat costs far more than using one: thousands of labels share a few.
    f = new Intl.NumberFormat("en-US", {
      minimumFractionDigits: decimals,
      maximumFractionDigits: decimals,
    });
    FORMATS.set(decimals, f);
  }
  return f.format(value);
}

/**
 * Bytes in the unit that suits them, for labels: `746.3 MiB`, `4.0 KiB`, `23 B`.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * assert.equal(formatBytesShort(782496996), "746.2 MiB");
 * ```
 */
export function formatBytesShort(bytes: number): string {
  const u = byteUnit(bytes);
  return u.bytes === 1
    ? `${formatNumber(bytes)} B`
    : `${formatNumber(bytes / u.bytes, 1)} ${u.name}`;
}

/**
 * A pixel coordinate in at most two decimals: enough for any screen, and it
 * keeps a 20,000-rectangle picture small.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * assert.equal(px(12.3456), "12.35");
 * ```
 */
export function px(value: number): string {
  const r = Math.round(value * 100) / 100;
  return String(Object.is(r, -0) ? 0 : r);
}
