"""The deterministic answer engine's composer: pick the sentences of the retrieved chunks that
answer the question, and join them with citations. It adds no words of its own beyond short
connective phrasing (who says it, and warnings about currency).

Sentences ("units") are scored by IDF-weighted term coverage of the question (with the
glossary's expansions), cosine similarity under the same embedding model, and the chunk's
retrieval rank. A list introduced by a line ending in ':' travels with its introduction.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Iterable, Iterator

import numpy as np

from assistant.chat import sentence_ranker
from assistant.chat.sentence_ranker import SentenceRanker
from assistant.chat.types import Citation
from guardrails.names import name_pattern
from guardrails.text import fold
from indexer import query_adapter
from indexer.contacts import PHONE
from indexer.corpus import NATIONAL
from indexer.lexical import tokenize
from indexer.retriever import Hit, HybridRetriever
from indexer.units import split_units, unit_embed_text

RANK_WEIGHT = 0.1  # how much the chunk's retrieval rank adds to a sentence's score (rank 0 gets all of it)
DENSE_WEIGHT = 0.45  # how much a sentence's closeness in meaning adds (its shared rare words add the same)
MAX_UNITS_EMBEDDED = 24  # units without stored vectors embedded per question (old indexes only)


@dataclass
class Unit:
    hit_rank: int
    hit: Hit
    start: int  # offsets within the chunk text
    end: int
    is_heading: bool
    score: float = 0.0
    lex: float = 0.0
    dense: float = 0.0
    vector: np.ndarray | None = None
    chance: float | None = None  # the learnt ranker's chance that this sentence answers (None without one)

    @property
    def text(self) -> str:
        return self.hit.chunk.text[self.start : self.end]


# An instrument's enactment lines say when it was made, not what anyone must do: like a heading,
# they are never quoted as an answer on their own.
_ENACTMENT = re.compile(r"^\s*(Made|Laid before Parliament|Coming into force|Sealed)\b", re.I)


def units_of(hit: Hit, rank: int, retriever: HybridRetriever) -> list[Unit]:
    stored = retriever.units(hit.chunk.chunk_id)
    if stored:
        units = [Unit(rank, hit, row["start"], row["end"], row["heading"], vector=vec) for row, vec in stored]
    else:
        units = [Unit(rank, hit, u.start, u.end, u.is_heading) for u in split_units(hit.chunk.text)]
    for u in units:
        u.is_heading = u.is_heading or bool(_ENACTMENT.match(u.text))
    return units


@dataclass
class Scored:
    units: list[Unit]
    best: Unit | None
    support: float  # how well the best sentence answers the question, 0..1
    features: np.ndarray | None = None  # the ranker's view of each unit (sentence_ranker.FEATURES), for fitting it
    # The units this scoring made, before any other search's are added to ``units``: only their
    # chances were computed against this question and these candidates, so only they compare.
    own: tuple[Unit, ...] = ()


def score_units(
    question: str, expanded: str, hits: list[Hit], retriever: HybridRetriever, *, query_vec: np.ndarray | None = None,
    ranker: SentenceRanker | None = None, features: bool = False,
) -> Scored:
    """Every sentence of ``hits`` scored as an answer to ``question`` by hand-set weights; with a
    ``ranker``, each also gets the learnt ranker's chance of answering (see learnt_extra).
    ``features``: keep the ranker's view of the units (for fitting it) even without a ranker."""
    units = [u for r, h in enumerate(hits) for u in units_of(h, r, retriever)]
    if not units:
        return Scored([], None, 0.0)
    # Place and school names chose the documents; they say nothing about which sentence answers.
    question, expanded = retriever.without_names(question), retriever.without_names(expanded)
    q_orig = set(tokenize(question))
    q_all = set(tokenize(expanded))
    denom = sum(retriever.idf(t) for t in q_orig) or 1.0
    for u in units:
        toks = set(tokenize(u.text)) | {t for t in tokenize(u.hit.chunk.section_path) if t in q_all}
        gain = sum(retriever.idf(t) * (1.0 if t in q_orig else 0.4) for t in q_all & toks)
        u.lex = min(1.0, gain / denom)
    q = np.asarray(query_vec if query_vec is not None else retriever.embeddings.embed_query(question), dtype=np.float32)
    missing = [u for u in units if u.vector is None][:MAX_UNITS_EMBEDDED]
    if missing:
        vecs = retriever.embeddings.embed_documents([unit_embed_text(u.hit.chunk.section_path, u.text) for u in missing])
        for u, v in zip(missing, vecs):
            u.vector = np.asarray(v, dtype=np.float32)
    for u in units:
        if u.vector is not None:
            u.dense = float(u.vector @ q)
    wants = [_ROUTE_IN[1]] if _ROUTE_IN[0].search(question) else [has for asks, has in _PREFERS if asks.search(question)]
    fits = [bool(wants) and any(has.search(u.text) for has in wants) for u in units]
    for u, fit in zip(units, fits):
        u.score = (DENSE_WEIGHT * u.lex + DENSE_WEIGHT * max(u.dense, 0.0) + RANK_WEIGHT / (1 + u.hit_rank)
                   + (0.12 if fit else 0.0) - (0.15 if u.is_heading else 0.0))
    adapter = retriever.sentence_adapter
    x = None
    if ranker is not None or features:
        mapped = query_adapter.apply(adapter, q) if adapter is not None else None
        typed_as = answer_type(question)
        x = sentence_ranker.features(units, mapped, [bool(typed_as and typed_as.search(u.text)) for u in units], fits)
    if ranker is not None:
        for u, chance in zip(units, ranker.scores(x)):
            u.chance = float(chance)
    best = max(units, key=lambda u: u.score)
    chosen = _earlier_answer(best, units, q, adapter)
    if chosen is not best:
        # The earlier sentence opens the quote, which runs on through the one first chosen; it takes
        # that one's rank among the candidates, so the runners-up are chosen exactly as before.
        chosen.score, best.score = best.score, chosen.score
        return Scored(units, chosen, max(support_of(best), support_of(chosen)), x, tuple(units))
    return Scored(units, best, support_of(best), x, tuple(units))


def quotes_chunk(units: Iterable[Unit], u: Unit) -> bool:
    """Does one of ``units`` already quote from ``u``'s chunk? (An answer quotes a chunk once.)"""
    return any(c.hit.chunk.chunk_id == u.hit.chunk.chunk_id for c in units)


def learnt_extra(chosen: list[Unit], scored: Scored) -> list[Unit]:
    """The learnt ranker's favourite passage of this search, when the answer does not quote its
    chunk yet and it is the first passage's authority's or the law's.

    Added, not swapped in: the hand score's choices already passed the checks set on them (answer
    type, currency), and the ranker's favourite is often the passage they missed. With
    learnt_side_extra: v1-v27 1179 -> 1199 of 1370, none lost (v22-v27, held out of its fitting,
    240 -> 243); no change on v28 and v29, never read. Adding its second favourite as well changed
    no graded answer on v1-v27."""
    if not chosen or chosen[0].chance is None:
        return []
    own = (chosen[0].hit.document.authority, NATIONAL)
    fav = max((u for u in scored.own if u.chance is not None and not u.is_heading), key=lambda u: u.chance, default=None)
    if fav is None or fav.hit.document.authority not in own or quotes_chunk(chosen, fav):
        return []
    return [fav]


