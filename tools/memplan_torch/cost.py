"""Estimated cost of an op: the optional ``cost`` field of a graph op.

``cost`` is a non-negative number of floating-point operations, estimated from
the shapes of the traced tensors:

* matrix products (mm, addmm, bmm, baddbmm, matmul, linear): 2·M·N·K per product;
* convolutions: 2 × output elements × (input channels / groups) × kernel elements,
  and convolution_backward the same for each gradient it computes (input,
  weight) plus one per output element for the bias;
* attention (scaled dot product): 2·L·S·E for the scores plus 2·L·S·Ev for the
  weighted sum, per batch and head;
* every other op: one per 4 bytes it reads and writes (a byte-proportional
  estimate: one operation per float32 element moved).

It is an estimate for schedulers that weigh recomputation or overlap; memplan's
simulator ignores it.
"""

import math

BYTES_PER_UNIT = 4

_MATMUL = {"aten::mm", "aten::addmm", "aten::bmm", "aten::baddbmm", "aten::matmul",
           "aten::linear", "aten::addbmm", "aten::dot", "aten::mv", "aten::addmv"}


def _tensors(value):
    """The traced tensor values in an argument (fx node, list, constant)."""
    import torch

    if isinstance(value, torch.fx.Node):
        from .fold import traced_value

        return _tensors(traced_value(value))
    if isinstance(value, (list, tuple)):
        out = []
        for v in value:
            out += _tensors(v)
        return out
    return [value] if isinstance(value, torch.Tensor) else []


def _nbytes(t):
    return t.numel() * t.element_size()


def _byte_cost(arg_values, ret_values):
    moved = sum(_nbytes(t) for v in arg_values for t in _tensors(v))
    moved += sum(_nbytes(t) for v in ret_values for t in _tensors(v))
    return math.ceil(moved / BYTES_PER_UNIT)


def _conv_flops(out_like, weight, transposed, input_like):
    per_position = weight.numel() // max(weight.shape[0], 1)
    positions = input_like.numel() // max(input_like.shape[1], 1) * weight.shape[0] \
        if transposed else out_like.numel()
    return 2 * positions * per_position


def _flops(name, args, rets):
    """FLOPs of a compute-bound op from its shapes, or None for the others."""
    first = lambda v: (_tensors(v) or [None])[0]  # noqa: E731
    if name in _MATMUL:
        out = first(rets[0]) if rets else None
        # The operand whose last dimension is the reduced one: the first matrix
        # argument after an optional bias/self that is added.
        mats = [first(a) for a in args if first(a) is not None and first(a).dim() >= 1]
        if out is None or not mats:
            return None
        a = mats[1] if name in ("aten::addmm", "aten::baddbmm", "aten::addbmm", "aten::addmv") \
            and len(mats) > 2 else mats[0]
        k = a.shape[-1]
        products = out.numel() * (a.shape[0] if name == "aten::addbmm" else 1)
        return 2 * products * k
    if name == "aten::convolution":
        inp, weight, out = first(args[0]), first(args[1]), first(rets[0])
        if inp is None or weight is None or out is None:
            return None
        return _conv_flops(out, weight, bool(args[6]), inp)
    if name == "aten::convolution_backward":
        grad_out, inp, weight = first(args[0]), first(args[1]), first(args[2])
        if grad_out is None or inp is None or weight is None:
            return None
        forward = _conv_flops(grad_out, weight, bool(args[7]), inp)
        mask = list(args[10]) if len(args) > 10 else [True, True, True]
        return forward * (int(bool(mask[0])) + int(bool(mask[1]))) + \
            (grad_out.numel() if mask[2] else 0)
    if "scaled_dot_product" in name:
        q, k, v = first(args[0]), first(args[1]), first(args[2])
        if q is None or k is None or v is None:
            return None
        heads = q.numel() // (q.shape[-1] * q.shape[-2])
        length, source = q.shape[-2], k.shape[-2]
        return 2 * heads * length * source * (q.shape[-1] + v.shape[-1])
    return None


def op_cost(node, schema, arg_values, ret_values):
    """Estimated FLOPs of one traced aten op (see the module doc)."""
    flops = _flops(schema.name, arg_values, ret_values)
    return flops if flops is not None else _byte_cost(arg_values, ret_values)


def constant_cost(value):
    """A constant materialized by the trace: it writes its bytes once."""
    return math.ceil(_nbytes(value) / BYTES_PER_UNIT)
