#!/usr/bin/env python3
"""Convert Silero VAD's 16 kHz weights into Attune's model file, and make the test references.

    pip download --no-deps silero-vad==6.2.3 -d /tmp/silero && unzip -o /tmp/silero/*.whl -d /tmp/silero/whl
    python3 tools/convert_silero_vad.py /tmp/silero/whl/silero_vad/data

Reads `silero_vad_16k.safetensors` (MIT, from the silero-vad wheel), checks that its STFT layer is
exactly a periodic-Hann 256-point DFT (Attune computes it with an FFT and does not store it), and
writes `models/silero-vad-16k.bin`:

    8 bytes  magic "ATSVAD01"
    u32      tensor count
    per tensor: u32 name length, name (UTF-8), u32 rank, rank × u32 dims, float32 little-endian data

Then runs two references over the test audio, chunk by chunk (512 new samples + 64 of context):
a float64 numpy implementation of the network with the converted weights (what the Swift port must
equal), and the wheel's `silero_vad.onnx` through onnxruntime (the peer), writing
`Tests/Data/vad/reference.json`. Needs numpy, safetensors, onnxruntime.
"""
import hashlib, json, os, struct, sys
import numpy as np
from safetensors.numpy import load_file

sys.path.insert(0, os.path.dirname(__file__))
from wav16k import read_wav

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), ".."))
ORDER = ["conv1.weight", "conv1.bias", "conv2.weight", "conv2.bias", "conv3.weight", "conv3.bias",
         "conv4.weight", "conv4.bias", "lstm_cell.weight_ih", "lstm_cell.weight_hh", "lstm_cell.bias_ih",
         "lstm_cell.bias_hh", "final_conv.weight", "final_conv.bias"]
AUDIO = ["Tests/Data/speech/arctic_a0007.wav", "Tests/Data/speech/arctic_a0009.wav",
         "Tests/Data/prosody/espeak-male.wav", "Tests/Data/prosody/espeak-female-snr10.wav",
         "Tests/Data/prosody/espeak-male-snr5.wav", "Tests/Data/prosody/silence.wav", "Tests/Data/prosody/tone-220.wav"]


def check_stft(basis):
    n = np.arange(256)
    hann = 0.5 - 0.5 * np.cos(2 * np.pi * n / 256)
    worst = 0.0
    for k in range(129):
        worst = max(worst, np.abs(basis[k, 0] - hann * np.cos(2 * np.pi * k * n / 256)).max(),
                    np.abs(basis[129 + k, 0] + hann * np.sin(2 * np.pi * k * n / 256)).max())
    assert worst < 1e-6, f"STFT layer is not a periodic-Hann DFT (worst {worst})"
    return worst


def conv1d(x, w, b, stride):
    cin, t = x.shape
    xp = np.pad(x, ((0, 0), (1, 1)))
    tout = (t + 2 - 3) // stride + 1
    out = np.stack([np.tensordot(w, xp[:, i * stride:i * stride + 3], axes=([1, 2], [0, 1])) for i in range(tout)], axis=1)
    return out + b[:, None]


def sigmoid(z):
    return 1 / (1 + np.exp(-z))


