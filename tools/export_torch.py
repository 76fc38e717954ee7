#!/usr/bin/env python3
"""Export one PyTorch training step as a memplan.graph/v1 file (shared FORMAT.md section 1).

One whole training step -- forward, loss, backward (autograd's real backward ops)
and an in-place optimizer update -- is traced with
torch.fx.experimental.proxy_tensor.make_fx in "fake" mode (fake tensors: shapes,
dtypes and storages but no data, so nothing is computed and big models trace in
seconds), then folded to the level of storage:

* an op result that its schema declares an alias (``Tensor(a)``) is not a new
  tensor: it is the storage of the argument in the same alias set;
* an argument whose schema annotation is a write (``Tensor(a!)``) is mutated in
  place: the op lists that storage among its inputs and creates nothing for it;
* every other tensor result is a new storage, sized by its untyped storage's
  bytes.

The fake tensors carry real storage identity, which checks the schema's word:
when a result's storage disagrees with the annotation (``aten::_unsafe_view``
deliberately omits its alias annotation), the observed storage wins and the op
type is counted in ``meta.aliasOverrides``.  A short table,
SCHEMA_WRITE_CORRECTIONS, adds writes that torch < 2.0 schemas omit
(``native_batch_norm`` updates its running statistics in training mode).

Ordering that no tensor carries is written as ``after`` edges (see
compute_after_edges).  See tools/README.md for the kinds and every rule.
"""

import argparse
import gzip
import io
import json
import math
import os
import re
import sys

FORMAT = "memplan.graph/v1"
PROG = "tools/export_torch.py"
BUILTIN_MODELS = ("mlp", "transformer_encoder", "gpt_decoder")
OPTIMIZERS = ("sgd", "adam")
DTYPES = ("float32", "float16")
SGD_LR = 0.01
ADAM = {"lr": 1e-3, "beta1": 0.9, "beta2": 0.999, "eps": 1e-8}
# Weight of auxiliary classifier losses, as in torchvision's reference training recipe.
AUX_LOSS_WEIGHT = {"inception_v3": 0.4, "googlenet": 0.3}
# Transformer defaults: (layers, d_model, heads, ffn, vocab).
TRANSFORMER_DEFAULTS = {
    "transformer_encoder": (12, 768, 12, 3072, 30522),  # BERT-base
    "gpt_decoder": (6, 512, 8, 2048, 50257),  # small GPT-2 style decoder
}
DEFAULT_SEQ = 128
MLP_FEATURES, MLP_HIDDEN, MLP_CLASSES = 64, 128, 10

# Writes that the schemas of torch < 2.0 do not annotate although the kernel
# performs them (fixed upstream by annotated replacements such as
# aten::_native_batch_norm_legit).  Keyed by schema name: (argument names, the
# boolean argument that must be true for the write to happen, or None).  Applied
# only where the running schema does not already declare the write.
SCHEMA_WRITE_CORRECTIONS = {
    "aten::native_batch_norm": (("running_mean", "running_var"), "training"),
    "aten::rrelu_with_noise": (("noise",), "training"),
}


class ExportError(Exception):
    """A failure reported to the user as one line, without a traceback."""


# --------------------------------------------------------------------------
# Program-order peak live: FORMAT.md section 2 (lifetimes) and section 5 (metrics).
# --------------------------------------------------------------------------


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


# --------------------------------------------------------------------------
# Alias annotations of an operator schema.
# --------------------------------------------------------------------------


def _split_top_level(text):
    """Split a schema's argument or return list at commas outside brackets and quotes."""
    parts, depth, quote, start = [], 0, None, 0
    for i, ch in enumerate(text):
        if quote:
            if ch == quote:
                quote = None
        elif ch in "\"'":
            quote = ch
        elif ch in "([":
            depth += 1
        elif ch in ")]":
            depth -= 1
        elif ch == "," and depth == 0:
            parts.append(text[start:i].strip())
            start = i + 1
    last = text[start:].strip()
    if last:
        parts.append(last)
    return parts


_ANNOTATION = re.compile(r"^Tensor\(([^)]*)\)")