def learnt_side_extra(side: list[Unit], chosen: list[Unit], scored: Scored) -> list[Unit]:
    """For an answer that sets sources side by side: each source's passage the learnt ranker rates
    above the one the hand score picked for it, when not quoted yet. (Only a pick made by this
    search compares: a named authority's own search scored its pick against other candidates.)
    Measured on v1-v27 with an earlier fit: swapping it in for the pick won 7 and lost 4; adding it
    won the same 7 and lost none, at the cost of about 100 more words in the 57 answers it changed."""
    mine = {id(u) for u in scored.own}
    extra: list[Unit] = []
    for first in side:
        if first.chance is None or id(first) not in mine:
            continue
        fav = max((u for u in scored.own if u.chance is not None and not u.is_heading
                   and u.hit.document.authority == first.hit.document.authority), key=lambda u: u.chance, default=None)
        if fav is not None and fav.chance > first.chance and not quotes_chunk((*chosen, *extra), fav):
            extra.append(fav)
    return extra


def lead_first(chosen: list[Unit], scored: Scored, wanted: re.Pattern | None = None) -> list[Unit]:
    """The passages an answer quotes, the one the learnt ranker gives the best chance of answering
    first. Only the order changes, only when the hand score's best leads (not a contact passage, a
    register-code row or a next step put first on purpose), and only among this search's passages of
    that one's authority, so whose answer it is stays the hand score's decision. (Letting the ranker
    choose the lead before the checks, in place of the hand's best, moved as many graded answers
    wrong as right on v22-v27, held out of its fitting: the checks were set on the hand's choices.)

    ``wanted``: the kind of fact the question asks for (answer_type); when the first passage holds
    one, only a passage that also holds one may lead instead."""
    if not chosen or chosen[0] is not scored.best or chosen[0].chance is None:
        return chosen
    first = chosen[0]
    mine = {id(u) for u in scored.own}
    typed = wanted is not None and wanted.search(first.text) is not None
    pool = [u for u in chosen if id(u) in mine and u.chance is not None and not u.is_heading
            and u.hit.document.authority == first.hit.document.authority and (not typed or wanted.search(u.text))]
    lead = max(pool, key=lambda u: u.chance, default=first)
    return chosen if lead is first else [lead, *(u for u in chosen if u is not lead)]


def _earlier_answer(best: Unit, units: list[Unit], q: np.ndarray, adapter: np.ndarray | None) -> Unit:
    """A sentence before ``best`` in its chunk that the learnt sentence map scores as the better answer.

    The sentence that states a rule often comes just before the one that shares the question's
    words ("If the child has not been traced within 5 working days a Strategy Meeting should be
    convened." before "Members of the meeting will need to consider…"). Within the chunk already
    chosen, the map (fitted to staff questions and the sentences that answer them) rescores the
    candidates; only a choice earlier in the chunk is taken, since a quote runs forward from its
    first sentence and so still holds the first choice. Measured with the map fitted to v1-v15
    only: v16-v19 +3, none lost; taking a later sentence as well lost as many as it won."""
    if adapter is None or best.vector is None:
        return best
    mapped = query_adapter.apply(adapter, q)

    def learnt(u: Unit) -> float:
        # the score with its closeness in meaning taken through the map instead
        return u.score + DENSE_WEIGHT * (float(u.vector @ mapped) - max(u.dense, 0.0))

    same = [u for u in units if u.hit.chunk.chunk_id == best.hit.chunk.chunk_id and not u.is_heading and u.vector is not None]
    pick = max(same, key=learnt, default=best)
    return pick if pick.start < best.start else best


def support_of(u: Unit) -> float:
    """How well one sentence answers the question it was scored for, 0..1."""
    return 0.5 * u.lex + 0.5 * max(u.dense, 0.0)


# Answer-type preferences: a sentence of the kind the question asks for ranks higher.
_TIME = re.compile(r"\b(\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty)\s+"
                   r"(school |working |calendar )?(days?|weeks?|months?|years?)\b|\bday \d+\b|\bimmediately\b|\bsame day\b", re.I)
_FREQUENCY = re.compile(r"\b(daily|weekly|fortnightly|monthly|termly|half[- ]termly|annually|yearly|every|(each|per) (day|week|fortnight|month|term|year)|(once|twice|\w+ times) (a|an|per|each) "
                        r"(day|week|fortnight|month|term|half[- ]term|year))\b", re.I)
# A frequency that answers "how often?" ("every" alone, as in "every school", is not one).
_FREQUENCY_STATED = re.compile(r"\b(daily|weekly|fortnightly|monthly|termly|half[- ]termly|annually|yearly|"
                               r"(?:every|each) (?:\w+ )?(?:day|week|fortnight|month|term|half[- ]term|year|session)s?|"
                               r"(?:once|twice|\w+ times) (?:a|an|per|each) (?:day|week|fortnight|month|term|half[- ]term|year))\b", re.I)
# "Which code?", and the same asked of the register in other words: "what do I mark him as in the
# register?", "what do I put in the register for those two sessions?"
_ASKS_CODE = re.compile(r"\b(what|which) (attendance |register )?code\b|\bcode (do|should|would) (i|we)\b|"
                        # "Is that the right code?", "What goes in the register for the afternoons?",
                        # "what would the filming days be coded as?"
                        r"\b(right|correct|proper) (attendance |register )?code\b|\bwhat goes (in|on|into) the (attendance )?register\b|"
                        r"\bwhat (would|will|should|do|does|is|are) (?:[\w-]+ ){0,4}?(be )?(coded|marked|recorded) as\b|"
                        # "Is there a particular code for this?"
                        r"\b(is|are) there (a|an|any) (particular |specific |special |separate |different |proper |set )?"
                        r"(attendance |register |absence )?codes? (for|to use)\b|"
                        r"\bwhat (?:do|should|would) (?:i|we) (?:mark|put|enter|record|code)\b[^.?!]{0,40}\b(?:register|as)\b|"
                        # "What does each school put in the register for the days the pupil is at the other one?"
                        r"\bwhat (?:does|do|should|would) (?:each|the|every|our|their|both) (?:\w+ )?(?:school|schools|setting|unit|pru) (?:mark|put|enter|record|code)\b[^.?!]{0,40}\b(?:register|as)\b|"
                        r"\bhow (?:do|should) (?:i|we) (?:mark|code) (?:him|her|them|it|this|that|the)\b|"
                        # "How should we record these sessions?"
                        r"\bhow (?:do|should|would|must) (?:i|we) (?:record|mark|code|register) (?:these|those|the|his|her|their|this|that|such) "
                        r"(?:[\w-]+ )?(?:sessions?|absences?|days?|mornings?|afternoons?)\b|"
                        # "How should his absence be coded while he's in there?"
                        r"\bhow (?:should|do|would|will|is|are|must) (?:(?:his|her|their|the|this|that) )?(?:absences?|sessions?|days?|it|he|she|they) "
                        r"(?:be )?(?:coded|marked|recorded)\b", re.I)
