/**
 * The inputs of a benchmark: graph files, buffer-problem CSVs, generated random
 * graphs and the verify-speed measurement, each with a stable id (the first part
 * of every row key), resolved without reading the files.
 *
 * @module
 */
import { basename, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { InputError } from "../graph/input_error.ts";

/** One thing to benchmark. */
export interface BenchInput {
  /** Stable id: the path (relative to the repo for the default suites, to the working folder otherwise), `random:N:seedS`, `verify-speed:N`. */
  id: string;
  /** `fixtures`, `minimalloc`, `paths`, `random` or `verify-speed`. */
  suite: string;
  kind: "graph" | "csv" | "random" | "verify-speed";
  /** Short display name. */
  name: string;
  /** The file to read (graph and csv kinds). */
  path?: string;
  /** Tensors to generate (random, verify-speed). */
  tensors?: number;
  /** Seed of a generated graph. */
  seed?: number;
  /** A CSV's capacity, from its name `X.<capacity>.csv`. */
  capacity?: number;
}

/** The repository root: the default suites are found from here whatever the working folder. */
export const REPO_ROOT: string = fileURLToPath(new URL("..", import.meta.url));

/** Where the default suites live, relative to {@linkcode REPO_ROOT}. */
export const FIXTURES_DIR = "testdata/graphs";
export const MINIMALLOC_DIR = "testdata/minimalloc";

const GRAPH_FILE = /\.json(\.gz)?$/;
const CSV_FILE = /\.csv$/;

/**
 * The real fixtures: `testdata/graphs/*.json.gz` (the hand-made `.json` test
 * graphs are left out: they are not models).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * const names = (await fixtureInputs()).map((i) => i.name);
 * assert.equal(names[0], "alexnet.b32.sgd");
 * assert.ok(!names.includes("tiny")); // hand-made test graphs are not models
 * ```
 */
export async function fixtureInputs(): Promise<BenchInput[]> {
  const files = await listFiles(join(REPO_ROOT, FIXTURES_DIR), /\.json\.gz$/);
  return files.map((f) => fileInput(f, "fixtures", relative(REPO_ROOT, f)));
}

/**
 * The minimalloc suite, read in place from `testdata/minimalloc/` (vendored
 * with the repository, so a missing folder is an error, never a silent skip).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * assert.equal((await minimallocInputs()).find((i) => i.name === "example")?.capacity, 12);
 * ```
 */
export async function minimallocInputs(): Promise<BenchInput[]> {
  const dir = join(REPO_ROOT, MINIMALLOC_DIR);
  const files = await listFiles(dir, CSV_FILE);
  return files.map((f) => fileInput(f, "minimalloc", relative(REPO_ROOT, f)));
}

/**
 * Graph files and CSV problems named on the command line: a file is taken as
 * it is, a folder for the `*.json`, `*.json.gz` and `*.csv` directly inside it.
 * Throws InputError for a path that does not exist or a file of another kind.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * const inputs = await pathInputs(["testdata/graphs", "testdata/minimalloc/example.12.csv"]);
 * assert.deepEqual(inputs.at(-1)?.kind, "csv");
 * assert.ok(inputs.some((i) => i.id === "testdata/graphs/tiny.json" && i.kind === "graph"));
 * ```
 */
export async function pathInputs(paths: readonly string[]): Promise<BenchInput[]> {
  const out: BenchInput[] = [];
  for (const p of paths) {
    const stat = await Deno.stat(p).catch(() => undefined);
    if (!stat) throw badPath(p, "no such file or folder");
    if (stat.isDirectory) {
      const files = await listFiles(p, /\.(json|json\.gz|csv)$/);
      for (const f of files) out.push(fileInput(f, "paths", relativeToCwd(f)));
    } else if (GRAPH_FILE.test(p) || CSV_FILE.test(p)) {
      out.push(fileInput(p, "paths", relativeToCwd(p)));
    } else throw badPath(p, "not a graph (.json, .json.gz) or a buffer problem (.csv)");
  }
  return dedupeById(out);
}

/**
 * Generated training graphs of the given sizes (tensors), for scaling curves.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * assert.equal(randomInputs([1000, 10000], 1)[0].id, "random:1000:seed1");
 * ```
 */
export function randomInputs(sizes: readonly number[], seed: number): BenchInput[] {
  return sizes.map((tensors) => ({
    id: `random:${tensors}:seed${seed}`,
    suite: "random",
    kind: "random" as const,
    name: `random-${tensors}`,
    tensors,
    seed,
  }));
}

/**
 * The verify-speed measurement (bench/verify_speed.ts) as an input.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * assert.equal(verifySpeedInput(1_000_000, 1).id, "verify-speed:1000000:seed1");
 * ```
 */
export function verifySpeedInput(tensors: number, seed: number): BenchInput {
  return {
    id: `verify-speed:${tensors}:seed${seed}`,
    suite: "verify-speed",
    kind: "verify-speed",
    name: `verify-speed-${tensors}`,
    tensors,
    seed,
  };
}

/**
 * The capacity in a minimalloc file name `X.<capacity>.csv`, if any.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * assert.equal(capacityFromName("challenging-A.1048576.csv"), 1048576);
 * assert.equal(capacityFromName("mine.csv"), undefined);
 * ```
 */
export function capacityFromName(file: string): number | undefined {
  const m = basename(file).match(/\.(\d+)\.csv$/);
  return m ? Number(m[1]) : undefined;
}

function fileInput(path: string, suite: string, id: string): BenchInput {
  const base = basename(path);
  if (CSV_FILE.test(base)) {
    const capacity = capacityFromName(base);
    const name = base.replace(/(\.\d+)?\.csv$/, "");
    return { id, suite, kind: "csv", name, path, ...(capacity !== undefined ? { capacity } : {}) };
  }
  return { id, suite, kind: "graph", name: base.replace(GRAPH_FILE, ""), path };
}

async function listFiles(dir: string, pattern: RegExp): Promise<string[]> {
  const names: string[] = [];
  for await (const e of Deno.readDir(dir)) {
    if (e.isFile && pattern.test(e.name)) names.push(e.name);
  }
  // Sorted so ids, tasks and shards come out the same on every machine.
  return names.sort().map((n) => join(dir, n));
}

function relativeToCwd(p: string): string {
  const rel = relative(Deno.cwd(), resolve(p));
  return rel === "" ? "." : rel;
}

function dedupeById(inputs: BenchInput[]): BenchInput[] {
  const seen = new Set<string>();
  return inputs.filter((i) => !seen.has(i.id) && seen.add(i.id));
}

function badPath(p: string, message: string): InputError {
  return new InputError([{ file: p, where: "", message }]);
}

/** Random-graph sizes of the default suites (the scaling curve). */
export const DEFAULT_RANDOM_SIZES: readonly number[] = [1_000, 10_000, 100_000, 1_000_000];

/** Tensors of the default verify-speed measurement. */
export const DEFAULT_VERIFY_SPEED_TENSORS = 1_000_000;

/**
 * The default suites: fixtures and minimalloc; unless `quick`, also the
 * verify-speed measurement at 1,000,000 tensors and random graphs of
 * {@linkcode DEFAULT_RANDOM_SIZES}.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * const inputs = await defaultInputs({ quick: true, seed: 1 });
 * assert.deepEqual(new Set(inputs.map((i) => i.suite)), new Set(["fixtures", "minimalloc"]));
 * ```
 */
export async function defaultInputs(
  options: { quick?: boolean; seed: number },
): Promise<BenchInput[]> {
  const inputs = [...await fixtureInputs(), ...await minimallocInputs()];
  if (options.quick) return inputs;
  return [
    ...inputs,
    verifySpeedInput(DEFAULT_VERIFY_SPEED_TENSORS, options.seed),
    ...randomInputs(DEFAULT_RANDOM_SIZES, options.seed),
  ];
}
