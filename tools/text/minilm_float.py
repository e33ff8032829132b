"""The float all-MiniLM-L6-v2 forward pass in numpy (float64), shared by the converter (which observes
the inputs of every projection to calibrate SmoothQuant) and by the reference scripts, and the
tokenizer set up as sentence-transformers uses it.

Embeddings + layer norm, six post-norm BERT layers (self-attention with 12 heads, exact GELU), mean
pooling over the tokens and L2 normalisation: what sentence-transformers computes for this model
(modules Transformer, Pooling(mean), Normalize).
"""
import math
import os

import numpy as np

PROJECTIONS = {
    "qkv": ["attention.self.query", "attention.self.key", "attention.self.value"],
    "attention_output": ["attention.output.dense"],
    "intermediate": ["intermediate.dense"],
    "output": ["output.dense"],
}


def load_tokenizer(model_dir):
    """The model's Hugging Face tokenizer as sentence-transformers runs it: no padding, truncated to
    256 ids (its max_seq_length; tokenizer.json itself says 128)."""
    import tokenizers
    tokenizer = tokenizers.Tokenizer.from_file(os.path.join(model_dir, "tokenizer.json"))
    tokenizer.no_padding()
    tokenizer.enable_truncation(256)
    return tokenizer


def layer_norm(x, gamma, beta, eps):
    mean = x.mean(axis=-1, keepdims=True)
    variance = ((x - mean) ** 2).mean(axis=-1, keepdims=True)
    return (x - mean) / np.sqrt(variance + eps) * gamma + beta


_erf = np.vectorize(math.erf)


def forward(weights, config, ids, observe=None):
    """The sentence embedding of `ids`; `observe(layer, kind, inputs)` sees the input of every projection."""
    ids = np.asarray(ids)
    x = weights["embeddings.word_embeddings.weight"][ids].astype(np.float64)
    x += weights["embeddings.position_embeddings.weight"][: len(ids)]
    x += weights["embeddings.token_type_embeddings.weight"][0]
    eps = config["layer_norm_eps"]
    x = layer_norm(x, weights["embeddings.LayerNorm.weight"], weights["embeddings.LayerNorm.bias"], eps)
    heads = config["num_attention_heads"]
    size = config["hidden_size"] // heads
    tokens = len(ids)

    def linear(name, h):
        return h @ weights[name + ".weight"].astype(np.float64).T + weights[name + ".bias"]

    for layer in range(config["num_hidden_layers"]):
        p = f"encoder.layer.{layer}."
        if observe:
            observe(layer, "qkv", x)
        q = linear(p + "attention.self.query", x).reshape(tokens, heads, size).transpose(1, 0, 2)
        k = linear(p + "attention.self.key", x).reshape(tokens, heads, size).transpose(1, 0, 2)
        v = linear(p + "attention.self.value", x).reshape(tokens, heads, size).transpose(1, 0, 2)
        scores = q @ k.transpose(0, 2, 1) / math.sqrt(size)
        scores = np.exp(scores - scores.max(axis=-1, keepdims=True))
        scores /= scores.sum(axis=-1, keepdims=True)
        context = (scores @ v).transpose(1, 0, 2).reshape(tokens, heads * size)
        if observe:
            observe(layer, "attention_output", context)
        x = layer_norm(x + linear(p + "attention.output.dense", context),
                       weights[p + "attention.output.LayerNorm.weight"], weights[p + "attention.output.LayerNorm.bias"], eps)
        if observe:
            observe(layer, "intermediate", x)
        h = linear(p + "intermediate.dense", x)
        h = 0.5 * h * (1 + _erf(h / math.sqrt(2)))
        if observe:
            observe(layer, "output", h)
        x = layer_norm(x + linear(p + "output.dense", h),
                       weights[p + "output.LayerNorm.weight"], weights[p + "output.LayerNorm.bias"], eps)
    pooled = x.mean(axis=0)
    return pooled / max(np.linalg.norm(pooled), 1e-12)