_PREFERS = (
    (re.compile(r"\bhow often\b|\bhow frequently\b", re.I), _FREQUENCY),
    (re.compile(r"\bhow (long|soon|quickly|late|many days)\b|\bwithin\b|\bby when\b|\bwhen (do|does|must|should)\b|\bminimum time\b|"
                r"\bwhat(?:'s| is) the latest\b|\bat the latest\b", re.I), _TIME),
    (re.compile(r"\bemail\b", re.I), re.compile(r"@")),
    # a number asked for, not one in the story ("we've rung every number we hold")
    (re.compile(r"\b(?:phone|telephone|tel|contact|direct)\.? ?(?:number|no|line)s?\b|\bwhat(?:'s| is)? (?:the |their |his |her |its )?(?:\w+ )?number\b|"
                r"\bnumber (?:for|of|to (?:ring|call|phone))\b|\b(?:who|where) (?:do|should|can|must) (?:i|we) (?:ring|call|phone)\b|"
                r"\b(?:ring|call|phone) (?:them|him|her|the \w+|\w+ on)\b|\bhow (?:do|can|should) (?:i|we) (?:ring|call|phone)\b", re.I), PHONE),
    (re.compile(r"\bwho\b", re.I), re.compile(r"\b(officer|team|lead|worker|coordinator|co-ordinator|manager|dsl|service|school|police|authority|la)\b", re.I)),
    (re.compile(r"\b(?:which|what) (?:\w+ )?forms?\b|\bwhat (?:are|is) the (?:\w+ )?forms?\b|\bforms? (?:called|named)\b|\bwhich document|"
                r"\bis there a form\b", re.I),
     re.compile(r"\bforms?\b|\bchecklist\b|\bletter\b", re.I)),
    # a table row, or the code a provision says to enter ("…recorded… by entering the code Y4"; not "the code N is replaced")
    (_ASKS_CODE, re.compile(r"\|\s*[A-Z]\d?\s*\||\bby entering (?:[\w ]{0,40} )?the code [A-Z]\d?\b")),
)


# "Where does the safeguarding referral go?", "who is the first place to go for a referral?": the route
# in, not what happens after it ("A subsequent referral should be made to the CME Coordinator"). This
# preference stands alone: "who" would otherwise prefer any sentence naming a coordinator.
_ROUTE_IN = (re.compile(r"\bwhere (?:does|do|should|would) (?:the |a |my |our |that )?(?:[\w-]+ )?referrals? go\b|"
                        r"\b(?:first|initial) (?:place|port of call|point of contact|contact|step|stop)\b[^?]{0,40}\breferral", re.I),
             re.compile(r"\b(?:contact(?:ing)?|through|point of contact|referral point|front door|MASH)\b", re.I))


_OPENS_LIST = re.compile(r"[:—-]\s*$")
LIST_WORDS = 150  # a list quoted with its introduction may run to this many words
SHORT_ITEM_WORDS = 8  # a line shorter than this is a list item or label, not a sentence of its own
# A chosen sentence brings the sentences after it in its chunk up to about this many words: the fact
# asked for is often the next sentence ("…the Post 16 team can be advised… If a student leaves, please
# can… any information on the student's actual/planned destination"). 100 rather than 60 answered 7 more
# studied cases and lost none, at about 20 more words an answer (eval reports, session 7).
QUOTE_WORDS = 100
WHOLE_PROVISION_WORDS = 150  # a regulation paragraph up to this long is quoted whole


MIN_PART_TOKENS = 2  # a part with fewer searchable words ("and what's her number?") borrows those of the part before
# Where one message asks two things: "Who is the designated officer, and who do they report to?"
# ("left and is living abroad" is one statement: only a question word after "and" starts a new question.)
_PART_BREAK = re.compile(r"\?\s+(?=[A-Z])|,?\s+(?:and|also)\s+(?=(?:what|who|when|where|how|which|is there|are there|does the|"
                         r"do (?:i|we) (?:need|have)|should (?:i|we))\b)", re.I)
MAX_PARTS = 3  # a message is searched as at most this many questions


_QUESTION_WORD = re.compile(r"^\W*(?:what|who|when|where|how|which|why|is|are|do|does|did|can|could|should|must|will|would)\b", re.I)


def question_parts(message: str) -> list[str]:
    """The separate questions in a message, each with enough words to search on: a short part
    ("and when?") borrows the words of the part before it. A sentence after the first that does not
    ask ("I only need the email, not the phone line.") is not a question of its own."""
    pieces = [p for p in _PART_BREAK.split(message) if p and p.strip(" ,?")]
    asks = [p for i, p in enumerate(pieces) if i == 0 or p.rstrip().endswith("?") or _QUESTION_WORD.search(p)]
    if len(asks) == 1 and len(pieces) > 1:
        # One question with a remark after it ("…? we're an academy"): the question is also searched alone.
        return [message, asks[0].strip(" ,?")]
    raw = [p.strip(" ,?") for p in asks][:MAX_PARTS]
    parts = [p if i == 0 or len(tokenize(p)) >= MIN_PART_TOKENS else f"{p} {raw[i - 1]}" for i, p in enumerate(raw)]
    return parts if len(parts) > 1 else [message]


_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Za-z\"'(])")  # staff often type without capitals


def asking_sentences(message: str) -> list[str]:
    """The sentences that ask, in a message that tells a story first ("Worcs primary here.
    Family have moved to Spain… Is there anything else county want from us?"), last first; none
    when the message is that one sentence."""
    sentences = [x.strip() for x in _SENTENCE_END.split(message.strip()) if x.strip()]
    return [x for x in reversed(sentences) if x.endswith("?")] if len(sentences) > 1 else []


_REFERS_BACK = re.compile(r"\s*(?:\d+(?:\.\d+)*\.?\s+)?(?:in (?:such|these|those|this) (?:cases?|circumstances|instances|situations)|"
                          r"such (?:cases|children|pupils|families)|(?:these|those) (?:cases|children|pupils|families)\b|in this case\b)", re.I)


def window(u: Unit, units: list[Unit], *, words: int = QUOTE_WORDS) -> tuple[int, int]:
    """The span to quote around a chosen sentence: a list travels with its introduction (and the
    introduction with its list), and a short sentence brings the next one or two from the same
    chunk, so the quote reads whole."""
    text = u.hit.chunk.text
    if (u.hit.document.authority == NATIONAL and u.hit.chunk.paragraphs
            and len(text.split()) <= WHOLE_PROVISION_WORDS):
        # A provision is quoted whole when it is short: its conditions and definitions are part of
        # what it says, and a quote that stops half-way can mislead.
        return 0, len(text)
    same = sorted((x for x in units if x.hit is u.hit), key=lambda x: x.start)
    i = next(k for k, x in enumerate(same) if x.start == u.start)
    start, end = u.start, u.end
    # A list item: quote from the line that introduces the list. A short item always goes back;
    # a longer one when the introduction is near and the whole still reads as one passage. (A full
    # sentence that itself opens a list is no item of an earlier one: "7.1 … if any of the below
    # apply:"; a short label that opens one, "The Virtual School contacts:", still goes back.)
    if i > 0 and not (_OPENS_LIST.search(u.text.strip()) and len(u.text.split()) >= SHORT_ITEM_WORDS):
        for k in range(i - 1, max(-1, i - 8), -1):
            lead = same[k].text.strip()
            opens = _OPENS_LIST.search(lead) is not None
            if opens or same[k].is_heading:
                # A lead-in ("(2) A registered pupil is within this paragraph if—") is split off like
                # a heading, but it is the sentence its items complete.
                intro = not same[k].is_heading or opens
                # A label ("Attendance Expectations:") adds nothing to an item that is a sentence of its
                # own, and going back to it would quote every item in between.
                label = (len(lead.split()) <= 4 and all(w[:1].isupper() or not w[:1].isalpha() for w in lead.split())
                         and u.text.lstrip()[:1].isalnum() and not u.text.lstrip()[:1].islower())
                if len(u.text.split()) < SHORT_ITEM_WORDS or (intro and not label and len(text[same[k].start : end].split()) <= LIST_WORDS):
                    start = same[k].start
                break
            if len(u.text.split()) < SHORT_ITEM_WORDS:
                start = same[k].start
    # A sentence that opens by pointing back ("10.4 In such cases that require ongoing action…")
    # is quoted with the sentence it points to, or it says nothing about which cases.
    k = i
    while k > 0 and i - k < 2 and _REFERS_BACK.match(same[k].text) and not same[k - 1].is_heading:
        k -= 1
    start = min(start, same[k].start)
    # A sentence in the middle of a paragraph or list item: quote from where that paragraph starts.
    para = text.rfind("\n", 0, start) + 1
    if para < start and len(text[para:end].split()) <= words + 20:
        start = para
    in_list = any(_OPENS_LIST.search(x.text.strip()) for x in same[: i + 1] if x.start >= start)
    cap = LIST_WORDS if in_list else words
    count = len(text[start:end].split())
    for x in same[i + 1 :]:
        if x.is_heading:
            break
        intro = _OPENS_LIST.search(text[start:end].strip()) is not None
        n = len(x.text.split())
        if not intro and count + n > cap:
            break
        end, count = x.end, count + n
        if count >= cap and not intro:
            break
    return start, end


