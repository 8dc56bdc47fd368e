"""Citation resolution: one pure function, used by both answer engines.

An answer is Markdown whose sentences carry ``[n]`` markers; each marker must point at a
citation whose quote occurs verbatim in a chunk that was actually retrieved for this turn.
Markers that point nowhere, citations of chunks that were not retrieved, and quotes that are not
in their chunk are dropped, together with the sentence that relied on them. Surviving
citations are renumbered 1..n in order of first use.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from assistant.chat.types import Citation

MARKER = re.compile(r"\[(\d{1,3})\]")
_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-Z*“\"(])|(?<=\])\s+(?=[A-Z*“\"(])|\n+")


def squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def quote_in(quote: str, text: str) -> bool:
    """Verbatim, allowing only whitespace differences (line breaks inside a chunk)."""
    q = squash(quote)
    return bool(q) and q in squash(text)


@dataclass(frozen=True)
class Resolved:
    answer: str
    citations: list[Citation]
    dropped_sentences: list[str]
    dropped_citations: list[int]


def resolve(answer: str, citations: list[Citation], retrieved: dict[str, str]) -> Resolved:
    """Keep only verifiable citations and the sentences they support.

    ``retrieved`` maps chunk_id → chunk text for the chunks retrieved this turn.
    A sentence with no marker is kept (connective or rule-result text is checked elsewhere).
    """
    valid: dict[int, Citation] = {}
    bad: list[int] = []
    for c in citations:
        text = retrieved.get(c.chunk_id)
        if text is not None and quote_in(c.quote, text) and quote_in(c.quote, c.text or text):
            valid.setdefault(c.n, c)
        else:
            bad.append(c.n)

    kept: list[str] = []
    dropped: list[str] = []
    for part in _split_keep(answer):
        markers = [int(m) for m in MARKER.findall(part)]
        if markers and not all(m in valid for m in markers):
            dropped.append(part.strip())
            continue
        kept.append(part)

    order: dict[int, int] = {}
    for part in kept:
        for m in MARKER.findall(part):
            order.setdefault(int(m), len(order) + 1)
    text = "".join(kept)
    text = MARKER.sub(lambda m: f"[{order[int(m.group(1))]}]", text).strip()
    out = [replace(valid[old], n=new) for old, new in sorted(order.items(), key=lambda kv: kv[1])]
    return Resolved(text, out, dropped, sorted(set(bad)))


def _split_keep(text: str) -> list[str]:
    """Split into sentences/lines but keep the separators attached, so joining restores layout."""
    parts: list[str] = []
    last = 0
    for m in _SENTENCE.finditer(text):
        parts.append(text[last : m.end()])
        last = m.end()
    parts.append(text[last:])
    return [p for p in parts if p]
