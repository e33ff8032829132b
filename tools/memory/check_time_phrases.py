#!/usr/bin/env python3
"""Recomputes, independently of Attune's Swift resolver, the date arithmetic that
Tests/Data/memory/time-phrases.tsv claims, using Python's zoneinfo (tzdata) and dateutil.

Each row's last column names the rule its first expected interval follows (docs/MEMORY.md, "Times"):
  d:N                 the reference's local date + N days
  nextwd:X / prevwd:X the first weekday X strictly after / before the reference's local date
  thiswd:X            the first weekday X on or after it
  weekwd:K:X          weekday X of the Monday-based week K weeks from the reference's
  wdweek:X / wdfortnight:X   nextwd:X + 7 / + 14 days
  week:K / weekend:K  Monday..Sunday / Saturday..Sunday of the week K weeks on
  month:K / year:K    the calendar month / year K on
  months:K            the same day K months on (clamped to the month's end)
  dm:D-M:future|past  the first D/M on or after (or last on or before) the reference's date
  dom:D:future|past   the first (or last) day-of-month D on or after (before) it
  utc:LOCAL           the local wall time LOCAL in the row's zone, as an instant by the DST rule
                      (a skipped time takes the offset before the jump, a repeated one the first
                      occurrence: zoneinfo's fold=0), must be the interval's stated UTC start
  -                   nothing to recompute (negatives, explicit dates, parts of months)
Prints one line per disagreement and exits 1 if there is any.

  python3 tools/memory/check_time_phrases.py [Tests/Data/memory/time-phrases.tsv]
"""
import datetime as dt
import sys
from zoneinfo import ZoneInfo

from dateutil.relativedelta import relativedelta, MO, TU, WE, TH, FR, SA, SU

WEEKDAYS = {"mon": MO, "tue": TU, "wed": WE, "thu": TH, "fri": FR, "sat": SA, "sun": SU}
INDEX = {"mon": 0, "tue": 1, "wed": 2, "thu": 3, "fri": 4, "sat": 5, "sun": 6}


def expected_first(expected):
    """(first local date, last local date inclusive or None) of the first expected interval."""
    first = expected.split(" | ")[0]
    if ".." in first and "T" not in first:
        a, b = first.split("..")
        return parse_day(a), parse_day(b)
    if "T" in first:
        return dt.date.fromisoformat(first[:10]), None
    return parse_day(first), None


def parse_day(text):
    if len(text) == 4:
        return dt.date(int(text), 1, 1)
    if len(text) == 7:
        return dt.date(int(text[:4]), int(text[5:7]), 1)
    return dt.date.fromisoformat(text)


def recompute(rule, today):
    """(first date, last date inclusive or None) the rule gives."""
    name, _, argument = rule.partition(":")
    monday = today - dt.timedelta(days=today.weekday())
    if name == "d":
        return today + dt.timedelta(days=int(argument)), None
    if name == "nextwd":
        return today + relativedelta(days=+1, weekday=WEEKDAYS[argument](+1)), None
    if name == "prevwd":
        return today + relativedelta(days=-1, weekday=WEEKDAYS[argument](-1)), None
    if name == "thiswd":
        return today + relativedelta(weekday=WEEKDAYS[argument](+1)), None
    if name == "weekwd":
        weeks, day = argument.split(":")
        return monday + dt.timedelta(days=7 * int(weeks) + INDEX[day]), None
    if name in ("wdweek", "wdfortnight"):
        coming = today + relativedelta(days=+1, weekday=WEEKDAYS[argument](+1))
        return coming + dt.timedelta(days=7 if name == "wdweek" else 14), None
    if name == "week":
        start = monday + dt.timedelta(days=7 * int(argument))
        return start, start + dt.timedelta(days=6)
    if name == "weekend":
        start = monday + dt.timedelta(days=5 + 7 * int(argument))
        return start, start + dt.timedelta(days=1)
    if name == "month":
        return today.replace(day=1) + relativedelta(months=int(argument)), None
    if name == "months":
        return today + relativedelta(months=int(argument)), None
    if name == "year":
        return dt.date(today.year + int(argument), 1, 1), None
    if name == "dm":
        day_month, direction = argument.rsplit(":", 1)
        day, month = (int(x) for x in day_month.split("-"))
        step = 1 if direction == "future" else -1
        for offset in range(0, 9):
            year = today.year + step * offset
            try:
                candidate = dt.date(year, month, day)
            except ValueError:
                continue
            if (candidate >= today) if step > 0 else (candidate <= today):
                return candidate, None
        raise ValueError(f"no date for {rule}")
    if name == "dom":
        day, direction = argument.split(":")
        step = 1 if direction == "future" else -1
        first_of_month = today.replace(day=1)
        for offset in range(0, 13):
            month_start = first_of_month + relativedelta(months=step * offset)
            try:
                candidate = month_start.replace(day=int(day))
            except ValueError:
                continue
            if (candidate >= today) if step > 0 else (candidate <= today):
                return candidate, None
        raise ValueError(f"no date for {rule}")
    raise ValueError(f"unknown rule {rule}")


def main():
    path = sys.argv[1] if len(sys.argv) > 1 else "Tests/Data/memory/time-phrases.tsv"
    problems = 0
    checked = 0
    rows = 0
    for number, line in enumerate(open(path, encoding="utf-8"), start=1):
        line = line.rstrip("\n")
        if not line or line.startswith("#"):
            continue
        rows += 1
        sentence, reference, zone_name, _, expected, rule = line.split("\t")
        if rule == "-" or expected == "none":
            continue
        zone = ZoneInfo(zone_name)
        instant = dt.datetime.fromisoformat(reference.replace("Z", "+00:00"))
        today = instant.astimezone(zone).date()
        if rule.startswith("utc:"):
            local = dt.datetime.fromisoformat(rule[4:]).replace(tzinfo=zone, fold=0)
            claimed = dt.datetime.fromisoformat(expected.split("..")[0].replace("Z", "+00:00"))
            checked += 1
            if local.astimezone(dt.timezone.utc) != claimed:
                problems += 1
                print(f"line {number}: {sentence!r}: {rule[4:]} local is {local.astimezone(dt.timezone.utc)}, file says {claimed}")
            continue
        checked += 1
        want_first, want_last = recompute(rule, today)
        got_first, got_last = expected_first(expected)
        if got_first != want_first or (want_last is not None and got_last != want_last):
            problems += 1
            print(f"line {number}: {sentence!r} ({rule}, today {today} {today:%a}): file says {got_first}..{got_last}, rule gives {want_first}..{want_last}")
    print(f"{rows} rows, {checked} recomputed, {problems} disagreements")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
