"""Tests of the memplan_torch package: export_training_step on a module defined here.

Run from the repository root:
    /usr/bin/python3 -m unittest discover -s tools -p 'test_*.py'

Tests that need PyTorch skip (with the reason printed) when torch cannot be imported.
"""

import gzip
import json
import os
import subprocess
import sys
import tempfile
import unittest

TOOLS = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, TOOLS)

import memplan_torch  # noqa: E402  (importable without torch)
from memplan_torch.versions import is_supported  # noqa: E402

try:
    import torch

    HAVE_TORCH, WHY_NO_TORCH = is_supported(torch.__version__), f"torch {torch.__version__}"
except ImportError as e:  # pragma: no cover - depends on the machine
    HAVE_TORCH, WHY_NO_TORCH = False, f"torch is not importable ({e})"
if not HAVE_TORCH:
    print(f"test_memplan_torch: skipping the tests that need torch: {WHY_NO_TORCH}", file=sys.stderr)

needs_torch = unittest.skipUnless(HAVE_TORCH, WHY_NO_TORCH)

B, D = 4, 8  # batch and width of the block below; float32


def make_block_step(batch=B, width=D):
    """The factory the command-line test calls: a pre-norm residual block
    x + fc(layer_norm(x)) with a mean-square loss and Adam."""

    class Block(torch.nn.Module):
        def __init__(self):
            super().__init__()
            self.norm = torch.nn.LayerNorm(width)
            self.fc = torch.nn.Linear(width, width)

        def forward(self, x):
            return x + self.fc(self.norm(x))

    torch.manual_seed(0)
    model = Block()
    return {
        "model": model,
        "example_inputs": (torch.randn(batch, width),),
        "loss_fn": lambda out: out.square().mean(),
        "optimizer": torch.optim.Adam(model.parameters(), lr=1e-3),
        "name": "block",
    }


def hand_computed_peak(b, d):
    """The program-order peak of the block's step, worked out by hand (4-byte floats).

    Resident over the whole step: the parameters (layer norm weight and bias, d
    each; fc weight d*d and bias d) and Adam's exp_avg and exp_avg_sq of each
    (twice the parameters) plus one 4-byte step counter per parameter tensor.

    The peak is at the backward matmul that makes fc.weight's gradient
    (mm_1 = grad_out^T @ normalized, d*d), where these activations are live:
      input x (b*d; read again by the layer norm backward), the normalized x
      (b*d; read last by this matmul), the layer norm's mean and rstd (b each;
      read by its backward), the loss (1, an output: to the end), the gradient
      of the block's output (b*d; read by this matmul and the bias sum after
      it), the gradient of the normalized x (mm, b*d; read by the layer norm
      backward), and fc.weight's gradient itself (d*d).
    Earlier the forward and the loss gradient hold at most 4 b*d tensors besides
    x; later Adam's temporaries for fc.weight (sqrt, div: 2 d*d) come after the
    gradient of the normalized x and the output gradient are freed.
    """
    params = d + d + d * d + d
    resident = 4 * (3 * params) + 4 * 4
    live = 4 * (b * d + b * d + 2 * b + 1 + b * d + b * d + d * d)
    return resident + live


def load(path):
    with open(path, "rb") as f:
        raw = f.read()
    return json.loads(gzip.decompress(raw) if path.endswith(".gz") else raw)


def run_module(args, env_extra=None, cwd=None):
    env = dict(os.environ, PYTHONPATH=TOOLS, PYTHONDONTWRITEBYTECODE="1", **(env_extra or {}))
    return subprocess.run([sys.executable, "-m", "memplan_torch"] + args, cwd=cwd, env=env,
                          capture_output=True, text=True)


