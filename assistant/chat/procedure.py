"""Procedure questions, answered from the documents: search, choose the passages that answer (per
authority where they differ, per part where a message asks several things), check that they hold
the kind of fact asked for, and quote them verbatim with their sources. No language model is needed;
a configured one drafts from the same passages and is checked the same way."""

from __future__ import annotations

import re
from datetime import date
from functools import cached_property
from typing import Any, Callable

import numpy as np

from assistant.chat import compose, named_things
from assistant.chat.citations import squash
from assistant.chat.contacts import ASKING_WORDS, ASKS_STILL_CURRENT, asked_part, asks_for_contact, subject_words
from assistant.chat.corpus_names import corpus_names
from assistant.chat.extract import extract_facts
from assistant.chat.scoping import Scoping
from assistant.chat.sentence_ranker import SentenceRanker
from assistant.chat.types import NOT_COVERED, Action, Answer, Citation, Intent
from assistant.rules import find_old_ground_references
from assistant.rules.sources import R as REGULATIONS_2024
from guardrails.names import name_pattern
from guardrails.text import fold
from indexer.contacts import CONTACT_DETAIL
from indexer.corpus import NATIONAL
from indexer.lexical import tokenize
from indexer.retriever import Hit, HybridRetriever

SUPPORT_THRESHOLD = 0.15  # below this the best sentence does not answer the question
OTHER_AUTHORITY_MARGIN = 0.06  # how much better another authority's passage must score to be used…
OWN_NAMED_MARGIN = 0.12  # …when the question names the asker's own authority ("our Derbyshire school")
# Each authority's passage in a comparison is ranked with its chunk's closeness through the learnt
# query map added at this weight (measured on v16-v21 with the map fitted to v1-v15 only: +1, none lost).
SIDE_CHUNK_WEIGHT = 0.5
ALSO_OTHER_MARGIN = 0.04  # another authority's passage scoring at least the own best less this is shown beside it
SIDE_BY_SIDE_RATIO = 0.7  # a second source is shown when its best sentence scores this close
TYPED_SIDE_RATIO = 0.5  # …or this close, when it holds the kind of fact the question asks for (a count of days)
TYPED_SECOND_RATIO = 0.9  # a source's second passage holding that kind of fact joins when it scores this close to its first
SIDE_RUNNER_UP_RATIO = 0.8  # a source's second passage joins a comparison when it scores this close to the best…
SIDE_CLOSE_RUNNER_UP_RATIO = 0.6  # …or this close, when the learnt query map puts its chunk at least as near as the first's
CURRENT_LAW_RATIO = 0.6  # the law's passage joins a stale answer when it scores this close to the best
LATER_EDITION_DENSE = 0.4  # a newer document's passage citing a later edition must be this close in meaning to the question
_OUT_OF_HOURS = re.compile(r"\bout[- ]of[- ]hours\b|\bafter hours\b|\b(?:evenings?|weekends?|overnight|24[- /]?(?:hours?|7))\b|"
                           r"\bemergency duty\b", re.I)
_DELETION = re.compile(r"\b(remov\w*|off (the )?roll|delet\w*|de-?roll\w*|take (them|him|her|the pupil) off)\b", re.I)
# "Can we take him off roll…?", "is it OK to remove her from the roll…?": whether deletion is allowed.
_ASKS_ABOUT_DELETION = re.compile(r"\b(?:can|could|may|should|do|does|must|is it (?:ok|okay|alright|fine|right|legal|lawful)(?: (?:for us|to))?|"
                                  r"are we (?:allowed|able|ok|okay) to|when (?:can|do|should|must|may))\b[^.?!]{0,60}?"
                                  r"\b(?:remov\w*|off (?:the )?roll|delet\w*|de-?roll\w*|take (?:them|him|her|the pupil|a pupil|a child) off)\b", re.I)
# Money and language support: what a question asks about when it asks who pays, what it costs or
# whether there is an interpreter. Where no document uses the word at all, passages about the child
# or the process around it would read as an answer ("Who pays the exam entry fees?"). ("Boarding
# fees" are the regulations' board and lodging charges, so a question about them is left alone.)
_RESOURCE = re.compile(r"\b(money|funding|fund|funded|fees?|pay|pays|paying|costs?|interpreters?|translators?|translation|"
                       r"allowances?|bursary|bursaries|uniforms?)\b", re.I)
_BOARDING = re.compile(r"\bboard(?:ing|er|ers)?\b|\blodging\b", re.I)
# A form known by letters and a number: "CME 3", "CME1" (not "S2S", which is letters around a digit)
_CODE_NAME = re.compile(r"(?<![\w-])([A-Z]{2,5}[ -]?\d{1,2})(?![\w-])")


def _code_key(code: str) -> str:
    """"CME 3", "CME-3" and "CME3" are one form."""
    return re.sub(r"[ -]", "", code).upper()


# "Is that in the Norfolk policy, and if not, where does it come from?": another authority's answer is wanted too.
_ASKS_ELSEWHERE = re.compile(r"\bif not,? (?:\w+ ){0,3}?where\b|\b(?:somewhere|anywhere) else\b|\b(?:a|another|some) (?:policy|document) somewhere\b|"
                             r"\b(?:other|another) (?:authorit(?:y|ies)|council'?s?|area'?s?|la'?s?)\b(?:'s)? (?:polic|document|guidance)", re.I)
_SPECIAL_SCHOOL = re.compile(r"\bspecial school\b", re.I)
_LEAVING = re.compile(r"\b(?:remov\w*|off (?:the )?roll|delet\w*|de-?roll\w*|leav(?:er|ers|ing)|left|moved? (?:away|out))\b", re.I)
SPECIAL_SCHOOL_PARAGRAPH = "9(2)"
# Chunks from hybrid retrieval whose sentences compete for the answer. 8 rather than 6 (session 27):
# never-read sets +2 -1, studied sets +8 -1; 10 lost on the never-read sets (+2 -3).
CHUNK_HITS = 8
SENTENCE_HITS = 4  # more chunks, found by their single closest sentences
CODE_ROW_RATIO = 0.7  # a register-code row leads a "which code?" answer when it scores this close to the best
PER_AUTHORITY_HITS = 2  # chunks per authority missing from a side-by-side comparison's pool
TYPED_AUTHORITY_DEPTH = 8  # …found this far down its own ranking when they must hold the kind of fact asked for
CONTACT_HITS = 2  # "how do I get hold of them?": chunks with an e-mail or phone number join the pool…
CONTACT_DEPTH = 30  # …from this far down the ranking
CONTACT_RATIO = 0.5  # a passage giving contact details leads when it scores at least this share of the best…
CONTACT_COVERAGE = 0.4  # …and holds this share (by idf) of the question's words
OWNER_BEFORE, OWNER_AFTER = 160, 60  # …within this many characters before / after a contact detail
# Words of a contact section's heading that name no role ("Contact details", "For general enquiries")
_CONTACT_HEADING_WORDS = set(tokenize("contact contacts details detail information info enquiries enquiry queries query "
                                      "general lead officer email phone telephone number"))