def citation_for(n: int, hit: Hit, start: int, end: int, today: date) -> Citation:
    doc = hit.document
    return Citation(
        n=n, chunk_id=hit.chunk.chunk_id, doc_id=doc.doc_id, title=doc.title, authority=doc.authority,
        section=hit.chunk.section_path, quote=hit.chunk.text[start:end].strip(), text=hit.chunk.text,
        dated=doc.dated, status=doc.status(today),
    )


def who(doc) -> str:
    if doc.authority == NATIONAL:
        return f"The law ({doc.title})"
    when = f", {doc.dated}" if doc.dated else ""
    return f"{doc.authority} ({doc.title}{when})"


def select(scored: Scored, *, max_units: int = 3, ratio: float = 0.8) -> list[Unit]:
    """The best sentence, plus up to two more nearly as good from other chunks."""
    if scored.best is None:
        return []
    return [scored.best, *runners_up(scored, [scored.best], max_units=max_units, ratio=ratio)]


RUNNER_UP_UNITS = 4  # an answer quotes at most this many passages in all…
RUNNER_UP_RATIO = 0.7  # …the further ones scoring at least this share of the best


def runners_up(scored: Scored, chosen: list[Unit], *, max_units: int = RUNNER_UP_UNITS,
               ratio: float = RUNNER_UP_RATIO) -> list[Unit]:
    """Passages from chunks not yet quoted that score nearly as well as the best. Reworded
    questions often put the passage that answers second or third, so quoting a few near-best
    passages finds it far more often than the best alone (see the closing note of session 6)."""
    extra: list[Unit] = []
    for u in sorted(scored.units, key=lambda u: -u.score):
        if len(chosen) + len(extra) >= max_units or u.score < ratio * scored.best.score:
            break
        if u.is_heading or quotes_chunk((*chosen, *extra), u):
            continue
        extra.append(u)
    return extra


# Replaced instruments as a passage names them. The manifest lists the ones each document is known
# to cite; a quoted passage may name one the manifest leaves out (Worcestershire's absence-form
# section still sends schools to the 2016 CME guidance while the rest of its policy cites 2024's).
# The labels are the manifest's, so a reference is not named twice.
PUPIL_REGISTRATION_2006 = "Education (Pupil Registration) (England) Regulations 2006"
_SUPERSEDED_IN_TEXT = (
    (re.compile(r"\bRegulations,? 2006\b|\b2006 (?:Pupil Registration )?Regulations\b"), PUPIL_REGISTRATION_2006),
    (re.compile(r"\(Amendment\) Regulations,? 2016\b"), PUPIL_REGISTRATION_2006),
    (re.compile(r"\b(?:Children Missing (?:from )?Education|CME)\b[^.\n]{0,25}\b2016\b|"
                r"\bStatutory Guidance\b[^.\n]{0,80}\b2016\b", re.I), "2016 CME statutory guidance"),
    (re.compile(r"\b(?:Children Missing (?:from )?Education|CME)\b[^.\n]{0,25}\b2015\b|"
                r"\bStatutory Guidance\b[^.\n]{0,80}\b2015\b", re.I), "2015 CME statutory guidance"),
)


def superseded_in(text: str) -> list[str]:
    """The replaced instruments a passage itself names (manifest labels)."""
    return list(dict.fromkeys(label for pattern, label in _SUPERSEDED_IN_TEXT if pattern.search(text)))


def currency_notes(citations: list[Citation], documents: dict, today: date) -> list[str]:
    notes = []
    for doc_id in dict.fromkeys(c.doc_id for c in citations):
        doc = documents[doc_id]
        if doc.status(today) == "review_overdue":
            notes.append(f"*{doc.title}* was due for review by {doc.review_due} and may be out of date.")
        if doc.authority == NATIONAL:
            continue
        named = [r for c in citations if c.doc_id == doc_id for r in superseded_in(c.quote)]
        refs = list(dict.fromkeys([*doc.superseded_references, *named]))
        if refs:
            notes.append(
                f"*{doc.title}* refers to {', '.join(refs)}, since replaced "
                "(the Pupil Registration Regulations 2024 and the 2024 statutory guidance apply now)."
            )
    return notes


IN_FORCE = re.compile(r"These Regulations may be cited as [^.]*? come into force on [^.]+\.")


def replacement_in_force(citations: list[Citation], commencement: list[Hit], today: date) -> Citation | None:
    """When a quoted local passage itself names the 2006 Regulations (or their 2016 amendments), the
    2024 Regulations' own words on their name and the day they came into force (``commencement``:
    the chunks holding that line, IN_FORCE), so the answer says what replaced them and since when
    from the law, not from a note of ours."""
    if not any(PUPIL_REGISTRATION_2006 in superseded_in(c.quote) for c in citations if c.authority != NATIONAL):
        return None
    for hit in commencement:
        m = IN_FORCE.search(hit.chunk.text)
        if any(c.chunk_id == hit.chunk.chunk_id and m.group(0) in c.quote for c in citations):
            return None  # already quoted
        return citation_for(max((c.n for c in citations), default=0) + 1, hit, m.start(), m.end(), today)
    return None