class WithoutTorchTest(unittest.TestCase):
    def test_version_gate(self):
        self.assertTrue(is_supported("1.13.0a0"))
        self.assertTrue(is_supported("1.13.1+cpu"))
        self.assertFalse(is_supported("2.1.0"))
        self.assertFalse(is_supported("1.12.1"))

    def test_refuses_another_torch_in_one_line(self):
        # A stand-in torch module reporting another version, found first on the path.
        with tempfile.TemporaryDirectory() as tmp:
            os.makedirs(os.path.join(tmp, "torch"))
            with open(os.path.join(tmp, "torch", "__init__.py"), "w") as f:
                f.write("__version__ = '2.1.0'\n")
            env = dict(os.environ, PYTHONPATH=tmp + os.pathsep + TOOLS)
            r = subprocess.run([sys.executable, "-m", "memplan_torch", "--model", "m:f", "-o",
                                "x.json"], cwd=tmp, env=env, capture_output=True, text=True)
            self.assertEqual(r.returncode, 2)
            self.assertEqual(r.stderr.strip().splitlines(), [
                "memplan_torch: error: torch 2.1.0 is not supported: memplan_torch traces "
                "torch 1.13.x only (e.g. Debian 12's python3-torch)"])
            self.assertFalse(os.path.exists(os.path.join(tmp, "x.json")))

    def test_refuses_without_torch(self):
        code = ("import sys; sys.modules['torch'] = None; sys.argv = ['x', '--model', 'm:f', "
                "'-o', 'x.json']; from memplan_torch.__main__ import main; sys.exit(main())")
        with tempfile.TemporaryDirectory() as tmp:
            r = subprocess.run([sys.executable, "-c", code], cwd=tmp, capture_output=True,
                               text=True, env=dict(os.environ, PYTHONPATH=TOOLS))
            self.assertEqual(r.returncode, 2)
            self.assertEqual(len(r.stderr.strip().splitlines()), 1, r.stderr)
            self.assertIn("PyTorch is not installed", r.stderr)

    def test_hand_computed_peak_formula(self):
        # 1072 resident (88 parameters, Adam's 176 more, 4 step counters) + 804 live.
        self.assertEqual(hand_computed_peak(4, 8), 1876)


