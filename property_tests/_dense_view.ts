/**
 * The content of an indexed graph in plain arrays keyed by id, so two indexes
 * of the same graph can be compared however their tensors are ordered.
 *
 * @module
 */
import type { IndexedGraph } from "../graph/indexed_graph.ts";

/** Per tensor id: size, kind code, producer op id and reader op ids (sorted). */
export interface DenseView {
  name: string;
  alignment: number;
  opIds: string[];
  tensors: Record<
    string,
    { size: number; kind: number; producer: string | null; readers: string[] }
  >;
  ops: Record<string, { in: string[]; out: string[]; after: string[] }>;
}

/**
 * Reads every field of the index back into id-keyed records.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { indexGraph } from "../graph/indexed_graph.ts";
 * const text = await Deno.readTextFile("testdata/graphs/tiny.json");
 * const a = JSON.parse(text), b = JSON.parse(text);
 * b.tensors.reverse(); // the same graph, listed in another order
 * assert.deepEqual(denseView(indexGraph(a)), denseView(indexGraph(b)));
 * ```
 */
export function denseView(g: IndexedGraph): DenseView {
  // No prototype: ids may be "__proto__", which a plain object would swallow.
  const tensors: DenseView["tensors"] = Object.create(null);
  for (let t = 0; t < g.tensorCount; t++) {
    const readers = Array.from(g.readerList.subarray(g.readerStart[t], g.readerStart[t + 1]))
      .map((v) => g.opIds[v]).sort();
    tensors[g.tensorIds[t]] = {
      size: g.size[t],
      kind: g.kind[t],
      producer: g.producer[t] < 0 ? null : g.opIds[g.producer[t]],
      readers,
    };
  }
  const ops: DenseView["ops"] = Object.create(null);
  const ids = (list: Int32Array, start: Int32Array, v: number, names: readonly string[]) =>
    Array.from(list.subarray(start[v], start[v + 1]), (i) => names[i]);
  for (let v = 0; v < g.opCount; v++) {
    ops[g.opIds[v]] = {
      in: ids(g.inList, g.inStart, v, g.tensorIds),
      out: ids(g.outList, g.outStart, v, g.tensorIds),
      after: ids(g.afterList, g.afterStart, v, g.opIds),
    };
  }
  return { name: g.name, alignment: g.alignment, opIds: [...g.opIds], tensors, ops };
}
