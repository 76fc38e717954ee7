/**
 * Validation of a `memplan.graph/v1` value and its dense, frozen index: integer
 * ids, sizes and kinds in typed arrays, producer and readers of every tensor,
 * inputs, outputs and `after` predecessors of every op in CSR form.
 *
 * Validation and indexing are one pass because the checks need exactly the maps
 * the index builds; every graph, from a file or built in memory, goes through it.
 *
 * @module
 */
import { IdIndex, type IdLookup } from "./id_index.ts";
import { type InputProblem, ProblemCollector } from "./input_error.ts";
import { graphHeadSchema, isOp, isTensor, jsonPath, opSchema, tensorSchema } from "./schema.ts";
import { type Graph, KINDS, type Op, type Tensor } from "./types.ts";
import { isUnproducedKind, KIND } from "./kind_codes.ts";

// Where they were first defined; kind_codes.ts holds them so that code needing
// only the codes does not load the graph schemas (zod) with this module.
export { isPersistentKind, isUnproducedKind, KIND } from "./kind_codes.ts";

/** A validated graph with dense integer ids; arrays are shared, never mutate them. */
export interface IndexedGraph {
  readonly graph: Graph;
  readonly name: string;
  readonly alignment: number;
  readonly tensorCount: number;
  readonly opCount: number;
  readonly tensorIds: readonly string[];
  readonly opIds: readonly string[];
  readonly tensorIndex: IdLookup;
  readonly opIndex: IdLookup;
  /** Bytes per tensor. */
  readonly size: Float64Array;
  /** Kind code per tensor, see {@linkcode KIND}. */
  readonly kind: Uint8Array;
  /** Producing op per tensor, -1 for none. */
  readonly producer: Int32Array;
  /** Readers of tensor t: `readerList[readerStart[t] .. readerStart[t+1])` (an op may repeat). */
  readonly readerStart: Int32Array;
  readonly readerList: Int32Array;
  /** Inputs of op v: `inList[inStart[v] .. inStart[v+1])`. */
  readonly inStart: Int32Array;
  readonly inList: Int32Array;
  /** Outputs of op v: `outList[outStart[v] .. outStart[v+1])`. */
  readonly outStart: Int32Array;
  readonly outList: Int32Array;
  /** `after` predecessors of op v: `afterList[afterStart[v] .. afterStart[v+1])`. */
  readonly afterStart: Int32Array;
  readonly afterList: Int32Array;
}

/** Options of {@linkcode indexGraph}. */
export interface IndexGraphOptions {
  /** Names the source in error messages; default `<graph>`. */
  file?: string;
}

/**
 * Validates a parsed `memplan.graph/v1` value against FORMAT.md §1 and indexes it.
 * Throws {@linkcode InputError} listing every problem found.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * const g = indexGraph({
 *   format: "memplan.graph/v1", name: "tiny",
 *   tensors: [{ id: "x", size: 4, kind: "input" }, { id: "y", size: 8 }],
 *   ops: [{ id: "f", in: ["x"], out: ["y"] }],
 * });
 * assert.equal(g.producer[1], 0);
 * ```
 */
export function indexGraph(value: unknown, options: IndexGraphOptions = {}): IndexedGraph {
  const file = options.file ?? "<graph>";
  const c = new ProblemCollector(file);
  const head = graphHeadSchema.safeParse(value);
  if (!head.success) {
    for (const issue of head.error.issues) c.add(jsonPath(issue.path), issue.message);
    c.throwIfAny();
  }
  return build(value as Graph, c);
}

/** Words why zod rejects an element the fast predicate rejected; false if zod accepts it. */
function elementProblems(
  c: ProblemCollector,
  item: unknown,
  field: string,
  i: number,
  schema: typeof tensorSchema | typeof opSchema,
): boolean {
  const r = schema.safeParse(item);
  if (r.success) return false;
  const x = item as { id?: unknown };
  const id = typeof x?.id === "string" ? x.id : undefined;
  for (const issue of r.error.issues) c.add(jsonPath([field, i, ...issue.path]), issue.message, id);
  return true;
}