def _parse_annotation(piece):
    """Annotation of one schema argument or return, e.g. "Tensor(a!)[] self".

    Returns None when the piece has no alias annotation, else a dict with the
    alias set before the op ("a!" -> {"a"}), the set after it (for "a -> *"),
    whether the op writes through it, and whether it is a list of tensors.
    """
    m = _ANNOTATION.match(piece)
    if not m:
        return None
    before, _, after = m.group(1).partition("->")
    before = before.strip()
    return {
        "before": frozenset(s.strip() for s in before.replace("!", "").split("|")),
        "after": frozenset(s.strip() for s in after.split("|")) if after else None,
        "write": "!" in before,
        "list": piece[m.end():].startswith("[]"),
    }


_ANNOTATION_CACHE = {}


def schema_annotations(schema):
    """(argument annotations, return annotations) of a torch._C.FunctionSchema,
    read from the alias annotations of its text ("Tensor(a!)", "Tensor(a)[]",
    "Tensor(a -> *)").  The text is used because torch's Python binding drops
    the alias set of list-typed arguments and returns."""
    text = str(schema)
    cached = _ANNOTATION_CACHE.get(text)
    if cached is not None:
        return cached
    head, arrow, rets = text.rpartition(") -> ")
    if not arrow:
        raise ExportError(f"cannot read the schema {text!r}")
    arg_text = head[head.index("(") + 1:]
    arg_pieces = [p for p in _split_top_level(arg_text) if p != "*"]
    rets = rets.strip()
    if rets.startswith("(") and rets.endswith(")"):
        rets = rets[1:-1]
    ret_pieces = _split_top_level(rets)
    if len(arg_pieces) != len(schema.arguments) or len(ret_pieces) != len(schema.returns):
        raise ExportError(f"cannot read the schema {text!r}")
    result = ([_parse_annotation(p) for p in arg_pieces], [_parse_annotation(p) for p in ret_pieces])
    # The binding keeps the write flag of every argument: the two readings must agree.
    for arg, ann in zip(schema.arguments, result[0]):
        bound = arg.alias_info is not None and arg.alias_info.is_write
        if bound != bool(ann and ann["write"]):
            raise ExportError(f"schema {text!r}: write annotation of {arg.name} unclear")
    _ANNOTATION_CACHE[text] = result
    return result


def op_type_name(schema):
    """"aten::add_" overload "Tensor" -> "aten.add_.Tensor"; the default overload is left off."""
    name = schema.name.replace("::", ".")
    return f"{name}.{schema.overload_name}" if schema.overload_name else name


# --------------------------------------------------------------------------
# Models.
# --------------------------------------------------------------------------


def build_builtin(name, args, torch):
    nn = torch.nn
    F = torch.nn.functional

    if name == "mlp":

        class MLP(nn.Module):
            """Tiny classifier: linear, batch norm, relu, dropout, linear."""

            def __init__(self):
                super().__init__()
                self.fc1 = nn.Linear(MLP_FEATURES, MLP_HIDDEN)
                self.bn = nn.BatchNorm1d(MLP_HIDDEN)
                self.drop = nn.Dropout(0.1)
                self.fc2 = nn.Linear(MLP_HIDDEN, MLP_CLASSES)

            def forward(self, x):
                return self.fc2(self.drop(F.relu(self.bn(self.fc1(x)), inplace=True)))

        return MLP()

    layers, d_model, heads, ffn, vocab = (args.layers, args.d_model, args.heads, args.ffn, args.vocab)

    class Embeddings(nn.Module):
        def __init__(self, max_positions):
            super().__init__()
            self.token = nn.Embedding(vocab, d_model)
            self.position = nn.Embedding(max_positions, d_model)

        def forward(self, ids):
            positions = torch.arange(ids.shape[1], device=ids.device)
            return self.token(ids) + self.position(positions)

    if name == "transformer_encoder":

        class TransformerEncoderLM(nn.Module):
            """BERT-style encoder with a masked-language-model head whose decoder
            shares the token embedding matrix (as BERT does)."""

            def __init__(self):
                super().__init__()
                self.embed = Embeddings(max(512, args.seq))
                self.embed_norm = nn.LayerNorm(d_model)
                self.embed_drop = nn.Dropout(0.1)
                layer = nn.TransformerEncoderLayer(
                    d_model, heads, ffn, 0.1, activation="gelu", batch_first=True
                )
                self.encoder = nn.TransformerEncoder(layer, layers, enable_nested_tensor=False)
                self.head_dense = nn.Linear(d_model, d_model)
                self.head_norm = nn.LayerNorm(d_model)
                self.head_bias = nn.Parameter(torch.zeros(vocab))

            def forward(self, ids):
                h = self.embed_drop(self.embed_norm(self.embed(ids)))
                h = self.encoder(h)
                h = self.head_norm(F.gelu(self.head_dense(h)))
                return F.linear(h, self.embed.token.weight, self.head_bias)

        return TransformerEncoderLM()

    if name == "gpt_decoder":

        class GPTDecoder(nn.Module):
            """GPT-style decoder-only model: pre-norm self-attention blocks under a
            causal mask, a final layer norm and an LM head tied to the embedding."""

            def __init__(self):
                super().__init__()
                self.embed = Embeddings(args.seq)
                self.drop = nn.Dropout(0.1)
                layer = nn.TransformerEncoderLayer(
                    d_model, heads, ffn, 0.1, activation="gelu", batch_first=True, norm_first=True
                )
                self.blocks = nn.TransformerEncoder(layer, layers, enable_nested_tensor=False)
                self.norm = nn.LayerNorm(d_model)

            def forward(self, ids):
                seq = ids.shape[1]
                dtype = self.embed.token.weight.dtype
                causal = torch.triu(
                    torch.full((seq, seq), float("-inf"), dtype=dtype, device=ids.device), diagonal=1
                )
                h = self.blocks(self.drop(self.embed(ids)), mask=causal)
                return F.linear(self.norm(h), self.embed.token.weight)

        return GPTDecoder()

    raise AssertionError(name)


def build_model(args, torch):
    """(module, example inputs, labels) for --model."""
    torch.manual_seed(0)
    dtype = getattr(torch, args.dtype)
    if args.model in BUILTIN_MODELS:
        model = build_builtin(args.model, args, torch)
        if args.model == "mlp":
            x = torch.randn(args.batch, MLP_FEATURES)
            y = torch.randint(0, MLP_CLASSES, (args.batch,))
        else:
            x = torch.randint(0, args.vocab, (args.batch, args.seq))
            y = torch.randint(0, args.vocab, (args.batch, args.seq))
    else:
        try:
            import torchvision
        except ImportError:
            raise ExportError(f"model {args.model!r} needs torchvision, which is not installed")
        classification = torchvision.models.list_models(module=torchvision.models)
        if args.model not in classification:
            if args.model in torchvision.models.list_models():
                raise ExportError(
                    f"model {args.model!r} is not a classification model; only the "
                    "torchvision.models classification builders are supported"
                )
            raise ExportError(
                f"unknown model {args.model!r}: use one of {', '.join(BUILTIN_MODELS)} "
                "or a torchvision.models classification name (e.g. resnet18)"
            )
        kwargs = {"weights": None}
        if args.model in ("inception_v3", "googlenet"):
            kwargs.update(aux_logits=True, init_weights=True)
        model = torchvision.models.get_model(args.model, **kwargs)
        size = args.image_size
        x = torch.randn(args.batch, 3, size, size)
        y = torch.randint(0, 1000, (args.batch,))
    model = model.to(dtype)
    if x.is_floating_point():
        x = x.to(dtype)
    model.train()
    return model, x, y


# --------------------------------------------------------------------------
# Tracing one training step.
# --------------------------------------------------------------------------


