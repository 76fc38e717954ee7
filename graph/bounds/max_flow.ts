/**
 * Maximum flow (Dinic's algorithm) on a reusable network of typed arrays.
 *
 * The min-cut bound solves one flow problem per op it examines, thousands on
 * a large graph; keeping the arrays between problems avoids re-allocating them
 * every time. Capacities are bytes: exact integers in float64 up to 2^53, and
 * `Infinity` for edges that must never be cut.
 *
 * @module
 */

/**
 * A flow network: nodes `0 … nodeCount-1`, directed edges with capacities.
 * Clear it with {@linkcode FlowNetwork.reset} to reuse the storage.
 *
 * Each edge is stored with its reverse (index `e ^ 1`) in adjacency lists
 * threaded through `next`; `cap` holds residual capacities, so after
 * {@linkcode FlowNetwork.maxFlow} the network is the residual network.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * const net = new FlowNetwork();
 * net.reset(4);
 * net.addEdge(0, 1, 3); net.addEdge(0, 2, 2); net.addEdge(1, 3, 2); net.addEdge(2, 3, 3);
 * assert.equal(net.maxFlow(0, 3), 4);
 * ```
 */
export class FlowNetwork {
  #nodes = 0;
  #edges = 0;
  #head = new Int32Array(16);
  #level = new Int32Array(16);
  #iter = new Int32Array(16);
  #queue = new Int32Array(16);
  #next = new Int32Array(32);
  #to = new Int32Array(32);
  #cap = new Float64Array(32);
  #path = new Int32Array(16);

  /** Number of nodes. */
  get nodeCount(): number {
    return this.#nodes;
  }

  /** Number of edges added (reverse edges not counted). */
  get edgeCount(): number {
    return this.#edges >> 1;
  }

  /**
   * Empties the network and gives it `nodeCount` nodes, keeping the storage.
   *
   * @example
   * ```ts
   * import assert from "node:assert/strict";
   * const net = new FlowNetwork();
   * net.reset(2); // nodes 0 and 1, no edges
   * assert.equal(net.nodeCount, 2);
   * ```
   */
  reset(nodeCount: number): void {
    this.#nodes = 0;
    this.#edges = 0;
    for (let i = 0; i < nodeCount; i++) this.addNode();
  }

  /**
   * Adds a node and returns its index.
   *
   * @example
   * ```ts
   * import assert from "node:assert/strict";
   * const net = new FlowNetwork();
   * net.reset(2);
   * assert.equal(net.addNode(), 2);
   * ```
   */
  addNode(): number {
    if (this.#nodes === this.#head.length) {
      const n = this.#head.length * 2;
      this.#head = grow(this.#head, n);
      this.#level = new Int32Array(n);
      this.#iter = new Int32Array(n);
      this.#queue = new Int32Array(n);
      this.#path = new Int32Array(n);
    }
    this.#head[this.#nodes] = -1;
    return this.#nodes++;
  }

  /**
   * Adds an edge `from -> to` with a capacity (`Infinity` allowed) and its
   * zero-capacity reverse; returns the edge's index.
   *
   * @example
   * ```ts
   * import assert from "node:assert/strict";
   * const net = new FlowNetwork();
   * net.reset(2);
   * const e = net.addEdge(0, 1, 5);
   * assert.equal(net.maxFlow(0, 1), 5);
   * assert.equal(e, 0);
   * ```
   */
  addEdge(from: number, to: number, capacity: number): number {
    if (!(capacity >= 0)) throw new RangeError(`capacity must be >= 0, got ${capacity}`);
    if (this.#edges + 2 > this.#to.length) {
      const m = this.#to.length * 2;
      this.#next = grow(this.#next, m);
      this.#to = grow(this.#to, m);
      this.#cap = grow(this.#cap, m);
    }
    const e = this.#edges;
    this.#to[e] = to;
    this.#cap[e] = capacity;
    this.#next[e] = this.#head[from];
    this.#head[from] = e;
    this.#to[e + 1] = from;
    this.#cap[e + 1] = 0;
    this.#next[e + 1] = this.#head[to];
    this.#head[to] = e + 1;
    this.#edges += 2;
    return e;
  }

