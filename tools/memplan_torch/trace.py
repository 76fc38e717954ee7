"""Trace one whole training step of any module with make_fx in fake mode.

The traced function is

    loss = loss_fn(model(*example_inputs), *loss_inputs)   # through functional_call
    grads = torch.autograd.grad(loss, trainable parameters)
    optimizer.step()   # the user's own torch.optim instance, on the traced tensors

Fake tensors have shapes, dtypes and storage identity but no data, so nothing is
computed.  The optimizer's ``step`` runs unchanged: its parameter lists, its
state and the parameters' ``.grad`` are swapped for the traced tensors for the
duration of the call and restored afterwards, so the optimizer and the model
are left as they were.

Two things need care:

* State.  Optimizers that create their state lazily (Adam's ``exp_avg``) would
  create it inside the trace, as tensors produced by the step, while a real
  step after the first finds it resident.  So when the optimizer has not
  stepped, one warm-up step runs first on ``meta`` copies of the parameters
  (shapes only, no data); the steady-state step is the one traced.
* Scalars.  Adam reads its step counter with ``step.item()``, which a tracer
  cannot answer for a traced tensor.  Each one-element state tensor is given
  its concrete value as a make_fx constant, so ``item()`` is answered from it
  and the counter's in-place update is still traced.  This uses make_fx
  internals of torch 1.13 (see versions.py).
"""

from collections import defaultdict

from .errors import ExportError, one_line


class Trace:
    """A traced step: the fx graph, one (kind, tensor id) role and one real tensor
    per placeholder in placeholder order, and the parameter count."""

    def __init__(self, gm, roles, inputs, parameters):
        self.gm, self.roles, self.inputs, self.parameters = gm, roles, inputs, parameters


def _parameter_names(model):
    """Each distinct parameter once, with every name it has (tied weights have several)."""
    names = {}
    order = []
    for prefix, module in model.named_modules(remove_duplicate=False):
        for local, p in module._parameters.items():
            if p is None:
                continue
            if id(p) not in names:
                names[id(p)] = []
                order.append(p)
            full = f"{prefix}.{local}" if prefix else local
            if full not in names[id(p)]:
                names[id(p)].append(full)
    return [(names[id(p)], p) for p in order]


def _buffer_names(model):
    seen, out = set(), []
    for name, b in model.named_buffers():
        if id(b) not in seen:
            seen.add(id(b))
            out.append((name, b))
    return out


def _warm_up_state(optimizer, groups_params, torch):
    """The optimizer's per-parameter state after one step on meta copies (no data)."""
    saved_params = [g["params"] for g in optimizer.param_groups]
    saved_state = optimizer.state
    copies = [[torch.empty_like(p, device="meta") for p in ps] for ps in groups_params]
    try:
        optimizer.state = defaultdict(dict)
        for group, ps in zip(optimizer.param_groups, copies):
            group["params"] = ps
            for p in ps:
                p.grad = torch.zeros_like(p)
        with torch.no_grad():
            optimizer.step()
        warm = optimizer.state
    finally:
        for group, ps in zip(optimizer.param_groups, saved_params):
            group["params"] = ps
        optimizer.state = saved_state
    return [[warm.get(c, {}) for c in ps] for ps in copies]


def _optimizer_state(optimizer, groups_params, torch):
    """Per group and parameter, the state dict the traced step starts from."""
    existing = [[optimizer.state.get(p, {}) for p in ps] for ps in groups_params]
    if all(s for ps in existing for s in ps):
        return existing
    try:
        return _warm_up_state(optimizer, groups_params, torch)
    except Exception as e:
        raise ExportError(
            f"cannot initialize the state of {type(optimizer).__name__} on the meta device "
            f"(step it once before exporting): {one_line(e)}"
        ) from None


def _real_like(value, param, torch):
    """A real tensor to trace from: meta state becomes zeros on the parameter's device."""
    if value.device.type == "meta":
        return torch.zeros(value.shape, dtype=value.dtype, device=param.device)
    return value.detach().clone()


def _give_constants(tensors_and_values, torch):
    """Tell the running make_fx tracer the concrete value of small state tensors, so
    that item() on them is answered instead of refused (torch 1.13 internals)."""
    from torch.fx.experimental import proxy_tensor as pt
    from torch.utils._python_dispatch import _get_current_dispatch_mode

    mode = _get_current_dispatch_mode()
    tracer = getattr(mode, "tracer", None)
    if tracer is None:
        raise ExportError("make_fx's tracer is not the current dispatch mode")
    for t, value in tensors_and_values:
        slot = pt.get_proxy_slot(t, tracer)
        pt.set_proxy_slot(t, tracer, pt._ProxyTensor(slot.proxy, value))


def _unhooked_step(optimizer):
    """optimizer.step without the profiler hook torch.optim wraps it in: that hook
    allocates a record_function handle, which is not memory of the training step."""
    step = type(optimizer).step
    if getattr(step, "hooked", False) and hasattr(step, "__wrapped__"):
        return step.__wrapped__.__get__(optimizer)
    return optimizer.step


def _role_names(base, count):
    return [base] if count == 1 else [f"{base}.{i}" for i in range(count)]


