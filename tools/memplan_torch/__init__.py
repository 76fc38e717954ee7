"""memplan_torch: export one PyTorch training step as a memplan.graph/v1 file.

    from memplan_torch import export_training_step
    export_training_step(model, (x,), lambda out: out.square().mean(), optimizer, "step.json")

Supports torch 1.13.x (see versions.py); importable without torch.
"""

from .errors import ExportError
from .export import export_training_step, training_step_graph
from .peak import program_order_peak
from .versions import SUPPORTED as SUPPORTED_TORCH

__all__ = [
    "ExportError",
    "export_training_step",
    "training_step_graph",
    "program_order_peak",
    "SUPPORTED_TORCH",
]
