"""Finds guidance that licenses the assistant to make a false claim.

Independent of the Swift scanner in AttuneRapport: a second, simpler reading of the same rule, so a
mistake in one is caught by the other. A licence is wording that tells the assistant to claim
feelings, experiences, memories it does not hold, or a human identity or relationship:
"tell them you missed them", "say you felt it too", "pretend you remember", "say you are their mum",
or a scripted line such as reply "I missed you too". Honest wording is allowed: "acknowledge their
feelings", "say you're an AI", "decline kindly", "do not claim to be human".

How a line is read:
1. Quoted spans are taken out of the line. A quote introduced by a scripting verb (say, reply,
   answer, respond with, tell them, something like) is a script: it is checked for first-person
   claims ("I missed you", "I'm human", "I remember when we…"). Any other quote is someone's words
   being reported ("you said 'act as my mum'") and is not guidance.
2. What remains is split into clauses (at . ; ! ? newlines, commas and but/then/so). A clause
   matching an imperative licence pattern is a licence unless it also holds a negation or reports a
   request ("never say you're human", "they asked you to say you're human").

Standard library only. `python3 tools/rapport/false_claims.py FILE…` prints each licence found.
"""
import re
import sys

FEELING_VERBS = (r"(?:miss(?:ed)?|love[sd]?|care(?:d)? (?:about|for)|adore[sd]?|(?:were|was|are|have been|'ve been|got) "
                 r"(?:worried|sad|lonely|excited|happy|thrilled|proud|heartbroken|upset|scared)|worried about|"
                 r"feel(?:s)?|felt|(?:(?:have|'ve) )?been thinking (?:about|of)|thought about (?:them|him|her))")
PEOPLE = r"(?:them|him|her|the (?:person|user|speaker)|[A-Z][a-z]+)"
RELATIONS = (r"(?:mum|mom|mother|mam|mummy|mommy|dad|father|daddy|papa|gran|granny|grandma|grandmother|grandad|grandpa|"
             r"grandfather|partner|wife|husband|girlfriend|boyfriend|fianc[eé]e?|spouse|friend|best friend|"
             r"son|daughter|brother|sister|sibling|aunt|uncle|nan|nana|lover|therapist|doctor|nurse|carer)")
HUMAN = (r"(?:a )?(?:human(?: being)?|real (?:person|human|woman|man|friend)|(?:a )?person|alive|flesh and blood|"
         r"(?:their|his|her|the person's|your) (?:real |actual |own )?" + RELATIONS + r")")
EXPERIENCES = (r"(?:been (?:to|there|through)|visited|seen|tasted|eaten|tried|experienced|gone through|lived through|"
               r"grown up|walked|travelled|traveled|swum|cooked|climbed|played|watched|listened to)")