function build(raw: Graph, c: ProblemCollector): IndexedGraph {
  const tensors: Tensor[] = raw.tensors;
  const ops: Op[] = raw.ops;
  const T = tensors.length, V = ops.length;
  const tensorIds: string[] = [];
  const size = new Float64Array(T);
  const kind = new Uint8Array(T);
  // Each element is checked in the pass that reads it: a million objects cost
  // more to visit twice than to check.
  let bad = false, total = 0;
  for (let t = 0; t < T; t++) {
    const x = tensors[t];
    if (!isTensor(x) && elementProblems(c, x, "tensors", t, tensorSchema)) {
      bad = true;
      continue;
    }
    tensorIds.push(x.id);
    size[t] = x.size;
    total += x.size;
    kind[t] = x.kind === undefined ? KIND.activation : KIND[x.kind];
  }
  // Peaks, offsets and arenas up to the sum of the sizes stay exact.
  if (total > Number.MAX_SAFE_INTEGER) {
    c.add("tensors", "the sizes sum past 2^53 - 1 bytes: memory figures would not be exact");
    bad = true;
  }
  const opIds: string[] = [];
  let nIn = 0, nOut = 0, nAfter = 0;
  for (let v = 0; v < V; v++) {
    const o = ops[v];
    if (!isOp(o) && elementProblems(c, o, "ops", v, opSchema)) {
      bad = true;
      continue;
    }
    opIds.push(o.id);
    nIn += o.in.length;
    nOut += o.out.length;
    nAfter += o.after?.length ?? 0;
  }
  if (bad) c.throwIfAny();
  const tensorIndex = new IdIndex(tensorIds, (t, firstAt) => {
    c.add(`tensors[${t}].id`, `duplicate tensor id (first at tensors[${firstAt}])`, tensorIds[t]);
  });
  const opIndex = new IdIndex(opIds, (v, firstAt) => {
    c.add(`ops[${v}].id`, `duplicate op id (first at ops[${firstAt}])`, opIds[v]);
  });
  const producer = new Int32Array(T).fill(-1);
  const inStart = new Int32Array(V + 1), inList = new Int32Array(nIn);
  const outStart = new Int32Array(V + 1), outList = new Int32Array(nOut);
  const afterStart = new Int32Array(V + 1), afterList = new Int32Array(nAfter);
  const readerCount = new Int32Array(T + 1);
  let ki = 0, ko = 0, ka = 0;
  // Exporters list tensors in the order ops produce them, so try the tensor
  // after the last output matched before hashing the id.
  let nextOut = 0;
  for (let v = 0; v < V; v++) {
    const o = ops[v];
    inStart[v] = ki;
    outStart[v] = ko;
    afterStart[v] = ka;
    for (let j = 0; j < o.out.length; j++) {
      const id = o.out[j];
      const t = nextOut < T && tensorIds[nextOut] === id ? nextOut : tensorIndex.get(id);
      if (t === undefined) {
        c.add(`ops[${v}].out[${j}]`, "unknown tensor", o.out[j]);
        continue;
      }
      if (producer[t] >= 0) {
        c.add(
          `ops[${v}].out[${j}]`,
          `tensor has two producers: ops ${JSON.stringify(opIds[producer[t]])} and ${
            JSON.stringify(o.id)
          }`,
          o.out[j],
        );
        continue;
      }
      if (isUnproducedKind(kind[t])) {
        c.add(
          `ops[${v}].out[${j}]`,
          `a tensor of kind ${KINDS[kind[t]]} has no producer, but op ${
            JSON.stringify(o.id)
          } produces it`,
          o.out[j],
        );
      }
      producer[t] = v;
      outList[ko++] = t;
      nextOut = t + 1;
    }
    for (let j = 0; j < o.in.length; j++) {
      const t = tensorIndex.get(o.in[j]);
      if (t === undefined) {
        c.add(`ops[${v}].in[${j}]`, "unknown tensor", o.in[j]);
        continue;
      }
      inList[ki++] = t;
      readerCount[t]++;
    }
    const after = o.after ?? [];
    for (let j = 0; j < after.length; j++) {
      const u = opIndex.get(after[j]);
      if (u === undefined) c.add(`ops[${v}].after[${j}]`, "unknown op", after[j]);
      else if (u === v) c.add(`ops[${v}].after[${j}]`, "an op cannot run after itself", after[j]);
      else afterList[ka++] = u;
    }
  }
  inStart[V] = ki;
  outStart[V] = ko;
  afterStart[V] = ka;
  for (let t = 0; t < T; t++) {
    if (producer[t] < 0 && !isUnproducedKind(kind[t])) {
      c.add(
        `tensors[${t}]`,
        `a tensor of kind ${KINDS[kind[t]]} needs a producer, and no op produces it`,
        tensorIds[t],
      );
    }
  }
  c.throwIfAny();
  const { readerStart, readerList } = buildReaders(T, V, inStart, inList, readerCount);
  checkProgramOrder(c, opIds, producer, tensorIds, inStart, inList, afterStart, afterList);
  c.throwIfAny();
  return Object.freeze({
    graph: raw,
    name: raw.name,
    alignment: raw.alignment ?? 1,
    tensorCount: T,
    opCount: V,
    tensorIds,
    opIds,
    tensorIndex,
    opIndex,
    size,
    kind,
    producer,
    readerStart,
    readerList,
    inStart,
    inList,
    outStart,
    outList,
    afterStart,
    afterList,
  });
}

