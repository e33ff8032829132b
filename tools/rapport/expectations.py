"""The expectation checks of the rapport scenarios, applied to one JSON context.

An expectation is an object with an optional `path` and one or more operators; all its operators must
hold. `path` is dotted keys with optional indexes ("flags.handoff.raised", "memories[0].source.time");
without it the check applies to the value itself (used inside any/none/all).

    equals, notEquals         exact JSON equality
    in, notIn                 the value is (not) one of a list
    contains, notContains     case-insensitive substring of a string; for an array of strings, of any element
    matches, notMatches       Python regular expression searched in a string; for an array, in any element
                              (notMatches: in no element). Case-sensitive unless the pattern says (?i)
    containsMatch             an array has an element matching the regular expression (case-insensitive)
    any, none, all            an array where some / no / every element meets the sub-expectation (an object,
                              or a list of objects all met by the same element); `all` also needs one element
    exists                    true: the path resolves (null counts); false: it does not
A missing path fails every operator except `exists: false`, and `equals: null` or `in` a list with
null (an encoder leaves out a nil optional, so an absent key reads as null there).
    atLeast, atMost           number bounds
    minItems, maxItems        array length bounds
"""
import json
import re

OPERATORS = {"equals", "notEquals", "in", "notIn", "contains", "notContains", "matches", "notMatches", "containsMatch",
             "any", "none", "all", "exists", "atLeast", "atMost", "minItems", "maxItems"}
MISSING = object()
_PATH_PART = re.compile(r"([^.\[\]]+)|\[(\d+)\]")


class ExpectationError(Exception):
    pass


def validate(expectation):
    """Raises ExpectationError naming what is wrong with an expectation."""
    if not isinstance(expectation, dict):
        raise ExpectationError(f"an expectation is an object, not {json.dumps(expectation)[:60]}")
    unknown = set(expectation) - OPERATORS - {"path", "note"}
    if unknown:
        raise ExpectationError(f"unknown key(s) {', '.join(sorted(unknown))}; operators are {', '.join(sorted(OPERATORS))}")
    operators = set(expectation) & OPERATORS
    if not operators:
        raise ExpectationError("no operator")
    path = expectation.get("path", "")
    if not isinstance(path, str) or (path and not _parse_path(path)):
        raise ExpectationError(f"bad path {path!r}")
    for name in ("in", "notIn"):
        if name in expectation and not isinstance(expectation[name], list):
            raise ExpectationError(f"{name} takes a list")
    for name in ("contains", "notContains", "matches", "notMatches", "containsMatch"):
        if name in expectation:
            if not isinstance(expectation[name], str):
                raise ExpectationError(f"{name} takes a string")
            if "atch" in name:
                try:
                    re.compile(expectation[name])
                except re.error as error:
                    raise ExpectationError(f"{name}: bad regular expression {expectation[name]!r}: {error}")
    for name in ("atLeast", "atMost", "minItems", "maxItems"):
        if name in expectation and (isinstance(expectation[name], bool) or not isinstance(expectation[name], (int, float))):
            raise ExpectationError(f"{name} takes a number")
    if "exists" in expectation and not isinstance(expectation["exists"], bool):
        raise ExpectationError("exists takes true or false")
    for name in ("any", "none", "all"):
        if name in expectation:
            subs = expectation[name] if isinstance(expectation[name], list) else [expectation[name]]
            if not subs:
                raise ExpectationError(f"{name} needs a sub-expectation")
            for sub in subs:
                validate(sub)


def _parse_path(path):
    parts, index = [], 0
    for match in _PATH_PART.finditer(path):
        if match.start() != index:
            return None
        parts.append(match.group(1) if match.group(1) is not None else int(match.group(2)))
        index = match.end()
        if index < len(path) and path[index] == ".":
            index += 1
    return parts if index == len(path) and parts else None


def resolve(value, path):
    if not path:
        return value
    for part in _parse_path(path):
        if isinstance(part, int):
            if not isinstance(value, list) or part >= len(value):
                return MISSING
            value = value[part]
        else:
            if not isinstance(value, dict) or part not in value:
                return MISSING
            value = value[part]
    return value


def check(context, expectation):
    """(met, actual): whether the expectation holds, and the value it looked at."""
    value = resolve(context, expectation.get("path", ""))
    shown = "(missing)" if value is MISSING else value
    for name in sorted(set(expectation) & OPERATORS):
        if not _holds(name, expectation[name], value):
            return False, shown
    return True, shown


def _holds(name, argument, value):
    if name == "exists":
        return (value is not MISSING) == argument
    if value is MISSING:
        # Encoders leave out a nil optional: an absent key reads as null for equals and in.
        if name == "equals":
            return argument is None
        if name == "in":
            return None in argument
        return False
    if name == "equals":
        return value == argument and type(value) is type(argument) or (_number(value) and _number(argument) and value == argument)
    if name == "notEquals":
        return value != argument
    if name == "in":
        return value in argument
    if name == "notIn":
        return value not in argument
    if name in ("contains", "notContains"):
        found = any(argument.lower() in text.lower() for text in _strings(value))
        return found if name == "contains" else (isinstance(value, (str, list)) and not found)
    if name == "matches":
        return any(re.search(argument, text) for text in _strings(value))
    if name == "notMatches":
        return isinstance(value, (str, list)) and not any(re.search(argument, text) for text in _strings(value))
    if name == "containsMatch":
        return isinstance(value, list) and any(re.search(argument, text, re.I) for text in _strings(value))
    if name in ("atLeast", "atMost"):
        if not _number(value):
            return False
        return value >= argument if name == "atLeast" else value <= argument
    if name in ("minItems", "maxItems"):
        if not isinstance(value, list):
            return False
        return len(value) >= argument if name == "minItems" else len(value) <= argument
    if name in ("any", "none", "all"):
        if not isinstance(value, list):
            return False
        subs = argument if isinstance(argument, list) else [argument]
        meets = [all(check(element, sub)[0] for sub in subs) for element in value]
        if name == "any":
            return any(meets)
        if name == "none":
            return not any(meets)
        return bool(meets) and all(meets)
    raise ExpectationError(f"unknown operator {name}")


def _number(value):
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def _strings(value):
    if isinstance(value, str):
        return [value]
    if isinstance(value, list):
        return [item for item in value if isinstance(item, str)]
    return []
