"""The memplan.graph/v1 document of a folded trace, and its deterministic bytes."""

import gzip
import io
import json
import os
import tempfile

from .after import compute_after_edges
from .errors import ExportError
from .peak import program_order_peak

FORMAT = "memplan.graph/v1"


def graph_document(folded, name, meta):
    """Kinds, after edges, costs and the program-order peak for a folded trace.

    ``meta`` is copied first (its key order is kept); ``programOrderPeak`` and
    ``peakStep`` are appended."""
    tensors, ops, overrides = folded["tensors"], folded["ops"], folded["overrides"]
    loss_id, grad_ids = folded["loss"], folded["grads"]
    if tensors[loss_id]["kind"] != "activation":
        raise ExportError("the loss is not a new tensor (loss_fn must compute it from the output)")
    tensors[loss_id]["kind"] = "output"
    for g in grad_ids:
        if tensors[g]["kind"] == "activation":
            tensors[g]["kind"] = "gradient"
    # Drop tensors nothing reads or produces (e.g. a parameter without gradient).
    used = set()
    for op in ops:
        used.update(op["in"])
        used.update(op["out"])
    tensor_list = [t for t in tensors.values() if t["id"] in used]
    compute_after_edges(ops)
    for op in ops:
        del op["_writes"]
        op["cost"] = op.pop("_cost")
    meta = dict(meta)
    if overrides:
        meta["aliasOverrides"] = dict(sorted(overrides.items()))
    graph = {"format": FORMAT, "name": name, "meta": meta, "tensors": tensor_list, "ops": ops}
    peak, step = program_order_peak(graph)
    meta["programOrderPeak"] = peak
    meta["peakStep"] = step
    return graph


def serialize(graph):
    """Deterministic JSON text: fixed key order and separators, one tensor or op per line.

    >>> serialize({"format": "f", "name": "n", "meta": {}, "tensors": [], "ops": []})[:24]
    '{"format":"f",\\n"name":"n"'
    """
    def dump(v):
        return json.dumps(v, separators=(",", ":"), ensure_ascii=True)

    lines = ["{" + dump("format") + ":" + dump(graph["format"]) + ","]
    lines.append(dump("name") + ":" + dump(graph["name"]) + ",")
    lines.append(dump("meta") + ":" + dump(graph["meta"]) + ",")
    for key in ("tensors", "ops"):
        items = graph[key]
        lines.append(dump(key) + ":[")
        lines += [dump(item) + ("," if i + 1 < len(items) else "") for i, item in enumerate(items)]
        lines.append("]," if key == "tensors" else "]")
    lines.append("}")
    return "\n".join(lines) + "\n"


def write_graph(path, text):
    """Write the graph text, gzip-compressed (mtime 0, no name) when the path ends in .gz.

    The file appears whole or not at all: it is written beside the target and renamed."""
    data = text.encode("utf-8")
    if str(path).endswith(".gz"):
        buf = io.BytesIO()
        with gzip.GzipFile(filename="", mode="wb", fileobj=buf, compresslevel=9, mtime=0) as gz:
            gz.write(data)
        data = buf.getvalue()
    directory = os.path.dirname(os.path.abspath(path))
    os.makedirs(directory, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=directory, prefix=".memplan_torch.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise
