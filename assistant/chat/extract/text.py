"""Shared text helpers: normalising, sentences, negation and hedging, and who a statement is about."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

# -- text helpers ------------------------------------------------------------------------------

_NEG_WORD = re.compile(
    r"^(?:no|not|never|without|nothing|none|nor|neither|cannot|nobody|nowhere|\w+n't|"
    r"isnt|wasnt|hasnt|havent|dont|doesnt|didnt|wont|cant|couldnt|arent|werent|hadnt)$", re.I)
_HEDGE_WORD = re.compile(r"^(?:might|may|maybe|perhaps|possibly|if|whether|unsure|unclear|could|would)$", re.I)
_CLAUSE_STOP = re.compile(r"^(?:[,;:()\u2013\u2014-]|but|although|though|however|whereas|because|since)$", re.I)
_TOKEN = re.compile(r"[\w']+|[,;:()\u2013\u2014]|(?<=\s)-(?=\s)")


# Phone-typed messages drop the apostrophe ("he wont be back", "dad isnt going for a review").
# Only forms that are not also ordinary words are restored: "were", "well", "its", "ill", "id",
# "hell", "shell" and "wed" stay as written.
_CONTRACTION = re.compile(
    r"\b(do|does|did|is|was|are|has|have|had|could|would|should|must|need)nt\b|\b(wo|ca)nt\b|"
    r"\b(s?he|what|that|there|who|where)s\b(?!')|\b(they|you)re\b|\b(they|we|you|i)ve\b|\b(i)m\b",
    re.I)


def _apostrophe(m: re.Match[str]) -> str:
    w = m.group(0)
    if m.group(1) or m.group(2):
        return w[:-2] + "n't"
    for g, cut in ((3, 1), (4, 2), (5, 2), (6, 1)):
        if m.group(g):
            return w[:-cut] + "'" + w[-cut:]
    return w


def _normalise(message: str) -> str:
    t = (message.replace("\u2019", "'").replace("\u2018", "'").replace("\u201c", '"')
         .replace("\u201d", '"').replace("\u00a0", " "))
    return _CONTRACTION.sub(_apostrophe, t)


def _sentence_start(t: str, pos: int) -> int:
    cut = max(t.rfind(".", 0, pos), t.rfind("!", 0, pos), t.rfind("?", 0, pos), t.rfind("\n", 0, pos))
    # a full stop inside '9(1)(a).' or 'Mr.' is still a sentence end here; that only makes
    # the look-back shorter, which is the conservative direction.
    return cut + 1


def _words_before(t: str, pos: int, n: int) -> list[str]:
    """Up to ``n`` words before ``pos`` in the same clause (stops at a comma, 'but', ...)."""
    toks = _TOKEN.findall(t[_sentence_start(t, pos):pos])
    out: list[str] = []
    for tok in reversed(toks):
        if _CLAUSE_STOP.match(tok):
            break
        out.append(tok)
        if len(out) >= n:
            break
    return out


def _negated(t: str, pos: int, n: int = 4) -> bool:
    return any(_NEG_WORD.match(w) for w in _words_before(t, pos, n))


def _hedged(t: str, pos: int, n: int = 6) -> bool:
    words = [w.lower() for w in _words_before(t, pos, n)]
    if any(_HEDGE_WORD.match(w) for w in words):
        return True
    joined = " ".join(reversed(words))
    return bool(re.search(r"\b(don't|do not|not) (know|sure)\b|\bno idea\b|\bworried\b|\bfear\b|\bwonder", joined))


def _positive(pattern: str, t: str, *, neg_window: int = 4, hedge: bool = True, flags=re.I) -> list[re.Match[str]]:
    """Matches of ``pattern`` that are not negated (and, if ``hedge``, not hedged) just before."""
    out = []
    for m in _rx(pattern, flags).finditer(t):
        if _negated(t, m.start(), neg_window):
            continue
        if hedge and _hedged(t, m.start()):
            continue
        out.append(m)
    return out


def _has(pattern: str, text: str, flags=re.I) -> bool:
    return _rx(pattern, flags).search(text) is not None


@lru_cache(maxsize=4096)
def _rx(pattern: str, flags) -> re.Pattern:
    """The readers pass their patterns as strings; there are more of them than ``re`` caches, so
    they were recompiled on every turn."""
    return re.compile(pattern, flags)


def _pos(pattern: str, t: str, **kw: Any) -> bool:
    return bool(_positive(pattern, t, **kw))


def _sentences(t: str) -> list[tuple[int, str]]:
    """(offset, sentence) pairs."""
    out, start = [], 0
    for m in re.finditer(r"(?<=[.!?])\s+(?=[A-Z0-9\"'(])|\n+", t):
        out.append((start, t[start:m.start()]))
        start = m.end()
    out.append((start, t[start:]))
    return [(o, s) for o, s in out if s.strip()]


def _sentences_with(pattern: str, t: str) -> list[tuple[int, str]]:
    return [(o, s) for o, s in _sentences(t) if _has(pattern, s)]


_FAMILY = (r"(?:mum|mother|mom|dad|father|parent|parents|grand\w*|gran|granny|nan|nana|grandad|grandpa|brother|"
           r"sister|sibling|uncle|aunt|auntie|carer|cousin|relative|friend|(?:class)?mate|boyfriend|girlfriend|co-defendant|step\w*|pet|dog|cat|teacher|baby)")


_RELATIVE = r"(?:mum|mother|mom|dad|father|step\w*|grand\w*|gran|granny|nan|nana|grandad|grandpa|brother|sister|sibling|uncle|aunt|auntie|cousin)"
_PUPIL_TOO = r"\b(?:family|they|she|he|pupil|child|children|kids|student|both|whole|and (?:her|his|the|their))\b"


def _about_someone_else(t: str, pos: int, who: str = _FAMILY) -> bool:
    """'her dad is in prison', 'his brother was sentenced': the fact is not about the pupil."""
    before = " ".join(reversed(_words_before(t, pos, 6)))
    return bool(re.search(rf"\b{who}(?:'s)?\b", before, re.I)) and not re.search(_PUPIL_TOO, before, re.I)
