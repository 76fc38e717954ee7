/**
 * The discrete-event simulator: replay, allocator models, verification.
 *
 * @module
 */
export * from "./allocator.ts";
export { createAllocator } from "./allocators/mod.ts";
export * from "./violations.ts";
export * from "./simulate.ts";
export * from "./report_json.ts";
export * from "./verify_placement.ts";
export * from "./naive_verify.ts";
export * from "./overlap_check.ts";
export * from "./footprint.ts";
export * from "./describe_violation.ts";
