#!/usr/bin/env python3
"""Load on `attune serve`: N hosts send final transcripts at a combined rate (each waits for nothing:
its sends are paced by the clock), one more host pushes live audio in real time (100 ms `audio`
messages of the bundled recording, looped), for a number of seconds. Reports the context latency
(send to `context` received) p50/p95/p99 over all hosts, whether every host got every answer in
order, the service's resident size over the run (from /proc) and its CPU time.

Usage: bench_load.py --attune .build/release/attune [--clients 8] [--rate 100] [--seconds 30]
                     [--wav Tests/Data/speech/arctic_a0007.wav] [--json]
"""
import argparse
import base64
import json
import os
import socket
import subprocess
import tempfile
import threading
import time
import wave


def percentile(values, p):
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


def resident_bytes(pid):
    with open("/proc/%d/status" % pid) as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) * 1024
    return 0


def cpu_seconds(pid):
    with open("/proc/%d/stat" % pid) as stat:
        fields = stat.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


class TranscriptHost(threading.Thread):
    def __init__(self, path, index, interval, seconds):
        super().__init__()
        self.sock = socket.socket(socket.AF_UNIX)
        self.sock.connect(path)
        self.index, self.interval, self.seconds = index, interval, seconds
        self.clients = 1
        self.sent = {}
        self.latencies = []
        self.order_ok = True
        self.answered = 0
        self.errors = 0
        self.total = 0
        self.stats = None

    def run(self):
        reader = threading.Thread(target=self.read)
        reader.start()
        start = time.monotonic()
        number = 0
        while time.monotonic() - start < self.seconds:
            # Hosts are spread over the interval, so together they send at an even rate.
            due = start + (number + self.index / self.clients) * self.interval
            delay = due - time.monotonic()
            if delay > 0:
                time.sleep(delay)
            text = "host %d says %d: my neighbour Priya is lending me her ladder on Saturday" % (self.index, number)
            self.sent[str(number)] = time.monotonic()
            self.sock.sendall(json.dumps({"type": "transcript", "text": text, "speaker": "user%d" % self.index, "id": str(number)}).encode() + b"\n")
            number += 1
        self.total = number
        self.sock.sendall(b'{"type":"stats","id":"end"}\n')
        reader.join(timeout=max(60, self.seconds))

    def read(self):
        expected = 0
        for line in self.sock.makefile("rb"):
            message = json.loads(line)
            if message.get("id") == "end":
                self.stats = message
                break
            if message["type"] in ("context", "error"):
                if message["type"] == "error":
                    self.errors += 1
                if message.get("id") != str(expected):
                    self.order_ok = False
                self.latencies.append(time.monotonic() - self.sent[message["id"]])
                expected += 1
                self.answered += 1


class AudioHost(threading.Thread):
    def __init__(self, path, wav, seconds):
        super().__init__()
        self.sock = socket.socket(socket.AF_UNIX)
        self.sock.connect(path)
        with wave.open(wav) as recording:
            self.audio = recording.readframes(recording.getnframes()) + b"\0\0" * 16000
        self.seconds = seconds
        self.events = 0

    def run(self):
        threading.Thread(target=self.read, daemon=True).start()
        start = time.monotonic()
        offset, number = 0, 0
        while time.monotonic() - start < self.seconds:
            due = start + number * 0.1
            delay = due - time.monotonic()
            if delay > 0:
                time.sleep(delay)
            chunk = (self.audio + self.audio)[offset:offset + 3200]
            offset = (offset + 3200) % len(self.audio)
            self.sock.sendall(json.dumps({"type": "audio", "data": base64.b64encode(chunk).decode()}).encode() + b"\n")
            number += 1

    def read(self):
        try:
            for line in self.sock.makefile("rb"):
                if json.loads(line)["type"] in ("speech_start", "end_of_turn"):
                    self.events += 1
        except OSError:
            pass  # the service stopped at the end of the run


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--attune", required=True)
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--rate", type=float, default=100, help="transcripts per second, all hosts together")
    parser.add_argument("--seconds", type=float, default=30)
    parser.add_argument("--wav", default="Tests/Data/speech/arctic_a0007.wav")
    parser.add_argument("--json", action="store_true")
    options = parser.parse_args()
    scratch = tempfile.mkdtemp(prefix="attune-load-")
    key, db, path = (os.path.join(scratch, name) for name in ("load.key", "load.db", "load.sock"))
    with open(key, "wb") as out:
        out.write(os.urandom(32))
    os.chmod(key, 0o600)
    subprocess.run([options.attune, "store", "init", "--db", db, "--key-file", key], check=True, capture_output=True)
    log = open(os.path.join(scratch, "serve.log"), "wb")
    process = subprocess.Popen([options.attune, "serve", "--no-capture", "--socket", path, "--db", db, "--key-file", key],
                               stderr=log)
    while not os.path.exists(path):
        time.sleep(0.01)
    time.sleep(0.2)
    rss = [resident_bytes(process.pid)]
    cpu_before = cpu_seconds(process.pid)
    hosts = [TranscriptHost(path, index, options.clients / options.rate, options.seconds) for index in range(options.clients)]
    for h in hosts:
        h.clients = options.clients
    audio = AudioHost(path, options.wav, options.seconds)
    began = time.monotonic()
    for thread in hosts + [audio]:
        thread.start()
    while any(thread.is_alive() for thread in hosts):
        time.sleep(1)
        rss.append(resident_bytes(process.pid))
    took = time.monotonic() - began
    cpu = cpu_seconds(process.pid) - cpu_before
    # The service's own figures, from the stats each host asks for after its last transcript (a
    # tenth connection might not fit the memory budget beside nine hosts).
    stats = next(h.stats for h in hosts if h.stats is not None)
    process.terminate()
    # Under overload the service finishes the lines it has read before it stops.
    code = process.wait(timeout=300)
    latencies = [latency for h in hosts for latency in h.latencies]
    sent = sum(h.total for h in hosts)
    result = {
        "clients": options.clients, "rateTarget": options.rate, "seconds": options.seconds,
        "transcriptsSent": sent, "answered": sum(h.answered for h in hosts), "errors": sum(h.errors for h in hosts),
        "inOrderEveryHost": all(h.order_ok for h in hosts) and all(h.answered == h.total for h in hosts),
        "throughputPerSec": round(sum(h.answered for h in hosts) / took, 1),
        "contextMs": {"p50": round(percentile(latencies, 50) * 1000, 1), "p95": round(percentile(latencies, 95) * 1000, 1),
                      "p99": round(percentile(latencies, 99) * 1000, 1), "max": round(max(latencies) * 1000, 1)},
        "audioTurnEvents": audio.events,
        "rssMB": {"start": round(rss[0] / 1e6, 1), "max": round(max(rss) / 1e6, 1), "end": round(rss[-1] / 1e6, 1)},
        "cpuSecondsPerSecond": round(cpu / took, 2), "exit": code,
        "serviceStages": {stage["stage"]: {"p50Ms": stage["p50Ms"], "p99Ms": stage["p99Ms"], "count": stage["count"]} for stage in stats["stages"]},
        "memories": stats["memory"].get("memories"), "chargedMB": round(stats["memory"]["chargedBytes"] / 1e6, 1),
    }
    print(json.dumps(result) if options.json else json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
