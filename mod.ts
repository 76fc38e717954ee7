/**
 * memplan: plan, verify and measure the memory of one training step.
 *
 * Import it by path or URL from a script anywhere and run it with
 * `deno run -A script.ts`: its npm dependencies are written as `npm:`
 * specifiers, so no import map or `--config` is needed.
 *
 * @example
 * ```ts
 * import { loadGraph, planGraph, simulate, verify } from "./mod.ts";
 * const g = await loadGraph("testdata/graphs/tiny.json");
 * const report = simulate(g);
 * const { plan } = await planGraph(g, { scheduler: "greedy", placer: "greedy-size" });
 * console.log(verify(g, plan).ok); // true
 * ```
 *
 * @module
 */
export * from "./graph/mod.ts";
export * from "./simulator/mod.ts";
export { planGraph, type PlanGraphOptions, type PlannedGraph } from "./solver/plan_graph.ts";