# "What if mum still won't enrol her?", "what happens if they refuse?": the step after a failed one is asked for.
_ESCALATION = re.compile(r"\bwhat (?:if|happens (?:if|when|next|then)|then|next)\b|\bnext steps?\b|\bstill (?:won't|doesn't|don't|isn't|not|refuses?)\b|"
                         r"\b(?:if|when) (?:they|she|he|the parents?|mum|dad|the family) (?:refuses?|won't|will not|don't|doesn't)\b", re.I)
# A question about how authorities' procedures compare, without naming them.
_COMPARES = re.compile(r"\b(?:each|every|different|various|other|all (?:the )?|both)\s+(?:councils?|(?:local )?authorit(?:y|ies)|LAs?|polic(?:y|ies)|areas?|boroughs?|count(?:y|ies))\b|"
                       r"\b(?:do|does|would|will) (?:the )?(?:LAs|councils|local authorities)\b|\bacross (?:the )?(?:authorities|councils|LAs|areas)\b|"
                       r"\b(?:differ|vary|varies|put differently|the same everywhere)\b", re.I)


def asks_to_compare(message: str) -> bool:
    """Does the message ask how authorities' procedures compare ("is it the same everywhere?")?"""
    return _COMPARES.search(message) is not None


# "Is that still the current version / the right reference?": whether a cited edition has been replaced.
_ASKS_CURRENT_VERSION = re.compile(
    r"\bstill (?:the )?(?:right|correct|current|valid|in force|up to date|accurate|in date|the (?:latest|current|right))\b|"
    r"\b(?:current|latest|newest|most recent|up[- ]to[- ]date|newer) (?:version|edition|reference|guidance|document)\b|"
    r"\bstill (?:apply|applies|stands?)\b|\bout of date\b|\bsuperseded\b|\bbeen replaced\b|"
    # "Is that still the source, or is there something newer I should be quoting?"
    r"\b(?:something|anything) (?:newer|more recent|more up[- ]to[- ]date|later)\b|\bstill the (?:source|basis|reference)\b", re.I)
_YEAR = re.compile(r"\b(?:19[89]\d|20\d\d)\b")
# "the 2026 edition of the guidance", "the update from 2025"
_ASKED_EDITION = re.compile(r"\b(20\d\d)\s+(?:edition|version|update|revision|release)\b|"
                            r"\b(?:edition|version|update|revision|release)\s+(?:of|from|in|dated)\s+(20\d\d)\b", re.I)
_REVIEW_LINE = re.compile(r"\breview|\bapprov", re.I)
# A document's own dates ("Review Date September 2026", "Governors Approval … Date") name no edition of anything.
_DOCUMENT_DATES = re.compile(r"\breview(?:ed)? date\b|\bnext review\b|\bapprov(?:al|ed) (?:date|by)\b|\bgovernors approval\b|"
                             r"\bresponsibility of\b|\bdate (?:of )?(?:issue|adoption|approval)\b", re.I)
# "…sends us to the 2006 pupil registration regulations: are those still the ones to use?"
_ASKS_ABOUT_OLD_LAW = re.compile(r"\b(?:2006|2016)\b[^.?!]{0,40}\b(?:regulations|regs)\b|\b(?:regulations|regs)\b[^.?!]{0,20}\b(?:2006|2016)\b|"
                                 r"\bold (?:regulations|regs)\b|\bstill the (?:regulations|regs|law|ones)\b", re.I)


def _asks_if_current(message: str) -> bool:
    """Does the message ask whether something is still current ("are those still the regulations to
    use?", "is there something newer?")?"""
    return bool(_ASKS_ABOUT_OLD_LAW.search(message) or _ASKS_CURRENT_VERSION.search(message))


_OPENING_LABEL = re.compile(r"\(([0-9]{1,2}[A-Z]?|[a-z]{1,2}|[ivx]{1,5})\)\s")


def _provision(chunk: Any, quote: str) -> str:
    """"reg 9(1)(j): " before a quote of the 2024 Regulations that opens one of the chunk's labelled
    paragraphs ("(j) the pupil is detained…"), so the answer says which provision it quotes."""
    m = _OPENING_LABEL.match(quote)
    if chunk.doc_id != REGULATIONS_2024 or not m:
        return ""
    label = next((p for p in chunk.paragraphs if p.endswith(f"({m.group(1)})")), None)
    return f"reg {label}: " if label else ""


def _section_label(hit: Any, quote: str) -> str | None:
    """The heading a local document's quote sits under ("Absence And Irregular Attendance Form"),
    when the quote does not open with it: a quoted list item or "this form should be used…" says
    little without the name of the form, role or step it belongs to."""
    if hit.document.authority == NATIONAL:
        return None
    heading = hit.chunk.section_path.rsplit(" > ", 1)[-1].strip().rstrip(":")
    if not heading or heading == hit.document.title or squash(heading).lower() in squash(quote).lower():
        return None
    return heading


def _signs_on_as(name: str, folded: str) -> bool:
    """Is the (folded) name only where the writer says who they are ("I'm with a Virtual School",
    "Virtual School adviser here")? Then the question is not about that service."""
    n = re.escape(name)
    return bool(re.search(rf"\b(?:i'?m|i am|we'?re|we are|i work|we work|writing)\s+(?:with|from|in|at|for|part of|on)\s+"
                          rf"(?:a|an|the|our|my)?\s*{n}(?!\w)|(?:^|[.!?]\s+)(?:a |the )?{n}\s+(?:\w+\s+)?(?:here|officer|adviser|advisor|worker|lead|manager)\b[.,:;]",
                          folded)) and len(re.findall(rf"(?<!\w){n}(?!\w)", folded)) == 1


GAP_CHARS = 300  # about one sentence or list item


def _close_gaps(spans: list[list]) -> list[list]:
    """Each ``[unit, start, end]`` quote takes in the sentence or so before and after it in the same
    paragraph or list, and two quotes of one chunk with about a sentence between them become one: a
    reader following a list of steps should not find the step between two quoted ones left out."""
    out: list[list] = []
    for u, start, end in spans:
        text = u.hit.chunk.text
        cut = text.rfind("\n\n", 0, start)
        para_start = cut + 2 if cut >= 0 else 0
        para_end = text.find("\n\n", end)
        if para_end < 0:
            para_end = len(text)
        if 0 < start - para_start <= GAP_CHARS:
            start = para_start
        if 0 < para_end - end <= GAP_CHARS:
            end = para_end
        for kept in out:
            if kept[0].hit.chunk.chunk_id != u.hit.chunk.chunk_id:
                continue
            if start - GAP_CHARS <= kept[2] and kept[1] - GAP_CHARS <= end:
                kept[1], kept[2] = min(kept[1], start), max(kept[2], end)
                break
        else:
            out.append([u, start, end])
    return out


def _stale_only(chosen: list[compose.Unit], today: date) -> bool:
    """Is every chosen passage a local document past review or citing superseded law (none the law's)?"""
    docs = [u.hit.document for u in chosen]
    return not any(d.authority == NATIONAL for d in docs) and all(
        d.superseded_references or d.status(today) == "review_overdue" for d in docs)

