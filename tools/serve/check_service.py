#!/usr/bin/env python3
"""Drives a real `attune serve` over its Unix socket and its --stdio mode, with the standard library
only, as a host written in Python would: hello, transcript -> observed, recall, forget, stats,
malformed lines, two clients at once, a client that never reads, a half line and a disconnect,
the socket's mode and owner check, SIGTERM, and what survives a restart.

Usage: check_service.py --attune PATH/TO/attune [--scratch DIR]
Prints one line per check with its numbers; exits 1 at the first failure.
"""
import argparse
import contextlib
import json
import os
import pwd
import shutil
import signal
import socket
import stat
import subprocess
import sys
import tempfile
import time
from checks import check, fail


@contextlib.contextmanager
def other_user():
    """A user made for the check with useradd and removed after it; nobody (65534) where useradd is absent."""
    useradd, userdel = shutil.which("useradd"), shutil.which("userdel")
    if not useradd or not userdel:
        print("note: useradd is not installed; the other-user checks run as nobody (uid 65534)", flush=True)
        yield 65534, 65534, "nobody"
        return
    name = "attune-check-%d" % os.getpid()
    subprocess.run([useradd, "--system", "--no-create-home", "--shell", "/usr/sbin/nologin", "--user-group", name],
                   check=True, capture_output=True)
    try:
        entry = pwd.getpwnam(name)
        yield entry.pw_uid, entry.pw_gid, name
    finally:
        subprocess.run([userdel, name], capture_output=True)


@contextlib.contextmanager
def traversable(directory):
    """Lets other users pass through `directory` and its ancestors (search bit only, no listing) for
    the duration, restoring each mode after. Only the temporary directories are touched: the checks
    make their sockets under the system's temporary directory (the test's own scratch tree)."""
    temporary = os.path.realpath(tempfile.gettempdir())
    changed = []
    current = os.path.realpath(directory)
    try:
        while current != "/":
            mode = stat.S_IMODE(os.stat(current).st_mode)
            if not mode & stat.S_IXOTH:
                if not (current + "/").startswith(temporary.rstrip("/") + "/") and current != temporary:
                    fail("%s keeps other users out of the socket's directory and is not a temporary directory" % current)
                os.chmod(current, mode | stat.S_IXOTH)
                changed.append((current, mode))
            current = os.path.dirname(current)
        yield
    finally:
        for path, mode in reversed(changed):
            os.chmod(path, mode)


def run_as(uid, gid, action):
    """Runs action() in a child switched to uid/gid; returns its exit code (action's return value)."""
    child = os.fork()
    if child == 0:
        os.setgroups([])
        os.setgid(gid)
        os.setuid(uid)
        os._exit(action())
    _, status = os.waitpid(child, 0)
    return os.waitstatus_to_exitcode(status)


REPOSITORY = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..")
SCHEMAS = os.path.join(REPOSITORY, "docs", "protocol")
try:
    import jsonschema
except ImportError:
    jsonschema = None
validated = {"host": 0, "service": 0}


def conforms(direction, message):
    """Checks a message against docs/protocol/<direction>.<type>.schema.json (when jsonschema is installed)."""
    if jsonschema is None:
        return
    path = os.path.join(SCHEMAS, "%s.%s.schema.json" % (direction, message.get("type")))
    if not os.path.exists(path):
        fail("no schema %s for %r" % (path, message))
    with open(path) as schema:
        try:
            jsonschema.validate(message, json.load(schema))
        except jsonschema.ValidationError as error:
            fail("%s message %r does not match %s: %s" % (direction, message, os.path.basename(path), error.message))
    validated[direction] += 1
    if direction == "service" and message["type"] == "context":
        with open(os.path.join(REPOSITORY, "docs", "rapport", "context.schema.json")) as schema:
            try:
                jsonschema.validate(message["context"], json.load(schema))
            except jsonschema.ValidationError as error:
                fail("a context does not match docs/rapport/context.schema.json: %s" % error.message)


class Host:
    """One connection speaking JSON lines."""

    def __init__(self, path, timeout=10):
        self.sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        self.sock.settimeout(timeout)
        self.sock.connect(path)
        self.buffer = b""

    def send_raw(self, data):
        self.sock.sendall(data)

    def send(self, message):
        conforms("host", message)
        self.send_raw(json.dumps(message).encode() + b"\n")

    def receive(self):
        while b"\n" not in self.buffer:
            chunk = self.sock.recv(65536)
            if not chunk:
                raise EOFError("the service closed the connection")
            self.buffer += chunk
        line, self.buffer = self.buffer.split(b"\n", 1)
        message = json.loads(line)
        conforms("service", message)
        return message

    def ask(self, message):
        self.send(message)
        return self.receive()

    def close(self):
        self.sock.close()


