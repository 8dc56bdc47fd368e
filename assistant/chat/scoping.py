"""Which authorities a message names, and what naming them means: the one it asks about, where the
asker works, or a place the corpus does not cover."""

from __future__ import annotations

import re
from functools import lru_cache

from assistant.chat import asker
from assistant.chat.extract.text import _sentence_start
from assistant.chat.router import question_spans
from indexer.corpus import NATIONAL
from indexer.retriever import HybridRetriever


class Scoping:
    def __init__(self, retriever: HybridRetriever) -> None:
        self.r = retriever
        # A turn asks this of the same message up to four times (route, contact check, procedure).
        self.named_authorities = lru_cache(maxsize=64)(self._named_authorities)

    def only_where_asker_works(self, message: str, authority: str) -> bool:
        # Naming the school whose policy a document is ("I'm DSL at Cromford") asks about that policy;
        # only the authority's own names say where the asker works.
        first = authority.split()[0].lower()
        names = {authority} | {a for d in self.r.index.documents.values() if d.authority == authority for a in d.aliases
                               if first in a.lower() or a.lower() not in d.publisher.lower()}
        return asker.only_where_asker_works(message, tuple(names))

    def _named_authorities(self, message: str) -> tuple[str, ...]:
        named = {self.r.index.documents[d].authority for d in self.r.named_documents(message)}
        named.discard(NATIONAL)
        return tuple(sorted(named))

    def mentioned_authority(self, message: str) -> str | None:
        named = self.named_authorities(message)
        return named[0] if len(named) == 1 else None

    # Another nation's arrangements: "under Scottish rules", "who do we notify in Cardiff?", "Wales's CME
    # guidance". A family going there ("gone up to Scotland for three weeks") is a fact of an English case.
    _NATION = r"(?:wales|scotland|northern ireland|cardiff|swansea|edinburgh|glasgow|belfast)"
    _ELSEWHERE_NATION = re.compile(
        r"\b(?:welsh|scottish|northern irish)\b(?!\s+(?:famil|speaking|parent|mum|dad|grand|relative|girl|boy|child|pupil))|"
        rf"\b(?:who|notify|report|contact|procedure|process|rules?|laws?|regulations?|regs|guidance|polic(?:y|ies)|team|officer|"
        rf"council|authority|la|system|equivalent|apply|applies|under)\b[^.?!]{{0,30}}\b(?:in|for|of|across)\s+{_NATION}\b|"
        rf"\b{_NATION}(?:'s|’s)?\s+(?:rules?|laws?|regulations?|guidance|polic(?:y|ies)|team|officer|council|system|equivalent)\b",
        re.I)
    # "Leicestershire County Council", "Kent's council"; capitalised words that open a sentence are not names.
    _ELSEWHERE_COUNCIL = re.compile(
        r"\b(?!(?:Another|Other|The|This|That|Our|Your|Their|His|Her|Each|Every|Any|Which|What|Whose|A|An|Local|Same|"
        r"Neighbouring|New|Old|Previous|Home|Receiving|Host|County|City|Borough)\b)"
        r"([A-Z][a-z]+(?: [A-Z][a-z]+)?)(?:'s)? (?i:city |county |borough |metropolitan borough )?(?i:council)\b")
    _COUNCIL_KIND = re.compile(r"\s+(?:county|city|borough)$")

    def outside_corpus(self, message: str) -> bool:
        """Questions about places the corpus does not cover (another nation, a council we do not hold,
        another English authority's own team or officer: "Who's the CME officer for Leicestershire?")."""
        # Saying where one works ("We're a Worcestershire school… what's Herefordshire's CME team
        # email?") does not make the other authority's team one of ours.
        # Only a council named where the message asks counts: "Nottingham's SEN officer phoned and told us
        # to take him off. Is that enough?" asks about the law, with the other council in the story.
        # ("…give their CME team a heads-up. Have you got an email address for them?": a question pointing
        # back with "them" asks about the sentence before it too)
        asks = [(_sentence_before(message, s) if re.search(r"\b(?:them|their|they|there)\b", message[s:e], re.I) else s, e)
                for s, e in question_spans(message)]

        def asked(m: re.Match) -> bool:
            return not asks or any(m.start() < e and s < m.end() for s, e in asks)

        if self._other_authority_asked_about(message, asked) and all(
                self.only_where_asker_works(message, a) for a in self.named_authorities(message)):
            return True
        if self._ELSEWHERE_NATION.search(message):
            return True
        for m in self._ELSEWHERE_COUNCIL.finditer(message):
            name = self._COUNCIL_KIND.sub("", m.group(1).lower())  # "Norfolk County (Council)" is Norfolk
            if asked(m) and not any(name in a.lower() for d in self.r.index.documents.values() for a in (d.authority, *d.aliases)):
                return True
        return False

    def _other_authority_asked_about(self, message: str, asked=lambda m: True) -> bool:
        names = self.r.glossary.other_authorities
        return bool(names) and any(asked(m) for m in _asked_about_pattern(names).finditer(message))


def _sentence_before(text: str, start: int) -> int:
    """Where the sentence before the one starting at ``start`` begins."""
    return _sentence_start(text, len(text[:start].rstrip(" .!?\n")))


@lru_cache(maxsize=4)
def _asked_about_pattern(names: tuple[str, ...]) -> re.Pattern:
    """Another authority's own people and arrangements: "the CME officer for Leicestershire",
    "Birmingham's CME team", "moved to Birmingham… their children missing education team…"."""
    place = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
    return re.compile(
        rf"\b(?:officer|team|contact|e-?mail|number|lead|co-?ordinator|policy|procedure|guidance|council|la)\b[^.?!]{{0,25}}"
        rf"\b(?:for|in|at|of)\s+(?:{place})\b|\b(?:{place})(?:'s)?\s+(?:\w+\s+){{0,3}}?(?:team|officer|council|la|lead|policy|contact|e-?mail|phone|number|address|procedure|guidance|form|portal)\b|"
        rf"\b(?:to|in)\s+(?:{place})\b[^?]{{0,120}}\btheir\s+(?:\w+\s+){{0,3}}?(?:team|officer|council|la|lead|contact)\b")
