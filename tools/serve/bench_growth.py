#!/usr/bin/env python3
"""What a turn costs as the store grows: `attune serve --stdio` is handed N final transcripts at once
(the load bench's sentence, "host H says N: my neighbour Priya is lending me her ladder on
Saturday", from 8 speakers in turn, so every word, name, relation and time of it recurs in every
stored turn) and the time between contexts and the service's resident memory (VmRSS) are reported
per tenth of the run. A service whose reads are bounded by what a question needs costs the same per
turn at the end as at the start; one that reads everything a repeated word, name or event touches
costs more as the store fills.

Usage: bench_growth.py --attune .build/release/attune [--turns 12000] [--json]
"""
import argparse
import json
import os
import subprocess
import tempfile
import threading
import time

from bench_load import resident_bytes


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--attune", required=True)
    parser.add_argument("--turns", type=int, default=12000)
    parser.add_argument("--json", action="store_true")
    options = parser.parse_args()
    if options.turns < 10:
        parser.error("--turns must be at least 10")
    scratch = tempfile.mkdtemp(prefix="attune-growth-")
    key, db = os.path.join(scratch, "growth.key"), os.path.join(scratch, "growth.db")
    with open(key, "wb") as out:
        out.write(os.urandom(32))
    os.chmod(key, 0o600)
    subprocess.run([options.attune, "store", "init", "--db", db, "--key-file", key], check=True, capture_output=True)
    log = open(os.path.join(scratch, "serve.log"), "wb")
    process = subprocess.Popen([options.attune, "serve", "--stdio", "--no-capture", "--db", db, "--key-file", key],
                               stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=log)
    arrivals = []
    errors = []
    step = options.turns // 10
    resident = []

    def read():
        for line in process.stdout:
            message = json.loads(line)
            if message["type"] == "context":
                arrivals.append(time.monotonic())
                if len(arrivals) % step == 0:
                    resident.append(round(resident_bytes(process.pid) / 1e6, 1))
            elif message["type"] == "error":
                errors.append(message)

    reader = threading.Thread(target=read)
    reader.start()
    began = time.monotonic()
    for number in range(options.turns):
        text = "host %d says %d: my neighbour Priya is lending me her ladder on Saturday" % (number % 8, number)
        message = {"type": "transcript", "text": text, "speaker": "user%d" % (number % 8), "id": str(number)}
        process.stdin.write(json.dumps(message).encode() + b"\n")
    process.stdin.close()
    reader.join()
    code = process.wait()
    if code != 0 or errors or len(arrivals) != options.turns:
        raise SystemExit("attune serve exited %d with %d errors and %d of %d contexts (log: %s)"
                         % (code, len(errors), len(arrivals), options.turns, log.name))
    tenths, previous = [], began
    for number, last in enumerate(range(step - 1, step * 10, step)):
        tenths.append({"firstTurn": last - step + 1, "lastTurn": last, "msPerTurn": round((arrivals[last] - previous) * 1000 / step, 2),
                       "rssMB": resident[number]})
        previous = arrivals[last]
    result = {"turns": options.turns, "seconds": round(arrivals[-1] - began, 2), "tenths": tenths,
              "lastOverFirst": round(tenths[-1]["msPerTurn"] / tenths[0]["msPerTurn"], 2)}
    if options.json:
        print(json.dumps(result))
        return
    print("turns            ms per turn   RSS MB")
    for tenth in tenths:
        print("%6d-%6d   %8.2f   %9.1f" % (tenth["firstTurn"], tenth["lastTurn"], tenth["msPerTurn"], tenth["rssMB"]))
    print("%d turns in %.1f s; the last tenth costs %.2f× the first" % (options.turns, result["seconds"], result["lastOverFirst"]))


if __name__ == "__main__":
    main()
