"""Attune in a pipecat pipeline (pipecat-ai 1.14).

Place `AttuneRapportProcessor` after speech-to-text and before the user context aggregator, and let
the aggregator's turn strategies follow Attune's turn decisions:

    attune = AttuneRapportProcessor(AttuneConnection.unix("/run/user/1000/attune.sock"))
    user_aggregator = LLMUserAggregator(
        context, params=LLMUserAggregatorParams(user_turn_strategies=attune_turn_strategies()))
    pipeline = Pipeline([transport.input(), stt, attune, user_aggregator, llm, tts, transport.output(),
                         assistant_aggregator])

What it does:
  * every `InputAudioRawFrame` (16 kHz mono S16) goes to Attune as `audio`; Attune's `speech_start`
    and `end_of_turn` come back as `ProposedUserStartedSpeakingFrame` / `ProposedUserStoppedSpeakingFrame`,
    which pipecat's `ExternalUserTurnStopStrategy` turns into the user turn's end (no other turn
    analyser is needed);
  * every final `TranscriptionFrame` goes to Attune as `transcript`; the rapport context Attune answers
    with is pushed before the transcription as `LLMMessagesAppendFrame(run_llm=False)` (a system
    message holding the context's prompt block), so it is in the LLM's context when the turn runs;
  * a `handoff` (the person may be in danger) is logged at once and is also in that context;
  * `BotStartedSpeakingFrame` / `BotStoppedSpeakingFrame` become `playback_start` / `playback_stop`
    (speech over the assistant is then a barge-in), and the assistant's `TTSTextFrame`s of a reply
    become one `assistant_turn`.

Attune is `attune serve --no-capture` (the host owns the microphone) on its Unix socket, or spawned
with `--stdio` (`AttuneConnection.spawn([...])`). Every message is one JSON object per line
(docs/PROTOCOL.md).
"""
import asyncio
import base64
import itertools
import json

from loguru import logger
from pipecat.frames.frames import (
    BotStartedSpeakingFrame,
    BotStoppedSpeakingFrame,
    Frame,
    InputAudioRawFrame,
    LLMMessagesAppendFrame,
    ProposedUserStartedSpeakingFrame,
    ProposedUserStoppedSpeakingFrame,
    TranscriptionFrame,
    TTSTextFrame,
)
from pipecat.processors.frame_processor import FrameDirection, FrameProcessor
from pipecat.turns.user_turn_strategies import ExternalUserTurnStrategies

ATTUNE_RATE = 16000
REPLY_TYPES = {"hello", "context", "noted", "recall", "followups", "forgotten", "set", "stats"}


class AttuneConnection:
    """One connection to Attune: requests with an `id` get their answer; everything else (turn events,
    hand-offs, errors without an id) goes to `on_event`."""

    def __init__(self, opener):
        self._opener = opener
        self._reader = None
        self._writer = None
        self._process = None
        self._pending = {}
        self._ids = itertools.count(1)
        self._task = None
        self.on_event = None
        self.hello = None

    @classmethod
    def unix(cls, path):
        async def opener(connection):
            return await asyncio.open_unix_connection(path, limit=1 << 20)
        return cls(opener)

    @classmethod
    def spawn(cls, arguments):
        """Starts `attune serve --stdio …` (the arguments, binary first) and talks over its pipes."""
        async def opener(connection):
            connection._process = await asyncio.create_subprocess_exec(
                *arguments, stdin=asyncio.subprocess.PIPE, stdout=asyncio.subprocess.PIPE, limit=1 << 20)
            return connection._process.stdout, connection._process.stdin
        return cls(opener)

    async def open(self, client="attune_pipecat"):
        self._reader, self._writer = await self._opener(self)
        self._task = asyncio.create_task(self._read())
        self.hello = await self.request({"type": "hello", "versions": [1], "client": client})
        return self.hello

    async def send(self, message):
        self._writer.write(json.dumps(message).encode() + b"\n")
        await self._writer.drain()

    async def request(self, message, timeout=5.0):
        """Sends a request with a fresh id and returns Attune's answer (an `error` raises)."""
        ident = "p%d" % next(self._ids)
        future = asyncio.get_running_loop().create_future()
        self._pending[ident] = future
        await self.send({**message, "id": ident})
        try:
            answer = await asyncio.wait_for(future, timeout)
        finally:
            self._pending.pop(ident, None)
        if answer["type"] == "error":
            raise AttuneError(answer)
        return answer

    async def _read(self):
        while True:
            line = await self._reader.readline()
            if not line:
                for future in self._pending.values():
                    if not future.done():
                        future.set_exception(EOFError("Attune closed the connection"))
                return
            message = json.loads(line)
            ident = message.get("id")
            future = self._pending.get(ident)
            if future is not None and not future.done() and message["type"] in REPLY_TYPES | {"error"}:
                future.set_result(message)
            elif ident is not None and message["type"] in REPLY_TYPES:
                # The answer to a request given up on (an interruption cancelled the frame it was for).
                continue
            elif self.on_event is not None:
                await self.on_event(message)

    async def close(self):
        if self._writer is not None:
            try:
                await self.send({"type": "shutdown"})
            except (ConnectionError, RuntimeError):
                pass
            self._writer.close()
        if self._process is not None:
            await self._process.wait()
        if self._task is not None:
            self._task.cancel()