# -- answer type: a question that asks for an amount, a count, an email or a phone number is only
#    answered by a passage that contains one.
# Where forms live online: a link, a portal, a site or a named system.
_ONLINE = r"https?://|\bwww\.|\bportal\b|\bweb ?site\b|\bonline\b|\bschoolsnet\b|\bs2s\b"
_NEEDS = (
    (re.compile(r"\bhow much\b|\bhow big\b|\b(maximum|max|minimum|largest|biggest)\s+(fine|penalty|amount|sum)\b|\bwhat (?:size of )?(?:fine|penalty)\b|"
                r"\bfine\b.*\b(amount|how much|how big|level)\b|\bcost\b|£", re.I),
     re.compile(r"£\s?\d|\b\d+\s?(pounds|p)\b|level \d", re.I), "an amount"),
    (re.compile(r"\be-?mail address\b|\bwhat(?:'s| is) .*\be-?mail\b|\bwho do i e-?mail\b|\bgot an e-?mail\b", re.I), re.compile(r"@"), "an email address"),
    (re.compile(r"\b(phone|telephone) number\b|\bwhat number\b(?! of)|\bwhat(?:'s| is) (?:the|their|his|her|its) (?:phone |telephone |contact )?number\b(?! of)|"
                r"\b(?:tel|phone|telephone)\.? ?nos?\b\.?|\bwhat(?:'s| is) (?:the|their|his|her|its) (?:[\w-]+ ){1,3}?number\b(?! of)|"
                # "is there a DfE helpdesk number we can ring?"
                r"(?<!reference )(?<!case )(?<!ref )\bnumber (?:(?:we|i|you|they|schools?|parents?) (?:can|could|should|would|need to|have to) |to )(?:ring|call|phone|dial)\b", re.I),
     PHONE, "a phone number"),
    # (a figure the writer states, "SIMS shows him at 100%", asks for nothing)
    (re.compile(r"\bpercentage\b|(?<!\d )\bper ?cent\b|(?<!\d)(?<!\d )%", re.I), re.compile(r"\d\s?%|\bper ?cent\b", re.I), "a percentage"),
    (re.compile(r"\bclosing date\b|\bdeadline for applications\b|\bterms?\s+(?:[\w-]+\s+){0,2}?dates?\b|\bwhen (?:is|are|does) (?:the )?(?:\w+ )?half[- ]term\b|\binset days?\b|"
                r"\bwhen (?:do|does|is|are) (?:the )?(?:\w+ )?terms? (?:start|begin|end|finish)|\bterms? (?:start|end|finish) dates?\b", re.I),
     re.compile(r"\b\d{1,2}(st|nd|rd|th)? (january|february|march|april|may|june|july|august|september|october|november|december)\b", re.I),
     "a date"),
    (re.compile(r"\bhow often\b|\bhow frequently\b|\bhow regularly\b|\bwhat intervals?\b|\bat what intervals?\b", re.I), _FREQUENCY_STATED, "a frequency"),
    (re.compile(r"\bweb ?(?:address|site|page|link)\b|\burl\b|\blink (?:to|for)\b|\b(?:is there|any|what'?s|where'?s|where is) (?:a |an |the )?(?:online )?(?:link|portal)\b", re.I),
     re.compile(r"https?://|\bwww\.|\b[\w-]+\.(?:gov|org|co|ac|nhs|sch)\.uk\b", re.I), "a web address"),
    # "What's the penalty? Can the school be fined for it?" is answered only by a passage that speaks of one.
    (re.compile(r"\bwhat(?:'s| is| are) the (?:\w+ )?(?:penalt(?:y|ies)|sanctions?|consequences?|fines?)\b|\b(?:be|get|getting|being) fined\b|"
                r"\bwhat (?:\w+ )?(?:penalty|sanction|fine)s?(?: or (?:\w+ )?(?:penalty|sanction|fine)s?)? (?:may|might|can|could|would|will)\b", re.I),
     re.compile(r"\bpenalt|\bfine[ds]?\b|\bfining\b|\bsanction|\bprosecut|\boffence\b|\bconvict|\bguilty\b|\bcourt\b", re.I),
     "a penalty"),
    # "What counts as walking distance? Is it 2 miles for the little ones?" wants a distance
    # (not "which Act defines walking distance?", which asks for the Act)
    (re.compile(r"\b(?:what(?:'s| is| counts as| actually counts as)(?: a| the)?|how far is(?: a| the)?) walking distance\b|"
                r"\b(?:is it|are they|it's) (?:\d+|two|three) miles?\b|\b(?:what|which|how much|how long a) distance\b", re.I),
     re.compile(r"\b(?:\d+(?:\.\d+)?|one|two|three|four|five)\s*(?:miles?|km|kilomet(?:re|er)s?)\b", re.I), "a distance"),
    # "Is there a form or an email for it?" is answered by a passage naming a form or giving an address.
    (re.compile(r"\bis there (?:a|an|any) (?:referral )?(?:form|e-?mail)(?: address)? or (?:a|an|any) (?:referral )?(?:form|e-?mail)\b", re.I),
     re.compile(r"@|\bform\b", re.I), "a form or an email address"),
    # "where do I download a blank CME 1 from?" wants the place: a site, portal or system.
    (re.compile(r"\bwhere (?:can|do|should|would|could|are) (?:i|we|you|schools?|staff) (?:\w+ ){0,3}?download\b|\bdownload (?:it|them|a|the|blank|copies)\b[^?]{0,60}\bfrom\b", re.I),
     re.compile(rf"{_ONLINE}|\bweb ?pages?\b|\bintranet\b|\bpublished\b|(?<![@\w.-])[\w-]+\.(?:gov|org|co|sch)\.uk\b", re.I),
     "a place to download it"),
    # "Where do we get hold of the de-rolling checklist?", "where does the county put the forms?": a
    # place, or an address to ask for them.
    (re.compile(r"(?s)^(?=.*\b(?:forms?|checklists?|templates?|paperwork|docs|documents)\b).*"
                r"\bwhere (?:do|does|can|should|would|could|are|is|will) (?:i|we|you|schools?|staff|they|the (?:county|council|la|local authority)) "
                r"(?:\w+ ){0,3}?(?:get|find|put|keep|kept|publish|published|store|stored|held|access|locate|obtain|request)\b", re.I),
     re.compile(rf"{_ONLINE}|\bweb ?pages?\b|\bintranet\b|\bpublished\b|@|\brequested\b|\bavailable (?:from|on)\b", re.I),
     "where to get it"),
    # "Where do we submit joiner and leaver forms?": a place or an address to send them to.
    (re.compile(r"\bwhere (?:do|does|can|should|would|could) (?:i|we|you|schools?|staff|they) (?:\w+ ){0,3}?(?:submit|send|upload|return)\b", re.I),
     re.compile(rf"{_ONLINE}|@|\b(?:sent|submitted|sending|send|submit) (?:\w+ ){{0,3}}?(?:to|via)\b", re.I), "where to send it"),
    # "How do we get a login for the portal?" wants how access is given, not what the portal is for.
    (re.compile(r"\b(?:log ?-?in|login|logon|password|user ?name|user account)s?\b", re.I),
     re.compile(r"\blog ?-?in|\blogin|\blogon|\bpassword|\buser ?name|\baccounts?\b(?! of)|\bsign(?:ed)? up\b|\brequest access\b", re.I),
     "how to get access"),
    (re.compile(r"\bwhat time\b|\bopening (?:hours|times)\b|\bwhat hours\b", re.I),
     re.compile(r"\b\d{1,2}(?:[.:]\d{2})?\s?(?:am|pm)\b|\b\d{1,2}[.:]\d{2}\b", re.I), "a time of day"),
    # "do we have to tell the LA before we take a pupil off roll, or is after ok?": when, against the event
    (re.compile(r"\bbefore\b[^?]{0,80}?\bor (?:is |are |can (?:it|we) (?:be |do it )?|do we (?:do it )?)?(?:it )?(?:just )?after\b|"
                r"\b(?:before|after) or (?:before|after)\b", re.I),
     re.compile(r"\b(?:prior to|no later than|not later than|at the (?:time|point) (?:at which|when|of)|"
                r"(?:before|after) (?:[\w']+ ){0,3}?(?:remov\w*|delet\w*|tak\w+ (?:\w+ )?off|leaves?|leaving|de-?roll\w*))\b", re.I),
     "when, before or after"),
)
# Kinds of fact that must stand beside the question's subject: a date, a time of day or a time
# limit somewhere in the quotes does not answer "when do terms start?" or "how soon will the EHE
# team visit?" unless the passage holding it is about terms or visits.
_TOPICAL = {"a date", "a time of day", "a frequency", "a web address", "a form or an email address"}
# "How long / how soon / how quickly…?" asks for a time limit.
_HOW_SOON = re.compile(r"\bhow (?:long|soon|quickly)\b|\bby when\b|\btimescales?\b|\btime ?frame\b|"
                       # "is there a maximum length of time a part-time timetable can run?"
                       r"\b(?:maximum|max|minimum|min) (?:length of time|length|time|period|duration)\b|\b(?:legal )?time limit\b", re.I)
