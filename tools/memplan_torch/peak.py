"""Program-order peak live: FORMAT.md section 2 (lifetimes) and section 5 (metrics),
written again here so that the exporter checks its output without memplan."""


def program_order_peak(graph):
    """Return (peak, step): the peak live bytes of the program order and the first
    step that reaches it, exactly as FORMAT.md defines them.

    Step s is the position of an op in graph["ops"]; n is the number of ops.  Each
    tensor is resident over the inclusive interval [first, last]:

      kind                        first                 last
      weight, optimizer_state     0                     n-1
      input                       0                     last step reading it (0 if none)
      output                      step of its producer  n-1
      any other (default
      activation)                 step of its producer  last step reading it (producer's if none)

    Peak live is the largest total size of resident tensors over all steps; a
    tensor of size 0 occupies nothing.
    """
    ops = graph["ops"]
    n = len(ops)
    if n == 0:
        return 0, 0
    producer = {}
    last_read = {}
    for step, op in enumerate(ops):
        for t in op.get("out", []):
            producer[t] = step
        for t in op.get("in", []):
            last_read[t] = step  # steps increase, so this ends as the last read
    delta = [0] * (n + 1)
    for tensor in graph["tensors"]:
        tid, size = tensor["id"], tensor["size"]
        kind = tensor.get("kind", "activation")
        if kind in ("weight", "optimizer_state"):
            first, last = 0, n - 1
        elif kind == "input":
            first, last = 0, last_read.get(tid, 0)
        elif kind == "output":
            first, last = producer[tid], n - 1
        else:
            first = producer[tid]
            last = last_read.get(tid, first)
        if size > 0:
            delta[first] += size
            delta[last + 1] -= size
    peak, peak_step, live = 0, 0, 0
    for step in range(n):
        live += delta[step]
        if live > peak:
            peak, peak_step = live, step
    return peak, peak_step
