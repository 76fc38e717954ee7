/**
 * Plans under a memory budget: the `memplan.plan/v2` format, its residency
 * rule, op costs and the rule of which ops may be recomputed.
 *
 * @module
 */
export * from "./events.ts";
export * from "./budget_plan.ts";
export * from "./op_cost.ts";
export * from "./recompute_rules.ts";
export * from "./training_chain.ts";