def network(weights, audio):
    """Silero VAD, 16 kHz, one 512-sample chunk at a time, float64."""
    n = np.arange(256)
    hann = 0.5 - 0.5 * np.cos(2 * np.pi * n / 256)
    w = {k: v.astype(np.float64) for k, v in weights.items()}
    context = np.zeros(64)
    h, c = np.zeros(128), np.zeros(128)
    out = []
    for k in range(len(audio) // 512):
        x = np.concatenate([context, audio[k * 512:(k + 1) * 512]])
        context = x[-64:]
        x = np.concatenate([x, x[-2:-66:-1]])   # reflect-pad 64 on the right
        mag = np.stack([np.abs(np.fft.rfft(hann * x[i * 128:i * 128 + 256])) for i in range(4)], axis=1)
        y = np.maximum(conv1d(mag, w["conv1.weight"], w["conv1.bias"], 1), 0)
        y = np.maximum(conv1d(y, w["conv2.weight"], w["conv2.bias"], 2), 0)
        y = np.maximum(conv1d(y, w["conv3.weight"], w["conv3.bias"], 2), 0)
        y = np.maximum(conv1d(y, w["conv4.weight"], w["conv4.bias"], 1), 0)[:, 0]
        g = w["lstm_cell.weight_ih"] @ y + w["lstm_cell.bias_ih"] + w["lstm_cell.weight_hh"] @ h + w["lstm_cell.bias_hh"]
        i, f, gg, o = np.split(g, 4)
        c = sigmoid(f) * c + sigmoid(i) * np.tanh(gg)
        h = sigmoid(o) * np.tanh(c)
        out.append(float(sigmoid(w["final_conv.weight"][0, :, 0] @ np.maximum(h, 0) + w["final_conv.bias"][0])))
    return out


def onnx_runtime(path, audio):
    import onnxruntime as ort
    options = ort.SessionOptions()
    options.intra_op_num_threads = 1
    options.inter_op_num_threads = 1
    session = ort.InferenceSession(path, options, providers=["CPUExecutionProvider"])
    state = np.zeros((2, 1, 128), np.float32)
    context = np.zeros((1, 64), np.float32)
    rate = np.array(16000, dtype=np.int64)
    out = []
    for k in range(len(audio) // 512):
        x = np.concatenate([context, audio[None, k * 512:(k + 1) * 512].astype(np.float32)], axis=1)
        p, state = session.run(None, {"input": x, "state": state, "sr": rate})
        context = x[:, -64:]
        out.append(float(p[0, 0]))
    return out


def sha256(path):
    return hashlib.sha256(open(path, "rb").read()).hexdigest()


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    data = sys.argv[1]
    source = os.path.join(data, "silero_vad_16k.safetensors")
    weights = load_file(source)
    worst = check_stft(weights["stft_conv.weight"])
    out_path = os.path.join(ROOT, "models", "silero-vad-16k.bin")
    os.makedirs(os.path.dirname(out_path), exist_ok=True)
    with open(out_path, "wb") as f:
        f.write(b"ATSVAD01")
        f.write(struct.pack("<I", len(ORDER)))
        for name in ORDER:
            t = weights[name].astype("<f4")
            f.write(struct.pack("<I", len(name.encode())) + name.encode())
            f.write(struct.pack("<I", t.ndim) + struct.pack(f"<{t.ndim}I", *t.shape))
            f.write(t.tobytes())
    chosen = {name: weights[name] for name in ORDER}
    reference = {"source": "silero-vad 6.2.3 wheel: silero_vad/data/silero_vad_16k.safetensors",
                 "peer": "silero-vad 6.2.3 wheel: silero_vad/data/silero_vad.onnx via onnxruntime",
                 "stftWorstDeviation": worst, "chunkSamples": 512, "files": {}}
    for rel in AUDIO:
        audio = read_wav(os.path.join(ROOT, rel))
        reference["files"][rel] = {
            "numpy": [round(p, 6) for p in network(chosen, audio)],
            "onnxRuntime": [round(p, 6) for p in onnx_runtime(os.path.join(data, "silero_vad.onnx"), audio)],
        }
        print(f"{rel}: {len(audio) // 512} chunks", file=sys.stderr)
    with open(os.path.join(ROOT, "Tests", "Data", "vad", "reference.json"), "w") as f:
        json.dump(reference, f, separators=(",", ":"))
        f.write("\n")
    print(f"source {source}\n  sha256 {sha256(source)}\nwrote {out_path}\n  sha256 {sha256(out_path)}"
          f"\n  {os.path.getsize(out_path)} bytes", file=sys.stderr)


if __name__ == "__main__":
    main()
