#!/usr/bin/env python3
"""Writes docs/protocol/<direction>.<type>.schema.json: a JSON Schema (draft 2020-12) for every
message of Attune's line protocol, version 1 (docs/PROTOCOL.md). The Swift types in
Sources/AttuneRuntime/Protocol/ are the source of truth; tools/serve/check_service.py validates
every message of a real session against these files, so a schema that drifts from the code fails.

Usage: tools/serve/protocol_schemas.py [OUTPUT_DIRECTORY]   (default: docs/protocol)
"""
import json
import os
import sys

STRING = {"type": "string"}
INTEGER = {"type": "integer"}
NUMBER = {"type": "number"}
BOOLEAN = {"type": "boolean"}
TIME = {"type": "string", "description": "RFC 3339 time with an offset or Z, e.g. 2026-12-04T18:30:00Z"}
REQUEST_ID = {"type": "string", "description": "Chosen by the host; the answer repeats it."}


def array(items):
    return {"type": "array", "items": items}


def obj(required, properties, extra=True):
    schema = {"type": "object", "required": sorted(required), "properties": properties}
    if not extra:
        schema["additionalProperties"] = False
    return schema


MEMORY_SOURCE = obj(["id", "text", "time"], {"id": INTEGER, "text": STRING, "time": TIME, "speaker": STRING, "session": STRING})
FORGOTTEN_ITEM = obj(["id", "time", "text"], {"id": INTEGER, "time": TIME, "speaker": STRING, "text": STRING})
RECALL_RESULT = obj(["id", "kind", "text", "score", "current", "source", "why"], {
    "id": INTEGER, "kind": STRING, "text": STRING, "score": NUMBER, "current": BOOLEAN, "source": MEMORY_SOURCE, "why": array(STRING)})
RECALL_ANSWER = obj(["query", "at", "confident", "unknown", "results"], {
    "query": STRING, "at": TIME, "confident": BOOLEAN, "unknown": array(STRING), "results": array(RECALL_RESULT)})
FOLLOWUP = obj(["id", "question", "event", "owner", "source", "why"], {
    "id": INTEGER, "question": STRING, "event": STRING, "owner": STRING, "eventTime": TIME, "source": MEMORY_SOURCE, "why": STRING})
FOLLOWUPS_ANSWER = obj(["at", "followups"], {"at": TIME, "followups": array(FOLLOWUP)})
STAGE = obj(["stage", "count", "p50Ms", "p99Ms", "maxMs"], {
    "stage": {"enum": ["context", "assistant_turn", "recall", "followups", "forget", "turns"]}, "count": INTEGER,
    "p50Ms": NUMBER, "p99Ms": NUMBER, "maxMs": NUMBER})


def message(type_name, description, required, properties, extra=True):
    schema = obj(["type", *required], {"type": {"const": type_name}, **properties}, extra)
    schema["description"] = description
    return schema


HOST = {
    "hello": message("hello", "The versions the host speaks (optional: without it, version 1).", ["versions"], {
        "versions": {"type": "array", "items": INTEGER, "minItems": 1}, "client": STRING, "id": REQUEST_ID}),
    "transcript": message("transcript", "What the recogniser heard; a final one is the person's turn, answered with context.", ["text"], {
        "text": STRING, "final": {"type": "boolean", "default": True}, "time": TIME, "speaker": {"type": "string", "default": "user"},
        "session": STRING, "id": REQUEST_ID}),
    "assistant_turn": message("assistant_turn", "What the assistant said; kept as the assistant's turn, answered with noted.", ["text"], {
        "text": {"type": "string", "minLength": 1}, "time": TIME, "session": STRING, "id": REQUEST_ID}),
    "playback_start": message("playback_start", "The assistant started speaking: speech now is a barge-in.", [], {}),
    "playback_stop": message("playback_stop", "The assistant stopped speaking.", [], {}),
    "audio": message("audio", "Microphone audio from a host that owns it: base64 of S16_LE mono 16 kHz, at most 10 s.", ["data"], {
        "data": {"type": "string", "contentEncoding": "base64"}, "sampleRate": {"const": 16000}}),
    "forget": message("forget", "Removes turns whose text contains text, and turns by id; at least one is needed.", [], {
        "text": STRING, "ids": array(INTEGER), "id": REQUEST_ID}),
    "recall": message("recall", "Asks memory a question.", ["query"], {
        "query": {"type": "string", "minLength": 1}, "limit": {"type": "integer", "minimum": 1, "maximum": 100, "default": 5},
        "speaker": {"type": "string", "default": "user"}, "time": TIME, "id": REQUEST_ID}),
    "followups": message("followups", "Asks which remembered events are due to be asked about.", [], {"time": TIME, "id": REQUEST_ID}),
    "set": dict(message("set", "Changes a person's intensity and standing preferences, as their own words would; saved in their model. "
                        "Needs intensity or preferences.", [], {
        "speaker": {"type": "string", "minLength": 1, "default": "user", "not": {"pattern": "^[Aa][Ss][Ss][Ii][Ss][Tt][Aa][Nn][Tt]$"}},
        "intensity": {"enum": ["reduced", "normal"]},
        "preferences": {"type": "object", "minProperties": 1, "additionalProperties": False,
                        "properties": {name: BOOLEAN for name in ["brevity", "detail", "no_small_talk", "less_personal"]}},
        "id": REQUEST_ID}), anyOf=[{"required": ["intensity"]}, {"required": ["preferences"]}]),
    "stats": message("stats", "Asks for latency, audio and memory figures.", [], {"id": REQUEST_ID}),
    "shutdown": message("shutdown", "Stops the service (drain, checkpoint, exit 0).", [], {"id": REQUEST_ID}),
}

