#!/usr/bin/env python3
"""Drives `attune serve --wyoming` with the reference implementation of the Wyoming protocol (the
`wyoming` PyPI package, tools/install-python-peers.sh): describe -> info, a recording streamed as
audio-start/chunk/stop -> voice-started/voice-stopped, transcript -> handled, over a Unix socket
(AsyncUnixClient) and loopback TCP (AsyncTcpClient, the audio converted to 44.1 kHz stereo by the
package's own AudioChunkConverter); unknown events ignored; headers with lying lengths close that
connection only.

Usage: check_wyoming.py --attune PATH/TO/attune --wav SPEECH.wav [--scratch DIR]
Exits 0 with "skip:" when the wyoming package is not installed.
"""
import argparse
import asyncio
import json
import os
import socket
import subprocess
import sys
import tempfile
import time
import wave
from checks import check, fail

try:
    from wyoming.asr import Transcript
    from wyoming.audio import AudioChunk, AudioChunkConverter, AudioStart, AudioStop
    from wyoming.client import AsyncTcpClient, AsyncUnixClient
    from wyoming.event import Event
    from wyoming.handle import Handled
    from wyoming.info import Describe, Info
    from wyoming.vad import VoiceStarted, VoiceStopped
except ImportError:
    print("skip: the wyoming package is not installed (tools/install-python-peers.sh installs it)")
    sys.exit(0)


def free_port():
    probe = socket.socket()
    probe.bind(("127.0.0.1", 0))
    port = probe.getsockname()[1]
    probe.close()
    return port


async def next_event(client, timeout=10):
    event = await asyncio.wait_for(client.read_event(), timeout)
    if event is None:
        fail("the service closed the Wyoming connection")
    return event


async def stream(client, samples, rate=16000, converter=None):
    """Streams 16 kHz mono S16 `samples` (bytes) in 1024-sample chunks; returns the voice events."""
    width, channels = (2, 1) if converter is None else (converter.width, converter.channels)
    out_rate = rate if converter is None else converter.rate
    await client.write_event(AudioStart(rate=out_rate, width=width, channels=channels, timestamp=0).event())
    for start in range(0, len(samples), 2048):
        chunk = AudioChunk(rate=16000, width=2, channels=1, audio=samples[start:start + 2048])
        if converter is not None:
            chunk = converter.convert(chunk)
        await client.write_event(chunk.event())
    await client.write_event(AudioStop().event())
    events = []
    while not events or not VoiceStopped.is_type(events[-1].type):
        events.append(await next_event(client))
    return events


async def exercise(client, samples, label, converter=None):
    await client.write_event(Describe().event())
    info = Info.from_event(await next_event(client))
    check(info.handle and info.handle[0].name == "attune", "%s: describe is answered with info (handle program %s)" % (label, info.handle[0].name))
    await client.write_event(Event(type="made-up-event", data={"anything": [1, 2]}))
    events = await stream(client, samples, converter=converter)
    started = [VoiceStarted.from_event(e) for e in events if VoiceStarted.is_type(e.type)]
    stopped = [VoiceStopped.from_event(e) for e in events if VoiceStopped.is_type(e.type)]
    check(len(started) == 1 and len(stopped) == 1 and 300 < started[0].timestamp < 600 and 3300 < stopped[0].timestamp < 3800,
          "%s: the recording gives voice-started at %d ms and voice-stopped at %d ms of the stream (unknown events ignored)" % (
              label, started[0].timestamp, stopped[0].timestamp))
    await client.write_event(Transcript(text="I have my driving test on Thursday at nine").event())
    handled = Handled.from_event(await next_event(client))
    check(handled.text.startswith("Rapport context") and handled.context["flags"]["handoff"]["raised"] is False,
          "%s: transcript is answered with handled (the prompt block, %d characters, and the context)" % (label, len(handled.text)))


async def main_async(options):
    scratch = options.scratch or tempfile.mkdtemp(prefix="attune-wyoming-")
    key, db = os.path.join(scratch, "wyoming.key"), os.path.join(scratch, "wyoming.db")
    with open(key, "wb") as out:
        out.write(os.urandom(32))
    os.chmod(key, 0o600)
    subprocess.run([options.attune, "store", "init", "--db", db, "--key-file", key], check=True, capture_output=True)
    with wave.open(options.wav) as recording:
        if (recording.getframerate(), recording.getsampwidth(), recording.getnchannels()) != (16000, 2, 1):
            fail("%s is not 16 kHz 16-bit mono" % options.wav)
        samples = recording.readframes(recording.getnframes()) + b"\0\0" * 16000  # a second of silence after the speech

    unix_path, line_path, port = os.path.join(scratch, "wyoming.sock"), os.path.join(scratch, "lines.sock"), free_port()
    for address, label in (("unix://" + unix_path, "unix"), ("tcp://127.0.0.1:%d" % port, "tcp")):
        process = subprocess.Popen([options.attune, "serve", "--no-capture", "--db", db, "--key-file", key, "--socket", line_path,
                                    "--wyoming", address], stderr=open(os.path.join(scratch, "wyoming.log"), "ab"))
        for _ in range(500):
            if os.path.exists(line_path):
                break
            time.sleep(0.01)
        if label == "unix":
            async with AsyncUnixClient(unix_path) as client:
                await exercise(client, samples, "AsyncUnixClient")
            # Lying lengths: each closes that connection only.
            for header in (b'{"type":"audio-chunk","data_length":99999999}\n', b'{"type":"transcript","data_length":5}\nnot{}',
                           b'{"data":{}}\n', b"\xff\xfe garbage\n"):
                liar = socket.socket(socket.AF_UNIX)
                liar.connect(unix_path)
                liar.settimeout(5)
                liar.sendall(header)
                received = b""
                while True:
                    chunk = liar.recv(65536)
                    if not chunk:
                        break
                    received += chunk
                liar.close()
                if b'"error"' not in received:
                    fail("a lying header %r was answered with %r, not an error and a close" % (header, received))
            check(True, "headers with lying lengths, no type or bad bytes get an error and a closed connection")
            half = socket.socket(socket.AF_UNIX)
            half.connect(unix_path)
            half.sendall(b'{"type":"audio-chunk","data_length":40,"payload_length":2048}\n{"rate":')
            half.close()
            lines = socket.socket(socket.AF_UNIX)
            lines.connect(line_path)
            lines.sendall(b'{"type":"stats"}\n')
            stats = json.loads(lines.makefile("rb").readline())
            lines.close()
            check(stats["type"] == "stats", "a half event and a disconnect leave the service serving the other hosts")
        else:
            async with AsyncTcpClient("127.0.0.1", port) as client:
                await exercise(client, samples, "AsyncTcpClient at 44.1 kHz stereo", converter=AudioChunkConverter(rate=44100, width=2, channels=2))
        process.terminate()
        check(process.wait(timeout=5) == 0, "%s: the service stops with exit 0" % label)
    print("all checks passed", flush=True)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--attune", required=True)
    parser.add_argument("--wav", required=True)
    parser.add_argument("--scratch")
    asyncio.run(main_async(parser.parse_args()))


if __name__ == "__main__":
    main()
