"""export_training_step: any module's training step to a memplan graph file."""

from .document import graph_document, serialize, write_graph
from .errors import ExportError, one_line
from .fold import fold_to_storage
from .trace import trace_training_step
from .versions import import_torch


def training_step_graph(model, example_inputs, loss_fn, optimizer, *, loss_inputs=(), name=None,
                        meta=None):
    """The memplan.graph/v1 document (a dict) of one training step; see export_training_step."""
    torch = import_torch()
    trace = trace_training_step(model, example_inputs, loss_fn, optimizer, loss_inputs)
    try:
        folded = fold_to_storage(trace.gm, trace.roles, torch)
    except ExportError:
        raise
    except Exception as e:
        raise ExportError(f"cannot fold the trace to storages: {one_line(e)}") from None
    if meta is None:
        meta = {
            "source": "torch make_fx",
            "torch": torch.__version__,
            "model": type(model).__name__,
            "optimizer": type(optimizer).__name__,
            "tracingMode": "fake",
            "parameters": trace.parameters,
        }
    if name is None:
        name = f"{type(model).__name__}.train.{type(optimizer).__name__}"
    return graph_document(folded, name, meta)


def export_training_step(model, example_inputs, loss_fn, optimizer, path, *, loss_inputs=(),
                         name=None, meta=None):
    """Trace forward, loss, backward and the optimizer update of ``model`` and write
    the step as a memplan.graph/v1 file at ``path`` (gzip when it ends in .gz).

    ``model(*example_inputs)`` is the forward, ``loss_fn(output, *loss_inputs)``
    returns the scalar loss (pass labels as ``loss_inputs`` to make them inputs of
    the step), ``optimizer`` is a torch.optim instance over the model's parameters.
    Nothing is computed (fake tensors) and neither the model nor the optimizer is
    changed.  Returns the graph as a dict; its ``meta.programOrderPeak`` is the peak
    of live bytes in the traced order.  Raises ExportError (one line) when torch is
    missing or unsupported or the step cannot be traced."""
    graph = training_step_graph(model, example_inputs, loss_fn, optimizer,
                                loss_inputs=loss_inputs, name=name, meta=meta)
    write_graph(path, serialize(graph))
    return graph