def start(attune, scratch, socket_path, extra=()):
    arguments = [attune, "serve", "--no-capture", "--socket", socket_path,
                 "--db", os.path.join(scratch, "memory.db"), "--key-file", os.path.join(scratch, "store.key"), *extra]
    log = open(os.path.join(scratch, "serve.log"), "ab")
    began = time.monotonic()
    process = subprocess.Popen(arguments, stdout=subprocess.DEVNULL, stderr=log)
    while time.monotonic() - began < 10:
        if process.poll() is not None:
            fail("attune serve exited with %d before listening; see %s" % (process.returncode, log.name))
        try:
            probe = socket.socket(socket.AF_UNIX)
            probe.connect(socket_path)
            probe.close()
            return process, time.monotonic() - began
        except OSError:
            time.sleep(0.01)
    fail("attune serve did not listen within 10 s")


def stop(process):
    began = time.monotonic()
    process.send_signal(signal.SIGTERM)
    try:
        code = process.wait(timeout=5)
    except subprocess.TimeoutExpired:
        process.kill()
        fail("attune serve did not stop within 5 s of SIGTERM")
    return code, time.monotonic() - began


def check_systemd(attune, scratch, key):
    """Type=notify as systemd runs it: READY=1 on NOTIFY_SOCKET, watchdog pings, STOPPING=1, and the
    store key from $CREDENTIALS_DIRECTORY (LoadCredential=attune.key:...) without --key-file."""
    notify_path = os.path.join(scratch, "notify.sock")
    listener = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
    listener.bind(notify_path)
    listener.settimeout(5)
    credentials = os.path.join(scratch, "credentials")
    os.makedirs(credentials, exist_ok=True)
    with open(key, "rb") as source, open(os.path.join(credentials, "attune.key"), "wb") as out:
        out.write(source.read())
    os.chmod(os.path.join(credentials, "attune.key"), 0o600)
    journal = open(os.path.join(scratch, "journal.log"), "wb")
    identity = os.fstat(journal.fileno())
    # Standard error "connected to the journal", as systemd says with $JOURNAL_STREAM (device:inode).
    environment = dict(os.environ, NOTIFY_SOCKET=notify_path, WATCHDOG_USEC="200000", CREDENTIALS_DIRECTORY=credentials,
                       JOURNAL_STREAM="%d:%d" % (identity.st_dev, identity.st_ino))
    began = time.monotonic()
    process = subprocess.Popen([attune, "serve", "--no-capture", "--socket", os.path.join(scratch, "notify-test.sock"),
                                "--db", os.path.join(scratch, "memory.db")], env=environment, stderr=journal)
    ready = listener.recv(4096).decode()
    took = time.monotonic() - began
    check(ready.startswith("READY=1"), "READY=1 on NOTIFY_SOCKET %.3f s after start, with the key from $CREDENTIALS_DIRECTORY" % took)
    pings = [listener.recv(4096).decode() for _ in range(3)]
    check(all(ping == "WATCHDOG=1" for ping in pings), "WATCHDOG=1 pings at half of WATCHDOG_USEC")
    process.send_signal(signal.SIGTERM)
    while True:
        state = listener.recv(4096).decode()
        if state != "WATCHDOG=1":
            break
    check(state == "STOPPING=1" and process.wait(timeout=5) == 0, "STOPPING=1 on SIGTERM, then exit 0")
    journal.close()
    with open(os.path.join(scratch, "journal.log")) as logged:
        records = logged.read().splitlines()
    check(records and records[0].startswith("<6>attune.serve: listening") and any(r.startswith("<5>") for r in records),
          "logs carry journald priorities (%s)" % " | ".join(records[:2]))
    listener.close()


