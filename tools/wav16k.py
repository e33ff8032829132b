"""16 kHz mono 16-bit WAV in and out, for the Python tools (the format every Attune reference uses)."""
import wave

import numpy as np

RATE = 16000


def read_wav(path, dtype=np.float64):
    """Samples scaled to [-1, 1); refuses anything but 16 kHz mono 16-bit."""
    with wave.open(path, "rb") as w:
        if (w.getframerate(), w.getnchannels(), w.getsampwidth()) != (RATE, 1, 2):
            raise SystemExit(f"{path}: expected 16 kHz mono 16-bit, found {w.getframerate()} Hz, "
                             f"{w.getnchannels()} channels, {8 * w.getsampwidth()}-bit")
        return np.frombuffer(w.readframes(w.getnframes()), dtype="<i2").astype(dtype) / 32768.0


def write_wav(path, samples):
    """Rounds and clips to 16-bit."""
    pcm = np.clip(np.round(np.asarray(samples) * 32768.0), -32768, 32767).astype("<i2")
    with wave.open(path, "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(RATE)
        w.writeframes(pcm.tobytes())
