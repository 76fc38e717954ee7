#!/usr/bin/env bash
# Regenerate every committed fixture in testdata/graphs/ from the repository root.
# Needs a Python with torch 1.13 and torchvision 0.14 (Debian: python3-torch,
# python3-torchvision); set PYTHON to choose it (default /usr/bin/python3).
# The output is deterministic: rerunning leaves the files byte-for-byte unchanged.
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON="${PYTHON:-/usr/bin/python3}"
OUT=testdata/graphs

export_graph() {
  "$PYTHON" tools/export_torch.py "$@"
}

for model in resnet18 resnet50 alexnet vgg11 mobilenet_v2; do
  export_graph --model "$model" --batch 32 --image-size 224 --optimizer sgd --dtype float32 \
    -o "$OUT/$model.b32.sgd.json.gz"
done
export_graph --model inception_v3 --batch 32 --image-size 299 --optimizer sgd --dtype float32 \
  -o "$OUT/inception_v3.b32.sgd.json.gz"
export_graph --model transformer_encoder --batch 8 --seq 128 --layers 12 --d-model 768 --heads 12 \
  --ffn 3072 --vocab 30522 --optimizer sgd --dtype float32 \
  -o "$OUT/transformer_encoder.b8.s128.sgd.json.gz"
export_graph --model gpt_decoder --batch 8 --seq 128 --layers 6 --d-model 512 --heads 8 \
  --ffn 2048 --vocab 50257 --optimizer adam --dtype float32 \
  -o "$OUT/gpt_decoder.b8.s128.adam.json.gz"
# Small fixtures that the tests re-export byte for byte.
export_graph --model mlp --batch 2 --optimizer sgd --dtype float32 -o "$OUT/mlp.b2.sgd.json.gz"
export_graph --model mlp --batch 2 --optimizer adam --dtype float32 -o "$OUT/mlp.b2.adam.json.gz"
