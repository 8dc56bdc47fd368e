"""Sentence-sized units inside a chunk: what the composer quotes.

Lines are units (list items, table rows, short paragraphs); long lines are split at sentence
ends. Offsets are within the chunk text, so every unit is a verbatim slice of its chunk.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from indexer.contacts import CONTACT_DETAIL

_SENT = re.compile(r"(?<=[.!?])\s+(?=[A-Z(])")
LONG_LINE_WORDS = 45


@dataclass(frozen=True)
class UnitSpan:
    start: int
    end: int
    is_heading: bool


def split_units(text: str) -> list[UnitSpan]:
    out: list[UnitSpan] = []
    pos = 0
    lines = text.split("\n")
    for i, line in enumerate(lines):
        start = pos
        pos += len(line) + 1
        if not line.strip():
            continue
        heading = i == 0 and len(lines) > 1 and not re.search(r"[.:;]$", line.strip()) and len(line.split()) <= 12
        if len(line.split()) > LONG_LINE_WORDS:
            s0 = 0
            for m in _SENT.finditer(line):
                out.append(UnitSpan(start + s0, start + m.start(), False))
                s0 = m.end()
            out.append(UnitSpan(start + s0, start + len(line), False))
        else:
            out.append(UnitSpan(start, start + len(line), heading))
    # A one-word line says nothing on its own, unless it is an e-mail address or phone number in a
    # list of contacts: the quote of that list must be able to reach it.
    return [u for u in out if len(text[u.start : u.end].split()) >= 2 or CONTACT_DETAIL.search(text[u.start : u.end])]


def unit_embed_text(section_path: str, text: str) -> str:
    return f"{section_path}: {text}"
