"""Query expansion from corpus/glossary.yaml: acronyms ↔ long forms, 2006 ground codes → 2024."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import yaml

EXPAND_CACHE = 2048  # expanded queries kept (a few per turn)
_CODE = re.compile(r"\b\d{1,2}\(\d{1,2}\)(?:\([a-z]{1,2}\))+", re.I)


@dataclass(frozen=True)
class Glossary:
    acronyms: dict[str, str] = field(default_factory=dict)
    old_codes: dict[str, list[str]] = field(default_factory=dict)
    synonyms: tuple[tuple[str, ...], ...] = ()
    topics: dict[str, tuple[str, ...]] = field(default_factory=dict)  # regulation code → phrases
    abroad_phrase: str = ""
    abroad_places: tuple[str, ...] = ()
    other_authorities: tuple[str, ...] = ()  # English local authorities whose documents are not held
    _expanded: dict[tuple[str, bool], str] = field(default_factory=dict, init=False, repr=False, compare=False)

    @classmethod
    def load(cls, path: Path) -> "Glossary":
        if not path.is_file():
            return cls()
        raw = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        return cls(
            acronyms={str(k): str(v) for k, v in (raw.get("acronyms") or {}).items()},
            old_codes={str(k).lower(): [str(x) for x in v or []] for k, v in (raw.get("old_codes") or {}).items()},
            synonyms=tuple(tuple(str(p).lower() for p in group) for group in raw.get("synonyms") or ()),
            topics={str(k).lower(): tuple(str(p).lower() for p in v or ()) for k, v in (raw.get("topics") or {}).items()},
            abroad_phrase=str((raw.get("abroad") or {}).get("phrase") or ""),
            abroad_places=tuple(str(p).lower() for p in (raw.get("abroad") or {}).get("places") or ()),
            other_authorities=tuple(str(p) for p in raw.get("other_authorities") or ()),
        )

    def expand(self, query: str, *, synonyms: bool = True) -> str:
        """The query plus the other spelling of every acronym or long form it uses."""
        # (a turn expands the same few texts several times: the retriever, the sentence scorer and
        # the answer-type checks each ask)
        key = (query, synonyms)
        if key not in self._expanded:
            if len(self._expanded) >= EXPAND_CACHE:
                self._expanded.clear()
            self._expanded[key] = self._expand(query, synonyms)
        return self._expanded[key]

    def _expand(self, query: str, synonyms: bool) -> str:
        extra: list[str] = []
        low = query.lower()
        for short, long in self.acronyms.items():
            if _acronym(short).search(query):
                extra.append(long)
            elif long.lower() in low:
                extra.append(short)
        for code in _CODE.findall(query):
            extra.extend(self.old_codes.get(code.lower().replace(" ", ""), []))
        extra.extend(self.topic_codes(query))
        if self.abroad_phrase and _abroad(self.abroad_places).search(low):
            extra.append(self.abroad_phrase)
        for group, any_of in _synonym_patterns(self.synonyms) if synonyms else ():
            if not any_of.search(low):
                continue  # most groups do not apply: one compiled test each, not one per phrase
            used = [p for p in group if phrase_pattern(p).search(low)]
            extra.extend(p for p in group if p not in used and p not in extra)
        return query if not extra else f"{query} ({'; '.join(extra)})"

    def spell_out(self, text: str) -> str:
        """The text with each acronym replaced by its long form ("Derbys VS" → "Derbys virtual school")."""
        for short, long in self.acronyms.items():
            text = _acronym(short, plural=False).sub(long, text)
        return text

    def topic_codes(self, query: str) -> list[str]:
        """Regulation paragraphs named by the way staff describe them ("the 20-day rule")."""
        low = query.lower()
        return [code for code, phrases in self.topics.items() if any(_loose(p).search(low) for p in phrases)]

    def modern_codes(self, query: str) -> list[str]:
        """2024 codes meant by the query: 2006 codes mapped forward, and named topics."""
        out: list[str] = []
        for code in _CODE.findall(query):
            out.extend(self.old_codes.get(code.lower(), []))
        return out + self.topic_codes(query)


@lru_cache(maxsize=None)
def _acronym(short: str, *, plural: bool = True) -> re.Pattern:
    """An acronym as a word of its own ("SAO", and with ``plural`` "SAOs"); compiled once, because a
    turn's other patterns overflow ``re``'s own cache and these were recompiled every query."""
    return re.compile(rf"(?<![A-Za-z0-9]){re.escape(short)}{'s?' if plural else ''}(?![A-Za-z0-9])")


@lru_cache(maxsize=None)
def phrase_pattern(p: str) -> re.Pattern:
    """A lower-case phrase as whole words in lower-case text, compiled once."""
    return re.compile(rf"(?<![a-z]){re.escape(p)}(?![a-z])")


@lru_cache(maxsize=8)
def _synonym_patterns(groups: tuple[tuple[str, ...], ...]) -> tuple[tuple[tuple[str, ...], re.Pattern], ...]:
    """Each synonym group with one pattern matching any of its phrases, compiled once per glossary.
    (Hundreds of phrases overflow ``re``'s own cache, and recompiling them cost ~25 ms a query.)"""
    return tuple((g, re.compile(r"(?<![a-z])(?:" + "|".join(re.escape(p) for p in sorted(g, key=len, reverse=True)) + r")(?![a-z])"))
                 for g in groups)


@lru_cache(maxsize=512)
def _loose(phrase: str) -> re.Pattern:
    """A topic phrase that still matches with one extra word inside it: "the leave-of-absence
    *deletion* ground", "the 20 *consecutive* school day rule". A phrase written ``re:…`` is a
    regular expression, for topics named by two words far apart ("off roll … the return")."""
    if phrase.startswith("re:"):
        return re.compile(phrase[3:])
    words = phrase.split()
    if any(len(w) < 3 for w in words):  # "code n" must stay exact
        return re.compile(rf"(?<![a-z0-9]){re.escape(phrase)}(?![a-z0-9])")
    body = r"\s+(?:[\w'’-]+\s+)?".join(re.escape(w) for w in words)
    return re.compile(rf"(?<![a-z0-9]){body}(?![a-z0-9])")


@lru_cache(maxsize=8)
def _abroad(places: tuple[str, ...]) -> re.Pattern:
    """One pattern for the places abroad, built once per glossary rather than per query."""
    # Northern Ireland is in the UK; the Republic is abroad.
    alts = "|".join(("(?<!northern )" if p == "ireland" else "") + re.escape(p)
                    for p in sorted(places, key=len, reverse=True)) or "(?!)"
    return re.compile(rf"(?<![a-z])(?:{alts})(?![a-z])")