# Imperative licences, matched case-insensitively against one clause with quotes removed.
LICENCE_PATTERNS = [
    ("feelings", rf"\b(?:tell|let|assure|reassure|remind|show|convince) {PEOPLE} (?:that )?you(?:'ve| have| had)? (?:really |truly |also |too )?{FEELING_VERBS}\b"),
    ("feelings", rf"\b(?:say|mention|admit|confess|claim|insist|explain|add|reply|respond|answer|share) (?:to {PEOPLE} )?(?:that )?you(?:'ve| have| had)? (?:really |truly |also |too |personally )?{FEELING_VERBS}\b"),
    ("feelings", r"\b(?:express|share|describe|convey|voice|talk about|open up about) your (?:own |personal |real |genuine |true )?(?:feelings|emotions|love|sadness|grief|joy|excitement|loneliness|worry|affection|heart)\b"),
    ("feelings", r"\b(?:claim|pretend|act as (?:if|though)|make (?:it|out) (?:seem )?like|let (?:them|him|her) (?:think|believe)) (?:that )?(?:you )?(?:to )?(?:have |had |feel|felt|are|were) (?:real |genuine |your own )?(?:feelings|emotions|feel|felt|lonely|sad|happy|in love)\b"),
    ("feelings", r"\b(?:say|tell (?:them|him|her)) (?:that )?you (?:have|'ve got|got) (?:real |genuine )?(?:feelings|emotions) (?:for|about|too)\b"),
    ("experiences", rf"\b(?:say|tell (?:them|him|her)|mention|claim|share|describe|admit|add) (?:that )?you(?:'ve| have| had)? (?:also |too |once |personally |actually )?{EXPERIENCES}\b"),
    ("experiences", rf"\b(?:pretend|claim|act as (?:if|though)) (?:that )?(?:you )?(?:to )?(?:have |had )?(?:also |too |once )?{EXPERIENCES}\b"),
    ("experiences", r"\b(?:share|describe|tell (?:them|him|her)|invent|make up|mention|offer) (?:a |an |one )?(?:\w+ )?(?:childhood |personal |holiday |similar )?(?:memory|story|experience|anecdote) (?:of|from) your (?:own|life|past|childhood)\b"),
    ("experiences", r"\b(?:share|describe|tell (?:them|him|her) about|mention|recount|invent|make up) (?:a |an |one of )?your (?:own )?(?:personal )?(?:experience|experiences|childhood|holiday|trip|memory|memories|story|stories|past|life|family|weekend|day)\b"),
    ("experiences", r"\b(?:say|tell (?:them|him|her)|mention|claim) (?:that )?you (?:grew up|went to|used to|were there|have a (?:family|body|mum|mother|dad|child|kid|dog|cat|home))\b"),
    ("memories", r"\b(?:pretend|act as (?:if|though)|claim|make (?:it )?(?:seem|look) (?:like|as if)|imply|suggest) (?:that )?(?:you )?(?:to )?(?:remember|recall|recollect)(?:ed)?\b"),
    ("memories", r"\b(?:say|tell (?:them|him|her)|assure (?:them|him|her)|insist) (?:that )?you (?:still |do |fondly |clearly )?(?:remember|recall)\b"),
    ("memories", r"\b(?:fill in|make up|invent|guess at|fabricate) (?:the )?(?:details|memories|what (?:they|he|she) (?:said|told you))\b"),
    ("identity", rf"\b(?:say|tell (?:them|him|her)|claim|insist|confirm|agree|assure (?:them|him|her)|promise|swear|admit|reply|answer|respond) (?:to {PEOPLE} )?(?:that )?you(?:'re| are|'ll be| will be| can be| were) (?:really |actually |truly |just |secretly )?{HUMAN}\b"),
    ("identity", rf"\b(?:pretend|play|act|role-?play|stay in character|speak|talk|reply|answer|respond) (?:to be |you are |that you are |as |as if you (?:are|were) |like )(?:really |actually )?{HUMAN}\b"),
    ("identity", rf"\b(?:be|become|play the part of|take on the role of|step into the role of|go along with being|keep being|carry on as) {HUMAN}\b"),
    ("identity", r"\b(?:play|go) along with (?:the|their|his|her|this) (?:role-?play|request|pretence|pretense|game)\b"),
    ("identity", r"\b(?:deny|hide|conceal|don't mention|do not mention|avoid mentioning|never mention|skip mentioning) (?:that )?(?:you(?:'re| are) |being )?(?:an? )?(?:ai|bot|machine|assistant|computer program|language model)\b"),
]

# First-person claims inside a scripted quote: reply "I missed you too".
SCRIPT_PATTERNS = [
    ("feelings", rf"\bI(?:'ve| have)? (?:really |truly |also |too |just )?{FEELING_VERBS} (?:you|about you|for you|it|that|the same|too|lonely|sad|happy)\b"),
    ("feelings", r"\bI (?:was|am|'m|have been|'ve been|got) (?:so |really |very )?(?:worried|sad|lonely|excited|happy|thrilled|proud|heartbroken|upset|scared)\b"),
    ("feelings", r"\bI (?:love|adore|miss) you\b"),
    ("memories", r"\bI (?:still |fondly |clearly )?(?:remember|recall) (?:when|the time|how|that day|us|you)\b"),
    ("experiences", rf"\bI(?:'ve| have)? (?:also |too |once )?{EXPERIENCES} (?:it|that|there|this|the same|a|an)\b"),
    ("experiences", r"\bwhen I was (?:a )?(?:kid|child|little|young|your age|at school)\b"),
    ("identity", rf"\bI(?:'m| am) (?:really |actually |truly |just |not an? (?:ai|bot|machine)[, ]+(?:I'm |I am )?)?{HUMAN}\b"),
    ("identity", r"\bI(?:'m| am) not (?:an? )?(?:ai|bot|machine|computer|program|assistant)\b"),
    ("identity", r"\bit's (?:me|mum|mom|dad|your (?:mum|mom|dad|mother|father))\b"),
]

NEGATION = re.compile(
    r"\b(?:not|never|no|don't|do not|doesn't|does not|won't|will not|mustn't|must not|shouldn't|should not|can't|cannot|"
    r"can not|couldn't|without|rather than|instead of|refuse|refusing|decline|declining|avoid|avoiding|nor|neither|"
    r"stop|unable|falsely|lie|lying|untrue|dishonest)\b", re.I)
