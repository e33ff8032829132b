#!/usr/bin/env python3
"""Idle cost of `attune serve` with every model loaded and a store open, while it hears silence in
real time, for a number of seconds. This machine has no sound card and alsa-lib's `file` plugin
delivers faster than real time, so silence reaches the service in real time in one of two ways:

  --mode input  the service's own capture thread plays a WAV of silence at the speed it was recorded
                (`attune serve --input`): the capture thread, its wake-up pipe, the loop and the
                pipeline run exactly as with a microphone; only libasound's read is not in it (its
                cost is the capture bench's, docs/BENCHMARKS.md "Capture path")
  --mode push   a host pushes the silence as 100 ms `audio` messages (base64 JSON lines), paced by
                the clock, as a host with its own microphone does

CPU is the service's user + system time from /proc/PID/stat over the measured window (after start-up
and the first host's connection), as a share of one core; RSS is /proc's VmRSS, sampled every second.

Usage: measure_idle.py --attune .build/release/attune [--mode input|push] [--seconds 300] [--json]
"""
import argparse
import base64
import json
import os
import socket
import subprocess
import sys
import tempfile
import threading
import time
import wave

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from bench_load import cpu_seconds, resident_bytes  # noqa: E402


def write_silence(path, seconds):
    with wave.open(path, "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(16000)
        out.writeframes(b"\0\0" * int(16000 * seconds))


def push_silence(sock, seconds, stop):
    chunk = json.dumps({"type": "audio", "data": base64.b64encode(b"\0\0" * 1600).decode()}).encode() + b"\n"
    start = time.monotonic()
    number = 0
    while not stop.is_set() and time.monotonic() - start < seconds:
        delay = start + number * 0.1 - time.monotonic()
        if delay > 0:
            time.sleep(delay)
        sock.sendall(chunk)
        number += 1


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--attune", required=True)
    parser.add_argument("--mode", choices=["input", "push"], default="input")
    parser.add_argument("--seconds", type=float, default=300)
    parser.add_argument("--json", action="store_true")
    options = parser.parse_args()
    scratch = tempfile.mkdtemp(prefix="attune-idle-")
    key, db, path, wav = (os.path.join(scratch, name) for name in ("idle.key", "idle.db", "idle.sock", "silence.wav"))
    with open(key, "wb") as out:
        out.write(os.urandom(32))
    os.chmod(key, 0o600)
    subprocess.run([options.attune, "store", "init", "--db", db, "--key-file", key], check=True, capture_output=True)
    audio = ["--no-capture"]
    if options.mode == "input":
        # A few seconds longer than the window, so the file does not end inside it.
        write_silence(wav, options.seconds + 5)
        audio = ["--input", wav]
    process = subprocess.Popen([options.attune, "serve", "--socket", path, "--db", db, "--key-file", key] + audio,
                               stderr=subprocess.DEVNULL)
    while not os.path.exists(path):
        time.sleep(0.01)
    host = socket.socket(socket.AF_UNIX)
    host.connect(path)
    host.sendall(b'{"type":"hello","versions":[1],"client":"measure_idle"}\n')
    reader = host.makefile("rb")
    reader.readline()
    stop = threading.Event()
    if options.mode == "push":
        threading.Thread(target=push_silence, args=(host, options.seconds + 5, stop), daemon=True).start()
    # Start-up and the first second of audio are left out of the window.
    time.sleep(1)
    cpu_before, began = cpu_seconds(process.pid), time.monotonic()
    rss = [resident_bytes(process.pid)]
    while time.monotonic() - began < options.seconds:
        time.sleep(1)
        rss.append(resident_bytes(process.pid))
    took = time.monotonic() - began
    cpu = cpu_seconds(process.pid) - cpu_before
    host.sendall(b'{"type":"stats","id":"idle"}\n')
    stats = None
    for line in reader:
        message = json.loads(line)
        if message.get("type") == "stats":
            stats = message
            break
    stop.set()
    host.close()
    process.terminate()
    code = process.wait(timeout=10)
    result = {
        "mode": options.mode, "seconds": round(took, 1), "cpuSeconds": round(cpu, 3),
        "cpuPercentOfOneCore": round(100 * cpu / took, 3),
        "audioSecondsHeard": stats["audio"]["seconds"] if stats else None,
        "rssMB": {"start": round(rss[0] / 1e6, 1), "max": round(max(rss) / 1e6, 1), "end": round(rss[-1] / 1e6, 1)},
        "exit": code,
    }
    print(json.dumps(result) if options.json else json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