def _in_regulation_9_chunk(chunk: Any) -> bool:
    return any(p.startswith("9(") for p in chunk.paragraphs)


def _in_regulation_9(u: compose.Unit) -> bool:
    return _in_regulation_9_chunk(u.hit.chunk)


def _law_near_best(chosen: list[compose.Unit], scored: compose.Scored) -> list[compose.Unit]:
    """The law's passages scoring at least CURRENT_LAW_RATIO of the first chosen passage, best first."""
    floor = CURRENT_LAW_RATIO * chosen[0].score
    return [u for u in sorted(scored.units, key=lambda u: -u.score)
            if u.hit.document.authority == NATIONAL and not u.is_heading and u.score >= floor]


_CONDITION = re.compile(r"(?:if|where|should|failing|otherwise|unless)\b", re.I)
FURTHER_IDF = 2.0  # a question word this rare, missing from a quote, carries it on into the next sentence…
FURTHER_UNITS = 2  # …for at most this many sentences…
FURTHER_WORDS = 110  # …and this many words in all
RARE_NAME_CHUNKS = 3  # a service name in at most this many passages is specific enough to bind a fact to it
RARE_IDF = 3.0  # a question word this rare names its topic ("SAO", "notice"): a count must stand beside one
LEAD_IDF = 2.0  # …or, for a time limit in the first passage, a word this uncommon (compose.missing_answer_type)
MAX_PART_ANSWERS = 2  # passages added for the further questions of a message that asks several


