/**
 * JSON Schemas of the JSON formats (graph v1, plan v1 and v2), generated from the zod schemas that
 * validate them, so the published schema and the validator cannot disagree.
 * `deno task schemas` writes them to `docs/schemas/`; a test fails when the
 * committed files are stale.
 *
 * @module
 */
import { z } from "npm:zod@4.6.7";
import { budgetPlanSchema } from "./budget/budget_plan.ts";
import {
  graphHeadSchema,
  offsetSchema,
  opSchema,
  orderEntrySchema,
  planHeadSchema,
  tensorSchema,
} from "./schema.ts";

/** Where the schemas are published, relative to the repository root. */
export const SCHEMA_FILES = {
  graph: "docs/schemas/memplan.graph.v1.schema.json",
  plan: "docs/schemas/memplan.plan.v1.schema.json",
  planV2: "docs/schemas/memplan.plan.v2.schema.json",
} as const;

// The validators check the big arrays element by element (for speed); here the
// whole document is one schema, built from the same element schemas.
const graphDocument = graphHeadSchema.extend({
  tensors: z.array(tensorSchema),
  ops: z.array(opSchema),
});

const planDocument = planHeadSchema.extend({
  order: z.array(orderEntrySchema).optional(),
  offsets: z.record(z.string(), offsetSchema).optional(),
});

function document(
  schema: z.ZodType,
  title: string,
  description: string,
): Record<string, unknown> {
  // "input": what a reader accepts (unknown keys are ignored, not rejected).
  const json = z.toJSONSchema(schema, { io: "input" }) as Record<string, unknown>;
  const { $schema, ...rest } = json;
  return { $schema, title, description, ...rest };
}

/**
 * The JSON Schema of `memplan.graph/v1`.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * assert.equal(graphJsonSchema().title, "memplan.graph/v1");
 * ```
 */
export function graphJsonSchema(): Record<string, unknown> {
  return document(
    graphDocument,
    "memplan.graph/v1",
    "One training step as a dataflow graph of ops and the tensors (storages) they read and " +
      "write; see docs/FORMAT.md. Cross-references (ids, producers, topological order) are " +
      "checked by memplan, not by this schema.",
  );
}

/**
 * The JSON Schema of `memplan.plan/v1`.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * assert.equal(planJsonSchema().title, "memplan.plan/v1");
 * ```
 */
export function planJsonSchema(): Record<string, unknown> {
  return document(
    planDocument,
    "memplan.plan/v1",
    "An order of a graph's ops and a byte offset per tensor; see docs/FORMAT.md. Whether the " +
      "plan fits its graph is checked by memplan's simulator, not by this schema.",
  );
}

/**
 * The JSON Schema of `memplan.plan/v2` (plans that recompute and offload),
 * from the same zod schema that `memplan verify` reads v2 plans with.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * const schema = planV2JsonSchema();
 * assert.equal(schema.title, "memplan.plan/v2");
 * assert.deepEqual((schema.properties as Record<string, unknown>).format, {
 *   type: "string",
 *   const: "memplan.plan/v2",
 * });
 * ```
 */
export function planV2JsonSchema(): Record<string, unknown> {
  return document(
    budgetPlanSchema,
    "memplan.plan/v2",
    "A plan under a memory budget: events (op ids, which may repeat to recompute, and " +
      "offloads and fetches of tensors) and a byte offset per residency; see docs/FORMAT.md §7. " +
      "Whether the plan keeps the step's results and fits its budget is checked by memplan's " +
      "simulator, not by this schema.",
  );
}

/**
 * The schema files' contents, keyed by path: exactly what `deno task schemas` writes.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * assert.deepEqual(Object.keys(schemaFiles()), [
 *   "docs/schemas/memplan.graph.v1.schema.json",
 *   "docs/schemas/memplan.plan.v1.schema.json",
 *   "docs/schemas/memplan.plan.v2.schema.json",
 * ]);
 * ```
 */
export function schemaFiles(): Record<string, string> {
  return {
    [SCHEMA_FILES.graph]: JSON.stringify(graphJsonSchema(), null, 2) + "\n",
    [SCHEMA_FILES.plan]: JSON.stringify(planJsonSchema(), null, 2) + "\n",
    [SCHEMA_FILES.planV2]: JSON.stringify(planV2JsonSchema(), null, 2) + "\n",
  };
}
