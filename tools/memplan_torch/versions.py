"""Which torch versions the exporter supports, and the one-line refusal of the others.

The storage folding reads operator schemas and a few corrections written for the
schemas of torch 1.13 (see schema.py), and the tracing of an optimizer's scalar
state uses make_fx internals of that release (see trace.py).  Other releases
change both, so they are refused rather than traced into a wrong graph.
"""

from .errors import ExportError

SUPPORTED = "1.13"
"""Supported torch release series: every 1.13.x, including Debian's 1.13.0a0 build of 1.13.1."""


def is_supported(version):
    """True when a torch.__version__ string belongs to the supported series.

    >>> is_supported("1.13.0a0"), is_supported("1.13.1+cpu"), is_supported("2.1.0")
    (True, True, False)
    """
    parts = str(version).split(".")
    return ".".join(parts[:2]) == SUPPORTED


def check_torch(torch):
    """Raise one clear ExportError unless the imported torch is supported."""
    if not is_supported(torch.__version__):
        raise ExportError(
            f"torch {torch.__version__} is not supported: memplan_torch traces torch "
            f"{SUPPORTED}.x only (e.g. Debian 12's python3-torch)"
        )


def import_torch():
    """Import torch, or raise one clear ExportError when it is missing or unsupported."""
    try:
        import torch
    except ImportError:
        raise ExportError(
            f"PyTorch is not installed (memplan_torch needs torch {SUPPORTED}.x, "
            "e.g. Debian's python3-torch)"
        ) from None
    check_torch(torch)
    return torch
