"""After edges: ordering that no tensor carries (FORMAT.md section 1)."""


def compute_after_edges(ops):
    """Add "after" edges for ordering that no tensor carries (FORMAT.md section 1).

    Walking the program order, per storage S we keep its last in-place writer W
    (an op that mutates S; the producer does not count, its readers already
    depend on it through data) and the readers of S since W.  Then:

    * an op that mutates S runs after W and after every reader of S since W
      (so a weight is never updated before its last read, and two updates of
      one storage keep their order);
    * an op that reads S runs after W (it must observe that mutation).

    An edge is skipped when it is to the op itself or when the earlier op
    produces a tensor the later op reads (a direct data edge already orders
    them).  Edges are listed once each, in program order.
    """
    position = {op["id"]: i for i, op in enumerate(ops)}
    producer = {}
    last_writer = {}
    readers = {}
    for op in ops:
        oid = op["id"]
        direct = {producer[t] for t in op["in"] if t in producer}
        after = set()

        def need(earlier):
            if earlier != oid and earlier not in direct:
                after.add(earlier)

        writes = set(op["_writes"])
        for s in op["in"]:
            if s in writes:
                continue
            if s in last_writer:
                need(last_writer[s])
            readers.setdefault(s, []).append(oid)
        for s in op["in"]:
            if s not in writes:
                continue
            for r in readers.get(s, []):
                need(r)
            if s in last_writer:
                need(last_writer[s])
            last_writer[s] = oid
            readers[s] = []
        for t in op["out"]:
            producer[t] = oid
        if after:
            op["after"] = sorted(after, key=position.__getitem__)