class ProcedureAnswerer:
    def __init__(self, retriever: HybridRetriever, scoping: Scoping, corpus_folded: str,
                 finish: Callable[[Answer, date], Answer], llm=None, ranker: SentenceRanker | None = None) -> None:
        self.r = retriever
        self.ranker = ranker  # the learnt choice of sentence; None for the hand-weighted score
        self.scoping = scoping
        self._folded = corpus_folded
        self.finish = finish  # the citation check, output rails and currency notes every answer passes
        self.llm = llm  # an LLMComposer, or None for the deterministic engine alone
        self._squashed: dict[str, str] = {}
        self._name_counts: dict[str, int] = {}  # corpus name → passages holding it (the index never changes under us)

    def _prime(self, queries: list[str]) -> None:
        """Embed every text this turn's searches will need in one batch."""
        prime = getattr(self.r.embeddings, "prime", None)
        if prime is not None:
            prime([t for q in queries for t in (self.r.dense_text(q), self.r.without_names(q))])

    def _search(self, message: str, scope: str | None, *, national: bool = True,
                features: bool = False) -> tuple[list[Hit], compose.Scored]:
        reach = asks_for_contact(message)
        ranked = self.r.search(message, k=CONTACT_DEPTH if reach else CHUNK_HITS, authority=scope, include_national=national)
        hits = ranked[:CHUNK_HITS]
        if reach:
            # A contact block ("Vanessa Radke, the CME Officer / Email: … / Phone: …") shares few
            # words with the question, so the best-ranked chunks that give contact details join in.
            hits += [h for h in ranked[CHUNK_HITS:] if self.r.has_contact(h.chunk.chunk_id)][:CONTACT_HITS]
        if national and compose.asks_code(message):
            # A story ("mornings only for a few weeks… what do I mark him as for the afternoons?") shares
            # few words with the code it needs, so every row of the law's code table competes.
            have = {h.chunk.chunk_id for h in hits}
            hits += [h for h in self._code_table if h.chunk.chunk_id not in have]
        qvec = self._query_vector(message)
        hits += self.r.sentence_chunks(qvec, SENTENCE_HITS, scope, include_national=national,
                                       exclude={h.chunk.chunk_id for h in hits})
        return hits, self._score(message, hits, qvec, features=features)

    @cached_property
    def _code_table(self) -> list[Hit]:
        """The chunks of the 2024 Regulations' table of attendance codes (built once)."""
        return self._passages_of({REGULATIONS_2024}, lambda c: compose.holds_code_rows(c.text))

    @cached_property
    def _commencement(self) -> list[Hit]:
        """The chunk of the 2024 Regulations that gives their name and commencement (found once)."""
        return self._passages_of({REGULATIONS_2024}, lambda c: bool(compose.IN_FORCE.search(c.text)))

    def _query_vector(self, text: str) -> np.ndarray:
        return np.asarray(self.r.embeddings.embed_query(self.r.without_names(text)), dtype=np.float32)

    def _score(self, text: str, hits: list[Hit], qvec: np.ndarray | None = None, *, features: bool = False) -> compose.Scored:
        """The sentences of ``hits`` scored as answers to ``text`` (its vector comes from the cache
        when this turn has embedded it already)."""
        qvec = self._query_vector(text) if qvec is None else qvec
        return compose.score_units(text, self.r.glossary.expand(text), hits, self.r, query_vec=qvec, ranker=self.ranker,
                                   features=features)

    def candidates(self, message: str, scope: str | None) -> compose.Scored:
        """The sentences the first search of a turn finds, scored, with the ranker's view of each
        (the data the ranker is fitted to)."""
        return self._search(message, scope, features=True)[1]

    def _names_own_thing(self, message: str, authority: str) -> bool:
        """Does the message name a form or code only this authority's documents use ("once a CME 3 has
        gone to the attendance team…")? Then it asks about this authority's own process, and another
        authority's passages cannot answer it."""
        return any(self._authorities_by_code.get(_code_key(c)) == {authority} for c in _CODE_NAME.findall(message))

    @cached_property
    def _authorities_by_code(self) -> dict[str, set[str]]:
        """Which authorities' documents use each form code ("CME1" → {"Norfolk"})."""
        found: dict[str, set[str]] = {}
        for c in self.r.index.chunks:
            for code in _CODE_NAME.findall(c.text):
                found.setdefault(_code_key(code), set()).add(self.r.index.documents[c.doc_id].authority)
        return found

    def _asks_uncovered_resource(self, message: str) -> bool:
        """Does a question sentence ask about money or language support in words no document uses?"""
        if _BOARDING.search(message):
            return False
        asked = " ".join(re.findall(r"[^.?!]*\?", message)) or message
        return any(w.lower() not in self._corpus_words for w in _RESOURCE.findall(asked))

    @cached_property
    def _corpus_words(self) -> set[str]:
        """Every word of the documents, lower-cased: looked up per question, not searched for."""
        return set(re.findall(r"\w+", self._folded.lower))

    def _unknown_things(self, message: str) -> list[str]:
        """The registers, teams or bodies the message names that no document names."""
        return named_things.unknown_things(self.r.without_names(message), self._folded)

    def names_unknown(self, message: str) -> bool:
        """Does the message name a register, team or body that no document names?"""
        return bool(self._unknown_things(message))

    def answer(self, message: str, authority: str | None, mentioned: str | None, today: date) -> Answer:
        scope = authority or mentioned
        if self.scoping.outside_corpus(message):
            return self._not_found(message, [], scope)
        unknown = self._unknown_things(message)
        parts = compose.question_parts(message)
        self._prime([message] if unknown else [message, *parts])
        hits, scored = self._search(message, scope)
        if unknown:
            # Passages about its namesake would read like an answer about a thing no document names.
            return self._not_found(message, hits, scope, unknown)
        if self._asks_uncovered_resource(message):
            return self._not_found(message, hits, scope)
        edition = _ASKED_EDITION.search(message)
        if edition is not None and (edition.group(1) or edition.group(2)) not in self._years_held:
            # "Has the 2026 edition of the WTISA guidance changed…?": no document cites that edition, and
            # passages on an earlier one would read as an answer about it.
            return self._not_found(message, hits, scope)
        acronym = named_things.asked_expansion(message)
        if acronym is not None and not named_things.spelled_out(acronym, self._folded.cased):
            # Passages that only use the letters ("The EEVSS Lead is responsible…") do not say what they stand for.
            return self._not_found(message, hits, scope)
        other = False
        also = None  # another authority's passage nearly as good as the asker's own authority's best
        elsewhere_asked = bool(_ASKS_ELSEWHERE.search(message))
        # Is the answer really somewhere else? Only when another authority's passage is clearly better,
        # and never when the question asks about that authority's own ("Norfolk's Virtual School");
        # saying where one works ("our Norfolk school") does not say the answer is in its documents.
        # Either way, another authority's passage nearly as good as the own best is shown beside it.
        checks_elsewhere = bool(authority) and (mentioned != authority or elsewhere_asked
                                                or self.scoping.only_where_asker_works(message, authority))
        if authority:
            hits2, scored2 = self._search(message, None)
            best2 = scored2.best
            # Having said where they work, the asker needs clearer evidence that the answer lies elsewhere.
            margin = OTHER_AUTHORITY_MARGIN if mentioned != authority or elsewhere_asked else OWN_NAMED_MARGIN
            if best2 is not None and best2.hit.document.authority not in (authority, NATIONAL):
                if checks_elsewhere and (scored.best is None or best2.score >= scored.best.score + margin) \
                        and not self._names_own_thing(message, authority):
                    hits, scored, other = hits2, scored2, True
                elif scored.best is not None and best2.score >= scored.best.score - ALSO_OTHER_MARGIN:
                    also = (best2, scored2)
            elif scored.best is not None:
                # The unscoped search's best is the asker's own (or the law's): another authority's best
                # passage is still shown beside it when nearly as good.
                elsewhere = max((u for u in scored2.units if u.hit.document.authority not in (authority, NATIONAL)
                                 and not u.is_heading), key=lambda u: u.score, default=None)
                if elsewhere is not None and elsewhere.score >= scored.best.score - ALSO_OTHER_MARGIN:
                    also = (elsewhere, scored2)
        if scored.best is not None and scored.support < SUPPORT_THRESHOLD:
            scored = self._asked_alone(message, hits, scored) or scored
        if scored.best is None or scored.support < SUPPORT_THRESHOLD:
            return self._not_found(message, hits, scope)
        chosen = compose.select(scored)
        named = self.scoping.named_authorities(message) if scope is None else ()
        if scope is None and not named and asks_to_compare(message):
            named = tuple(self.r.authorities)  # "does each council say the same?": every authority's own answer
        side = (self._each_named(message, named, scored) if len(named) > 1 else None) or \
            self._side_by_side(scored, include_law=scope is not None, message=message)
        if side and scope is None and not named:
            widened = self._every_authority(message, hits, scored)
            if widened is not None:
                hits, scored, side = widened
        if side:
            chosen = side
        else:
            chosen += self._other_parts(message, parts, scope, chosen, scored)
        if asks_for_contact(message):
            answered, contact = self._contact_for(message, chosen, scored)
            if not answered:
                return self._not_found(message, hits, scope)
            if contact is not None:
                chosen = [contact, *chosen]
        newer = self._newer_contact(message, chosen, hits) if ASKS_STILL_CURRENT.search(message) else None
        if newer is not None:
            hits, scored, contact = newer
            chosen = [*chosen, contact]
        if also is not None and not any(c.hit.document.authority == also[0].hit.document.authority for c in chosen):
            best2, scored2 = also
            scored.units.extend(u for u in scored2.units if u.hit is best2.hit)
            chosen = [*chosen, best2]
            other = True
        else:
            also = None
        # A passage shown beside the asker's own authority's answer, when they named that authority,
        # must not be what makes the question look answered (nor lead to a passage that does).
        judged = [c for c in chosen if also is None or checks_elsewhere or c is not also[0]]
        nearby = compose.unit_holding_asked(message, judged, scored)
        if nearby is not None:
            chosen, judged = [*chosen, nearby], [*judged, nearby]
        if compose.missing_answer_type(message, judged, scored.units, topic=self._rare_words(message, RARE_IDF),
                                       named=self._rare_names(message), words=self._rare_words(message, LEAD_IDF)):
            return self._not_found(message, hits, scope)
        # After the answer-type check: a passage quoted only as a runner-up must not be what
        # makes a question about a date or a number look answered.
        chosen += self._side_runners_up(side, scored, message) if side else compose.runners_up(scored, chosen)
        if newer is None:  # (a newer contact's search replaced this one's candidates)
            # The learnt ranker's favourite passage, when the hand score left it out.
            chosen += compose.learnt_side_extra(side, chosen, scored) if side else compose.learnt_extra(chosen, scored)
        row = compose.code_row_for(message, chosen, self.r) or self._best_code_row(message, chosen, scored)
        if row is not None:
            # The row leads; a runner-up quoting the same rows of the table is not said again.
            scored.units.append(row)
            chosen = [row] + [c for c in chosen if c.hit.chunk.chunk_id != row.hit.chunk.chunk_id]
        lead: dict[str, str] = {}  # a line said before a document's quotes
        law = self._current_law(message, chosen, scored, today)
        if law is not None:
            chosen = [*chosen, law]
        consent = self._special_placement_law(message, chosen, today)
        if consent is not None:
            scored.units.append(consent)
            chosen = [*chosen, consent]
        later = self._later_edition(message, chosen, scored, today)
        if later is not None:
            chosen = [*chosen, later]
            lead[later.hit.chunk.doc_id] = ("A newer document held cites a later edition" +
                                            (f" (it is not {authority}'s own document)" if authority and
                                             later.hit.document.authority != authority else "") + ":")
        step = compose.next_step_for(message, chosen[0], scored.units, self.r)
        if step is not None and not compose.quotes_chunk(chosen, step):
            scored.units.append(step)
            chosen = [chosen[0], step, *chosen[1:]]
        elif not side and not compose.asks_code(message):
            # Last, so the law, register-code and next-step choices above keyed off the hand score's best.
            # (For "which code?", the register row the hand score or code_row_for put first stays first.)
            chosen = compose.lead_first(chosen, scored, compose.answer_type(message))
        # Switched to another authority's answer, or shown it beside the asker's own ("also").
        answer = self._compose(chosen, scored, today, authority if other and also is None else None, message,
                               elsewhere=authority if also is not None else None, lead=lead)
        if other:
            answer.flag("other_authority")
        if _asks_if_current(message):
            now = compose.replacement_in_force(answer.citations, self._commencement, today)
            if now is not None:
                answer.citations = [*answer.citations, now]
                answer.answer += f"\n\n**The law now ({now.title}):**\n{now.quote} [{now.n}]"
        answer = self.finish(answer, today)
        if self.llm is not None:
            outcome = self.llm.compose(message, authority, hits, today)
            if outcome.answer is not None:
                drafted = outcome.answer
                for f in answer.flags:
                    drafted.flag(f)
                return drafted
            answer.flag("llm_fallback")
            answer.answer += f"\n\n_(The language model's draft was not used: {outcome.problem}.)_"
        return answer

    @staticmethod
    def _best_code_row(message: str, chosen: list[compose.Unit], scored: compose.Scored) -> compose.Unit | None:
        """For "how should we record these sessions?", the best row of the code table, when no chosen
        passage is one and it scores near the best: a story shares few words with the row it needs
        ("the county hasn't put the transport in place" is code Q's "lack of access arrangements")."""
        if not compose.asks_code(message) or any(compose.holds_code_rows(u.text) for u in chosen):
            return None
        rows = [u for u in scored.units if compose.holds_code_rows(u.text) and not u.is_heading]
        best = max(rows, key=lambda u: u.score, default=None)
        return best if best is not None and best.score >= CODE_ROW_RATIO * scored.best.score else None

    def _asked_alone(self, message: str, hits: list[Hit], whole: compose.Scored) -> compose.Scored | None:
        """A long story dilutes how well any sentence matches the whole message. The passages the
        whole message found are then ranked by both readings (the story says which situation, the
        asking sentence what is wanted), and the best is judged by whichever reading it fits better,
        as a one-sentence question would be. Each asking sentence is tried, the last first ("Who does
        she need to see? and realistically are we going to say yes?" asks its real question first)."""
        before = {(u.hit.chunk.chunk_id, u.start): u for u in whole.units}
        for ask in compose.asking_sentences(message):
            alone = self._score(ask, hits)
            if alone.best is None:
                continue
            supports: dict[int, float] = {}
            for u in alone.units:
                w = before.get((u.hit.chunk.chunk_id, u.start))
                supports[id(u)] = max(compose.support_of(u), compose.support_of(w)) if w is not None else compose.support_of(u)
                if w is not None:
                    u.score = (u.score + w.score) / 2
            best = max(alone.units, key=lambda u: u.score)
            if supports[id(best)] >= SUPPORT_THRESHOLD:
                return compose.Scored(alone.units, best, supports[id(best)])
        return None

    def _other_parts(self, message: str, parts: list[str], scope: str | None, chosen: list[compose.Unit],
                     scored: compose.Scored) -> list[compose.Unit]:
        """A message asking two things gets an answer to each: every part (``compose.question_parts``)
        is searched on its own, and its best passage joins the answer unless the quotes already cover it."""
        if len(parts) < 2:
            return []
        covered = {(u.hit.chunk.chunk_id, *compose.window(u, scored.units)) for u in chosen}
        extra: list[compose.Unit] = []
        for part in parts:
            if len(extra) >= MAX_PART_ANSWERS:
                break
            if part == message:
                continue  # already searched: it is the message itself ("…? we're an academy" asks one thing)
            _, sp = self._search(part, scope)
            best = sp.best
            if best is None or sp.support < SUPPORT_THRESHOLD or best.is_heading:
                continue
            span = compose.window(best, sp.units)
            if any(cid == best.hit.chunk.chunk_id and s <= best.start < e for cid, s, e in covered):
                continue
            covered.add((best.hit.chunk.chunk_id, *span))
            scored.units.extend(u for u in sp.units if u.hit is best.hit)
            extra.append(best)
        return extra

    def _contact_for(self, message: str, chosen: list[compose.Unit],
                     scored: compose.Scored) -> tuple[bool, compose.Unit | None]:
        """"How do I get hold of them?" is only answered with the e-mail address or phone number of
        whoever was asked about. Returns (answered, passage to lead with): when no chosen passage
        gives such details, the best-scoring passage that does leads; when none does, not answered."""
        # Whose contact: the words that name the team or person asked about ("the Elective Home Education
        # team", "the virtual school") must be beside the details, or a request for the EHE team's e-mail
        # would get the CME team's. The story around the question says nothing about whose.
        # (A word no document uses, "Suffolk's CME team", rightly leaves the request unanswered.)
        asked = asked_part(message)
        want = subject_words(self.r.glossary.spell_out(self.r.without_names(asked)))
        need = sum(self.r.idf(t) for t in want)
        # "the out of hours number": a daytime line is no answer, so the details must be said to be for then
        after_hours = bool(_OUT_OF_HOURS.search(asked))
        if not need and not after_hours:
            return True, None  # "how do I get hold of them?" alone: nothing says whose details

        def fits(u: compose.Unit) -> bool:
            quoted = u.hit.chunk.text[slice(*compose.window(u, scored.units))]
            # The owner of a detail is named just before it ("…to the operational Attendance Team at
            # csattendance@…") or in the heading it sits under, not anywhere in a long quote: "Elective
            # Home Education" at the end of that sentence does not make it the EHE team's address.
            around = [quoted[max(0, m.start() - OWNER_BEFORE):m.end() + OWNER_AFTER] for m in CONTACT_DETAIL.finditer(quoted)]
            near = set(tokenize(u.hit.chunk.section_path)) if around else set()
            for text in around:
                near |= set(tokenize(text))
            if after_hours and not any(_OUT_OF_HOURS.search(text) for text in around):
                return False
            return bool(around) and sum(self.r.idf(t) for t in want & near) >= CONTACT_COVERAGE * need

        if any(fits(u) for u in chosen):
            return True, None
        floor = CONTACT_RATIO * scored.best.score
        for u in sorted(scored.units, key=lambda u: -u.score):
            if u.score < floor:
                break
            if not u.is_heading and fits(u):
                return True, u
        return False, None

    def _passages_of(self, doc_ids: set[str], keep: Callable[[Any], bool]) -> list[Hit]:
        """Every chunk of these documents that ``keep`` accepts, as unranked hits: used where a search
        would rank the document the question names above the one wanted (a handful of chunks each)."""
        return [Hit(c, self.r.index.documents[c.doc_id], 0.0) for c in self.r.index.chunks
                if c.doc_id in doc_ids and keep(c)]

    def _later_edition(self, message: str, chosen: list[compose.Unit], scored: compose.Scored,
                       today: date) -> compose.Unit | None:
        """"Cromford's policy says the CME guidance came in in September 2016: is that still the current
        version?" When every chosen passage is from a stale document, a newer document held that cites
        a later edition than any year the question names says what replaced it (quoted under its own
        source, so whose document it is stays plain)."""
        years = [int(y) for y in _YEAR.findall(message)]
        if not years or not _ASKS_CURRENT_VERSION.search(message):
            return None
        if not _stale_only(chosen, today):
            return None
        docs = [u.hit.document for u in chosen]
        since = max(d.dated or "" for d in docs)
        newer = [d for d in self.r.index.documents.values() if d.authority != NATIONAL and (d.dated or "") > since]
        # A newer document that itself cites replaced law is no guide to what is current.
        newer = {d.doc_id for d in ([d for d in newer if not d.superseded_references] or newer)}
        # Later than the edition asked about and than the stale document itself ("Children Act 2004" is no
        # later edition of guidance a 2019 document cites).
        after = max([*years, *(int(d.dated[:4]) for d in docs if d.dated)])
        if after >= today.year:
            return None
        later = re.compile(r"\b(?:" + "|".join(str(y) for y in range(after + 1, today.year + 1)) + r")\b")
        pool = self._passages_of(newer, lambda c: bool(later.search(c.text)))
        if not pool:
            return None
        rescored = self._score(message, pool)
        for u in sorted(rescored.units, key=lambda u: -u.score):
            if compose.support_of(u) < SUPPORT_THRESHOLD:
                break
            # The edition's year may head the list the sentence is in ("Working Together to Safeguard
            # Children 2023: … Requires a named CME point of contact…"); a review date is not about the question.
            if u.is_heading or u.dense < LATER_EDITION_DENSE or _DOCUMENT_DATES.search(u.text):
                continue
            if not later.search(u.hit.chunk.text[slice(*compose.window(u, rescored.units))]):
                # Quoted from its heading, which names the edition.
                u = next((x for x in rescored.units if x.hit is u.hit and x.is_heading and x.start < u.start
                          and later.search(x.text)), None)
                if u is None:
                    continue
            scored.units.extend(x for x in rescored.units if x.hit is u.hit)
            return u
        return None

    def _newer_contact(self, message: str, chosen: list[compose.Unit],
                       hits: list[Hit]) -> tuple[list[Hit], compose.Scored, compose.Unit] | None:
        """"Our 2023 policy says to e-mail X: is that still right?" The authority's newer document is
        where a current contact would be: its best passage giving contact details joins the answer."""
        old = chosen[0].hit.document
        newer = [d for d in self.r.index.documents.values()
                 if d.authority == old.authority and d.doc_id != old.doc_id and (d.dated or "") > (old.dated or "")]
        if not newer or old.authority == NATIONAL:
            return None
        wanted = {d.doc_id for d in newer}
        # Every passage of the newer documents that gives contact details competes (a handful): a search
        # would rank the old document first, since the question names it ("our Aspire policy says…").
        extra = self._passages_of(wanted, lambda c: self.r.has_contact(c.chunk_id))
        if not extra:
            return None
        # The answer quotes one set of units, so the rescored pool holds every chosen passage (one found
        # for another part of the message too) as well as the newer document's.
        pool = list(hits)
        seen = {h.chunk.chunk_id for h in pool}
        for h in [c.hit for c in chosen] + extra:
            if h.chunk.chunk_id not in seen:
                seen.add(h.chunk.chunk_id)
                pool.append(h)
        rescored = self._score(message, pool)
        # A newer document lists several contacts (its CME lead, an attendance lead, a helpline): the one
        # replacing the old contact is headed by the role the question or the old passage names ("a Child
        # Missing Education point of contact" -> "CME Lead Officer", not "Attendance Lead").
        role = set(tokenize(self.r.glossary.expand(f"{message} {chosen[0].text}"))) - _CONTACT_HEADING_WORDS

        def names_role(u: compose.Unit) -> int:
            heading = u.hit.chunk.section_path.rsplit(" > ", 1)[-1]
            return len(role & set(tokenize(self.r.glossary.expand(heading))))

        for u in sorted(rescored.units, key=lambda u: (-names_role(u), -u.score)):
            quoted = u.hit.chunk.text[slice(*compose.window(u, rescored.units))]
            if u.hit.chunk.doc_id in wanted and not u.is_heading and CONTACT_DETAIL.search(quoted):
                return pool, rescored, u
        return None

    def _current_law(self, message: str, chosen: list[compose.Unit], scored: compose.Scored,
                     today: date) -> compose.Unit | None:
        """When every chosen passage is from a document past review or citing superseded law, the
        2024 legislation's best passage goes with it, so the answer gives the current position.
        A question about taking a pupil off roll looks first in regulation 9.

        A passage quoting an old rule by its wording ("custody for more than four months") brings the
        provision that replaced it even when the law is quoted already: the law's passage the search
        found may be another one (the definition of a sentence of detention, not 9(1)(j))."""
        replaced = self._provision_now(message, [u for u in chosen if _stale_only([u], today)], scored)
        if replaced is not None and not compose.quotes_chunk(chosen, replaced):
            return replaced
        if _asks_if_current(message) and _DELETION.search(message) and not any(_in_regulation_9(u) for u in chosen):
            # "Is that still the law?" of an out-of-date document's rule for taking a pupil off roll
            old = next((u for u in chosen if _stale_only([u], today) and _DELETION.search(u.text)), None)
            # (scored on the old rule's own words: the story around the question matches 9(1)'s opening
            # line better than the ground that replaced the rule)
            now = self._law_passage(old.text, _in_regulation_9_chunk, scored) if old is not None else None
            if now is not None:
                return now
        if not _stale_only(chosen, today):
            return self._deletion_law(message, chosen, scored)
        if replaced is not None:
            return replaced
        law = _law_near_best(chosen, scored)
        if _DELETION.search(message):
            law = [u for u in law if _in_regulation_9(u)] or law
        return law[0] if law else None

    def _deletion_law(self, message: str, chosen: list[compose.Unit], scored: compose.Scored) -> compose.Unit | None:
        """Whether a pupil may be taken off roll is the law's to say (regulation 9), whatever a local
        policy adds: an answer quoting only local documents on it also quotes the regulation's best
        passage, when one scores near the best."""
        if not _ASKS_ABOUT_DELETION.search(message) or any(u.hit.document.authority == NATIONAL for u in chosen):
            return None
        law = [u for u in _law_near_best(chosen, scored) if _in_regulation_9(u)]
        # the paragraph the question describes ("absent for 20 days" is 9(1)(i)) before a neighbour
        named = set(self.r.glossary.topic_codes(message))
        return next((u for u in law if named & set(u.hit.chunk.paragraphs)), law[0] if law else None)

    def _special_placement_law(self, message: str, chosen: list[compose.Unit], today: date) -> compose.Unit | None:
        """A pupil the LA placed at a special school leaves its roll only with that LA's consent,
        whatever the ground (reg 9(2)): a question about such a pupil leaving quotes the paragraph,
        which a search led by the move ("gone to Cornwall, no school named") ranks far down."""
        if not _SPECIAL_SCHOOL.search(message) or not _LEAVING.search(message):
            return None
        if not extract_facts(message, today).facts.get("special_school_la_arranged"):
            return None
        if any(SPECIAL_SCHOOL_PARAGRAPH in u.hit.chunk.paragraphs for u in chosen):
            return None
        return self._law_passage(message, lambda c: SPECIAL_SCHOOL_PARAGRAPH in c.paragraphs)

    def _law_passage(self, text: str, keep: Callable[[Any], bool], into: compose.Scored | None = None) -> compose.Unit | None:
        """The 2024 Regulations' passage, among the chunks ``keep`` accepts, that best fits ``text``;
        with ``into``, that passage's sentences join those scores so it can be quoted."""
        hits = self._passages_of({REGULATIONS_2024}, keep)
        found = self._score(text, hits) if hits else None
        best = max((u for u in found.units if not u.is_heading), key=lambda u: u.score, default=None) if found else None
        if best is not None and into is not None:
            into.units.extend(u for u in found.units if u.hit is best.hit)
        return best

    def _provision_now(self, message: str, chosen: list[compose.Unit], scored: compose.Scored) -> compose.Unit | None:
        """The 2024 provision that replaced what a stale passage quotes, from the rule module's table of
        old-law wording ("custody for more than four months" -> 9(1)(j); "inform … within 5 days of every
        child they enrol" -> 13(1)): a search for the question finds the stale passage, not its successor."""
        for u in chosen:
            quoted = u.hit.chunk.text[slice(*compose.window(u, scored.units))]
            for ref in find_old_ground_references(quoted):
                for provision in ref.new:
                    best = self._law_passage(message, lambda c, p=provision: p in c.paragraphs, scored)
                    if best is not None:
                        return best
        return None

    def _side_by_side(self, scored: compose.Scored, *, include_law: bool, message: str) -> list[compose.Unit] | None:
        """Where sources differ, show each one's answer: every authority's when none is chosen, or the
        authority's and the law's when one is."""
        best = scored.best
        if best.hit.document.authority == NATIONAL and not include_law:
            return None  # the law answers it for every authority: no local versions to compare
        per: dict[str, compose.Unit] = {}
        shown: list[str] = []  # the documents of the sources already picked
        near = self._chunk_closeness(message)
        order = sorted(scored.units, key=lambda u: -(u.score + SIDE_CHUNK_WEIGHT * near.get(u.hit.chunk.chunk_id, 0.0)))
        # Comparing authorities on "after how many days…?": each one's answer is its best sentence that
        # holds a count of days, when one scores near enough; its best sentence overall may only talk
        # about the subject. (Not for one authority beside the law: there the best passage answers.)
        wanted = None if include_law else compose.answer_type(message)

        def typed(u: compose.Unit) -> bool:
            return wanted is not None and bool(wanted.search(u.text)) and u.score >= TYPED_SIDE_RATIO * best.score

        order.sort(key=lambda u: not typed(u))  # stable: the typed ones first, each group in its order
        for u in order:
            a = u.hit.document.authority
            if (include_law or a != NATIONAL) and not u.is_heading and a not in per and \
                    (u.score >= SIDE_BY_SIDE_RATIO * best.score or typed(u)):
                # Schools copy each other's policies: a sentence another source's document already
                # says word for word shows no difference, so this source's own next-best is used.
                if a != NATIONAL and any(squash(u.text).lower() in other for other in shown):
                    continue
                per[a] = u
                shown.append(self._squashed_text(u.hit.chunk.doc_id))
        if len(per) < 2 or (include_law and NATIONAL not in per):
            return None
        return sorted(per.values(), key=lambda u: (u.hit.document.authority == NATIONAL, -u.score))

    def _chunk_closeness(self, message: str) -> dict[str, float]:
        """Each chunk's closeness to the question through the learnt query map (fitted so that a
        question's answering chunk ranks first), by chunk id; empty without the map."""
        sims = self.r.learnt_closeness(self._query_vector(message))
        return {} if sims is None else {c.chunk_id: float(x) for c, x in zip(self.r.index.chunks, sims)}

    def _side_runners_up(self, side: list[compose.Unit], scored: compose.Scored, message: str) -> list[compose.Unit]:
        """Each source's next-best passage from another chunk, when it scores nearly as well as the
        best of all: a comparison gives each authority's answer, which may take two passages. When the
        question asks for a kind of fact (a count of days), a source's second passage holding one
        joins when it scores nearly as well as the source's first ("not removed … until 20 days" and
        "refer by day 11" are both Derbyshire's answer to "after how many days?")."""
        extra: list[compose.Unit] = []
        wanted = compose.answer_type(message)
        # (a passage holding the kind of fact asked for comes before one that only scores well)
        ranked = sorted(scored.units, key=lambda u: (wanted is None or not wanted.search(u.text), -u.score))
        close = self._chunk_closeness(message)
        for first in side:
            a = first.hit.document.authority
            for u in ranked:
                # A passage scoring lower still joins when the map, fitted to staff questions, finds its chunk
                # as near as the first passage's (a family emigrating: not the source's sixth-form sentence).
                near_best = u.score >= SIDE_RUNNER_UP_RATIO * scored.best.score or (
                    u.score >= SIDE_CLOSE_RUNNER_UP_RATIO * scored.best.score
                    and close.get(u.hit.chunk.chunk_id, 0.0) >= close.get(first.hit.chunk.chunk_id, 1.0))
                near_first = wanted is not None and u.score >= TYPED_SECOND_RATIO * first.score
                if not near_best and (not near_first or not wanted.search(u.text)):
                    continue
                # (by chunk: a named authority's own search brings its chunks again, as other hits)
                if u.hit.document.authority == a and not u.is_heading and not compose.quotes_chunk((*side, *extra), u):
                    extra.append(u)
                    break
        return extra

    def _every_authority(self, message: str, hits: list[Hit], scored: compose.Scored
                         ) -> tuple[list[Hit], compose.Scored, list[compose.Unit]] | None:
        """Authorities differ on this question, but one search ranks only a few documents high: each
        authority not yet in the pool is searched on its own, so that none is left out of the comparison.
        When the question asks for a kind of fact ("after how many days?"), every authority is searched
        for passages holding one: the pool may hold an authority's chunks about the subject but not its
        answer (Derbyshire's categories of CME, not its "refer by day 11")."""
        wanted = compose.answer_type(message)
        present = set() if wanted is not None else {h.document.authority for h in hits}
        seen = {h.chunk.chunk_id for h in hits}
        depth = TYPED_AUTHORITY_DEPTH if wanted else PER_AUTHORITY_HITS
        extra = [hit for a in self.r.authorities if a not in present
                 for hit in [h for h in self.r.search(message, k=depth, authority=a)
                             if h.chunk.chunk_id not in seen and (wanted is None or wanted.search(h.chunk.text))][:PER_AUTHORITY_HITS]]
        if not extra:
            return None
        rescored = self._score(message, hits + extra)
        side = self._side_by_side(rescored, include_law=False, message=message)
        return None if side is None else (hits + extra, rescored, side)

    def _each_named(self, message: str, named: tuple[str, ...], scored: compose.Scored) -> list[compose.Unit] | None:
        """"We take pupils from Derbyshire and Norfolk: what are the forms called?": each named
        authority's own best passage, side by side, searched within that authority's documents."""
        per: list[compose.Unit] = []
        wanted = compose.answer_type(message)
        for a in named:
            # Its own documents only: the law's passages could fill every place of a scoped search.
            _, sa = self._search(message, a, national=False)
            own = [u for u in sa.units if u.hit.document.authority == a and not u.is_heading]
            if not own:
                continue
            best = max(own, key=lambda u: u.score)
            # Asked "how soon…?", an authority's answer is its best sentence holding a time limit when
            # one scores near enough, as in _side_by_side ("refer … by day 11", not "we would have to refer").
            typed = [u for u in own if wanted is not None and wanted.search(u.text) and u.score >= TYPED_SIDE_RATIO * best.score]
            best = max(typed, key=lambda u: u.score, default=best)
            scored.units.extend(u for u in sa.units if u.hit is best.hit)
            per.append(best)
        return per if len(per) > 1 else None

    def _squashed_text(self, doc_id: str) -> str:
        if doc_id not in self._squashed:
            self._squashed[doc_id] = squash(self.r.index.texts.get(doc_id, "")).lower()
        return self._squashed[doc_id]

    def _rare_names(self, message: str) -> tuple[str, ...]:
        """The names of the policies' own services the message uses that few passages hold ("Erkenwald
        Campus", not "Children Missing Education"): a fact asked about one must stand beside it."""
        folded = fold(message)
        return tuple(n for n in corpus_names(self.r).found_in(message)
                     if 0 < self._chunks_naming(n) <= RARE_NAME_CHUNKS and not _signs_on_as(n, folded))

    def _chunks_naming(self, name: str) -> int:
        """How many passages hold the (folded) name, counted once per name: a scan of every passage
        costs milliseconds, and the same services come up again and again."""
        if name not in self._name_counts:
            self._name_counts[name] = sum(1 for t in self._chunk_folds if name_pattern(name).search(t))
        return self._name_counts[name]

    @cached_property
    def _years_held(self) -> set[str]:
        """The years the documents mention, other than in their own review and approval dates."""
        return {y for c in self.r.index.chunks for line in c.text.splitlines()
                if not _REVIEW_LINE.search(line) for y in _YEAR.findall(line)}

    @cached_property
    def _chunk_folds(self) -> list[str]:
        return [fold(f"{c.section_path} {c.text}") for c in self.r.index.chunks]

    def _rare_words(self, message: str, min_idf: float) -> set[str]:
        """The message's words at least this rare in the corpus, less names and the words of asking."""
        return {t for t in tokenize(self.r.without_names(message)) if self.r.idf(t) >= min_idf} - ASKING_WORDS

    def _further(self, u: compose.Unit, units: list[compose.Unit], end: int, wanted: set[str], *,
                 escalation: bool = False) -> int:
        """Carry a quote on through the next sentences of its paragraph that hold question words it
        lacks ("…check the Tribal database… If they are, the CME Assistant will… confirm"). A question
        about what happens when a step fails ("what if mum still won't enrol her?") also carries it on
        through the conditions that follow ("If the child is not enrolled… If the child remains out of
        education, a School Attendance Order…")."""
        if not wanted and not escalation:
            return end
        text = u.hit.chunk.text
        have = set(tokenize(text[:end]))
        for x in sorted((x for x in units if x.hit is u.hit and x.start >= end), key=lambda x: x.start)[:FURTHER_UNITS]:
            if x.is_heading or len(text[u.start:x.end].split()) > FURTHER_WORDS:
                break
            new = (wanted - have) & set(tokenize(x.text))
            if not new and not (escalation and _CONDITION.match(x.text.strip())):
                break
            end, have = x.end, have | new
        return end

    def _compose(self, units: list[compose.Unit], scored: compose.Scored, today: date, asked: str | None,
                 question: str | None = None, elsewhere: str | None = None, lead: dict[str, str] | None = None) -> Answer:
        """``lead``: a line said before a document's quotes (why a newer document is quoted)."""
        citations: list[Citation] = []
        blocks: dict[str, list[str]] = {}
        docs: dict[str, Any] = {}
        sections: dict[str, str | None] = {}
        wanted = self._rare_words(question, FURTHER_IDF) if question else set()
        escalation = bool(question and _ESCALATION.search(question))

        def cite(hit: Hit, start: int, end: int) -> None:
            c = compose.citation_for(len(citations) + 1, hit, start, end, today)
            # A chunk brought in to finish a list may also be a chosen passage: say it once.
            if any(p.chunk_id == c.chunk_id and c.quote in p.quote for p in citations):
                return
            citations.append(c)
            docs[c.doc_id] = hit.document
            block = blocks.setdefault(c.doc_id, [])
            label = _section_label(hit, c.quote)
            if label and sections.get(c.doc_id) != label:
                block.append(f"_{label}_")
            sections[c.doc_id] = label
            block.append(f"{_provision(hit.chunk, c.quote)}{compose.rows_as_codes(c.quote)} [{c.n}]")

        spans = []
        for u in units:
            start, end = compose.window(u, scored.units)
            spans.append([u, start, self._further(u, scored.units, end, wanted, escalation=escalation)])
        spans = _close_gaps(spans)
        for u, start, end in spans:
            cite(u.hit, start, end)
            follow = compose.continuation(u, self.r)
            if not follow:
                follow = [h for h in compose.referring_next(u, self.r)
                          if not any(x.hit.chunk.chunk_id == h.chunk.chunk_id for x in units)]
            for more in follow:
                cite(more, 0, len(more.chunk.text))
        lines: list[str] = []
        if asked:
            lines.append(f"{asked}'s documents here do not cover this; another authority's do. "
                         "Check with your own authority before relying on it.\n")
        for doc_id, quotes in blocks.items():
            if elsewhere and docs[doc_id].authority not in (elsewhere, NATIONAL):
                lines.append(f"Another authority's documents say this too; it is not {elsewhere}'s procedure, "
                             "so check with your own authority before relying on it.")
            if lead and doc_id in lead:
                lines.append(lead[doc_id])
            lines.append(f"**{compose.who(docs[doc_id])}:**")
            lines.extend(quotes)
            lines.append("")
        return Answer(Action.ANSWERED, "\n".join(lines).strip(), citations, intent=Intent.PROCEDURE)

    def _not_found(self, message: str, hits: list[Hit], scope: str | None, unknown: list[str] = ()) -> Answer:
        closest = list(dict.fromkeys(h.document.title for h in hits))[:3]
        if unknown:
            lines = [f"{NOT_COVERED} None of them mentions the " + " or the ".join(unknown) + ", so I will not guess."]
        else:
            lines = [f"{NOT_COVERED} I have not found a passage that answers this, so I will not guess."]
        if closest:
            lines.append("Closest documents: " + "; ".join(f"*{t}*" for t in closest) + ".")
        lines.append("Ask your local authority's Children Missing Education team"
                     + (f" in {scope}" if scope else "") + ", or check the current DfE guidance.")
        return Answer(Action.NOT_FOUND, "\n".join(lines), intent=Intent.PROCEDURE)