def check_reload(attune, scratch):
    """SIGHUP reads --config again: the log level at once, the rest named for the next start; a bad
    file is reported and the configuration in use kept, and the service goes on."""
    config = os.path.join(scratch, "attune.toml")
    with open(config, "w") as out:
        out.write('[runtime]\nlog_level = "notice"\n')
    log_path = os.path.join(scratch, "reload.log")
    sock_path = os.path.join(scratch, "reload.sock")
    with open(log_path, "wb") as log:
        process = subprocess.Popen([attune, "serve", "--config", config, "--no-memory", "--no-capture", "--socket", sock_path], stderr=log)
        while not os.path.exists(sock_path):
            time.sleep(0.01)
        with open(config, "w") as out:
            out.write('[runtime]\nlog_level = "info"\nmemory_budget = "80MB"\n')
        process.send_signal(signal.SIGHUP)
        time.sleep(0.3)
        late = Host(sock_path)  # logged at info: only after the reload lowered the level
        with open(config, "w") as out:
            out.write("[runtime]\nlog_level = 5\n")
        process.send_signal(signal.SIGHUP)
        time.sleep(0.3)
        served = late.ask({"type": "stats"})["type"] == "stats"
        late.close()
        code, _ = stop(process)
    with open(log_path) as log:
        text = log.read()
    check("configuration reloaded; log level info; [runtime] memory_budget, data_dir changed and apply at the next start" in text
          and "connected" in text, "SIGHUP reloads the configuration: the log level at once, the budget named for the next start")
    check("the configuration was not reloaded, the one in use is kept" in text and served and code == 0,
          "a bad file on SIGHUP is reported, the configuration in use kept, and the service goes on")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--attune", required=True)
    parser.add_argument("--scratch")
    parser.add_argument("--startup-limit", type=float, default=1.0)
    parser.add_argument("--wav", help="a 16 kHz speech recording to play through the pipeline (--input)")
    options = parser.parse_args()
    scratch = options.scratch or tempfile.mkdtemp(prefix="attune-serve-")
    key = os.path.join(scratch, "store.key")
    with open(key, "wb") as out:
        out.write(os.urandom(32))
    os.chmod(key, 0o600)
    subprocess.run([options.attune, "store", "init", "--db", os.path.join(scratch, "memory.db"), "--key-file", key],
                   check=True, capture_output=True)
    path = os.path.join(scratch, "attune.sock")

    process, startup = start(options.attune, scratch, path)
    check(startup < options.startup_limit, "listening %.3f s after start (limit %.1f s)" % (startup, options.startup_limit))
    mode = stat.S_IMODE(os.stat(path).st_mode)
    check(stat.S_ISSOCK(os.stat(path).st_mode) and mode == 0o600, "the socket is mode %o" % mode)

    a = Host(path)
    hello = a.ask({"type": "hello", "versions": [1, 2], "client": "check_service"})
    check(hello["type"] == "hello" and hello["version"] == 1 and hello["memory"] is True, "hello agrees on version 1")
    b = Host(path)
    check(b.ask({"type": "hello", "versions": [9]})["code"] == "unsupported_version", "a host with no common version is told so")
    b.close()
    b = Host(path)

    said = a.ask({"type": "transcript", "text": "My sister Karen's birthday is on the 3rd of March", "final": True,
                  "time": "2026-12-04T18:00:00Z", "id": "t1"})
    check(said["type"] == "context" and said["id"] == "t1" and said["context"]["speaker"] == "user" and said["prompt"],
          "a final transcript is answered with its rapport context and prompt block (%d characters)" % len(said["prompt"]))
    a.send({"type": "transcript", "text": "I walk the", "final": False, "id": "p"})
    check(a.ask({"type": "stats"})["type"] == "stats", "a partial transcript is taken without an answer")
    noted = a.ask({"type": "assistant_turn", "text": "Karen's birthday, the 3rd of March: noted.", "time": "2026-12-04T18:00:04Z", "id": "n"})
    check(noted["type"] == "noted" and noted["id"] == "n", "an assistant turn is noted")

    recall = b.ask({"type": "recall", "query": "when is Karen's birthday", "id": "r1"})
    check(recall["type"] == "recall" and any("Karen" in r["source"]["text"] for r in recall["answer"]["results"]),
          "a second host recalls what the first told (%d results)" % len(recall["answer"]["results"]))

    settings = a.ask({"type": "set", "intensity": "reduced", "id": "set1"})
    check(settings["type"] == "set" and settings["id"] == "set1" and settings["adjustments"][0]["field"] == "intensity",
          "set reduces the person's intensity: %s" % settings["adjustments"][0]["value"])
    toned = a.ask({"type": "transcript", "text": "We won the quiz tonight!", "time": "2026-12-04T18:00:10Z", "id": "t2"})
    check(toned["type"] == "context" and toned["context"]["guidance"]["intensity"] == "reduced"
          and toned["context"]["adjustments"][0]["cause"]["text"] == "set by the host",
          "the next context says intensity: reduced and lists the host's change")
    a.ask({"type": "set", "intensity": "normal"})

    for line, expected in [(b"not json\n", "malformed"), (b'{"type":"transcript","text":"caf\xc3"}\n', "malformed"),
                           (b'{"type":"sing"}\n', "unknown_type"), (b'{"type":"transcript","text":7}\n', "bad_field"),
                           (b'[1,2,3]\n', "malformed"), (b"{" + b"x" * (2 << 20) + b"}\n", "line_too_long")]:
        b.send_raw(line)
        answer = b.receive()
        if answer.get("code") != expected or not isinstance(answer.get("line"), int):
            fail("%r... answered %r, expected %s with a line number" % (line[:30], answer, expected))
    check(True, "malformed, non-UTF-8, unknown, mistyped and 2 MiB lines are errors with their line numbers")
    stats = b.ask({"type": "stats", "id": "s"})
    check(stats["type"] == "stats" and stats["clients"] == 2, "the connection stays up after bad lines; stats sees 2 hosts")
    stages = {s["stage"]: s for s in stats["stages"]}
    check("context" in stages and "recall" in stages, "stats has context p50 %.1f ms / p99 %.1f ms, recall p50 %.1f ms" % (
        stages["context"]["p50Ms"], stages["context"]["p99Ms"], stages["recall"]["p50Ms"]))

    crisis = a.ask({"type": "transcript", "text": "I wish I could go to sleep and not wake up", "id": "c"})
    check(crisis["type"] == "handoff" and crisis["handoff"]["raised"], "a hand-off comes as its own event before its context")
    check(a.receive()["type"] == "context", "followed by the context")
    check(b.receive()["type"] == "handoff", "and every other host gets the hand-off too")
    memory = stats["memory"]
    check(memory["chargedBytes"] <= memory["budgetBytes"], "%.1f MB charged of a %.1f MB budget, %.1f MB resident" % (
        memory["chargedBytes"] / 1e6, memory["budgetBytes"] / 1e6, (memory.get("residentBytes") or 0) / 1e6))

    example = subprocess.run([sys.executable, os.path.join(REPOSITORY, "examples", "python", "attune_client.py"), path,
                              "I take the bus to work on Mondays"], capture_output=True, timeout=30)
    if not (example.returncode == 0 and example.stdout.startswith(b"Rapport context") and b'"recall"' in example.stdout):
        fail("examples/python/attune_client.py: %r" % (example.stdout + example.stderr)[:400])
    check(True, "examples/python/attune_client.py prints the prompt block and a recall")

    # A host that sends and never reads is dropped; the others go on.
    silent = Host(path)
    silent.sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
    request = json.dumps({"type": "stats"}).encode() + b"\n"
    dropped = False
    try:
        for _ in range(20000):
            silent.send_raw(request * 10)
    except (BrokenPipeError, ConnectionResetError, socket.timeout, OSError):
        dropped = True
    check(dropped, "a host that never reads is dropped")
    silent.close()
    check(a.ask({"type": "stats"})["type"] == "stats", "the other hosts are still served")

    # Hosts are charged to the memory budget: the ninth and more may be told there is no room.
    crowd = []
    refusal = None
    for _ in range(40):
        extra = Host(path)
        extra.sock.settimeout(0.3)
        try:
            answer = extra.receive()
            refusal = answer
            extra.close()
            break
        except socket.timeout:
            crowd.append(extra)
    check(len(crowd) + 2 >= 8 and refusal is not None and "memory budget" in refusal["message"],
          "%d hosts at once fit the budget; the next is refused with an error naming the budget" % (len(crowd) + 2))
    for extra in crowd:
        extra.close()
    time.sleep(0.2)

    half = Host(path)
    half.send_raw(b'{"type":"sta')
    half.close()
    check(b.ask({"type": "followups"})["type"] == "followups", "a half line and a disconnect harm no one")

    # The owner check: a peer of another uid is refused even if the file's mode would let it in.
    if os.geteuid() == 0:
        with other_user() as (uid, gid, name):
            def stats_as_other():
                try:
                    other = Host(path, timeout=5)
                    other.send({"type": "stats"})
                    answer = other.receive()
                    print("   the other user was answered: %s" % answer, flush=True)
                    return 3
                except (EOFError, ConnectionResetError, BrokenPipeError):
                    return 0  # connected, then turned away by the service
                except OSError as error:
                    print("   the other user could not reach the socket: %s" % error, flush=True)
                    return 4  # never reached the service: the check would prove nothing

            def connect_as_other():
                try:
                    Host(path, timeout=5)
                    return 3
                except PermissionError:
                    return 0

            # Let the other user reach the socket (the scratch directory is 0700), so that only the
            # service's SO_PEERCRED check stands between it and the protocol.
            with traversable(os.path.dirname(path)):
                os.chmod(path, 0o666)
                refused = run_as(uid, gid, stats_as_other)
                os.chmod(path, 0o600)
                check(refused == 0, "a process of another user (%s, uid %d) is refused by the SO_PEERCRED check" % (name, uid))
                check(run_as(uid, gid, connect_as_other) == 0, "%s cannot even connect to the 0600 socket" % name)
    else:
        print("skip: the other-user checks need root to create a user and switch to it", flush=True)

    forgot = a.ask({"type": "forget", "text": "Karen", "id": "f"})
    check(forgot["type"] == "forgotten" and len(forgot["forgot"]) == 2 and all("Karen" in item["text"] for item in forgot["forgot"]),
          "forget removes the two turns that named Karen")
    kept = a.ask({"type": "transcript", "text": "I started learning the cello in October"})
    check(kept["type"] == "context", "a last turn before SIGTERM gets its context")

    code, took = stop(process)
    check(code == 0 and took < 2.0, "SIGTERM: exit %d after %.3f s" % (code, took))
    goodbye = a.receive()
    check(goodbye["type"] == "goodbye" and goodbye["reason"] == "SIGTERM", "hosts are told goodbye on SIGTERM")
    check(not os.path.exists(path), "the socket is removed on exit")

    process, _ = start(options.attune, scratch, path)
    c = Host(path)
    answer = c.ask({"type": "recall", "query": "what instrument am I learning"})
    check(any("cello" in r["source"]["text"] for r in answer["answer"]["results"]), "after a restart the acknowledged turn is there")
    gone = c.ask({"type": "recall", "query": "when is Karen's birthday"})
    check(all("Karen" not in r["source"]["text"] for r in gone["answer"]["results"]), "and the forgotten turn is not")
    check(c.ask({"type": "shutdown"})["type"] == "goodbye", "shutdown is answered with goodbye")
    check(process.wait(timeout=5) == 0, "shutdown ends the service with exit 0")

    stdio = subprocess.run([options.attune, "serve", "--stdio", "--no-capture", "--db", os.path.join(scratch, "memory.db"), "--key-file", key],
                           input=b'{"type":"hello","versions":[1]}\n{"type":"recall","query":"cello","id":"x"}\nnope\n{"type":"stats"}',
                           capture_output=True, timeout=30)
    lines = [json.loads(line) for line in stdio.stdout.decode().splitlines()]
    for line in lines:
        conforms("service", line)
    types = [line["type"] for line in lines]
    check(stdio.returncode == 0 and types == ["hello", "recall", "error", "stats", "goodbye"] and lines[2]["line"] == 3,
          "--stdio answers each line and ends with the input (%s)" % ", ".join(types))
    if options.wav:
        wav_socket = os.path.join(scratch, "wav.sock")
        process = subprocess.Popen([options.attune, "serve", "--no-memory", "--input", options.wav, "--socket", wav_socket],
                                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        for _ in range(1000):
            if os.path.exists(wav_socket):
                break
            time.sleep(0.01)
        first, second = Host(wav_socket), Host(wav_socket)
        events = {0: [], 1: []}
        for index, host in enumerate([first, second]):
            while True:
                event = host.receive()
                events[index].append(event)
                if event["type"] == "end_of_turn" or len(events[index]) > 100:
                    break
        types = [event["type"] for event in events[0]]
        check(types[0] == "speech_start" and types[-1] == "end_of_turn", "a recording played through the pipeline gives %s" % ", ".join(types))
        check(events[0] == events[1], "both hosts get the same events in the same order")
        code, _ = stop(process)
        check(code == 0, "and the service stops with exit 0")
    check_systemd(options.attune, scratch, key)
    check_reload(options.attune, scratch)
    if jsonschema is None:
        print("skip: jsonschema is not installed, so messages were not checked against docs/protocol/", flush=True)
    else:
        check(validated["service"] > 20, "%d messages from Attune and %d from the hosts match their schemas in docs/protocol/" % (
            validated["service"], validated["host"]))
    print("all checks passed", flush=True)


if __name__ == "__main__":
    main()
