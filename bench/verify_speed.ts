/**
 * Benchmark of issue "the core": verification must cost no more than reading
 * the input. Generates a graph with N tensors and a valid static plan, writes
 * both as JSON, then times (a) `JSON.parse` of the two files' text and (b)
 * validate + index + resolve the plan + simulate + verify.
 *
 * Run alone: `deno run -A bench/verify_speed.ts [--tensors 1000000]`; `deno task
 * bench` runs it at 1,000,000 tensors as its own section (a `verify-speed` row).
 *
 * @module
 */
import { indexGraph } from "../graph/indexed_graph.ts";
import { buildPlan, readPlan } from "../graph/plan.ts";
import { simulate } from "../simulator/simulate.ts";
import { peakRssBytes } from "./peak_rss.ts";
import { randomTrainingGraph } from "../testkit/training_graph.ts";

/** One measurement of {@linkcode verifySpeed}. */
export interface VerifySpeedResult {
  tensors: number;
  ops: number;
  graphMiB: number;
  planMiB: number;
  parseSeconds: number;
  verifySeconds: number;
  ratio: number;
  ok: boolean;
  violationCount: number;
  peakLive: number;
  arena: number;
  peakRssMiB: number;
}

/**
 * Times parsing against verifying for a generated graph of `tensors` tensors.
 * The graph and plan are written to a temporary directory and measured in a
 * fresh Deno process, as `memplan verify` would run: the generator's own heap
 * would otherwise add its garbage collections and its RSS to the measurement.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * // The times depend on the machine; that the plan verifies does not.
 * const r = await verifySpeed({ tensors: 10_000 });
 * assert.deepEqual([r.tensors, r.ok], [10_000, true]);
 * ```
 */
export async function verifySpeed(
  options: { tensors: number; seed?: number },
): Promise<VerifySpeedResult> {
  const graph = randomTrainingGraph({ tensors: options.tensors, seed: options.seed ?? 1 });
  // A valid static plan: the offsets best-fit chooses under program order.
  const g0 = indexGraph(graph);
  const placed = simulate(g0, { allocator: "best-fit" });
  const plan = buildPlan(g0, { offsets: placed.offsets, planner: { name: "best-fit replay" } });
  const dir = await Deno.makeTempDir({ prefix: "memplan-bench-" });
  try {
    const graphFile = `${dir}/graph.json`, planFile = `${dir}/plan.json`;
    await Deno.writeTextFile(graphFile, JSON.stringify(graph));
    await Deno.writeTextFile(planFile, JSON.stringify(plan));
    const child = await new Deno.Command(Deno.execPath(), {
      args: [
        "run",
        "-A",
        import.meta.filename ?? new URL(import.meta.url).pathname,
        "--measure",
        graphFile,
        planFile,
      ],
      stdout: "piped",
      stderr: "piped",
    }).output();
    const text = new TextDecoder().decode(child.stdout);
    if (!child.success) {
      throw new Error(`verify-speed child failed: ${new TextDecoder().decode(child.stderr)}`);
    }
    return JSON.parse(text) as VerifySpeedResult;
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
}

/**
 * The measurement itself, in this process: (a) `JSON.parse` of both files'
 * text, then (b) validate + index + resolve the plan + simulate + verify.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { indexGraph } from "../graph/indexed_graph.ts";
 * import { buildPlan } from "../graph/plan.ts";
 * import { simulate } from "../simulator/simulate.ts";
 * import { randomTrainingGraph } from "../testkit/training_graph.ts";
 * const graph = randomTrainingGraph({ tensors: 1000, seed: 1 });
 * const g = indexGraph(graph);
 * const plan = buildPlan(g, { offsets: simulate(g).offsets });
 * const dir = await Deno.makeTempDir();
 * await Deno.writeTextFile(`${dir}/graph.json`, JSON.stringify(graph));
 * await Deno.writeTextFile(`${dir}/plan.json`, JSON.stringify(plan));
 * const r = await measureVerify(`${dir}/graph.json`, `${dir}/plan.json`);
 * assert.deepEqual([r.tensors, r.ok], [1000, true]);
 * console.log(r.verifySeconds / r.parseSeconds);
 * await Deno.remove(dir, { recursive: true });
 * ```
 */
export async function measureVerify(
  graphFile: string,
  planFile: string,
): Promise<VerifySpeedResult> {
  const graphText = await Deno.readTextFile(graphFile);
  const planText = await Deno.readTextFile(planFile);
  const t0 = performance.now();
  const graphValue = JSON.parse(graphText);
  const planValue = JSON.parse(planText);
  const t1 = performance.now();
  const g = indexGraph(graphValue, { file: graphFile });
  const rp = readPlan(g, planValue, planFile).resolved;
  const report = simulate(g, { order: rp.order, offsets: rp.offsets, allocator: "static" });
  const t2 = performance.now();
  return {
    tensors: g.tensorCount,
    ops: g.opCount,
    graphMiB: graphText.length / 2 ** 20,
    planMiB: planText.length / 2 ** 20,
    parseSeconds: (t1 - t0) / 1000,
    verifySeconds: (t2 - t1) / 1000,
    ratio: (t2 - t1) / (t1 - t0),
    ok: report.ok,
    violationCount: report.violationCount,
    peakLive: report.peakLive,
    arena: report.arena,
    peakRssMiB: peakRssBytes() / 2 ** 20,
  };
}

if (import.meta.main) {
  const m = Deno.args.indexOf("--measure");
  if (m >= 0) {
    console.log(JSON.stringify(await measureVerify(Deno.args[m + 1], Deno.args[m + 2])));
  } else {
    const i = Deno.args.indexOf("--tensors");
    const tensors = i >= 0 ? Number(Deno.args[i + 1]) : 1_000_000;
    console.log(JSON.stringify(await verifySpeed({ tensors }), null, 2));
  }
}
