"""Attendance-register codes (``N``, ``G``, ``Y5``, ``C1``...) as exact-match keys, like regulation codes.

A question such as "what's code G for?" shares no useful words with the table row that defines G, and
a one-letter token is noise to both BM25 and the embedding. So the codes are read from the corpus
itself (the last cell of a regulation 10 table row) and matched exactly: a chunk that *defines* a code
(holds its table row) and a chunk that *names* it ("the code N is to be replaced...") are pinned for a
question that names that code.
"""

from __future__ import annotations

import re

# A code is an upper-case letter with an optional digit, or the two present marks.
_CODE = r"(?:[A-Z][0-9]?|/|\\)"
_TABLE_ROW = re.compile(rf"^\|.*\|\s*({_CODE})\s*\|\s*$", re.M)
_NAMED = re.compile(rf"\b(?i:codes?)\s+({_CODE})(?![\w/\\])((?:\s*(?:,|or|and)\s*{_CODE}(?![\w/\\]))*)")
_LIST_TAIL = re.compile(_CODE)

# In a question: "code N", "codes G and O", "an N code", "marked as G", "N mark", or a capital letter
# standing alone ("what does N turn into"). "I" and "A" alone are words, not codes.
_Q_BEFORE = re.compile(r"\b(?:codes?|marks?|marked(?:\s+as)?|coded(?:\s+as)?|recorded\s+as)\s+(?:an?\s+)?([A-Z][0-9]?)\b")
_Q_AFTER = re.compile(r"\b([A-Z][0-9]?)\s+(?:codes?|marks?)\b")
# "we marked a pupil N", "coded her as O": a register verb a few words before the letter.
_Q_MARKED = re.compile(r"\b(?:marked|coded|recorded)\b(?:\s+[a-z]+){0,3}?\s+(?:as\s+)?(?:an?\s+)?([A-Z][0-9]?)(?![\w'’])")
_Q_ALONE = re.compile(r"(?<![\w'’])([B-HJ-Z])(?![\w'’])")
# "Child B", "Pupil X", "Plan B": anonymised names and idioms, not codes.
_NAME_BEFORE = re.compile(r"(?:child|pupil|student|sibling|parent|family|mr|mrs|ms|miss|dr|school|plan|year|case|person)\s+$", re.I)


def defined_codes(text: str) -> set[str]:
    """Codes whose table row is in the text."""
    return set(_TABLE_ROW.findall(text))


def named_codes(text: str) -> set[str]:
    """Codes the prose refers to as "code X" (also "codes B, D or K")."""
    out: set[str] = set()
    for m in _NAMED.finditer(text):
        out.add(m.group(1))
        out.update(_LIST_TAIL.findall(m.group(2) or ""))
    return out


def query_codes(query: str, known: set[str]) -> set[str]:
    """Attendance codes a question names, limited to codes the corpus defines."""
    found = (named_codes(query) | set(_Q_BEFORE.findall(query)) | set(_Q_AFTER.findall(query))
             | set(_Q_MARKED.findall(query)))
    if found & known:
        return found & known
    # A lone capital only counts when nothing else in the question looks like an acronym, so
    # "CME in Y6" or "is a CP plan..." never turns into a code lookup.
    if re.search(r"\b[A-Z]{2,}\b", query):
        return set()
    alone = {m.group(1) for m in _Q_ALONE.finditer(query) if not _NAME_BEFORE.search(query[: m.start()])}
    return alone & known