TURN_EVENT_FIELDS = {
    "t": NUMBER, "speechStartT": NUMBER, "speechEndT": NUMBER, "latencyMs": INTEGER, "p": NUMBER, "cues": array(STRING),
    "suggestedDelayMs": INTEGER, "endOfInput": BOOLEAN, "afterEndOfTurnT": NUMBER}


def turn_event(type_name, description, required):
    return message(type_name, description, ["t", *required], {key: TURN_EVENT_FIELDS[key] for key in ["t", *required]}
                   | ({"endOfInput": BOOLEAN} if type_name == "end_of_turn" else {}), extra=False)


SERVICE = {
    "hello": message("hello", "The version agreed on, and what this service offers.", ["version", "versions", "server", "capture", "memory"], {
        "version": INTEGER, "versions": array(INTEGER), "server": STRING, "capture": BOOLEAN, "memory": BOOLEAN, "id": REQUEST_ID}),
    "speech_start": turn_event("speech_start", "The person started speaking.", ["speechStartT"]),
    "pause": turn_event("pause", "Speech stopped and the pause has lasted long enough to count.", ["speechEndT"]),
    "end_of_turn": turn_event("end_of_turn", "The person has most likely finished.", ["speechEndT", "latencyMs", "p", "cues", "suggestedDelayMs"]),
    "turn_resumed": turn_event("turn_resumed", "The person went on after an end of turn.", ["afterEndOfTurnT"]),
    "barge_in": turn_event("barge_in", "The person spoke while the assistant was speaking.", []),
    "backchannel_opportunity": turn_event("backchannel_opportunity", "A short mid-turn pause where a listener would say mhm.", ["speechEndT", "cues"]),
    "context": message("context", "The rapport context for the reply to a final user transcript (its schema: docs/rapport/context.schema.json), "
                       "and the same as a prompt block.", ["context", "prompt"], {
        "context": {"type": "object", "required": ["version", "time", "session", "speaker", "flags", "guidance"]},
        "prompt": STRING, "id": REQUEST_ID}),
    "handoff": message("handoff", "A turn raised a hand-off: point the person to human help now. Sent to every host.",
                       ["time", "speaker", "session", "handoff"], {
        "time": TIME, "speaker": STRING, "session": STRING,
        "handoff": obj(["raised", "resources", "signals"], {
            "raised": {"const": True}, "reason": STRING,
            "resources": array(obj(["kind", "name", "contact"], {"kind": STRING, "name": STRING, "contact": STRING})),
            "signals": array(obj(["source", "text"], {"source": STRING, "text": STRING}))})}),
    "noted": message("noted", "An assistant turn (or a transcript whose speaker is \"assistant\") was committed to memory.", ["time"], {
        "time": TIME, "id": REQUEST_ID}),
    "recall": message("recall", "The answer to recall.", ["answer"], {"answer": RECALL_ANSWER, "id": REQUEST_ID}),
    "followups": message("followups", "The answer to followups.", ["answer"], {"answer": FOLLOWUPS_ANSWER, "id": REQUEST_ID}),
    "forgotten": message("forgotten", "What a forget removed.", ["forgot"], {"forgot": array(FORGOTTEN_ITEM), "id": REQUEST_ID}),
    "set": message("set", "The answer to set: the changes saved; the person's next context lists them first in adjustments "
                   "and follows them in its guidance.", ["speaker", "adjustments"], {
        "speaker": STRING,
        "adjustments": {"type": "array", "minItems": 1, "items": obj(["field", "value", "cause"], {
            "field": STRING, "value": STRING, "cause": obj(["source", "text"], {"source": {"const": "preference"}, "text": STRING})})},
        "id": REQUEST_ID}),
    "stats": message("stats", "Per-stage latency, the audio path, memory against the budget.", ["uptimeSec", "clients", "stages", "audio", "memory"], {
        "uptimeSec": NUMBER, "clients": INTEGER, "stages": array(STAGE),
        "audio": obj(["source", "seconds", "xruns"], {"source": STRING, "seconds": NUMBER, "xruns": INTEGER}),
        "memory": obj(["budgetBytes", "chargedBytes", "consumers"], {
            "budgetBytes": INTEGER, "chargedBytes": INTEGER, "residentBytes": INTEGER, "memories": INTEGER,
            "consumers": array(obj(["name", "bytes"], {"name": STRING, "bytes": INTEGER}))}),
        "id": REQUEST_ID}),
    "error": message("error", "A line was not acted on; the connection stays open.", ["code", "message"], {
        "code": {"enum": ["malformed", "line_too_long", "unknown_type", "bad_field", "unsupported_version", "failed"]},
        "message": STRING, "line": {"type": "integer", "minimum": 1}, "field": STRING, "id": REQUEST_ID}),
    "goodbye": message("goodbye", "The service is stopping; nothing follows.", ["reason"], {"reason": STRING, "id": REQUEST_ID}),
}


def main():
    directory = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "..", "..", "docs", "protocol")
    os.makedirs(directory, exist_ok=True)
    for direction, schemas in (("host", HOST), ("service", SERVICE)):
        for name, schema in schemas.items():
            document = {"$schema": "https://json-schema.org/draft/2020-12/schema",
                        "$id": "https://attune.local/protocol/v1/%s.%s.schema.json" % (direction, name),
                        "title": "%s → %s: %s (protocol v1)" % ("host" if direction == "host" else "Attune",
                                                                 "Attune" if direction == "host" else "host", name), **schema}
            with open(os.path.join(directory, "%s.%s.schema.json" % (direction, name)), "w") as out:
                json.dump(document, out, indent=2, ensure_ascii=False)
                out.write("\n")


if __name__ == "__main__":
    main()
