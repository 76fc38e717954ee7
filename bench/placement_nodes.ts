/**
 * Nodes of the exact search per generated instance, with a node cap: the
 * machine-independent measure by which search changes are compared (run it
 * before and after a change, on seeds no table reports, and compare the CSVs).
 *
 *   deno run -A bench/placement_nodes.ts --family tight --seeds 5001-5100 --node-cap 300000
 *
 * @module
 */
import { searchNodes, type SearchNodesResult } from "../solver/search/search_nodes.ts";
import { FAMILIES, familyArg, familyInstances } from "./placement/instances.ts";
import { benchArgs } from "./placement/args.ts";
import { parseSeeds } from "./placement/stats.ts";
import { warmUpSearch } from "./placement/warm_up.ts";

const USAGE = `usage: deno run -A bench/placement_nodes.ts [options]
  --family F      one of ${FAMILIES.join(", ")} (default tight)
  --seeds A-B     seeds to generate, or a list A,B,C (default 5001-5100: development seeds)
  --node-cap N    nodes per part after which an instance counts as unsolved (default 300000)
  --csv FILE      also write one row per instance (name, outcome, nodes, runs)
  --help          this text`;

/** One instance's count. */
export interface NodeRow extends SearchNodesResult {
  name: string;
}

/**
 * The summary line: instances found, and the geometric mean of nodes over
 * all of them (a capped one counts with the nodes it reached).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * assert.equal(
 *   summarizeNodes([
 *     { name: "a", outcome: "found", nodes: 100, runs: 1 },
 *     { name: "b", outcome: "capped", nodes: 10000, runs: 0 },
 *   ]),
 *   "found 1 of 2; geometric mean 1000 nodes",
 * );
 * ```
 */
export function summarizeNodes(rows: NodeRow[]): string {
  const found = rows.filter((r) => r.outcome === "found").length;
  const logs = rows.reduce((s, r) => s + Math.log(Math.max(1, r.nodes)), 0);
  const mean = rows.length === 0 ? 0 : Math.exp(logs / rows.length);
  return `found ${found} of ${rows.length}; geometric mean ${Math.round(mean)} nodes`;
}

async function main(args: string[]): Promise<number> {
  const parsed = benchArgs(args, {
    family: { type: "string", default: "tight" },
    seeds: { type: "string", default: "5001-5100" },
    "node-cap": { type: "string", default: "300000" },
    csv: { type: "string" },
  }, USAGE);
  if ("exit" in parsed) return parsed.exit;
  const { values } = parsed;
  const family = familyArg(values.family);
  if (family === undefined) return 2;
  const nodeCap = Number(values["node-cap"]);
  if (!(Number.isInteger(nodeCap) && nodeCap >= 1)) {
    console.error(`--node-cap must be a positive integer, got ${values["node-cap"]}`);
    return 2;
  }
  let seeds: number[];
  try {
    seeds = parseSeeds(values.seeds);
  } catch (e) {
    console.error((e as Error).message);
    return 2;
  }
  warmUpSearch(16);
  const rows: NodeRow[] = [];
  for await (const inst of familyInstances(family, { seeds })) {
    const r = searchNodes(inst.problem, { capacity: inst.capacity, nodeCap });
    rows.push({ name: inst.name, ...r });
    console.error(`${inst.name} ${r.outcome} nodes=${r.nodes} runs=${r.runs}`);
  }
  if (values.csv) {
    const body = rows.map((r) => [r.name, r.outcome, r.nodes, r.runs].join(","));
    await Deno.writeTextFile(values.csv, ["name,outcome,nodes,runs", ...body].join("\n") + "\n");
  }
  console.log(
    `family ${family}, seeds ${values.seeds}, node cap ${nodeCap} per part: ${
      summarizeNodes(rows)
    }`,
  );
  return 0;
}

if (import.meta.main) Deno.exit(await main(Deno.args));
