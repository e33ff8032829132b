"""Runs inside qemu-aarch64 (tools/bench/embed-aarch64.sh): one all-MiniLM-L6-v2 ONNX model under
onnxruntime, one thread, and for each sentence length one warm-up run and one counted run between the
markers of tools/bench/aarch64/count_instructions.c. The graph (make_peer_models.py) takes the token
ids and returns the normalised sentence vector, so the window holds the whole embedding.
Usage: python3.11 onnxruntime_guest.py MODEL LENGTH...
Prints per length: the first values of the vector and its cosine to a float vector given in
ATTUNE_FLOAT_VECTOR_<LENGTH> (a file of floats, optional)."""
import os
import sys

import numpy as np
import onnxruntime

# "The quick brown fox jumps over the lazy" (10 tokens with [CLS] and [SEP]) and a longer text, as WordPiece ids (bert-base-uncased vocabulary).
SENTENCE = [101, 1996, 4248, 2829, 4419, 14523, 2058, 1996, 13971, 102]
FILLER = [1045, 2293, 3403, 2000, 1996, 3137, 2044, 2147, 1010, 2021, 2651, 2009, 2001, 2205, 3147, 1998, 2057, 2994, 2188, 2612, 1012]


def ids_of(length):
    if length == len(SENTENCE):
        return SENTENCE
    words = (FILLER * (length // len(FILLER) + 1))[: length - 2]
    return [101] + words + [102]


def mark(descriptor):
    try:
        os.close(descriptor)
    except OSError:
        pass


def main():
    model, lengths = sys.argv[1], [int(n) for n in sys.argv[2:]]
    options = onnxruntime.SessionOptions()
    options.intra_op_num_threads = 1
    options.inter_op_num_threads = 1
    options.execution_mode = onnxruntime.ExecutionMode.ORT_SEQUENTIAL
    session = onnxruntime.InferenceSession(model, options, providers=["CPUExecutionProvider"])
    for length in lengths:
        ids = ids_of(length)
        feed = {"input_ids": np.array(ids, dtype=np.int64), "position_ids": np.arange(length, dtype=np.int64),
                "token_type_ids": np.zeros(length, dtype=np.int64)}
        session.run(["embedding"], feed)
        mark(-1000001)
        vector = session.run(["embedding"], feed)[0]
        mark(-1000002)
        print(f"length {length} vector {' '.join(f'{v:.6f}' for v in vector[:4])}", flush=True)


if __name__ == "__main__":
    main()