def trace_training_step(model, example_inputs, loss_fn, optimizer, loss_inputs=()):
    """make_fx trace of forward, loss, backward and the optimizer's update.

    ``example_inputs`` is the tuple passed to ``model(*example_inputs)``,
    ``loss_fn(output, *loss_inputs)`` returns the scalar loss, ``optimizer`` is a
    torch.optim instance over the model's parameters.  Tensors among the example
    inputs are the step's inputs (``input``, or ``input.0``, ``input.1``, ...),
    as are the ``loss_inputs`` (``labels``, or ``labels.0``, ...)."""
    import torch
    from torch.fx.experimental.proxy_tensor import make_fx
    from torch.nn.utils.stateless import functional_call

    if not isinstance(model, torch.nn.Module):
        raise ExportError(f"model must be a torch.nn.Module, not {type(model).__name__}")
    if not isinstance(optimizer, torch.optim.Optimizer):
        raise ExportError(f"optimizer must be a torch.optim.Optimizer, not {type(optimizer).__name__}")
    if not isinstance(example_inputs, tuple):
        raise ExportError("example_inputs must be a tuple (passed as model(*example_inputs))")
    loss_inputs = tuple(loss_inputs)

    named_params = _parameter_names(model)
    index_of = {id(p): i for i, (_, p) in enumerate(named_params)}
    groups_params = [list(g["params"]) for g in optimizer.param_groups]
    for ps in groups_params:
        for p in ps:
            if id(p) not in index_of:
                raise ExportError("the optimizer holds a tensor that is not a parameter of the model")
    group_index = [[index_of[id(p)] for p in ps] for ps in groups_params]
    state = _optimizer_state(optimizer, groups_params, torch)

    buffers = _buffer_names(model)
    params = [p.detach().clone().requires_grad_(p.requires_grad) for _, p in named_params]
    trainable = [i for i, (_, p) in enumerate(named_params) if p.requires_grad]

    # Optimizer state tensors in a fixed order: parameter by parameter, keys sorted.
    state_refs, state_tensors, state_roles, scalar_values = [], [], [], []
    for ps_state, idxs in zip(state, group_index):
        for st, i in zip(ps_state, idxs):
            for key in sorted(st):
                v = st[key]
                if isinstance(v, torch.Tensor):
                    state_refs.append((i, key))
                    real = _real_like(v, named_params[i][1], torch)
                    state_tensors.append(real)
                    state_roles.append(("optimizer_state", f"{named_params[i][0][0]}.{key}"))
                    if real.numel() <= 1:
                        scalar_values.append((len(state_tensors) - 1, real.detach().clone()))

    input_slots = [k for k, x in enumerate(example_inputs) if isinstance(x, torch.Tensor)]
    loss_slots = [k for k, x in enumerate(loss_inputs) if isinstance(x, torch.Tensor)]
    inputs = [example_inputs[k].detach().clone() for k in input_slots]
    labels = [loss_inputs[k].detach().clone() for k in loss_slots]

    def train_step(plist, blist, slist, xs, ys):
        _give_constants([(slist[k], v) for k, v in scalar_values], torch)
        bound = {}
        for (names, _), t in zip(named_params, plist):
            for n in names:
                bound[n] = t
        bound.update(zip((n for n, _ in buffers), blist))
        call_args = list(example_inputs)
        for k, x in zip(input_slots, xs):
            call_args[k] = x
        loss_args = list(loss_inputs)
        for k, y in zip(loss_slots, ys):
            loss_args[k] = y
        output = functional_call(model, bound, tuple(call_args))
        loss = loss_fn(output, *loss_args)
        if not isinstance(loss, torch.Tensor) or loss.numel() != 1:
            raise ExportError("loss_fn must return a scalar tensor")
        grads = torch.autograd.grad(loss, [plist[i] for i in trainable], allow_unused=True)
        grad_of = dict(zip(trainable, grads))
        traced_state = [[dict(st) for st in ps_state] for ps_state in state]
        flat = iter(range(len(slist)))
        for ps_state, idxs in zip(traced_state, group_index):
            for st, i in zip(ps_state, idxs):
                for key in sorted(st):
                    if isinstance(st[key], torch.Tensor):
                        st[key] = slist[next(flat)]
        saved_params = [g["params"] for g in optimizer.param_groups]
        saved_state = optimizer.state
        try:
            optimizer.state = defaultdict(dict)
            for group, idxs, ps_state in zip(optimizer.param_groups, group_index, traced_state):
                group["params"] = [plist[i] for i in idxs]
                for i, st in zip(idxs, ps_state):
                    plist[i].grad = grad_of.get(i)
                    optimizer.state[plist[i]] = st
            with torch.no_grad():
                _unhooked_step(optimizer)()
        finally:
            for group, ps in zip(optimizer.param_groups, saved_params):
                group["params"] = ps
            optimizer.state = saved_state
            for t in plist:
                t.grad = None
        return (loss, *grads)

    roles = (
        [("weight", names[0]) for names, _ in named_params]
        + [("weight", n) for n, _ in buffers]
        + state_roles
        + [("input", n) for n in _role_names("input", len(inputs))]
        + [("input", n) for n in _role_names("labels", len(labels))]
    )
    buffer_copies = [b.detach().clone() for _, b in buffers]
    try:
        gm = make_fx(train_step, tracing_mode="fake")(params, buffer_copies, state_tensors, inputs, labels)
    except ExportError:
        raise
    except Exception as e:  # any failure inside make_fx or the model
        raise ExportError(f"the training step failed to trace: {one_line(e)}") from None
    flat_inputs = params + buffer_copies + state_tensors + inputs + labels
    count = sum(p.numel() for _, p in named_params)
    return Trace(gm, roles, flat_inputs, count)
