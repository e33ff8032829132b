#!/usr/bin/env python3
"""Cosine of each peer model's sentence vector to the float model's, and of Attune's (`attune embed`),
for the sentences tools/bench/embed-aarch64.sh counts: how much accuracy each int8 path gives up.
Runs on the host (x86-64 onnxruntime, same version and graphs as the counted aarch64 runs).
Usage: peer_accuracy.py WORKDIR ATTUNE_BINARY   (WORKDIR made by tools/bench/aarch64/setup.sh)"""
import json
import os
import subprocess
import sys

import numpy as np
import onnxruntime

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from onnxruntime_guest import ids_of  # noqa: E402

SENTENCE = "The quick brown fox jumps over the lazy"  # ids_of(10), [CLS] and [SEP] included


def vector(session, ids):
    n = len(ids)
    feed = {"input_ids": np.array(ids, dtype=np.int64), "position_ids": np.arange(n, dtype=np.int64),
            "token_type_ids": np.zeros(n, dtype=np.int64)}
    return session.run(["embedding"], feed)[0].astype(np.float64)


def main():
    work, attune = sys.argv[1], sys.argv[2]
    options = onnxruntime.SessionOptions()
    options.intra_op_num_threads = 1
    sessions = {name: onnxruntime.InferenceSession(os.path.join(work, "models", f"minilm_{name}.onnx"), options,
                                                   providers=["CPUExecutionProvider"])
                for name in ("float", "dynamic_u8", "dynamic_s8")}
    reference = vector(sessions["float"], ids_of(10))
    ours = np.array(json.loads(subprocess.run([attune, "embed"], input=SENTENCE + "\n", capture_output=True, text=True,
                                              check=True).stdout.splitlines()[0]), dtype=np.float64)
    print(f"sentence: {SENTENCE!r} (ids {ids_of(10)})")
    for name in ("dynamic_u8", "dynamic_s8"):
        print(f"onnxruntime {name}: cosine to float {float(vector(sessions[name], ids_of(10)) @ reference):.4f}")
    print(f"attune int8: cosine to float {float(ours @ reference) / float(np.linalg.norm(ours)):.4f}")


if __name__ == "__main__":
    main()