def trace_training_step(model, x, y, args, torch):
    """make_fx trace of forward, loss, backward and the in-place optimizer update.

    Returns (graph module, roles, inputs): one role (kind, tensor id) and one real
    input tensor per placeholder of the graph, in placeholder order."""
    from torch.fx.experimental.proxy_tensor import make_fx
    from torch.nn.utils.stateless import functional_call

    F = torch.nn.functional
    param_names = [n for n, _ in model.named_parameters()]
    buffer_names = [n for n, _ in model.named_buffers()]
    params = [p.detach().clone().requires_grad_(True) for _, p in model.named_parameters()]
    buffers = [b.detach().clone() for _, b in model.named_buffers()]
    aux_weight = AUX_LOSS_WEIGHT.get(args.model, 0.0)

    state_names = []
    state = []
    if args.optimizer == "adam":
        # torch.optim.Adam (1.13) keeps exp_avg, exp_avg_sq and a float32 step tensor per parameter.
        for name, p in zip(param_names, params):
            state_names += [f"{name}.exp_avg", f"{name}.exp_avg_sq", f"{name}.step"]
            state += [torch.zeros_like(p).detach(), torch.zeros_like(p).detach(), torch.tensor(0.0)]

    def loss_of(out, labels):
        if isinstance(out, tuple):  # torchvision's InceptionOutputs / GoogLeNetOutputs
            main, aux = out[0], [o for o in out[1:] if o is not None]
            loss = F.cross_entropy(main, labels)
            for a in aux:
                loss = loss + aux_weight * F.cross_entropy(a, labels)
            return loss
        if out.dim() == 3:  # language models: one prediction per position
            return F.cross_entropy(out.reshape(-1, out.shape[-1]), labels.reshape(-1))
        return F.cross_entropy(out, labels)

    def train_step(plist, blist, slist, inputs, labels):
        bound = dict(zip(param_names, plist))
        bound.update(zip(buffer_names, blist))
        loss = loss_of(functional_call(model, bound, (inputs,)), labels)
        grads = torch.autograd.grad(loss, plist, allow_unused=True)
        with torch.no_grad():
            if args.optimizer == "sgd":
                # torch.optim.SGD without momentum / weight decay: param.add_(grad, alpha=-lr)
                for p, g in zip(plist, grads):
                    if g is not None:
                        p.add_(g, alpha=-SGD_LR)
            else:
                # torch.optim.Adam's single-tensor update (1.13).  Bias corrections are
                # Python numbers for step 1 (eager reads them with step_t.item()).
                b1, b2, lr, eps = ADAM["beta1"], ADAM["beta2"], ADAM["lr"], ADAM["eps"]
                for i, (p, g) in enumerate(zip(plist, grads)):
                    if g is None:
                        continue
                    exp_avg, exp_avg_sq, step_t = slist[3 * i: 3 * i + 3]
                    step_t.add_(1)
                    exp_avg.mul_(b1).add_(g, alpha=1 - b1)
                    exp_avg_sq.mul_(b2).addcmul_(g, g, value=1 - b2)
                    step = 1
                    bias_correction1 = 1 - b1**step
                    bias_correction2 = 1 - b2**step
                    denom = (exp_avg_sq.sqrt() / math.sqrt(bias_correction2)).add_(eps)
                    p.addcdiv_(exp_avg, denom, value=-lr / bias_correction1)
        return (loss, *grads)

    roles = (
        [("weight", n) for n in param_names]
        + [("weight", n) for n in buffer_names]
        + [("optimizer_state", n) for n in state_names]
        + [("input", "input"), ("input", "labels")]
    )
    gm = make_fx(train_step, tracing_mode="fake")(params, buffers, state, x, y)
    return gm, roles, params + buffers + state + [x, y]


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
    import operator

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
            ops.append({"id": node.name, "type": "constant", "in": [], "out": [node.name], "_writes": []})
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
        ops.append({"id": node.name, "type": op_type, "in": ins, "out": outs, "_writes": writes})
    elif not any(r is not None for r in _flatten(result)) and ins:
        # Neither writes nor results that are tensors (e.g. item()): a reader.
        ops.append({"id": node.name, "type": op_type, "in": ins, "out": [], "_writes": []})
    # Otherwise every tensor result aliases an argument and nothing is written:
    # a view, pure metadata, dropped.
    if len(ret_ann) == 1:
        return result[0]
    return tuple(result) if ret_ann else None


def traced_value(node):
    """The fake value of a node's result.  make_fx records it on the node itself for a
    single tensor, and on the getitem nodes that pick the elements of a tuple or list."""
    import operator

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


# --------------------------------------------------------------------------
# After edges.
# --------------------------------------------------------------------------


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


# --------------------------------------------------------------------------
# Graph assembly and output.
# --------------------------------------------------------------------------


def _one_line(e):
    text = str(e).strip()
    return f"{type(e).__name__}: {text.splitlines()[0] if text else ''}"[:300]


def trace_model(args, torch):
    """Build --model and trace its training step: (model, graph module, roles, inputs)."""
    try:
        model, x, y = build_model(args, torch)
    except ExportError:
        raise
    except Exception as e:
        raise ExportError(f"cannot build model {args.model!r}: {_one_line(e)}")
    try:
        gm, roles, inputs = trace_training_step(model, x, y, args, torch)
    except Exception as e:  # any failure inside make_fx
        raise ExportError(f"model {args.model!r} failed to trace: {_one_line(e)}")
    return model, gm, roles, inputs


