#!/usr/bin/env python3
"""Silero VAD through ONNX Runtime, the peer of `attune turns --vad-probabilities`.

    python3 tools/bench/vad_peer.py SILERO_DATA_DIR INPUT.wav [ATTUNE_PROBABILITIES.jsonl]

Runs the silero-vad wheel's `silero_vad.onnx` on one thread over INPUT chunk by chunk (512 new
samples + 64 of context, the state carried), exactly as the wheel's own iterator does, and prints
one JSON object: chunks, CPU seconds of the chunk loop (process time, model loading excluded),
microseconds per chunk. Given Attune's JSON lines for the same file, it also reports how often the
two agree on speech (p ≥ 0.5) and the largest probability difference.
"""
import json, os, sys, time
import numpy as np

sys.path.insert(0, os.path.join(os.path.dirname(__file__), ".."))
from wav16k import read_wav


def main():
    if len(sys.argv) not in (3, 4):
        sys.exit(__doc__)
    import onnxruntime as ort
    data, path = sys.argv[1], sys.argv[2]
    audio = read_wav(path, np.float32)
    options = ort.SessionOptions()
    options.intra_op_num_threads = 1
    options.inter_op_num_threads = 1
    session = ort.InferenceSession(os.path.join(data, "silero_vad.onnx"), options,
                                   providers=["CPUExecutionProvider"])
    state = np.zeros((2, 1, 128), np.float32)
    context = np.zeros((1, 64), np.float32)
    rate = np.array(16000, dtype=np.int64)
    chunks = len(audio) // 512
    probabilities = np.empty(chunks, np.float32)
    start = time.process_time()
    for k in range(chunks):
        x = np.concatenate([context, audio[None, k * 512:(k + 1) * 512]], axis=1)
        p, state = session.run(None, {"input": x, "state": state, "sr": rate})
        context = x[:, -64:]
        probabilities[k] = p[0, 0]
    cpu = time.process_time() - start
    report = {"peer": f"onnxruntime {ort.__version__}, silero_vad.onnx, 1 thread", "chunks": chunks,
              "cpuSec": round(cpu, 4), "usPerChunk": round(cpu / chunks * 1e6, 2)}
    if len(sys.argv) == 4:
        ours = [json.loads(line)["p"] for line in open(sys.argv[3])]
        n = min(len(ours), chunks)
        a = np.array(ours[:n]) >= 0.5
        b = probabilities[:n] >= 0.5
        report["agreement"] = round(float((a == b).mean()), 5)
        report["maxAbsDifference"] = round(float(np.abs(np.array(ours[:n]) - probabilities[:n]).max()), 5)
    print(json.dumps(report))


if __name__ == "__main__":
    main()