_TIME_LIMIT = re.compile(r"\b(\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty)(?:\s+|-(?!\d))"
                         r"(?:[\w-]+\s+){0,2}?(days?|weeks?|months?|years?|hours?)\b(?!-old)|\bday \d+\b|\bimmediately\b|\bsame day\b|"
                         r"\bwithout delay\b|\bpromptly\b|\bas soon as\b|\bby the end of\b|"
                         r"\bat the earliest (?:opportunity|possible (?:time|point|date))\b|\bas early as possible\b|\bstraight ?away\b|\bforthwith\b", re.I)


# "How long is a case tracked?" may be answered by the end of a state, not a count: "tracked and
# monitored until they are reengaged in education".
_HOW_LONG = re.compile(r"\bhow long\b", re.I)
_UNTIL = re.compile(rf"{_TIME_LIMIT.pattern}|\buntil\b", re.I)


# "I was told parents get 15 days to reply to the notice. Is that right?" checks a time limit: only a
# passage holding one about the notice answers it, yes or no.
_CLAIMED_PERIOD = re.compile(r"\b(?:i was told|i've been told|i have been told|we were told|we've been told|i(?:'ve| have)? heard|"
                             r"someone (?:said|told me)|(?:my |a )?colleague (?:says|said|told me)|apparently)\b[^.?!]{0,80}?"
                             r"\b(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty)\s+"
                             r"(?:school |working |calendar |clear )?(?:days?|weeks?|months?)\b[^?]{0,160}?"
                             r"\b(?:is (?:that|this|it) (?:right|true|correct|accurate|so)|am i right|(?:right|true|correct)\s*\?)", re.I)


# "How many hours / sessions / children…?" is answered by a count of that thing ("five sessions",
# "10 school days", "day 11"), not by a passage that only talks about it.
_HOW_MANY = re.compile(r"\b(?:how many|(?:minimum|maximum|min|max|total|least|most|required|right|set|exact|standard|fixed|particular|specific) (?:number|no\.?) of) (?:[\w-]+\s+){0,2}?(hours?|sessions?|days?|weeks?|months?|years?|times?|children|pupils?|cases?|families|"
                       r"people|referrals?|visits?|letters?|attempts?|absences?|marks?|miles?|minutes?|mins?)\b", re.I)
_COUNT = (r"\b(?:\d[\d,.]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|"
          r"sixty|ninety|hundred)\s+(?:[\w-]+\s+){0,2}?")


COUNT_DENSE = 0.65  # meaning similarity at which a passage holding a count is taken to be about the question
_SENTENCE_SPLIT = re.compile(r"(?<=[.!?])\s+(?=[A-Z(])|\n+")


def _with_previous(sentences: list[str]) -> list[tuple[str, str]]:
    """Each sentence with the one before it ("" for the first)."""
    return list(zip(["", *sentences[:-1]], sentences))


def _count_of(noun: str) -> re.Pattern:
    stem = {"children": "child", "people": "(?:people|person)", "families": "famil"}.get(noun.lower(), noun.lower().rstrip("s"))
    also = rf"|\b{stem}s? \d+\b" if stem in ("day", "week", "session") else ""  # "by day 11"
    if stem == "time":
        also = r"|\b(?:once|twice|thrice)\b"  # "…and once during each afternoon session"
    return re.compile(rf"{_COUNT}{stem}\w*{also}", re.I)


_JOINED_HYPHEN = re.compile(r"(?<=[a-z])-(?=[a-z])", re.I)


def answer_type(question: str) -> re.Pattern | None:
    """What a sentence must hold to answer the question, when it asks for a kind of fact (a count
    of days, a time limit, an email address…); None for other questions."""
    for asks, has, _ in _NEEDS:
        if asks.search(question):
            return has
    m = _HOW_MANY.search(question)
    if m:
        return _count_of(m.group(1))
    return _TIME_LIMIT if _HOW_SOON.search(question) else None


# Kinds of fact a question may want from a passage the hand score did not put first: where a form is
# downloaded or how access is given is often one sentence of the section that is about the form.
_FOUND_NEARBY = {"a place to download it", "where to get it", "where to send it", "how to get access", "a form or an email address"}
NEARBY_UNITS = 12
NEARBY_COUNT_RATIO = 0.8


def unit_holding_asked(question: str, chosen: list[Unit], scored: Scored) -> Unit | None:
    """For a question wanting one of the ``_FOUND_NEARBY`` kinds, or a count ("is there a set number
    of times before…"), that no chosen passage holds: the best-scoring passage of a chosen document
    that holds it (None if there is none)."""
    def nearby(has: re.Pattern, floor: float = 0.0) -> Unit | None:
        if any(has.search(u.text) for u in chosen):
            return None
        docs = {u.hit.chunk.doc_id for u in chosen}
        for u in sorted(scored.units, key=lambda u: -u.score)[:NEARBY_UNITS]:
            if not u.is_heading and u.hit.chunk.doc_id in docs and has.search(u.text) and u.score >= floor:
                return u
        return None

    for asks, has, what in _NEEDS:
        if what in _FOUND_NEARBY and asks.search(question):
            return nearby(has)
    m = _HOW_MANY.search(question)
    # A count is a claim: only a passage scoring nearly as well as the best may supply it ("12 weeks"
    # in a passage further down is no trigger the question asked about).
    return nearby(_count_of(m.group(1)), NEARBY_COUNT_RATIO * scored.best.score) if m and scored.best else None