def build_graph(args, torch, torchvision_version):
    """The memplan.graph/v1 document for the command-line options."""
    model, gm, roles, _ = trace_model(args, torch)
    try:
        folded = fold_to_storage(gm, roles, torch)
    except ExportError:
        raise
    except Exception as e:
        raise ExportError(f"model {args.model!r}: cannot fold the trace to storages: {_one_line(e)}")
    tensors, ops, overrides = folded["tensors"], folded["ops"], folded["overrides"]
    loss_id, grad_ids = folded["loss"], folded["grads"]
    if tensors[loss_id]["kind"] != "activation":
        raise ExportError("the loss is not a new tensor")
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
    params = sum(p.numel() for p in model.parameters())

    meta = {
        "source": "torch make_fx",
        "command": canonical_command(args),
        "torch": torch.__version__,
        "torchvision": torchvision_version,
        "model": args.model,
        "batch": args.batch,
        "optimizer": args.optimizer,
        "dtype": args.dtype,
        "tracingMode": "fake",
        "parameters": params,
    }
    if args.model in TRANSFORMER_DEFAULTS:
        meta.update(seq=args.seq, layers=args.layers, dModel=args.d_model, heads=args.heads,
                    ffn=args.ffn, vocab=args.vocab)
    elif args.model not in BUILTIN_MODELS:
        meta["imageSize"] = args.image_size
    if args.model in AUX_LOSS_WEIGHT:
        meta["auxLossWeight"] = AUX_LOSS_WEIGHT[args.model]
    if overrides:
        meta["aliasOverrides"] = dict(sorted(overrides.items()))
    graph = {
        "format": FORMAT,
        "name": graph_name(args),
        "meta": meta,
        "tensors": tensor_list,
        "ops": ops,
    }
    peak, step = program_order_peak(graph)
    meta["programOrderPeak"] = peak
    meta["peakStep"] = step
    return graph


def graph_name(args):
    parts = [args.model, "train", f"b{args.batch}"]
    if args.model in TRANSFORMER_DEFAULTS:
        parts.append(f"s{args.seq}")
    parts.append(args.optimizer)
    if args.dtype != "float32":
        parts.append("fp16")
    return ".".join(parts)


def canonical_command(args):
    """The command line that reproduces the file: every option explicit, the
    script and the output path relative (no machine-specific paths)."""
    words = [PROG, "--model", args.model, "--batch", str(args.batch)]
    if args.model in TRANSFORMER_DEFAULTS:
        words += ["--seq", str(args.seq), "--layers", str(args.layers), "--d-model", str(args.d_model),
                  "--heads", str(args.heads), "--ffn", str(args.ffn), "--vocab", str(args.vocab)]
    elif args.model not in BUILTIN_MODELS:
        words += ["--image-size", str(args.image_size)]
    words += ["--optimizer", args.optimizer, "--dtype", args.dtype, "-o", portable_path(args.output)]
    return " ".join(words)


def portable_path(path):
    if not os.path.isabs(path):
        return os.path.normpath(path)
    repo = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    rel = os.path.relpath(path, repo)
    return rel if not rel.startswith("..") else os.path.basename(path)


def serialize(graph):
    """Deterministic JSON text: fixed key order and separators, one tensor or op per line."""
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


def write_output(path, text):
    data = text.encode("utf-8")
    if path.endswith(".gz"):
        buf = io.BytesIO()
        with gzip.GzipFile(filename="", mode="wb", fileobj=buf, compresslevel=9, mtime=0) as gz:
            gz.write(data)
        data = buf.getvalue()
    directory = os.path.dirname(path)
    if directory:
        os.makedirs(directory, exist_ok=True)
    with open(path, "wb") as f:
        f.write(data)


# --------------------------------------------------------------------------
# Command line.
# --------------------------------------------------------------------------


