"""smart-turn v3.2 (pipecat-ai), the audio-only end-of-turn peer, run the way pipecat runs it.

    pip download --no-deps pipecat-ai==1.14.0 -d /tmp/pipecat && unzip -o /tmp/pipecat/*.whl -d /tmp/pipecat/whl
    pip install onnxruntime transformers
    python3 tools/turn/evaluate.py --smart-turn /tmp/pipecat/whl/pipecat/audio/turn/smart_turn/data/smart-turn-v3.2-cpu.onnx

Pipecat's pipeline: the VAD declares a stop after `stop_secs` of silence (0.2 s, as pipecat recommends
with smart-turn); the model then reads the turn's audio (from 0.5 s before the turn's first speech, at
most the last 8 s, zero-padded at the front to 8 s) as Whisper log-mel features (HF
`WhisperFeatureExtractor(chunk_length=8)`, normalised) and returns p(complete); p > 0.5 ends the turn.
Otherwise the turn ends when the silence reaches 3 s. Here the VAD is the same Silero probabilities
Attune's time-out baselines use, so only the end-of-turn decision differs.
"""
import os
import sys
import time

import numpy as np

sys.path.insert(0, os.path.join(os.path.dirname(__file__), ".."))
from wav16k import read_wav as read_wav16k


def read_wav(path):
    return read_wav16k(path, np.float32)

RATE = 16000
PRE_SPEECH = 0.5
FALLBACK = 3.0


class SmartTurn:
    def __init__(self, onnx_path):
        import onnxruntime as ort
        from transformers import WhisperFeatureExtractor
        options = ort.SessionOptions()
        options.intra_op_num_threads = 1
        options.inter_op_num_threads = 1
        self.session = ort.InferenceSession(onnx_path, options, providers=["CPUExecutionProvider"])
        self.features = WhisperFeatureExtractor(chunk_length=8)
        self.cpu_seconds = 0.0
        self.calls = 0

    def probability(self, audio):
        start = time.process_time()
        audio = audio[-8 * RATE:]
        if len(audio) < 8 * RATE:
            audio = np.pad(audio, (8 * RATE - len(audio), 0))
        mel = self.features(audio, sampling_rate=RATE, return_tensors="np", padding="max_length",
                            max_length=8 * RATE, truncation=True, do_normalize=True).input_features
        p = float(self.session.run(None, {"input_features": mel.astype(np.float32)})[0][0, 0])
        self.cpu_seconds += time.process_time() - start
        self.calls += 1
        return p


def probabilities(model, audio, gaps, stop_secs):
    """p(complete) at each VAD gap at least `stop_secs` long, on the turn's audio up to that moment."""
    out = []
    turn_start = None
    previous_resume = 0.0
    for end, resume in gaps:
        if turn_start is None:
            turn_start = previous_resume
        if resume - end >= stop_secs:
            at = end + stop_secs
            start = max(0.0, turn_start - PRE_SPEECH)
            p = model.probability(audio[int(start * RATE):int(at * RATE)])
            out.append((end, resume, p))
            if p > 0.5:
                turn_start = None
        previous_resume = resume
    return out


def decisions(scored, stop_secs, threshold=0.5):
    """End-of-turn times: at the stop when p > threshold, else after 3 s of silence."""
    times = []
    for end, resume, p in scored:
        if p > threshold:
            times.append(end + stop_secs)
        elif resume - end >= FALLBACK:
            times.append(end + FALLBACK)
    return times