def missing_answer_type(question: str, units: list[Unit], scored_units: list[Unit] | None = None,
                        topic: set[str] = frozenset(), named: tuple[str, ...] = (), words: set[str] = frozenset()) -> str | None:
    """What kind of fact the question wants that none of the chosen passages contains, if any.

    With ``scored_units`` only the spans that will be quoted count: a date in a chunk's enactment
    line does not answer a question about an application deadline quoted from elsewhere.

    ``topic``: the question's rare words. "How many days does a parent have to respond to the SAO
    notice?" is answered only by a count standing in a passage that holds one of them (SAO, notice,
    respond), not by any passage that happens to hold a number of days.

    ``named``: the rare names of the policies' own services the question asks about (folded): "how
    long is a placement at Erkenwald Campus?" is answered by a time limit beside "Erkenwald Campus",
    not by the six weeks of the next provision in the same table.

    ``words``: the question's less common words (a lower bar than ``topic``). A time limit in the
    first passage, the best-scored one, answers "how long / how soon…?" when its sentence (or the one
    before, or its heading) shares one of them: the first passage may name the subject in everyday
    words ("keep them on the list … for two years" for "how long before we can take them off it?").
    Measured in session 27 (words at idf 2.0 or more): of the questions this check used to turn away,
    7 of the never-read sets' with an answer are answered and none without; 7 and 4 of the studied
    sets'. End to end: never-read sets +7 -0, studied sets +4 -4, of which v27 a2741 came back once a
    question naming a service kept the old rule (at idf 1.0: +8 -0 and +7 -6)."""
    if scored_units is None:
        spans = [u.hit.chunk.text for u in units]
    else:
        spans = [u.hit.chunk.text[slice(*window(u, scored_units))] for u in units]
    def sentences(first_only: bool = False) -> Iterator[tuple[Unit, str, str, str]]:
        """Each quoted sentence with its passage, the sentence before it, and the text it is read in
        (its heading, the sentence before and itself)."""
        for t, u in zip(spans[:1] if first_only else spans, units):
            for prev, x in _with_previous(_SENTENCE_SPLIT.split(t)):
                yield u, prev, x, f"{u.hit.chunk.section_path} {prev} {x}"

    def about_subject(has: re.Pattern) -> bool:
        # A passage holding the fact is about the question's subject when it shares one of the
        # question's rare words, or when the question's meaning matches it closely even in other
        # words ("refer … cannot be found" answered by "reported as missing education after 20 days").
        # The fact and the subject must share a sentence: "within 10 days" two sentences after
        # "respond" is some other step's time limit.
        # ("backup" in the question is "back-up" in the regulation: hyphenated words count joined too)
        if named:
            return any(has.search(x) and _names_in(named, read_in) for _, _, x, read_in in sentences())
        return not topic or any(has.search(x) and (topic & set(tokenize(read_in))
                                                    or topic & set(tokenize(_JOINED_HYPHEN.sub("", f"{prev} {x}")))
                                                    or getattr(u, "dense", 0.0) >= COUNT_DENSE)
                                for u, prev, x, read_in in sentences())

    def time_limit_given() -> bool:
        # About the subject, or in the first passage in a sentence sharing one of ``words``; not that
        # when the question names one of the policies' own services: its time limit must stand beside
        # the name, and the first passage may give the next service's.
        limit = _UNTIL if _HOW_LONG.search(question) else _TIME_LIMIT
        return about_subject(limit) or (not named and bool(words) and any(
            limit.search(x) and words & set(tokenize(read_in)) for _, _, x, read_in in sentences(first_only=True)))

    text = " ".join(spans)
    for asks, has, what in _NEEDS:
        if asks.search(question):
            if not has.search(text):
                return what
            if what in _TOPICAL and not about_subject(has):
                return f"{what} about the question's subject"
    m = _HOW_MANY.search(question)
    if m:
        noun = m.group(1)
        count = _count_of(noun)
        what = f"a number of {noun.lower()}"
        if not count.search(text):
            return what
        # (the counted thing is no subject word: "how many weeks can a trial run?" is not answered
        # by "weekly returns … within 5 days")
        topic = topic - set(tokenize(noun))
        if not about_subject(count):
            return f"{what} about the question's subject"
    elif _HOW_SOON.search(question) and not time_limit_given():
        return "a time limit about the question's subject"
    elif _CLAIMED_PERIOD.search(question):
        # (the claimed figure itself is no subject word: "15 days" beside "15 days due to illness")
        topic = {t for t in topic if not t.isdigit()}
        if not about_subject(_TIME_LIMIT):
            return "a time limit about the question's subject"
    step = _timed_step(question)
    if step is not None and not _time_limit_beside(spans, step[1]):
        return f"a time limit to {step[0]}"
    thing = _TIMED_THING.search(question)
    if thing is not None:
        names = re.compile(rf"\b(?:{_THING_WORDS[thing.group(1).lower().rstrip('s')]})\b", re.I)
        if not _time_limit_beside(spans, names):
            return f"a time limit for sending the {thing.group(1).lower()}"
    return None


def _time_limit_beside(spans: list[str], words: re.Pattern) -> bool:
    """Does a sentence of the quotes hold a time limit, with ``words`` in it or the sentence before?"""
    return any(_TIME_LIMIT.search(x) and words.search(f"{prev} {x}")
               for s in spans for prev, x in _with_previous(_SENTENCE_SPLIT.split(s)))


# How a question asks for the time allowed ("how many days…", "within how many…", "what's the deadline…")
_TIME_ALLOWED = r"how (?:many|long|soon|quickly)|within how many|what(?:'s| is) the (?:time limit|deadline)"
# "How many days do I have to get her child protection file to their DSL?": the time allowed for
# sending one thing. A time limit answers it only in a sentence that names the thing: "within 5 days"
# for a joiners form is no time limit for a child protection file.
_TIMED_THING = re.compile(rf"\b(?:{_TIME_ALLOWED}|by when)\b[^.?!]{{0,60}}?"
                          r"\b(?:get|send|pass|forward|transfer|hand over|share|submit)\s+(?:(?:her|his|their|the|a|an|this|that|our|any|all)\s+)?"
                          r"(?:[\w-]+\s+){0,2}?(files?|records?|paperwork|documents?|notes|reports?|letters?)\b", re.I)
_THING_WORDS = {"file": r"files?", "record": r"records?", "paperwork": r"paperwork|forms?|documents?|documentation",
                "document": r"documents?|documentation", "note": r"notes", "report": r"reports?", "letter": r"letters?"}


# "How many working days has the LA got to respond?", "how long do parents get to ask for a review?":
# the time allowed for one step. A passage's time limit answers it only in a sentence that names
# that step (in its own words or a near one): "within 5 days" for joiner forms is no time to respond.
_STEPS = (
    ("respond", r"respond\w*|response|repl(?:y|ies|ied)|(?:come|comes|came|get|gets|got) back|acknowledg\w*|feed ?back"),
    ("visit", r"visit\w*"),
    # ("if agreed leave of absence" is leave given, not a consent)
    ("consent", r"consent\w*|agree(?:s|d|ing|ments?)?\b(?!\s+(?:leave|absence|part[- ]time|timetable))|approv\w*|refus\w*"),
    ("ask for a review", r"request\w*|ask\w*|apply|appl(?:ies|ied|ication)\w*|appeal\w*|review\w*"),
    ("meet", r"meet\w*|convene\w*"),
    # "How many days missing before we must refer a pupil?": not "within 5 days of every child they enrol"
    ("refer", r"refer\w*|report\w*"),
)
_TIMED_STEP = re.compile(rf"\b(?:{_TIME_ALLOWED})\b[^.?!]{{0,60}}?"
                         r"\b(?:to|before (?:they|it|we|he|she|the \w+))\s+(?:\w+\s+){0,1}?"
                         r"(respond|reply|comes? back|gets? back|acknowledge|visit|make a (?:home )?visit|do a (?:home )?visit|consent|give consent|"
                         r"give or refuse (?:consent|it)|agree|request|ask for|apply for|appeal|meet|refer|report)\b", re.I)


# "within how many school days must the governors meet?"
_TIMED_STEP_MODAL = re.compile(r"\b(?:how (?:many|long|soon|quickly)|within how many)\b[^.?!]{0,40}?\b(?:must|should|will|do|does|has|have)\s+"
                               r"(?:the\s+)?(?:\w+\s+){0,2}?(respond|reply|visit|consent|meet|convene)\b", re.I)


