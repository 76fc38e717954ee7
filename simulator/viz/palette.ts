/**
 * The colours of tensor kinds, shared by every panel so one legend reads for all.
 *
 * The palette is Okabe and Ito's (2008), chosen to stay distinguishable under
 * the common colour-vision deficiencies.
 *
 * @module
 */
import { type Kind, KINDS } from "../../graph/types.ts";

/** Fill colour per kind. */
export const KIND_COLOURS: Readonly<Record<Kind, string>> = {
  input: "#E69F00",
  weight: "#0072B2",
  optimizer_state: "#56B4E9",
  activation: "#009E73",
  gradient: "#D55E00",
  workspace: "#CC79A7",
  output: "#F0E442",
};

/** Legend labels per kind. */
export const KIND_LABELS: Readonly<Record<Kind, string>> = {
  input: "input",
  weight: "weight",
  optimizer_state: "optimizer state",
  activation: "activation",
  gradient: "gradient",
  workspace: "workspace",
  output: "output",
};

/**
 * Kind codes bottom to top in stacked charts and left to right in legends:
 * what stays resident all step first, so the bands that move sit on a flat base.
 */
export const KIND_STACK_ORDER: readonly number[] = [
  "weight",
  "optimizer_state",
  "input",
  "activation",
  "gradient",
  "workspace",
  "output",
].map((k) => KINDS.indexOf(k as Kind));

/**
 * The style rules that colour the kind classes `k0` … `k6` (class `k3` is kind
 * code 3, activation), so a rectangle names its colour in a few bytes.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * assert.match(kindCss(), /^\.k0\{fill:#E69F00\}/);
 * ```
 */
export function kindCss(): string {
  return KINDS.map((k, i) => `.k${i}{fill:${KIND_COLOURS[k]}}`).join("");
}
