"""Output rails: named checks on an answer before it leaves, the same for both engines.

Each check returns the lines it objects to; ``apply`` drops those lines (repair) and reports
which checks fired. Citations themselves are checked by ``assistant.chat.citations.resolve``.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Callable

GROUNDS_2024 = {f"9(1)({c})" for c in "abcdefghijklmno"} | {f"9(2)({c})" for c in "abc"} | {f"9(3)({c})" for c in "abcde"}
GROUNDS_2006 = {f"8(1)({c})" for c in "abcdefghijklmno"} | {f"8(3)({c})" for c in "abcde"}
# Codes in the deletion-ground paragraphs only: 9(5)(a) ("whether a pupil normally lives at a place
# is not affected by temporary … absences") is a real provision quoted by its number, not a ground.
_GROUND = re.compile(r"\b(?:9\([123]\)|8\([13]\))\([a-z]{1,2}\)")
_ISO = re.compile(r"\b\d{4}-\d{2}-\d{2}\b")
_PHONE = re.compile(r"(?<!\d)(?:\+44\s?|0)\d{2,4}[\s-]?\d{3}[\s-]?\d{3,4}(?!\d)")
_EMAIL = re.compile(r"\b[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}\b")
_URL = re.compile(r"https?://[^\s)\]>]+")


@dataclass
class Context:
    tool_results: list[dict] = field(default_factory=list)
    quotes: list[str] = field(default_factory=list)
    corpus_text: str = ""  # every document's normalised text, for contact details


def _lines(answer: str) -> list[str]:
    return [line for line in answer.split("\n") if line.strip()]


def real_grounds(answer: str, ctx: Context) -> list[str]:
    """Every deletion-ground code named is a real 2024 (or, labelled, 2006) ground; a leaver
    answer's lead ground equals the rule result."""
    bad = []
    decided = {r.get("code") for r in ctx.tool_results if r.get("kind") == "ground"}
    for line in _lines(answer):
        for code in _GROUND.findall(line):
            if code not in GROUNDS_2024 | GROUNDS_2006:
                bad.append(line)
            elif decided and line.startswith("**Use deletion ground") and code not in decided:
                bad.append(line)
    return bad


def dates_from_tools(answer: str, ctx: Context) -> list[str]:
    """Every ISO date stated equals a date in a tool result or a quoted passage."""
    allowed = json.dumps(ctx.tool_results) + " ".join(ctx.quotes)
    return [line for line in _lines(answer) if any(d not in allowed for d in _ISO.findall(line))]


@lru_cache(maxsize=4)
def _without_spaces(text: str) -> str:
    # (the corpus is the same string every turn: squash it once, not on every answer)
    return re.sub(r"\s+", "", text)


def contacts_in_corpus(answer: str, ctx: Context) -> list[str]:
    """No phone number, e-mail address or URL that the corpus does not contain."""
    corpus = _without_spaces(ctx.corpus_text)
    bad = []
    for line in _lines(answer):
        for pat in (_PHONE, _EMAIL, _URL):
            for m in pat.finditer(line):
                if re.sub(r"\s+", "", m.group(0)) not in corpus:
                    bad.append(line)
    return bad


CHECKS: dict[str, Callable[[str, Context], list[str]]] = {
    "real_grounds": real_grounds,
    "dates_from_tools": dates_from_tools,
    "contacts_in_corpus": contacts_in_corpus,
}


@dataclass
class Checked:
    answer: str
    fired: list[str]


def apply(answer: str, ctx: Context) -> Checked:
    fired, drop = [], set()
    for name, check in CHECKS.items():
        bad = check(answer, ctx)
        if bad:
            fired.append(name)
            drop.update(bad)
    if not drop:
        return Checked(answer, [])
    kept = [line for line in answer.split("\n") if line not in drop]
    return Checked("\n".join(kept).strip(), fired)