def _timed_step(question: str) -> tuple[str, re.Pattern] | None:
    """The step a question asks the time allowed for, with the words that name it; None if none."""
    m = _TIMED_STEP.search(question) or _TIMED_STEP_MODAL.search(question)
    if m is None:
        return None
    verb = m.group(1).lower()  # ("make a home visit", "give consent": the step is the word that names it)
    for name, words in _STEPS:
        if re.search(rf"\b(?:{words})\b", verb):
            return name, re.compile(rf"\b(?:{words})", re.I)
    return None


def _names_in(named: tuple[str, ...], text: str) -> bool:
    """Does the text hold one of the (folded) names as a whole phrase?"""
    folded = fold(text)
    return any(name_pattern(n).search(folded) for n in named)


def continuation(u: Unit, retriever: HybridRetriever, limit: int = 8) -> list[Hit]:
    """A sentence that ends a chunk with '—' or ':' continues in the following chunks (legislation
    sub-paragraphs, split lists): bring those along so the answer is complete."""
    text = u.text.rstrip()
    if not text.endswith(("—", ":", "-")) or u.hit.chunk.text.rstrip() != u.hit.chunk.text[: u.end].rstrip():
        return []
    out: list[Hit] = []
    label = (u.hit.chunk.paragraphs or [""])[0]
    cid = u.hit.chunk.chunk_id
    for _ in range(limit):
        _, nxt = retriever.neighbours(cid)
        chunk = retriever.chunk(nxt) if nxt else None
        if chunk is None:
            break
        if label and not any(p.startswith(label) for p in chunk.paragraphs):
            break
        # The list may sit under a subheading of its own ("12. Contact details > CME Lead Officer:").
        if not label and not chunk.section_path.startswith(u.hit.chunk.section_path):
            break
        out.append(Hit(chunk, u.hit.document, 0.0))
        cid = chunk.chunk_id
    return out


REFERRING_WORDS = 80  # a following paragraph this short that refers back to the quoted one goes with it


def referring_next(u: Unit, retriever: HybridRetriever, limit: int = 2) -> list[Hit]:
    """The regulation paragraphs right after a quoted one that it and they link: 13(10) "must make a
    sickness return as soon as possible after the conditions in paragraph (9)…" completes 13(9);
    13(1) "other than one within paragraph (2)" is not the whole rule without 13(2), nor 13(2)
    without 13(3), which says when those juniors are returned after all. Links are exact
    (``regulation/13/9/``), so no guessing is involved."""
    out: list[Hit] = []
    if u.hit.document.authority != NATIONAL:
        return out
    chunk = u.hit.chunk
    while len(out) < limit and chunk.paragraphs:
        m = _LABEL.match(chunk.paragraphs[0])
        if not m:
            break
        _, nxt = retriever.neighbours(chunk.chunk_id)
        after = retriever.chunk(nxt) if nxt else None
        if after is None or len(after.text.split()) > REFERRING_WORDS or not after.paragraphs \
                or not after.paragraphs[0].startswith(f"{m.group(1)}("):
            break
        n = _LABEL.match(after.paragraphs[0])
        back = f"regulation/{m.group(1)}/{m.group(2)}/" in after.text
        forward = n is not None and f"regulation/{n.group(1)}/{n.group(2)}/" in chunk.text
        if not (back or forward):
            break
        out.append(Hit(after, u.hit.document, 0.0))
        chunk = after
    return out


# -- "which code?": a definition paragraph points at the register table row that uses it.
_ROW = re.compile(r"\|\s*[A-Z]\d?\s*\|\s*$")
_LABEL = re.compile(r"(\d{1,2})\((\d{1,2})\)")


def asks_code(question: str) -> bool:
    """"What do I mark him as?", "how should his absence be coded?": a register code is asked for."""
    return bool(_ASKS_CODE.search(question))


def holds_code_rows(text: str) -> bool:
    """A chunk of the law's table of attendance codes (rows ending "| C2 |")."""
    return any(_ROW.search(line) for line in text.splitlines())


_ROW_PARTS = re.compile(r"^\|\s*(?P<text>.+?)\s*\|\s*(?P<code>[A-Z]\d?)\s*\|\s*$")


def rows_as_codes(quote: str) -> str:
    """A quote of the code table as the reader looks it up, code first ("code Q: The pupil is
    unable to attend because of a lack of access arrangements…"): a table without its header
    shows as bare pipes. Each row's words stay as the law has them."""
    def one(line: str) -> str:
        m = _ROW_PARTS.match(line.strip())
        return f"- code {m['code']}: {m['text']}" if m else line
    return "\n".join(one(line) for line in quote.split("\n"))


def code_row_for(question: str, chosen: list[Unit], retriever: HybridRetriever) -> Unit | None:
    """For a "which code?" question answered by a paragraph that defines a circumstance (reg 10(14):
    "criminal justice detention" is police detention, remand...), the table row whose text refers
    to that paragraph ("...criminal justice detention within paragraph (14) | Y5 |"). Rows link
    their paragraph as ``regulation/10/14/``, so the match is exact."""
    if not asks_code(question) or not chosen or _ROW.search(chosen[0].text):
        return None
    for u in chosen[:1]:  # only the passage that answers best
        for label in u.hit.chunk.paragraphs:
            m = _LABEL.match(label)
            if not m:
                continue
            link = f"regulation/{m.group(1)}/{m.group(2)}/"
            for chunk in retriever.chunks_of(u.hit.chunk.doc_id):
                for row in units_of(Hit(chunk, u.hit.document, 0.0), 0, retriever):
                    # A row defined by that paragraph alone (the "O" row, which only points at
                    # paragraphs (7) and (9), is not what any one of them means).
                    if (link in row.text and _ROW.search(row.text)
                            and len(re.findall(r"/regulation/\d+/\d+/", row.text)) == 1):
                        return row
    return None


# -- "what happens next?": a step that ends its chunk continues in the next one.
_ASKS_NEXT = re.compile(r"\bwhat (?:happens|comes|do (?:we|i) do|should (?:we|i) do) (?:next|then|after(?:wards)?)\b|"
                        r"\bwhat(?:'s| is) the (?:procedure|process)\b|"
                        r"\bnext steps?\b|\bwhat happens if (?:they|she|he|the \w+) still\b", re.I)


def next_step_for(question: str, u: Unit, units: list[Unit], retriever: HybridRetriever) -> Unit | None:
    """For a "what happens next?" question whose best passage is the last step in its chunk, the
    first sentence of the following chunk of the same section (the process continues there)."""
    if not _ASKS_NEXT.search(question) or u.hit.document.authority == NATIONAL:
        return None  # (a regulation paragraph is quoted whole; the next paragraph is not its next step)
    _, end = window(u, units)
    if u.hit.chunk.text[end:].strip():
        return None  # the quote does not reach the end of its chunk: the next step is in it already
    _, nxt = retriever.neighbours(u.hit.chunk.chunk_id)
    chunk = retriever.chunk(nxt) if nxt else None
    if chunk is None or chunk.section_path.split(" > ")[0] != u.hit.chunk.section_path.split(" > ")[0]:
        return None
    # The first step, not the tail of a list that ran over from the chunk before ("may be taken out
    # of the country…"): a step starts as a sentence or a numbered paragraph does.
    def starts_a_step(text: str) -> bool:
        first = re.sub(r"^\s*(?:\(\w{1,4}\)|[-•*])\s*", "", text)[:1]
        return first.isupper() or first.isdigit()

    return next((x for x in units_of(Hit(chunk, u.hit.document, 0.0), u.hit_rank, retriever)
                 if not x.is_heading and starts_a_step(x.text)), None)
