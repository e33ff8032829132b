#!/usr/bin/env python3
"""SIGKILLs `attune serve` during traffic, again and again: after each kill the store must verify
(`attune store verify`) and every turn whose `context` the host received must be in memory
(`attune store export`). Two hosts send final transcripts as fast as the service answers; the kill
comes at a random moment (seeded), mid-transaction as often as not.

Usage: check_crash_safety.py --attune PATH/TO/attune [--rounds 50] [--seed 16] [--scratch DIR]
"""
import argparse
import json
import os
import random
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time


def fail(message):
    print("FAIL: " + message, flush=True)
    sys.exit(1)


def host(path, prefix, acknowledged, stop):
    """Sends transcripts until the connection dies; records the texts whose context arrived."""
    try:
        sock = socket.socket(socket.AF_UNIX)
        sock.connect(path)
        lines = sock.makefile("rb")
        number = 0
        while not stop.is_set():
            text = "%s turn %d: I keep my bicycle in the shed" % (prefix, number)
            sock.sendall(json.dumps({"type": "transcript", "text": text, "speaker": prefix}).encode() + b"\n")
            while True:
                line = lines.readline()
                if not line:
                    return
                message = json.loads(line)
                if message["type"] == "context":
                    acknowledged.append(text)
                    break
                if message["type"] == "error":
                    return
            number += 1
    except OSError:
        return


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--attune", required=True)
    parser.add_argument("--rounds", type=int, default=50)
    parser.add_argument("--seed", type=int, default=16)
    parser.add_argument("--scratch")
    options = parser.parse_args()
    generator = random.Random(options.seed)
    scratch = options.scratch or tempfile.mkdtemp(prefix="attune-crash-")
    key, db, path = (os.path.join(scratch, name) for name in ("crash.key", "crash.db", "crash.sock"))
    with open(key, "wb") as out:
        out.write(os.urandom(32))
    os.chmod(key, 0o600)
    store = ["--db", db, "--key-file", key]
    subprocess.run([options.attune, "store", "init", *store], check=True, capture_output=True)
    acknowledged = []
    log = open(os.path.join(scratch, "crash.log"), "ab")
    for round_number in range(options.rounds):
        process = subprocess.Popen([options.attune, "serve", "--no-capture", "--socket", path, *store], stderr=log)
        began = time.monotonic()
        while True:
            try:
                probe = socket.socket(socket.AF_UNIX)
                probe.connect(path)
                probe.close()
                break
            except OSError:
                if process.poll() is not None or time.monotonic() - began > 20:
                    fail("round %d: the service did not start after the last kill (see %s)" % (round_number, log.name))
                time.sleep(0.01)
        stop = threading.Event()
        hosts = [threading.Thread(target=host, args=(path, "host%d-round%d" % (index, round_number), acknowledged, stop))
                 for index in range(2)]
        for thread in hosts:
            thread.start()
        time.sleep(generator.uniform(0.1, 0.8))
        process.send_signal(signal.SIGKILL)
        process.wait()
        stop.set()
        for thread in hosts:
            thread.join(timeout=10)
        verify = subprocess.run([options.attune, "store", "verify", *store], capture_output=True)
        if verify.returncode != 0:
            fail("round %d: store verify failed after SIGKILL: %s" % (round_number, verify.stdout.decode() + verify.stderr.decode()))
        exported = subprocess.run([options.attune, "store", "export", *store], capture_output=True, check=True).stdout.decode()
        texts = {json.loads(line).get("text") for line in exported.splitlines() if line.strip()}
        missing = [text for text in acknowledged if text not in texts]
        if missing:
            fail("round %d: %d acknowledged turns are missing after SIGKILL, e.g. %r" % (round_number, len(missing), missing[0]))
    print("ok: %d SIGKILLs during traffic: the store verified after each, and all %d acknowledged turns were there" % (
        options.rounds, len(acknowledged)), flush=True)
    if len(acknowledged) < options.rounds:
        fail("only %d turns were acknowledged in %d rounds: the traffic did not reach the service" % (len(acknowledged), options.rounds))
    print("all checks passed", flush=True)


if __name__ == "__main__":
    main()
