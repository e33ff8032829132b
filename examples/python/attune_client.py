#!/usr/bin/env python3
"""A minimal Attune host: standard library only. Usage: attune_client.py [SOCKET] "what the user said"."""
import json, os, socket, sys


class AttuneClient:
    def __init__(self, path=None):
        runtime = os.environ.get("XDG_RUNTIME_DIR")
        path = path or (runtime + "/attune.sock" if runtime else "/run/attune/attune.sock")
        self.sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        self.sock.connect(path)
        self.lines = self.sock.makefile("rb")
        self.hello = self.request({"type": "hello", "versions": [1], "client": "attune_client.py"}, "hello")

    def send(self, message):
        self.sock.sendall(json.dumps(message).encode() + b"\n")

    def receive(self):
        """The next message: an answer, a turn event, an error or goodbye."""
        line = self.lines.readline()
        if not line:
            raise EOFError("Attune closed the connection")
        return json.loads(line)

    def request(self, message, answer_type):
        """Sends a request and returns its answer; turn events that arrive meanwhile are skipped."""
        self.send(message)
        while True:
            reply = self.receive()
            if reply["type"] in (answer_type, "error", "goodbye"):
                return reply


if __name__ == "__main__":
    arguments = sys.argv[1:]
    client = AttuneClient(arguments[0] if len(arguments) > 1 else None)
    answer = client.request({"type": "transcript", "text": arguments[-1], "final": True}, "context")
    print(answer.get("prompt") or json.dumps(answer))  # the block to put before the model's next reply
    print(json.dumps(client.request({"type": "recall", "query": arguments[-1], "limit": 3}, "recall"), indent=2))