@needs_torch
class ExportTest(unittest.TestCase):
    def test_custom_block_peak_matches_the_hand_computed_value(self):
        step = make_block_step()
        with tempfile.TemporaryDirectory() as tmp:
            path = os.path.join(tmp, "block.json")
            graph = memplan_torch.export_training_step(step["model"], step["example_inputs"],
                                                       step["loss_fn"], step["optimizer"], path)
            self.assertEqual(load(path), graph)
        meta = graph["meta"]
        self.assertEqual(meta["programOrderPeak"], hand_computed_peak(B, D))
        peak_op = graph["ops"][meta["peakStep"]]
        self.assertEqual(peak_op["type"], "aten.mm")
        kinds = {t["id"]: t for t in graph["tensors"]}
        self.assertEqual(kinds[peak_op["out"][0]]["kind"], "gradient")
        self.assertEqual(kinds[peak_op["out"][0]]["size"], 4 * D * D)
        self.assertEqual(meta["programOrderPeak"], memplan_torch.program_order_peak(graph)[0])

    def test_kinds_and_optimizer_state(self):
        step = make_block_step()
        graph = memplan_torch.training_step_graph(step["model"], step["example_inputs"],
                                                  step["loss_fn"], step["optimizer"])
        by_kind = {}
        for t in graph["tensors"]:
            by_kind.setdefault(t["kind"], []).append(t["id"])
        self.assertEqual(by_kind["input"], ["input"])
        self.assertEqual(by_kind["output"], ["mean"])
        self.assertEqual(sorted(by_kind["weight"]),
                         ["fc.bias", "fc.weight", "norm.bias", "norm.weight"])
        self.assertEqual(len(by_kind["optimizer_state"]), 12)
        self.assertIn("fc.weight.exp_avg_sq", by_kind["optimizer_state"])
        self.assertEqual(len(by_kind["gradient"]), 4)
        # Every parameter is updated in place by Adam, after all its readers.
        updates = [op for op in graph["ops"] if op["type"] == "aten.addcdiv_"]
        self.assertEqual(sorted(op["in"][0] for op in updates), sorted(by_kind["weight"]))

    def test_model_and_optimizer_are_left_unchanged(self):
        step = make_block_step()
        before = [p.detach().clone() for p in step["model"].parameters()]
        memplan_torch.training_step_graph(step["model"], step["example_inputs"],
                                          step["loss_fn"], step["optimizer"])
        for p, q in zip(step["model"].parameters(), before):
            self.assertTrue(torch.equal(p, q))
            self.assertIsNone(p.grad)
        self.assertEqual(len(step["optimizer"].state), 0)

    def test_costs(self):
        step = make_block_step()
        graph = memplan_torch.training_step_graph(step["model"], step["example_inputs"],
                                                  step["loss_fn"], step["optimizer"])
        ops = {op["id"]: op for op in graph["ops"]}
        self.assertTrue(all(isinstance(op["cost"], int) and op["cost"] >= 0 for op in ops.values()))
        self.assertEqual(ops["addmm"]["cost"], 2 * B * D * D)  # x_norm @ W^T
        self.assertEqual(ops["mm"]["cost"], 2 * B * D * D)  # grad_out @ W
        self.assertEqual(ops["mm_1"]["cost"], 2 * D * D * B)  # grad_out^T @ x_norm
        # add: reads two b*d tensors and writes one: 3 * b*d floats moved.
        self.assertEqual(ops["add"]["cost"], 3 * B * D)

    def test_conv_cost(self):
        torch.manual_seed(0)
        model = torch.nn.Conv2d(3, 5, kernel_size=3, padding=1)
        graph = memplan_torch.training_step_graph(
            model, (torch.randn(2, 3, 6, 6),), lambda out: out.sum(),
            torch.optim.SGD(model.parameters(), lr=0.1))
        conv = next(op for op in graph["ops"] if op["type"] == "aten.convolution")
        forward = 2 * (2 * 5 * 6 * 6) * (3 * 3 * 3)
        self.assertEqual(conv["cost"], forward)
        back = next(op for op in graph["ops"] if op["type"] == "aten.convolution_backward")
        # The input needs no gradient: weight gradient plus bias gradient only.
        self.assertEqual(back["cost"], forward + 2 * 5 * 6 * 6)

    def test_any_optimizer_tied_and_frozen_parameters(self):
        class Net(torch.nn.Module):
            def __init__(self):
                super().__init__()
                self.emb = torch.nn.Embedding(10, 6)
                self.bn = torch.nn.BatchNorm1d(6)
                self.head = torch.nn.Linear(6, 10, bias=False)
                self.head.weight = self.emb.weight  # tied: one storage, two names
                self.frozen = torch.nn.Linear(6, 6)
                self.frozen.requires_grad_(False)

            def forward(self, ids, scale):
                h = torch.relu(self.bn(self.emb(ids).transpose(1, 2))).transpose(1, 2) * scale
                return self.head(self.frozen(h))

        torch.manual_seed(0)
        model = Net()
        ids, labels = torch.randint(0, 10, (2, 5)), torch.randint(0, 10, (2, 5))

        def loss(out, y):
            return torch.nn.functional.cross_entropy(out.reshape(-1, 10), y.reshape(-1))

        trainable = ["emb.weight", "bn.weight", "bn.bias"]
        per_parameter = {"SGD": ["momentum_buffer"], "AdamW": ["exp_avg", "exp_avg_sq", "step"],
                         "Adagrad": ["step", "sum"], "RMSprop": ["momentum_buffer", "square_avg"]}
        trainable_params = [p for p in model.parameters() if p.requires_grad]
        for optimizer in (torch.optim.SGD(trainable_params, lr=0.1, momentum=0.9),
                          torch.optim.AdamW([{"params": trainable_params[:1]},
                                             {"params": trainable_params[1:], "lr": 1e-4}]),
                          torch.optim.Adagrad(trainable_params),
                          torch.optim.RMSprop(trainable_params, momentum=0.5)):
            name = type(optimizer).__name__
            with self.subTest(optimizer=name):
                graph = memplan_torch.training_step_graph(model, (ids, 0.5), loss, optimizer,
                                                          loss_inputs=(labels,))
                kinds = {}
                for t in graph["tensors"]:
                    kinds.setdefault(t["kind"], []).append(t["id"])
                self.assertEqual(kinds["input"], ["input", "labels"])
                self.assertEqual(sorted(kinds["optimizer_state"]),
                                 sorted(f"{p}.{k}" for p in trainable for k in per_parameter[name]))
                self.assertEqual(len(kinds["gradient"]), len(trainable))
                self.assertNotIn("head.weight", kinds["weight"])  # tied to emb.weight
                self.assertIn("frozen.weight", kinds["weight"])
                self.assertEqual(len(optimizer.state), 0 if name != "Adagrad" else 3)

    def test_command_line_with_a_factory(self):
        with tempfile.TemporaryDirectory() as tmp:
            out = os.path.join(tmp, "sub", "block.json.gz")
            r = run_module(["--model", "test_memplan_torch:make_block_step", "--arg", "batch=4",
                            "-o", out], cwd=tmp)
            self.assertEqual(r.returncode, 0, r.stderr)
            self.assertIn("program-order peak 1,876 bytes", r.stdout)
            graph = load(out)
            self.assertEqual(graph["name"], "block")
            self.assertEqual(graph["meta"]["factory"], "test_memplan_torch:make_block_step")
            self.assertEqual(graph["meta"]["programOrderPeak"], hand_computed_peak(B, D))

    def test_command_line_refusals_are_one_line(self):
        with tempfile.TemporaryDirectory() as tmp:
            for args, words in ((["--model", "no_such_module:f"], "cannot import"),
                                (["--model", "test_memplan_torch:B"], "no callable"),
                                (["--model", "test_memplan_torch:make_block_step", "--arg",
                                  "batch=1", "--arg", "width=0"], "failed to trace")):
                r = run_module(args + ["-o", "x.json"], cwd=tmp)
                self.assertEqual(r.returncode, 2, r.stderr)
                self.assertEqual(len(r.stderr.strip().splitlines()), 1, r.stderr)
                self.assertIn(words, r.stderr)
                self.assertNotIn("Traceback", r.stderr)
            self.assertEqual(os.listdir(tmp), [])


if __name__ == "__main__":
    unittest.main()