def parse_args(argv):
    p = argparse.ArgumentParser(
        prog=PROG,
        description=(
            "Trace one PyTorch training step (forward, loss, backward, in-place optimizer "
            "update) with make_fx and write it as a memplan.graph/v1 storage-level graph."
        ),
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog="""\
models:
  mlp                  tiny classifier (linear, batch norm, relu, dropout, linear) on
                       64 features; for quick tests
  transformer_encoder  BERT-base sized masked-LM encoder (token + position embedding,
                       nn.TransformerEncoder, MLM head tied to the embedding)
  gpt_decoder          GPT-style decoder-only LM (pre-norm blocks under a causal mask,
                       LM head tied to the embedding)
  NAME                 any torchvision.models classification builder (resnet18, vgg11,
                       inception_v3, ...), built with weights=None; inception_v3 and
                       googlenet are trained with their auxiliary-classifier losses

--seq, --layers, --d-model, --heads, --ffn and --vocab apply to the transformer
models only, --image-size to the torchvision models only.  float16 traces the
transformer models and mlp; torchvision convolution models fail in float16
because torch 1.13 has no meta kernel for some of their backward ops
(convolution_backward, adaptive_avg_pool2d_backward) and the CPU kernels used
instead have no Half version.

The output is written deterministically (same command, same bytes) and a
one-line summary is printed: graph name, ops, tensors, program-order peak.

example:
  tools/export_torch.py --model resnet18 --batch 32 --optimizer sgd \\
      -o testdata/graphs/resnet18.b32.sgd.json.gz
""",
    )
    p.add_argument("--model", required=True,
                   help="model name: mlp, transformer_encoder, gpt_decoder or a torchvision.models "
                        "classification builder such as resnet18")
    p.add_argument("--batch", type=int, default=32, help="batch size (default 32)")
    p.add_argument("--seq", type=int, default=DEFAULT_SEQ,
                   help=f"sequence length of the transformer models (default {DEFAULT_SEQ})")
    p.add_argument("--layers", type=int, help="transformer layers (default 12 encoder, 6 decoder)")
    p.add_argument("--d-model", type=int, help="transformer width (default 768 encoder, 512 decoder)")
    p.add_argument("--heads", type=int, help="attention heads (default 12 encoder, 8 decoder)")
    p.add_argument("--ffn", type=int, help="feed-forward width (default 3072 encoder, 2048 decoder)")
    p.add_argument("--vocab", type=int, help="vocabulary size (default 30522 encoder, 50257 decoder)")
    p.add_argument("--image-size", type=int,
                   help="input height and width of torchvision models (default 299 for "
                        "inception_v3, else 224)")
    p.add_argument("--optimizer", choices=OPTIMIZERS, default="sgd",
                   help="in-place update: sgd (param.add_(grad, alpha=-lr)) or adam (exp_avg, "
                        "exp_avg_sq and step state updated in place) (default sgd)")
    p.add_argument("--dtype", choices=DTYPES, default="float32",
                   help="dtype of parameters, buffers, activations and optimizer state; float16 "
                        "is pure half precision, not mixed precision (default float32)")
    p.add_argument("-o", "--output", required=True,
                   help="output file: gzip-compressed when it ends in .gz (e.g. x.json.gz), "
                        "plain JSON otherwise")
    args = p.parse_args(argv)
    if args.batch < 1 or args.seq < 1:
        p.error("--batch and --seq must be positive")
    defaults = TRANSFORMER_DEFAULTS.get(args.model)
    if defaults:
        for attr, default in zip(("layers", "d_model", "heads", "ffn", "vocab"), defaults):
            if getattr(args, attr) is None:
                setattr(args, attr, default)
        if args.d_model % args.heads:
            p.error("--d-model must be a multiple of --heads")
    if args.image_size is None:
        args.image_size = 299 if args.model == "inception_v3" else 224
    return args


def main(argv=None):
    args = parse_args(sys.argv[1:] if argv is None else argv)
    try:
        import warnings

        warnings.filterwarnings("ignore")
        try:
            import torch
        except ImportError:
            raise ExportError("PyTorch is not installed (use a Python with torch >= 1.13, "
                              "e.g. Debian's python3-torch)")
        try:
            import torchvision

            tv_version = torchvision.__version__
        except ImportError:
            tv_version = None
        graph = build_graph(args, torch, tv_version)
        text = serialize(graph)
        write_output(args.output, text)
    except ExportError as e:
        print(f"export_torch: error: {e}", file=sys.stderr)
        return 2
    meta = graph["meta"]
    peak = meta["programOrderPeak"]
    print(f"{graph['name']}: {len(graph['ops'])} ops, {len(graph['tensors'])} tensors, "
          f"program-order peak {peak} bytes ({peak / 2**20:.1f} MiB) -> {args.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
