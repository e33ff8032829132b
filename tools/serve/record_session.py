#!/usr/bin/env python3
"""Records the example session of docs/PROTOCOL.md: starts `attune serve` on a fresh store with the
bundled recording as its microphone, plays one host's side of a conversation, and prints every line
each way (→ host to Attune, ← Attune to host).

Usage (from the repository root): tools/serve/record_session.py --attune .build/debug/attune
"""
import argparse, os, socket, subprocess, sys, tempfile, time

HOST_LINES = [
    ('{"type":"hello","versions":[1],"client":"kitchen-assistant"}', 3),  # hello, then the recording's two turn events
    ('{"type":"transcript","text":"I have my driving test on","final":false}', 0),
    ('{"type":"transcript","text":"I have my driving test on Thursday at nine","final":true,"time":"2026-12-01T08:15:00Z","session":"morning","id":"u1"}', 1),
    ('{"type":"assistant_turn","text":"Good luck with the driving test on Thursday.","time":"2026-12-01T08:15:04Z","session":"morning","id":"a1"}', 1),
    ('{"type":"transcript","text":"Keep it short please, I am in a rush","time":"2026-12-02T07:50:00Z","session":"commute","id":"u2"}', 1),
    ('{"type":"set","intensity":"reduced","id":"s1"}', 1),
    ('{"type":"transcript","text":"What is the weather like on Thursday morning?","time":"2026-12-02T07:51:00Z","session":"commute","id":"u3"}', 1),
    ('{"type":"recall","query":"when is my driving test","limit":2,"time":"2026-12-02T10:00:00Z","id":"q1"}', 1),
    ('{"type":"followups","time":"2026-12-04T18:00:00Z"}', 1),
    ('{"type":"transcript","text":42}', 1),
    ('{"type":"forget","text":"driving test","id":"f1"}', 1),
    ('{"type":"stats"}', 1),
    ('{"type":"shutdown"}', 1),
]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--attune", required=True)
    parser.add_argument("--wav", default="Tests/Data/speech/arctic_a0007.wav")
    options = parser.parse_args()
    scratch = tempfile.mkdtemp(prefix="attune-session-")
    key, db, path = (os.path.join(scratch, name) for name in ("store.key", "memory.db", "attune.sock"))
    with open(key, "wb") as out:
        out.write(os.urandom(32))
    os.chmod(key, 0o600)
    subprocess.run([options.attune, "store", "init", "--db", db, "--key-file", key], check=True, capture_output=True)
    service = subprocess.Popen([options.attune, "serve", "--db", db, "--key-file", key, "--input", options.wav, "--socket", path],
                               stderr=subprocess.DEVNULL)
    while not os.path.exists(path):
        time.sleep(0.01)
    host = socket.socket(socket.AF_UNIX)
    host.connect(path)
    host.settimeout(10)
    lines = host.makefile("rb")
    for line, answers in HOST_LINES:
        print("→ " + line)
        host.sendall(line.encode() + b"\n")
        for _ in range(answers):
            print("← " + lines.readline().decode().rstrip())
    sys.exit(service.wait(timeout=5))


if __name__ == "__main__":
    main()
