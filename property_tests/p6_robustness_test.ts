/**
 * Property 6, robustness: random byte-level corruptions of valid graph, plan
 * and CSV files (plain and gzip), and JSON of the wrong shape, never crash the
 * loaders. Each case runs the CLI in-process on files in a temporary
 * directory: bad input gives one clear message and exit 2 (0 or 1 when the
 * corruption left a valid file), never exit 70 and never a stack trace.
 */
import { gzipSync } from "node:zlib";
import fc from "npm:fast-check@4.10.2";
import { runCli } from "../cli/_run_cli_test_util.ts";
import { formatMinimallocCsv } from "../graph/minimalloc_csv.ts";
import { assertCleanExit } from "./_assert_clean_exit.ts";
import { corrupt } from "./_corrupt.ts";
import { propertyTest } from "./_property.ts";
import { withTempFiles } from "./_temp_files.ts";
import { arbBufferProblem } from "./arb_buffer_problem.ts";
import { arbCorruption, type Edit } from "./arb_corruption.ts";
import { arbDagGraph } from "./arb_dag_graph.ts";
import { arbGraph } from "./arb_graph.ts";
import { arbPlan } from "./arb_plan.ts";
import { arbWrongShape } from "./arb_wrong_shape.ts";

const encoder = new TextEncoder();

const graphs = () =>
  fc.oneof(arbDagGraph({ idStyle: "tricky", maxOps: 8 }), arbGraph({ maxOps: 8 }));

/** Valid plans (topological order, stacked offsets) with their graphs. */
const graphsWithPlans = () =>
  arbPlan(graphs(), {
    orderKinds: ["absent", "topological"],
    offsetKinds: ["stacked"],
    missingPercent: 0,
  });

/**
 * Compact or indented JSON; plain, or gzipped before the corruption (which
 * then mostly hits the gzip layer), or after it (which reaches the JSON).
 */
const encodings = fc.record({
  indent: fc.boolean(),
  gzip: fc.constantFrom("no" as const, "before" as const, "after" as const),
});

type Encoding = { indent: boolean; gzip: "no" | "before" | "after" };

/** The file name and corrupted bytes of `value` encoded as `e`. */
function corruptedJson(
  value: unknown,
  e: Encoding,
  edits: Edit[],
  base: string,
): [string, Uint8Array] {
  const text = encoder.encode(JSON.stringify(value, null, e.indent ? 1 : undefined));
  if (e.gzip === "no") return [`${base}.json`, corrupt(text, edits)];
  if (e.gzip === "before") return [`${base}.json.gz`, corrupt(gzipSync(text), edits)];
  return [`${base}.json.gz`, gzipSync(corrupt(text, edits))];
}

propertyTest(
  "P6 corrupted graph files never crash the loader (stats)",
  { runs: 100 },
  () =>
    fc.asyncProperty(graphs(), encodings, arbCorruption(), async (graph, e, edits) => {
      const [name, bytes] = corruptedJson(graph, e, edits, "g");
      await withTempFiles({ [name]: bytes }, async (p) => {
        assertCleanExit(await runCli(["stats", p[name]]), [0, 2], [p[name]]);
      });
    }),
);

propertyTest(
  "P6 corrupted plan files never crash the loader (verify GRAPH PLAN)",
  { runs: 100 },
  () =>
    fc.asyncProperty(
      graphsWithPlans(),
      encodings,
      arbCorruption(),
      async ({ graph, plan }, e, edits) => {
        const [name, bytes] = corruptedJson(plan, e, edits, "p");
        const files = { "g.json": JSON.stringify(graph), [name]: bytes };
        await withTempFiles(files, async (p) => {
          const run = await runCli(["verify", p["g.json"], p[name]]);
          assertCleanExit(run, [0, 1, 2], [p[name], p["g.json"]]);
        });
      },
    ),
);

propertyTest(
  "P6 corrupted CSV files never crash the loader (verify SOLUTION.csv)",
  { runs: 100 },
  () =>
    fc.asyncProperty(
      arbBufferProblem({ idStyle: "tricky", maxBuffers: 12 }),
      arbCorruption(),
      async (problem, edits) => {
        let top = 0;
        const offsets = problem.buffers.map((b) => (top += b.size) - b.size);
        const text = formatMinimallocCsv(problem, offsets);
        await withTempFiles({ "s.csv": corrupt(encoder.encode(text), edits) }, async (p) => {
          assertCleanExit(await runCli(["verify", p["s.csv"]]), [0, 1, 2], [p["s.csv"]]);
        });
      },
    ),
);

propertyTest(
  "P6 JSON of the wrong shape never crashes the loader (stats, verify, simulate)",
  { runs: 100 },
  () =>
    fc.asyncProperty(
      graphsWithPlans().chain(({ graph, plan }) =>
        fc.record({
          graph: fc.constant(graph),
          badGraph: arbWrongShape(fc.constant(graph)),
          badPlan: arbWrongShape(fc.constant(plan)),
        })
      ),
      async ({ graph, badGraph, badPlan }) => {
        const files = {
          "g.json": JSON.stringify(graph),
          "bad_g.json": JSON.stringify(badGraph),
          "bad_p.json": JSON.stringify(badPlan),
        };
        await withTempFiles(files, async (p) => {
          assertCleanExit(await runCli(["stats", p["bad_g.json"]]), [0, 2], [p["bad_g.json"]]);
          const both = [p["g.json"], p["bad_p.json"]];
          assertCleanExit(await runCli(["verify", ...both]), [0, 1, 2], both);
          const sim = await runCli(["simulate", p["g.json"], "--plan", p["bad_p.json"]]);
          assertCleanExit(sim, [0, 1, 2], both);
        });
      },
    ),
);