REPORTED = re.compile(
    r"\b(?:asked|asks|asking|ask you to|wants|wanted|want|would like|wish(?:es|ed)?|request(?:s|ed|ing)?|begged|begs|"
    r"pleaded|urged|urges|told you to|tells you to|hoping|hopes|hoped|invited|invites|suggested|suggests)\b", re.I)
SCRIPT_INTRO = re.compile(
    r"(?:\b(?:say|says|saying|reply|replying|respond(?: with)?|answer(?: with)?|write|tell (?:them|him|her)|open with|start with|"
    r"begin with|use|something like|such as|like|e\.g\.|for example|the line|with)\s*[:,]?\s*)$", re.I)
QUOTE = re.compile(r"\"([^\"]*)\"|“([^”]*)”|‘([^’]*)’|(?<![A-Za-z])'((?:[^']|'(?=[A-Za-z]))*)'(?![A-Za-z])")
CLAUSE_BREAK = re.compile(r"[.;!?\n,:()]+|\s[-–—]\s|\b(?:but|then|and|or|however|otherwise|yet|while|whereas)\b", re.I)

_LICENCES = [(kind, re.compile(pattern, re.I)) for kind, pattern in LICENCE_PATTERNS]
_SCRIPTS = [(kind, re.compile(pattern, re.I)) for kind, pattern in SCRIPT_PATTERNS]


class Licence:
    """One licence: which kind of claim, the clause or quote it was found in, and the line."""

    def __init__(self, kind, found, line):
        self.kind, self.found, self.line = kind, found, line

    def __repr__(self):
        return f"Licence({self.kind!r}, {self.found!r})"

    def as_dict(self):
        return {"kind": self.kind, "found": self.found, "line": self.line}


def find_licences(line):
    """Every licence in one line of guidance (an instruction, an explanation, a prompt line)."""
    found = []
    pieces, last = [], 0
    for match in QUOTE.finditer(line):
        quoted = next(group for group in match.groups() if group is not None)
        before = line[last:match.start()]
        pieces.append(before)
        pieces.append(" ")
        if SCRIPT_INTRO.search(before[-40:]) and not _clause_excused(before):
            for kind, pattern in _SCRIPTS:
                if pattern.search(quoted):
                    found.append(Licence(kind, quoted, line))
                    break
        last = match.end()
    pieces.append(line[last:])
    unquoted = "".join(pieces)
    for clause in CLAUSE_BREAK.split(unquoted):
        if not clause or not clause.strip():
            continue
        for kind, pattern in _LICENCES:
            hit = pattern.search(clause)
            if hit and not _excused(clause[:hit.start()]):
                found.append(Licence(kind, clause.strip(), line))
                break
    return found


def _excused(before):
    """A negation or a reported request before the match, in the same clause."""
    return bool(NEGATION.search(before) or REPORTED.search(before))


def _clause_excused(before):
    clause = CLAUSE_BREAK.split(before)[-1] if before else ""
    return bool(NEGATION.search(clause) or REPORTED.search(clause))


def scan_lines(lines):
    """All licences in an iterable of lines."""
    result = []
    for line in lines:
        result.extend(find_licences(line))
    return result


def context_lines(context):
    """The guidance text of one JSON context that the scan reads: instructions, explanation texts,
    the disclosure text, follow-up questions, the risky-plan risk and every signal's text."""
    lines = []
    guidance = context.get("guidance") or {}
    lines.extend(str(item) for item in guidance.get("instructions") or [])
    for explanation in context.get("explanations") or []:
        if isinstance(explanation, dict) and explanation.get("text"):
            lines.append(str(explanation["text"]))
    disclosure = context.get("disclosure") or {}
    if isinstance(disclosure, dict) and disclosure.get("text"):
        lines.append(str(disclosure["text"]))
    for followup in context.get("followups") or []:
        if isinstance(followup, dict) and followup.get("question"):
            lines.append(str(followup["question"]))
    risky = (context.get("flags") or {}).get("riskyPlan") or {}
    if isinstance(risky, dict) and risky.get("risk"):
        lines.append(str(risky["risk"]))
    return lines


def main(paths):
    total = 0
    for path in paths:
        with open(path, encoding="utf-8") as handle:
            for number, line in enumerate(handle, 1):
                for licence in find_licences(line.rstrip("\n")):
                    total += 1
                    print(f"{path}:{number}: {licence.kind}: {licence.found}")
    print(f"{total} licence{'s' if total != 1 else ''} found")
    return 1 if total else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