  /**
   * Pushes a maximum flow from `source` to `sink` and returns its value
   * (`Infinity` when a path of infinite edges joins them). Calling it again
   * adds nothing: the network is left residual.
   *
   * Dinic's algorithm: BFS levels, then blocking flows along level-increasing
   * edges found by an iterative DFS with per-node edge pointers (no recursion,
   * so long chains cannot overflow the stack). O(V²E) in general; fast on the
   * shallow networks the min-cut bound builds.
   *
   * @example
   * ```ts
   * import assert from "node:assert/strict";
   * const net = new FlowNetwork();
   * net.reset(3);
   * net.addEdge(0, 1, 5); net.addEdge(1, 2, 2);
   * assert.equal(net.maxFlow(0, 2), 2);
   * ```
   */
  maxFlow(source: number, sink: number): number {
    if (source === sink) throw new RangeError("source and sink must differ");
    const head = this.#head, next = this.#next, to = this.#to, cap = this.#cap;
    const level = this.#level, iter = this.#iter, path = this.#path;
    let total = 0;
    while (this.#levels(source, sink)) {
      iter.set(head.subarray(0, this.#nodes));
      let depth = 0, u = source;
      for (;;) {
        if (u === sink) {
          let f = Infinity;
          for (let i = 0; i < depth; i++) if (cap[path[i]] < f) f = cap[path[i]];
          if (f === Infinity) return Infinity;
          let back = -1;
          for (let i = 0; i < depth; i++) {
            const e = path[i];
            cap[e] -= f;
            cap[e ^ 1] += f;
            if (back < 0 && cap[e] === 0) back = i;
          }
          total += f;
          depth = back;
          u = depth === 0 ? source : to[path[depth - 1]];
          continue;
        }
        let e = iter[u];
        const want = level[u] + 1;
        while (e >= 0 && !(cap[e] > 0 && level[to[e]] === want)) e = next[e];
        iter[u] = e;
        if (e >= 0) {
          path[depth++] = e;
          u = to[e];
          continue;
        }
        if (u === source) break;
        level[u] = -1; // a dead end stays dead for this phase
        const back = path[--depth];
        u = to[back ^ 1];
        iter[u] = next[iter[u]];
      }
    }
    return total;
  }

  /**
   * After {@linkcode FlowNetwork.maxFlow}: 1 for the nodes still reachable from
   * `source` in the residual network, the source side of a minimum cut.
   *
   * @example
   * ```ts
   * import assert from "node:assert/strict";
   * const net = new FlowNetwork();
   * net.reset(4);
   * net.addEdge(0, 1, 3); net.addEdge(0, 2, 2); net.addEdge(1, 3, 2); net.addEdge(2, 3, 3);
   * net.maxFlow(0, 3);
   * const side = net.sourceSide(0);
   * assert.deepEqual([side[0], side[3]], [1, 0]);
   * ```
   */
  sourceSide(source: number): Uint8Array {
    const side = new Uint8Array(this.#nodes);
    const queue = this.#queue;
    let qh = 0, qt = 0;
    queue[qt++] = source;
    side[source] = 1;
    while (qh < qt) {
      const u = queue[qh++];
      for (let e = this.#head[u]; e >= 0; e = this.#next[e]) {
        const w = this.#to[e];
        if (this.#cap[e] > 0 && !side[w]) {
          side[w] = 1;
          queue[qt++] = w;
        }
      }
    }
    return side;
  }

  #levels(source: number, sink: number): boolean {
    const level = this.#level, queue = this.#queue, head = this.#head;
    const next = this.#next, to = this.#to, cap = this.#cap;
    level.fill(-1, 0, this.#nodes);
    let qh = 0, qt = 0;
    queue[qt++] = source;
    level[source] = 0;
    while (qh < qt) {
      const u = queue[qh++];
      for (let e = head[u]; e >= 0; e = next[e]) {
        const w = to[e];
        if (level[w] < 0 && cap[e] > 0) {
          level[w] = level[u] + 1;
          queue[qt++] = w;
        }
      }
    }
    return level[sink] >= 0;
  }
}

function grow<A extends Int32Array | Float64Array>(a: A, n: number): A {
  const b = new (a.constructor as new (n: number) => A)(n);
  b.set(a);
  return b;
}
