#!/usr/bin/env python3
"""The model zoo: export built-in and torchvision models' training steps as
memplan.graph/v1 files, through memplan_torch.export_training_step.

Each model is an ordinary nn.Module with a real torch.optim optimizer (SGD without
momentum, or Adam) and a cross-entropy loss over the labels; memplan_torch traces
the step (forward, loss, backward, optimizer update) and folds it to storage.
The committed fixtures in testdata/graphs/*.b*.json.gz come from this script
(tools/make_fixtures.sh); see tools/README.md.
"""

import argparse
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from memplan_torch.after import compute_after_edges  # noqa: E402,F401  (re-exported for tests)
from memplan_torch.document import serialize, write_graph  # noqa: E402
from memplan_torch.errors import ExportError, one_line  # noqa: E402
from memplan_torch.export import training_step_graph  # noqa: E402
from memplan_torch.fold import fold_to_storage  # noqa: E402,F401
from memplan_torch.peak import program_order_peak  # noqa: E402,F401
from memplan_torch.schema import schema_annotations  # noqa: E402,F401
from memplan_torch.trace import trace_training_step  # noqa: E402
from memplan_torch.versions import import_torch  # noqa: E402

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



def loss_function(args, torch):
    """Cross entropy over the labels; the language models predict every position,
    inception_v3 and googlenet add their auxiliary classifiers' losses."""
    F = torch.nn.functional
    aux_weight = AUX_LOSS_WEIGHT.get(args.model, 0.0)

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

    return loss_of


def make_optimizer(model, args, torch):
    """torch.optim.SGD without momentum or weight decay, or torch.optim.Adam."""
    if args.optimizer == "sgd":
        return torch.optim.SGD(model.parameters(), lr=SGD_LR)
    return torch.optim.Adam(model.parameters(), lr=ADAM["lr"], betas=(ADAM["beta1"], ADAM["beta2"]),
                            eps=ADAM["eps"])


def trace_model(args, torch):
    """Build --model and trace its training step: (model, memplan_torch Trace)."""
    try:
        model, x, y = build_model(args, torch)
        optimizer = make_optimizer(model, args, torch)
    except ExportError:
        raise
    except Exception as e:
        raise ExportError(f"cannot build model {args.model!r}: {one_line(e)}")
    try:
        trace = trace_training_step(model, (x,), loss_function(args, torch), optimizer, (y,))
    except ExportError as e:
        raise ExportError(f"model {args.model!r}: {e}")
    return model, trace


def build_graph(args, torch, torchvision_version):
    """The memplan.graph/v1 document for the command-line options."""
    try:
        model, x, y = build_model(args, torch)
        optimizer = make_optimizer(model, args, torch)
    except ExportError:
        raise
    except Exception as e:
        raise ExportError(f"cannot build model {args.model!r}: {one_line(e)}")
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
        "parameters": sum(p.numel() for p in model.parameters()),
    }
    if args.model in TRANSFORMER_DEFAULTS:
        meta.update(seq=args.seq, layers=args.layers, dModel=args.d_model, heads=args.heads,
                    ffn=args.ffn, vocab=args.vocab)
    elif args.model not in BUILTIN_MODELS:
        meta["imageSize"] = args.image_size
    if args.model in AUX_LOSS_WEIGHT:
        meta["auxLossWeight"] = AUX_LOSS_WEIGHT[args.model]
    try:
        return training_step_graph(model, (x,), loss_function(args, torch), optimizer,
                                   loss_inputs=(y,),
                                   name=graph_name(args), meta=meta)
    except ExportError as e:
        raise ExportError(f"model {args.model!r}: {e}")


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
        torch = import_torch()
        try:
            import torchvision

            tv_version = torchvision.__version__
        except ImportError:
            tv_version = None
        graph = build_graph(args, torch, tv_version)
        text = serialize(graph)
        write_graph(args.output, text)
    except ExportError as e:
        print(f"export_torch: error: {e}", file=sys.stderr)
        return 2
    meta = graph["meta"]
    peak = meta["programOrderPeak"]
    print(f"{graph['name']}: {len(graph['ops'])} ops, {len(graph['tensors'])} tensors, "
          f"program-order peak {peak:,} bytes ({peak / 2**20:.1f} MiB) -> {args.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
