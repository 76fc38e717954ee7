"""python -m memplan_torch --model pkg.module:factory -o step.json.gz

The factory is called (with the --arg values as keyword arguments) and returns
the training step to trace: a dict with the keys model, example_inputs, loss_fn,
optimizer and optionally loss_inputs and name, or the tuple
(model, example_inputs, loss_fn, optimizer).  The module is imported from the
current folder or PYTHONPATH, as ``python -m`` does.
"""

import argparse
import ast
import importlib
import os
import sys

from .document import serialize, write_graph
from .errors import ExportError, one_line
from .export import training_step_graph
from .versions import SUPPORTED, import_torch

PROG = "python -m memplan_torch"
KEYS = ("model", "example_inputs", "loss_fn", "optimizer")


def parse_args(argv):
    p = argparse.ArgumentParser(
        prog=PROG,
        description="Trace one training step (forward, loss, backward, optimizer update) of "
                    "your own PyTorch model and write it as a memplan.graph/v1 file. "
                    f"Needs torch {SUPPORTED}.x.",
        epilog="The factory returns {'model': nn.Module, 'example_inputs': tuple, "
               "'loss_fn': callable(output, *loss_inputs) -> scalar, 'optimizer': "
               "torch.optim instance[, 'loss_inputs': tuple][, 'name': str]} or the tuple "
               "(model, example_inputs, loss_fn, optimizer).  Example: "
               "python -m memplan_torch --model mynet.train:step --arg batch=8 -o step.json.gz",
    )
    p.add_argument("--model", required=True, metavar="MODULE:FACTORY",
                   help="the factory to call, e.g. mypkg.nets:make_step")
    p.add_argument("--arg", action="append", default=[], metavar="NAME=VALUE",
                   help="keyword argument for the factory (a Python literal, else a string); "
                        "repeatable")
    p.add_argument("--name", help="graph name (default: the factory's, else MODEL.train.OPTIMIZER)")
    p.add_argument("-o", "--output", required=True,
                   help="graph file to write; gzip-compressed when it ends in .gz")
    args = p.parse_args(argv)
    if ":" not in args.model:
        p.error("--model must be MODULE:FACTORY, e.g. mypkg.nets:make_step")
    kwargs = {}
    for item in args.arg:
        name, eq, value = item.partition("=")
        if not eq or not name.isidentifier():
            p.error(f"--arg {item!r}: expected NAME=VALUE")
        try:
            kwargs[name] = ast.literal_eval(value)
        except (ValueError, SyntaxError):
            kwargs[name] = value
    args.kwargs = kwargs
    return args


def load_step(spec, kwargs):
    """Import MODULE:FACTORY, call it, and return its step as a dict."""
    module_name, _, attr = spec.partition(":")
    if os.getcwd() not in sys.path and "" not in sys.path:
        sys.path.insert(0, os.getcwd())
    try:
        module = importlib.import_module(module_name)
    except Exception as e:
        raise ExportError(f"cannot import {module_name!r}: {one_line(e)}") from None
    factory = getattr(module, attr, None)
    if not callable(factory):
        raise ExportError(f"{spec}: {module_name} has no callable {attr!r}")
    try:
        step = factory(**kwargs)
    except Exception as e:
        raise ExportError(f"{spec}: the factory failed: {one_line(e)}") from None
    if isinstance(step, (tuple, list)) and len(step) == 4:
        step = dict(zip(KEYS, step))
    if not isinstance(step, dict) or any(k not in step for k in KEYS):
        raise ExportError(f"{spec}: the factory must return a dict with {', '.join(KEYS)} "
                          "or the tuple (model, example_inputs, loss_fn, optimizer)")
    return step


def main(argv=None):
    args = parse_args(sys.argv[1:] if argv is None else argv)
    try:
        import warnings

        warnings.filterwarnings("ignore")
        import_torch()
        step = load_step(args.model, args.kwargs)
        graph = training_step_graph(step["model"], tuple(step["example_inputs"]), step["loss_fn"],
                                    step["optimizer"], loss_inputs=tuple(step.get("loss_inputs", ())),
                                    name=args.name or step.get("name"))
        graph["meta"]["factory"] = args.model
        write_graph(args.output, serialize(graph))
    except ExportError as e:
        print(f"memplan_torch: error: {e}", file=sys.stderr)
        return 2
    peak = graph["meta"]["programOrderPeak"]
    print(f"{graph['name']}: {len(graph['ops'])} ops, {len(graph['tensors'])} tensors, "
          f"program-order peak {peak:,} bytes ({peak / 2**20:.1f} MiB) -> {args.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
