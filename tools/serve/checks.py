"""What every check script of the service prints: an "ok:" line per passed check, or "FAIL:" and exit 1."""
import sys


def fail(message):
    print("FAIL: " + message, flush=True)
    sys.exit(1)


def check(condition, message):
    if not condition:
        fail(message)
    print("ok: " + message, flush=True)
