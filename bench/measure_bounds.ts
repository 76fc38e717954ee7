/**
 * Measures the lower bounds on graph files: program-order peak, each bound,
 * how close the best comes to program order, and seconds per bound, as a
 * Markdown table. A script, not part of the library.
 *
 * ```sh
 * deno task bench:bounds                  # testdata/graphs/*.json.gz and tiny.json
 * deno task bench:bounds a.json b.json.gz # given files
 * deno task bench:bounds --split          # also the case-split bound (2 s each)
 * deno task bench:bounds --synthetic      # also synthetic 20k-op training steps
 * ```
 *
 * @module
 */
import Table from "npm:cli-table3@0.6.5";
import { type IndexedGraph, indexGraph } from "../graph/indexed_graph.ts";
import { loadGraph } from "../graph/load.ts";
import { programOrderPeak } from "../graph/metrics.ts";
import { syntheticTrainingGraph } from "../testkit/training_graph.ts";
import { lowerBounds } from "../graph/bounds/lower_bounds.ts";
import type { Bound, BoundKind } from "../graph/bounds/types.ts";

const INT = new Intl.NumberFormat("en-US", { maximumFractionDigits: 0 });

/**
 * One row of the table for one graph.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { loadGraph } from "../graph/load.ts";
 * const row = measureRow("tiny", await loadGraph("testdata/graphs/tiny.json"), false);
 * assert.equal(row[0], "tiny");
 * ```
 */
export function measureRow(name: string, g: IndexedGraph, split: boolean): string[] {
  const peak = programOrderPeak(g).bytes;
  const kinds: BoundKind[] = split ? ["trivial", "split"] : ["trivial", "cut", "mincut"];
  const lb = lowerBounds(g, { kinds, timeLimit: split ? 7 : 30 });
  const d = lb.details;
  const cell = (k: BoundKind) => {
    const b = d[k];
    if (!b) return "";
    return `${INT.format(b.bytes)}${b.complete ? "" : "*"}`;
  };
  const secs = (k: BoundKind) => (d[k] ? d[k].seconds.toFixed(3) : "");
  const row = [
    name,
    INT.format(g.opCount),
    INT.format(peak),
    cell("trivial"),
    cell("cut"),
    cell("mincut"),
  ];
  if (split) row.push(cell("split"));
  row.push(
    peak === 0 ? "" : `${((1 - lb.best / peak) * 100).toFixed(1)}%`,
    `${lb.bestKind} @ ${where(d[lb.bestKind]!)}`,
    secs("trivial"),
    secs("cut"),
    secs("mincut"),
  );
  if (split) row.push(secs("split"));
  return row;
}

function where(b: Bound & { opId?: string }): string {
  if (b.opId) return b.opId;
  return b.step ? `${b.step} step` : "case split";
}

async function main(args: string[]): Promise<void> {
  const split = args.includes("--split"), synthetic = args.includes("--synthetic");
  let files = args.filter((a) => !a.startsWith("--"));
  if (files.length === 0) {
    const dir = new URL("../testdata/graphs/", import.meta.url).pathname;
    files = [...Deno.readDirSync(dir)]
      .map((e) => e.name)
      .filter((n) => n.endsWith(".json.gz") || n === "tiny.json")
      .sort()
      .map((n) => dir + n);
  }
  const head = ["graph", "ops", "program-order peak", "trivial", "cut", "mincut"];
  if (split) head.push("split");
  head.push("best below program order", "best kind", "s trivial", "s cut", "s mincut");
  if (split) head.push("s split");
  const table = new Table({
    head,
    chars: MARKDOWN,
    style: { head: [], border: [], compact: true },
  });
  for (const file of files) {
    table.push(measureRow(file.split("/").pop()!, await loadGraph(file), split));
  }
  if (synthetic) {
    for (const adam of [false, true]) {
      const g = indexGraph(syntheticTrainingGraph({ blocks: 1000, adam }));
      table.push(measureRow(`synthetic ${adam ? "adam" : "sgd"} (generated)`, g, split));
    }
  }
  console.log(table.toString());
  console.log("\n(bytes; * = stopped by the time limit, still a valid bound)");
}

/** cli-table3 borders drawn as a Markdown table. */
const MARKDOWN = {
  "top": "",
  "top-mid": "",
  "top-left": "",
  "top-right": "",
  "bottom": "",
  "bottom-mid": "",
  "bottom-left": "",
  "bottom-right": "",
  "left": "|",
  "left-mid": "|",
  "mid": "-",
  "mid-mid": "|",
  "right": "|",
  "right-mid": "|",
  "middle": "|",
};

if (import.meta.main) await main(Deno.args);
