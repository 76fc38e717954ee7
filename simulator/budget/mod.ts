/**
 * The judge of plans under a memory budget (`memplan.plan/v2`).
 *
 * @module
 */
export * from "./violations.ts";
export * from "./replay.ts";
export * from "./verify_budget_plan.ts";
