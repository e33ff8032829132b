#!/usr/bin/env python3
"""Runs examples/pipecat/attune_pipecat.py in a real pipecat pipeline against a real `attune serve
--stdio --no-capture`: the bundled recording's first turn goes in as InputAudioRawFrames and its
words as a TranscriptionFrame; Attune's end_of_turn must end the user turn (pipecat's external stop
strategy, no other turn analyser), and the LLM context the user aggregator hands on must hold
Attune's rapport context as a system message before the user's words.

Usage: check_pipecat.py --attune PATH/TO/attune --wav Tests/Data/turn/turns-015.wav [--scratch DIR]
Exits 0 with "skip:" when pipecat-ai is not installed (tools/install-python-peers.sh installs it).
"""
import argparse
import asyncio
import os
import subprocess
import sys
import tempfile
import time
import wave

REPOSITORY = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..")
sys.path.insert(0, os.path.join(REPOSITORY, "examples", "pipecat"))

try:
    from pipecat.frames.frames import (InputAudioRawFrame, LLMContextFrame, LLMMessagesAppendFrame, TranscriptionFrame,
                                       UserStartedSpeakingFrame, UserStoppedSpeakingFrame)
    from pipecat.pipeline.pipeline import Pipeline
    from pipecat.processors.aggregators.llm_context import LLMContext
    from pipecat.processors.aggregators.llm_response_universal import LLMUserAggregator, LLMUserAggregatorParams
    from pipecat.processors.frame_processor import FrameDirection, FrameProcessor
    from pipecat.tests.utils import SleepFrame, run_test
except ImportError as error:
    print("skip: pipecat-ai is not installed (%s); tools/install-python-peers.sh installs it" % error)
    sys.exit(0)

from attune_pipecat import AttuneConnection, AttuneRapportProcessor, attune_turn_strategies
from checks import check, fail


class Recorder(FrameProcessor):
    """Notes when each frame passed, for the order checks."""

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.seen = []

    async def process_frame(self, frame, direction):
        await super().process_frame(frame, direction)
        self.seen.append((time.monotonic(), frame))
        await self.push_frame(frame, direction)


async def run(options, scratch, key):
    with wave.open(options.wav, "rb") as recording:
        if recording.getframerate() != 16000 or recording.getnchannels() != 1 or recording.getsampwidth() != 2:
            fail("%s is not 16 kHz mono 16-bit" % options.wav)
        audio = recording.readframes(int(2.2 * 16000))
    chunk = 320 * 2  # 20 ms, as a transport sends it
    frames = []
    for offset in range(0, len(audio), chunk):
        frames.append(InputAudioRawFrame(audio=audio[offset:offset + chunk], sample_rate=16000, num_channels=1))
        frames.append(SleepFrame(sleep=0.02))  # in real time, as a microphone gives it
        if offset == int(1.05 * 16000) * 2 // chunk * chunk:
            # The recogniser's final words of the first turn ("Yes.", heard by 1.044 s).
            frames.append(TranscriptionFrame(text="Yes.", user_id="user", timestamp="2026-12-04T18:00:01Z", finalized=True))
    # Room for Attune's end_of_turn and context after the last audio, also on a loaded 2-core CI machine
    # (1.5 s was seen to be too short there while other test processes ran).
    frames.append(SleepFrame(sleep=4.0))

    connection = AttuneConnection.spawn([options.attune, "serve", "--stdio", "--no-capture",
                                         "--db", os.path.join(scratch, "memory.db"), "--key-file", key])
    attune = AttuneRapportProcessor(connection)
    before = Recorder()
    after = Recorder()
    context = LLMContext()
    aggregator = LLMUserAggregator(context, params=LLMUserAggregatorParams(user_turn_strategies=attune_turn_strategies(),
                                                                           user_turn_stop_timeout=30.0))
    pipeline = Pipeline([attune, before, aggregator, after])
    await run_test(pipeline, frames_to_send=frames)

    check(connection.hello is not None and connection.hello["type"] == "hello", "the processor said hello to a real attune serve --stdio")
    kinds = [event["type"] for event in attune.events]
    check("speech_start" in kinds and "end_of_turn" in kinds, "Attune heard the pushed audio: %s" % ", ".join(kinds))
    check(len(attune.contexts) == 1 and attune.contexts[0]["context"]["speaker"] == "user",
          "the TranscriptionFrame was answered with a rapport context (%d characters of prompt)" % len(attune.contexts[0]["prompt"]))
    appended = [frame for _, frame in before.seen if isinstance(frame, LLMMessagesAppendFrame)]
    check(len(appended) == 1 and appended[0].run_llm is False and appended[0].messages[0]["role"] == "system"
          and appended[0].messages[0]["content"].startswith("Rapport context"),
          "the context went downstream as LLMMessagesAppendFrame(run_llm=False) holding its prompt block")
    order = [type(frame).__name__ for _, frame in before.seen if isinstance(frame, (LLMMessagesAppendFrame, TranscriptionFrame))]
    check(order == ["LLMMessagesAppendFrame", "TranscriptionFrame"], "before the transcription it answers (%s)" % " then ".join(order))
    started = [t for t, frame in after.seen if isinstance(frame, UserStartedSpeakingFrame)]
    stopped = [t for t, frame in after.seen if isinstance(frame, UserStoppedSpeakingFrame)]
    contexts = [(t, frame) for t, frame in after.seen if isinstance(frame, LLMContextFrame)]
    check(started and stopped, "pipecat's external strategies turned Attune's speech_start and end_of_turn into the user turn")
    check(len(contexts) == 1, "the user turn ended once and handed one LLM context on (the stop timeout is 30 s: Attune ended it)")
    messages = contexts[0][1].context.get_messages()
    roles = [(m.get("role"), (m.get("content") or "")[:20]) for m in messages]
    check([m.get("role") for m in messages] == ["system", "user"] and messages[0]["content"] == attune.contexts[0]["prompt"]
          and "Yes." in messages[1]["content"],
          "the LLM sees Attune's rapport context, then the user's words: %s" % roles)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--attune", required=True)
    parser.add_argument("--wav", required=True)
    parser.add_argument("--scratch")
    options = parser.parse_args()
    scratch = options.scratch or tempfile.mkdtemp(prefix="attune-pipecat-")
    key = os.path.join(scratch, "store.key")
    with open(key, "wb") as out:
        out.write(os.urandom(32))
    os.chmod(key, 0o600)
    subprocess.run([options.attune, "store", "init", "--db", os.path.join(scratch, "memory.db"), "--key-file", key],
                   check=True, capture_output=True)
    asyncio.run(run(options, scratch, key))
    print("all checks passed", flush=True)


if __name__ == "__main__":
    main()
