"""Fold a make_fx trace into storage-level tensors and ops (FORMAT.md section 1).

* an op result that its schema declares an alias (``Tensor(a)``) is not a new
  tensor: it is the storage of the argument in the same alias set;
* an argument whose schema annotation is a write (``Tensor(a!)``) is mutated in
  place: the op lists that storage among its inputs and creates nothing for it;
* every other tensor result is a new storage, sized by its untyped storage's
  bytes.

The fake tensors carry real storage identity, which checks the schema's word:
when a result's storage disagrees with the annotation (``aten::_unsafe_view``
deliberately omits its alias annotation), the observed storage wins and the op
type is counted in ``overrides``.
"""

import operator

from .cost import constant_cost, op_cost
from .errors import ExportError
from .schema import SCHEMA_WRITE_CORRECTIONS, op_type_name, schema_annotations


def _storage_key(t):
    return t.storage()._cdata


def _storage_nbytes(t):
    return int(t.storage().nbytes())


def fold_to_storage(gm, roles, torch):
    """Fold the fx graph into storage-level tensors and ops (FORMAT.md section 1).

    Returns a dict: "tensors" (storage id -> {id, size, kind}), "ops" (dicts
    {id, type, in, out, _writes} in traced order; _writes lists the storages the
    op mutates), "overrides" (op type -> results whose traced storage overrode the
    annotation), "loss" and "grads" (storage ids), "env" (fx node -> storage ids
    of its result)."""
    tensors = {}  # storage id -> {"id", "size", "kind"}
    by_key = {}  # observed storage key -> storage id
    env = {}  # fx node -> storage id | list/tuple of them | None
    ops = []
    overrides = {}

    def new_storage(tid, val, kind):
        if tid in tensors:
            raise ExportError(f"duplicate tensor id {tid!r}")
        tensors[tid] = {"id": tid, "size": _storage_nbytes(val), "kind": kind}
        by_key[_storage_key(val)] = tid
        return tid

    def storages_of(value):
        """Storage ids of every tensor in an argument value (node, list, constant)."""
        if isinstance(value, torch.fx.Node):
            return [s for s in _flatten(env[value]) if s is not None]
        if isinstance(value, (list, tuple)):
            out = []
            for v in value:
                out += storages_of(v)
            return out
        return []

    placeholders = [n for n in gm.graph.nodes if n.op == "placeholder"]
    if len(placeholders) != len(roles):
        raise ExportError("trace has an unexpected number of inputs")
    role_of = dict(zip(placeholders, roles))

    for node in gm.graph.nodes:
        if node.op == "placeholder":
            kind, tid = role_of[node]
            env[node] = new_storage(tid, node.meta["val"], kind)
        elif node.op == "get_attr":
            # A tensor constant baked into the trace (e.g. a torch.tensor literal): an op
            # of type "constant" produces it where the trace first needs it.
            val = getattr(gm, node.target)
            if not isinstance(val, torch.Tensor):
                raise ExportError(f"unsupported constant {node.target!r}")
            key = _storage_key(val)
            if key in by_key:
                env[node] = by_key[key]
                continue
            env[node] = new_storage(node.name, val, "activation")
            ops.append({"id": node.name, "type": "constant", "in": [], "out": [node.name], "_writes": [],
                        "_cost": constant_cost(val)})
        elif node.op == "call_function" and node.target is operator.getitem:
            container, index = node.args
            env[node] = env[container][index]
        elif node.op == "call_function":
            if not isinstance(node.target, torch._ops.OpOverload):
                raise ExportError(f"unsupported node target {node.target!r}")
            env[node] = fold_op(node, torch, storages_of, new_storage, by_key, ops, overrides)
        elif node.op == "output":
            result = storages_of(node.args[0])
            loss_id, grad_ids = result[0], result[1:]
        else:
            raise ExportError(f"unsupported node {node.op} {node.target!r}")
    return {"tensors": tensors, "ops": ops, "overrides": overrides, "loss": loss_id,
            "grads": grad_ids, "env": env}


