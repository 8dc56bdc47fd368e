"""The input rails as the chat engine applies them: safeguarding triage first (always), then
prompt injection, requests to disclose personal data, and scope. A rail either answers the turn
itself (escalated / refused) or lets it through, possibly with flags."""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field
from datetime import date
from typing import Callable

from assistant.chat import compose
from assistant.chat.corpus_names import corpus_names
from assistant.chat.types import Action, Answer, Citation, Intent
from guardrails import injection, safeguarding, scope
from guardrails.names import CorpusNames
from guardrails.pii import PIIDetector, disclosure_request
from indexer.corpus import NATIONAL
from indexer.retriever import HybridRetriever

log = logging.getLogger("cme_assist.chat")

_STEP = re.compile(
    r"\b999\b|\b101\b|police|designated safeguarding lead|\bDSL\b|social worker|\bMASH\b|front door|starting point|"
    r"children'?s social care|\bMARF\b|multi-agency referral|child protection|safeguarding referral|does not replace",
    re.I,
)
OWN_ANSWER_SUPPORT = 0.3  # a passage must answer the message this well to lead the escalation
SAFEGUARDING_QUERY = ("child at immediate risk: contact police 999, designated safeguarding lead, social worker, "
                      "children's social care front door MASH referral; CME does not replace safeguarding referral")


@dataclass
class RailOutcome:
    answer: Answer | None = None
    flags: list[str] = field(default_factory=list)


class InputRails:
    def __init__(self, retriever: HybridRetriever, detector: PIIDetector | None, clock: Callable[[], date]) -> None:
        self.r, self.detector, self.clock = retriever, detector, clock

    @property
    def names(self) -> CorpusNames:
        """The names the indexed policies use for their services, teams and places."""
        return corpus_names(self.r)

    def check(self, message: str, authority: str | None) -> RailOutcome:
        flags: list[str] = []
        if self.detector is not None and self.detector.find(message):
            flags.append("personal_data_detected")
        tri = safeguarding.triage(message)
        if tri.at_risk:
            return RailOutcome(self.escalate(message, authority, tri.indicators), flags)
        inj = injection.check(message)
        if inj.detected:
            log.warning("prompt injection refused: %s", ",".join(inj.kinds))
            return RailOutcome(Answer(Action.REFUSED, "I can't follow instructions that change how I work, and I don't "
                                      "share my configuration. " + scope.POINTER, flags=["prompt_injection"],
                                      intent=Intent.OUT_OF_SCOPE), flags)
        if disclosure_request(message, self.detector, self.names):
            return RailOutcome(Answer(Action.REFUSED, "I can't give out personal details about a child or family. "
                                      "Check your school's management information system or ask your data protection lead. "
                                      + scope.POINTER, flags=["personal_data"], intent=Intent.OUT_OF_SCOPE), flags)
        if scope.out_of_scope(message, self.names):
            return RailOutcome(Answer(Action.REFUSED, f"That is outside what I can help with. {scope.POINTER}",
                                      flags=["out_of_scope"], intent=Intent.OUT_OF_SCOPE), flags)
        return RailOutcome(None, flags)

    def escalate(self, message: str, authority: str | None, indicators: tuple[str, ...]) -> Answer:
        """Lead with the immediate safeguarding steps, quoted from the authority's documents."""
        today = self.clock()
        hits = self.r.search(SAFEGUARDING_QUERY, k=8, authority=authority, include_national=False)
        if authority:
            hits += [h for h in self.r.search(f"{message} {SAFEGUARDING_QUERY}", k=6) if h.document.authority == authority]
        scored = compose.score_units(SAFEGUARDING_QUERY, SAFEGUARDING_QUERY, hits, self.r)
        steps = [u for u in sorted(scored.units, key=lambda u: -u.score) if _STEP.search(u.text) and not u.is_heading]
        # What the documents say about this very situation ("the DSL must inform the allocated social
        # worker immediately") comes first, when a passage answers it well; the standing steps follow.
        own_hits = self.r.search(message, k=6, authority=authority, include_national=True)
        own = compose.score_units(message, self.r.glossary.expand(message), own_hits, self.r)
        spans: dict[int, tuple[int, int]] = {}  # own-answer passages are quoted whole, as in an answer
        if own.best is not None and own.support >= OWN_ANSWER_SUPPORT:
            mine = compose.select(own, max_units=2)
            step = compose.next_step_for(message, own.best, own.units, self.r)
            if step is not None:
                own.units.append(step)
                mine.insert(1, step)
            spans = {id(u): compose.window(u, own.units) for u in mine}
            steps = mine + steps
        chosen: list[compose.Unit] = []
        for u in steps:
            if len(chosen) >= 4:
                break
            if not compose.quotes_chunk(chosen, u):
                chosen.append(u)
        citations: list[Citation] = []
        lines = ["**Possible immediate risk to a child: act on safeguarding first.** If the child is in immediate "
                 "danger, call 999. Tell your designated safeguarding lead (DSL) now; do not wait for the CME procedure.",
                 ""]
        for u in chosen:
            n = len(citations) + 1
            c = compose.citation_for(n, u.hit, *spans.get(id(u), (u.start, u.end)), today)
            citations.append(c)
            who = "the law" if u.hit.document.authority == NATIONAL else f"{u.hit.document.authority} ({u.hit.document.title})"
            lines.append(f"- {c.quote} [{n}] — {who}")
        lines += ["", "Once the child's safety is being dealt with, follow the children missing education procedure as well: "
                  "a CME referral never replaces a safeguarding referral."]
        log.warning("safeguarding escalation: %s", ",".join(indicators))
        return Answer(Action.ESCALATED, "\n".join(lines), citations, flags=["safeguarding"], intent=Intent.EMERGENCY)
