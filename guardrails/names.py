"""The names the policies give their own services, teams, systems, places and roles.

"What's the direct number for the Children Missing Education Assistant?" or "how long is a placement
at Erkenwald Campus?" uses no word a keyword list would know, yet the question is plainly about the
procedure: the policies name that role and that service. Read from the corpus, the names keep such questions in scope (an unanswered one
then gets ``not_found`` with its closest documents, not a refusal), and mark a contact asked for as
an organisation's, not a family's personal data.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Iterable

from guardrails.text import fold

_WORD = re.compile(r"[A-Za-z][A-Za-z'’&-]*[A-Za-z]|[A-Za-z]")
_JOINERS = {"of", "for", "and", "the", "to", "in", "&"}  # inside a name: "Child Trafficking Advice Centre", "Key to Success"
# Capitalised in any text, so they say nothing about this corpus.
_GENERIC = {
    "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november",
    "december", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "christmas", "easter",
    "boxing", "england", "english", "wales", "welsh", "scotland", "scottish", "britain", "british", "london", "europe",
    "european", "ireland", "northern", "united", "kingdom", "mr", "mrs", "ms", "miss", "dr",
}
MIN_WORD = 4  # a one-word name shorter than this is an acronym the keyword lists already cover, or noise


class CorpusNames:
    """Names found in the corpus, matched in a message as written, on word boundaries.

    A name is either a run of two or more capitalised words ("Starting Point", "Lost Pupil Database",
    with "of", "to", "and" allowed inside), or one word the corpus only ever writes capitalised
    ("Erkenwald", "Merlin"), never at the start of a sentence only. Names of the authorities
    themselves are left out: "the big Tesco in Barking" is not about CME."""

    def __init__(self, names: Iterable[str]) -> None:
        self.names = sorted({n.strip() for n in names if n.strip()}, key=len, reverse=True)
        self._exact = _alternation(self.names, 0)

    @classmethod
    def from_texts(cls, texts: Iterable[str], *, exclude: Iterable[str] = (),
                   common_words: frozenset[str] | set[str] = frozenset()) -> "CorpusNames":
        """``common_words``: lower-case everyday words ("assistant", "campus"), which a policy may
        capitalise in every heading without their naming anything; without it, the only one-word
        names are acronyms."""
        excluded = {fold(e) for e in exclude}
        excluded_words = {w for e in excluded for w in e.split()}
        lower, capital, mid, acronym = Counter(), Counter(), Counter(), Counter()
        first: dict[str, str] = {}  # a word's form as the corpus first writes it ("CareFirst")
        runs: set[str] = set()
        for text in texts:
            for sentence in re.split(r"(?<=[.!?:;])\s+|\n+", text):
                words = _WORD.findall(sentence)
                for i, w in enumerate(words):
                    w = re.sub(r"['’]s$", "", w)  # "Derbyshire's" is Derbyshire
                    if "'" in w or "’" in w:
                        continue  # "Can't"
                    if w[0].isupper():
                        capital[w.lower()] += 1
                        first.setdefault(w.lower(), w)
                        mid[w.lower()] += i > 0
                        acronym[w.lower()] += w.isupper() and len(w) > 1
                    else:
                        lower[w.lower()] += 1
                runs.update(_capitalised_runs(words))
        names = set()
        for run in runs:
            # two title-case words at least: "LA's CME" is two acronyms, not a name
            titled = sum(1 for w in run.split() if re.match(r"[A-Z][a-z]", w))
            if titled >= 2 and fold(run) not in excluded and not set(fold(run).split()) <= _GENERIC | excluded_words:
                names.add(run)
        for w, n in capital.items():
            is_acronym = acronym[w] == n  # always written in capitals: "MARF", "UKBA"
            rare = is_acronym or (common_words and w not in common_words)  # "Erkenwald", "SchoolsNet"
            if (rare and not lower[w] and mid[w] and len(w) >= (3 if is_acronym else MIN_WORD)
                    and w not in _GENERIC and w not in excluded_words):
                names.add(first[w])
        return cls(names)

    def found_in(self, message: str, *, acronyms: bool = True) -> list[str]:
        """The corpus names the message uses, written with the corpus's capitals ("Lost Pupil
        Database", not "lost pupil database": in lower case two everyday words are just words),
        longest first. ``acronyms=False`` leaves out one-word acronyms: "the NHS number" names a
        child's record, not the NHS."""
        if self._exact is None:
            return []
        found = {m for m in self._exact.findall(message) if acronyms or " " in m or not m.isupper()}
        return sorted({fold(m) for m in found}, key=len, reverse=True)


def _alternation(names: list[str], flags: int) -> re.Pattern | None:
    alts = "|".join(re.escape(n).replace(r"\ ", r"\s+") for n in names)
    return re.compile(rf"(?<![\w-])(?:{alts})(?![\w-])", flags) if alts else None


def _capitalised_runs(words: list[str]) -> set[str]:
    """Every stretch of two or more capitalised words, joiners allowed inside ("Key to Success")."""
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
        caps = [k for k, w in enumerate(run) if w[0].isupper()]
        # every sub-stretch that starts and ends on a capitalised word: staff drop "The" or a title's tail
        for a in caps:
            for b in caps:
                if b > a and sum(1 for w in run[a:b + 1] if w[0].isupper()) >= 2:
                    out.add(" ".join(run[a:b + 1]))
        i = j
    return out
