"""The names the policies give their own services, teams, systems and roles.

"What's the direct number for the Children Missing Education Assistant?" or "how long is a placement
at Erkenwald Campus?" uses no word a keyword list would know, yet the question is plainly about the
procedure: the policies name that role and that service. Read from the corpus, the names keep such
questions in scope (an unanswered one then gets ``not_found`` with its closest documents, not a
refusal), and let a contact asked for by such a name count as an organisation's.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache
from typing import Iterable

from guardrails.text import fold

_WORD = re.compile(r"[A-Za-z][A-Za-z'’&-]*[A-Za-z]|[A-Za-z]")
_JOINERS = {"of", "for", "and", "the", "to", "in", "&"}  # inside a name: "Child Trafficking Advice Centre", "Key to Success"
# Capitalised only because a sentence or heading starts with them: never the edge of a name.
_EDGE_WORDS = {
    "a", "an", "the", "at", "or", "and", "of", "for", "to", "in", "on", "by", "with", "from", "as", "if", "it", "is", "we",
    "you", "they", "he", "she", "his", "her", "our", "your", "their", "this", "that", "these", "those", "all", "any",
    "each", "every", "please", "yes", "no", "not", "when", "where", "what", "which", "who", "how", "why", "approval",
}
# What a service, team, role or system is called by: a run of capitals without one of these (and
# without a word of the corpus's own) is a phrase in a heading ("Part Time", "Legal Aid"), not a name.
_ORG_NOUNS = {
    "team", "teams", "service", "services", "campus", "centre", "center", "assistant", "officer", "officers", "lead",
    "co-ordinator", "coordinator", "co-ordinators", "manager", "managers", "database", "system", "panel", "hub",
    "directorate", "unit", "office", "board", "partnership", "network", "project", "programme", "meeting", "line",
    "helpline", "point", "door", "school", "academy", "college", "federation", "trust", "council", "police", "agency",
    "department", "forum", "portal", "register", "report", "assessment", "provision", "group", "committee",
}
_GENERIC = {
    "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november",
    "december", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "christmas", "easter",
    "boxing", "england", "english", "wales", "welsh", "scotland", "scottish", "britain", "british", "london", "europe",
    "european", "ireland", "northern", "united", "kingdom", "mr", "mrs", "ms", "miss", "dr",
}


class CorpusNames:
    """Names found in the corpus, matched in a message as written, on word boundaries.

    A name is a run of two or more title-case words ("Erkenwald Campus", "Lost Pupil Database",
    with "of", "to", "and" allowed inside) that ends in a word for a service, team, role or system,
    or holds a word the corpus coins (not in ``common_words``); or one coined word written with a
    capital inside ("CareFirst", "SchoolsNet"). Acronyms are not names here: "NHS" or "HMRC" says
    nothing about CME. Names of the authorities themselves are left out: "the big Tesco in
    Barking" is not about CME."""

    def __init__(self, names: Iterable[str]) -> None:
        self.names = sorted({n.strip() for n in names if n.strip()}, key=len, reverse=True)
        self._exact = _alternation(self.names)

    @classmethod
    def from_texts(cls, texts: Iterable[str], *, exclude: Iterable[str] = (),
                   common_words: frozenset[str] | set[str] = frozenset()) -> "CorpusNames":
        """``common_words``: lower-case everyday words (a tokenizer's vocabulary). Without it, only
        runs ending in a service word count."""
        excluded = {fold(e) for e in exclude}
        excluded_words = {w for e in excluded for w in e.split()} | _GENERIC
        lower: Counter = Counter()
        runs: set[str] = set()
        for text in texts:
            for sentence in re.split(r"(?<=[.!?:;])\s+|\n+|\t+", text):
                words = [re.sub(r"['’]s$", "", w) for w in _WORD.findall(sentence)]  # "Derbyshire's" is Derbyshire
                lower.update(w.lower() for w in words if w[0].islower())
                runs.update(_capitalised_runs(words))
        names = set()
        for run in runs:
            low = fold(run).split()
            titled = sum(1 for w in run.split() if re.match(r"[A-Z][a-z]", w))
            coined = bool(common_words) and any(w not in common_words and w not in _JOINERS for w in low)
            if (titled >= 2 and (low[-1] in _ORG_NOUNS or coined) and fold(run) not in excluded
                    and not set(low) <= excluded_words | _JOINERS):
                names.add(run)
        for run in runs:
            for w in run.split():
                # a capital inside a word is a coined name ("CareFirst"), not a sentence's first letter
                if re.fullmatch(r"[A-Z][a-z]+[A-Z][A-Za-z]*", w) and not lower[w.lower()] and w.lower() not in excluded_words:
                    names.add(w)
        return cls(names)

    def found_in(self, message: str) -> list[str]:
        """The corpus names the message uses, written with the corpus's capitals ("Lost Pupil
        Database", not "lost pupil database": in lower case everyday words are just words),
        longest first, folded."""
        if self._exact is None:
            return []
        return sorted({fold(m) for m in self._exact.findall(message)}, key=len, reverse=True)


@lru_cache(maxsize=1024)
def name_pattern(name: str) -> re.Pattern:
    """A folded name as a whole phrase in folded text ("sen" is not in "sent")."""
    return re.compile(rf"(?<!\w){re.escape(name)}(?!\w)")


def _alternation(names: list[str]) -> re.Pattern | None:
    alts = "|".join(re.escape(n).replace(r"\ ", r"\s+") for n in names)
    return re.compile(rf"(?<![\w-])(?:{alts})(?![\w-])") if alts else None


def _capitalised_runs(words: list[str]) -> set[str]:
    """Every stretch of two or more capitalised words, joiners allowed inside ("Key to Success"),
    without a sentence's or heading's small first word ("The", "At")."""
    out: set[str] = set()
    i = 0
    while i < len(words):
        if not words[i][0].isupper():
            i += 1
            continue
        j = i + 1
        while j < len(words) and (words[j][0].isupper() or (words[j].lower() in _JOINERS and j + 1 < len(words)
                                                               and words[j + 1][0].isupper())):
            j += 1
        run = words[i:j]
        caps = [k for k, w in enumerate(run) if w[0].isupper() and w.lower() not in _EDGE_WORDS]
        # every sub-stretch that starts and ends on a capitalised word: staff drop "The" or a title's tail
        for a in caps:
            for b in caps:
                if b > a:
                    out.add(" ".join(run[a:b + 1]))
        i = j
    return out