function buildReaders(
  T: number,
  V: number,
  inStart: Int32Array,
  inList: Int32Array,
  readerCount: Int32Array,
): { readerStart: Int32Array; readerList: Int32Array } {
  const readerStart = new Int32Array(T + 1);
  for (let t = 0; t < T; t++) readerStart[t + 1] = readerStart[t] + readerCount[t];
  const fill = readerStart.slice(0, T);
  const readerList = new Int32Array(inList.length);
  for (let v = 0; v < V; v++) {
    for (let k = inStart[v]; k < inStart[v + 1]; k++) readerList[fill[inList[k]]++] = v;
  }
  return { readerStart, readerList };
}

/**
 * FORMAT.md §1: program order must be topological. When it is not, say whether
 * the graph has a cycle (no order could work) or only the file's order is wrong.
 */
function checkProgramOrder(
  c: ProblemCollector,
  opIds: string[],
  producer: Int32Array,
  tensorIds: string[],
  inStart: Int32Array,
  inList: Int32Array,
  afterStart: Int32Array,
  afterList: Int32Array,
): void {
  const V = opIds.length;
  const before = c.count;
  for (let v = 0; v < V; v++) {
    for (let k = inStart[v]; k < inStart[v + 1]; k++) {
      const t = inList[k], p = producer[t];
      if (p === v) {
        c.add(
          `ops[${v}].in`,
          `op reads the tensor ${JSON.stringify(tensorIds[t])} it produces`,
          opIds[v],
        );
      } else if (p > v) {
        c.add(
          `ops[${v}].in`,
          `reads tensor ${JSON.stringify(tensorIds[t])} before its producer ${
            JSON.stringify(opIds[p])
          } (ops[${p}]) runs: program order is not topological`,
          opIds[v],
        );
      }
    }
    for (let k = afterStart[v]; k < afterStart[v + 1]; k++) {
      const u = afterList[k];
      if (u > v) {
        c.add(
          `ops[${v}].after`,
          `must run after op ${
            JSON.stringify(opIds[u])
          } (ops[${u}]), which comes later: program order is not topological`,
          opIds[v],
        );
      }
    }
  }
  if (c.count === before) return;
  const cycle = findCycle(V, producer, inStart, inList, afterStart, afterList);
  if (cycle) {
    c.add(
      "ops",
      `the graph has a cycle, so no order can run it: ${
        cycle.map((v) => JSON.stringify(opIds[v])).join(" -> ")
      }`,
    );
  }
}

/** Returns one cycle of ops (first op repeated at the end), or undefined for a DAG. */
function findCycle(
  V: number,
  producer: Int32Array,
  inStart: Int32Array,
  inList: Int32Array,
  afterStart: Int32Array,
  afterList: Int32Array,
): number[] | undefined {
  // Iterative DFS over predecessor edges; colour 1 = on stack, 2 = done.
  const colour = new Uint8Array(V);
  const parent = new Int32Array(V).fill(-1);
  const preds = (v: number): number[] => {
    const out: number[] = [];
    for (let k = inStart[v]; k < inStart[v + 1]; k++) {
      const p = producer[inList[k]];
      if (p >= 0) out.push(p);
    }
    for (let k = afterStart[v]; k < afterStart[v + 1]; k++) out.push(afterList[k]);
    return out;
  };
  for (let root = 0; root < V; root++) {
    if (colour[root]) continue;
    const stack: { v: number; next: number[]; i: number }[] = [{
      v: root,
      next: preds(root),
      i: 0,
    }];
    colour[root] = 1;
    while (stack.length) {
      const top = stack[stack.length - 1];
      if (top.i === top.next.length) {
        colour[top.v] = 2;
        stack.pop();
        continue;
      }
      const u = top.next[top.i++];
      if (colour[u] === 1) {
        const cyc = [u];
        for (let w = top.v; w !== u; w = parent[w]) cyc.push(w);
        cyc.push(u);
        return cyc; // walks predecessor edges, so this reads in execution order
      }
      if (colour[u] === 0) {
        colour[u] = 1;
        parent[u] = top.v;
        stack.push({ v: u, next: preds(u), i: 0 });
      }
    }
  }
  return undefined;
}

/** Re-export for callers that only need the problem type. */
export type { InputProblem };