def fold_op(node, torch, storages_of, new_storage, by_key, ops, overrides):
    """Fold one aten op: decide, from its schema's alias annotations, which results
    alias which arguments and which arguments it mutates.  Appends the op to ops
    unless it is pure metadata; returns the storage structure of its result."""
    schema = node.target._schema
    arg_ann, ret_ann = schema_annotations(schema)
    op_type = op_type_name(schema)

    # Bind the fx call to the schema's arguments.
    values = []
    for i, arg in enumerate(schema.arguments):
        if not arg.kwarg_only and i < len(node.args):
            values.append(node.args[i])
        else:
            values.append(node.kwargs.get(arg.name))

    # Every tensor argument is read; those annotated as written are also mutated.
    corrected = ()
    correction = SCHEMA_WRITE_CORRECTIONS.get(schema.name)
    if correction:
        names, condition = correction
        by_name = dict(zip((a.name for a in schema.arguments), values))
        if condition is None or by_name.get(condition) is True:
            corrected = names
    ins, writes = [], []
    for arg, ann, value in zip(schema.arguments, arg_ann, values):
        storages = storages_of(value)
        ins.extend(s for s in storages if s not in ins)
        if (ann and ann["write"]) or arg.name in corrected:
            writes.extend(s for s in storages if s not in writes)

    # Results: the fake value of each return, paired with its annotation.
    val = traced_value(node)
    if len(schema.returns) == 1:
        ret_vals = [val]
    else:
        ret_vals = list(val or [])
        ret_vals += [None] * (len(schema.returns) - len(ret_vals))
    # A result without a value is an undefined tensor (e.g. convolution_backward's
    # input gradient when output_mask says it is not needed): nothing is allocated.

    def aliased_arg(ann):
        for arg_a, value in zip(arg_ann, values):
            if arg_a and arg_a["before"] & ann["before"]:
                return value
        raise ExportError(f"{op_type}: result alias set {sorted(ann['before'])} matches no argument")

    outs = []
    result = []
    for j, (ann, rv) in enumerate(zip(ret_ann, ret_vals)):
        elems = rv if isinstance(rv, (list, tuple)) else [rv]
        declared = [None] * len(elems)
        if ann is not None:
            source = storages_of(aliased_arg(ann))
            if len(source) == 1:
                declared = source * len(elems)
            elif len(source) == len(elems):
                declared = source
            else:
                raise ExportError(f"{op_type}: cannot pair results with aliased arguments")
        ids = []
        for k, (elem, decl) in enumerate(zip(elems, declared)):
            if not isinstance(elem, torch.Tensor):
                ids.append(None)
                continue
            observed = by_key.get(_storage_key(elem))
            if observed != decl:
                # The traced storage disagrees with the annotation: follow the storage.
                overrides[op_type] = overrides.get(op_type, 0) + 1
            if observed is not None:
                ids.append(observed)
            else:
                tid = result_id(node.name, len(ret_ann), j, k if isinstance(rv, (list, tuple)) else None)
                ids.append(new_storage(tid, elem, "activation"))
                outs.append(tid)
        result.append(ids if isinstance(rv, (list, tuple)) else ids[0])

    if writes or outs:
        ops.append({"id": node.name, "type": op_type, "in": ins, "out": outs, "_writes": writes,
                    "_cost": op_cost(node, schema, values, ret_vals)})
    elif not any(r is not None for r in _flatten(result)) and ins:
        # Neither writes nor results that are tensors (e.g. item()): a reader.
        ops.append({"id": node.name, "type": op_type, "in": ins, "out": [], "_writes": [],
                    "_cost": op_cost(node, schema, values, ret_vals)})
    # Otherwise every tensor result aliases an argument and nothing is written:
    # a view, pure metadata, dropped.
    if len(ret_ann) == 1:
        return result[0]
    return tuple(result) if ret_ann else None


def traced_value(node):
    """The fake value of a node's result.  make_fx records it on the node itself for a
    single tensor, and on the getitem nodes that pick the elements of a tuple or list."""
    if "val" in node.meta:
        return node.meta["val"]
    picks = {u.args[1]: traced_value(u) for u in node.users
             if u.op == "call_function" and u.target is operator.getitem}
    if not picks:
        return None
    return [picks.get(i) for i in range(max(picks) + 1)]


def result_id(name, returns, j, k):
    """Tensor id of a new storage: the fx node name, with the return index when
    the op has several returns and the element index for list results."""
    parts = [name]
    if returns > 1:
        parts.append(str(j))
    if k is not None:
        parts.append(str(k))
    return ".".join(parts)


def _flatten(x):
    if isinstance(x, (list, tuple)):
        out = []
        for e in x:
            out += _flatten(e)
        return out
    return [x]