class AttuneError(Exception):
    def __init__(self, answer):
        super().__init__("%s: %s" % (answer.get("code"), answer.get("message")))
        self.answer = answer


def attune_turn_strategies():
    """User turn strategies driven by Attune: pipecat's external start and stop strategies, which
    resolve the proposals `AttuneRapportProcessor` pushes at Attune's `speech_start` and `end_of_turn`."""
    return ExternalUserTurnStrategies()


class AttuneRapportProcessor(FrameProcessor):
    """Forwards audio and transcriptions to Attune, pushes its rapport context before the LLM, and turns
    its turn events into pipecat's turn proposals."""

    def __init__(self, connection, *, speaker="user", **kwargs):
        super().__init__(**kwargs)
        self._attune = connection
        self._speaker = speaker
        self._opened = False
        self._bot_words = []
        self.contexts = []
        self.events = []

    async def _ensure_open(self):
        if not self._opened:
            self._attune.on_event = self._on_attune_event
            await self._attune.open()
            self._opened = True

    async def process_frame(self, frame: Frame, direction: FrameDirection):
        await super().process_frame(frame, direction)
        if isinstance(frame, InputAudioRawFrame):
            await self._ensure_open()
            if frame.sample_rate == ATTUNE_RATE and frame.num_channels == 1:
                await self._attune.send({"type": "audio", "data": base64.b64encode(frame.audio).decode(), "sampleRate": ATTUNE_RATE})
            await self.push_frame(frame, direction)
        elif isinstance(frame, TranscriptionFrame) and frame.text.strip():
            await self._ensure_open()
            answer = await self._attune.request({"type": "transcript", "text": frame.text, "final": True,
                                                 "speaker": self._speaker})
            if answer["type"] == "context":
                self.contexts.append(answer)
                await self.push_frame(LLMMessagesAppendFrame(
                    messages=[{"role": "system", "content": answer["prompt"]}], run_llm=False), direction)
            await self.push_frame(frame, direction)
        elif isinstance(frame, BotStartedSpeakingFrame):
            await self._ensure_open()
            await self._attune.send({"type": "playback_start"})
            await self.push_frame(frame, direction)
        elif isinstance(frame, BotStoppedSpeakingFrame):
            await self._ensure_open()
            await self._attune.send({"type": "playback_stop"})
            if self._bot_words:
                await self._attune.request({"type": "assistant_turn", "text": " ".join(self._bot_words)})
                self._bot_words = []
            await self.push_frame(frame, direction)
        elif isinstance(frame, TTSTextFrame):
            self._bot_words.append(frame.text)
            await self.push_frame(frame, direction)
        else:
            await self.push_frame(frame, direction)

    async def _on_attune_event(self, message):
        self.events.append(message)
        kind = message["type"]
        if kind == "speech_start":
            await self.push_frame(ProposedUserStartedSpeakingFrame())
        elif kind == "end_of_turn":
            await self.push_frame(ProposedUserStoppedSpeakingFrame())
        elif kind == "handoff":
            logger.warning("Attune raised a hand-off (%s): point the person to %s" % (
                message["handoff"].get("reason"), ", ".join(r["name"] for r in message["handoff"]["resources"])))

    async def cleanup(self):
        await super().cleanup()
        if self._opened:
            await self._attune.close()
