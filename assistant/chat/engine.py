"""One chat turn, end to end: session → route → facts → rule tools / retrieval → composer →
citation check → Answer. Framework-free: the API, the CLI and the web page all call ``respond``."""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, replace
from datetime import date
from functools import cached_property
from typing import Any, Callable, Iterator

from assistant.chat import compose, named_things, render
from assistant.chat.citations import MARKER, resolve
from assistant.chat.extract import extract_deadline, extract_facts
from assistant.chat.procedure import ProcedureAnswerer, asks_to_compare
from assistant.chat.router import (asks_deletion_among_others, asks_for_documents, asks_only_about_deletion, asks_school_age,
                                   asks_which_ground, is_contact_question, is_deadline_question, is_pupil_story, route)
from assistant.chat.scoping import Scoping
from assistant.chat.sessions import Pending, Session, SessionStore, Turn
from assistant.chat.spelling import Speller, english_words
from assistant.chat.types import Action, Answer, Intent, ToolCall
from guardrails import output as output_rails
from indexer.corpus import NATIONAL
from indexer.errors import UnknownAuthority
from indexer.retriever import HybridRetriever

log = logging.getLogger("cme_assist.chat")

CURRENCY_NOTE = "\n\n**Check currency:** "
RULES_NEED_SITUATION = ("_The deletion rules could not tell from this what is happening with the pupil. Tell me (for example "
                        "\"registered at another school\" or \"moved abroad\") and I will check which ground applies._")
RULES_NEED_MORE = "_For a particular pupil the deletion rules can settle the ground once they know more: {}_"
_TIME_AWAY = re.compile(r"\b(holidays?|vacation|trip|visiting (family|relatives|grand\w*)|extended leave)\b", re.I)


@dataclass(frozen=True)
class ChatRequest:
    message: str
    session_id: str | None = None
    authority: str | None = None


class ChatEngine:
    def __init__(
        self,
        retriever: HybridRetriever,
        tools: list,
        *,
        clock: Callable[[], date],
        sessions: SessionStore | None = None,
        rails=None,
        settings_hash: str = "",
        llm=None,
        corpus_text: str = "",
        ranker=None,
    ) -> None:
        self.corpus_text = corpus_text or "\n".join(retriever.index.texts.values())
        self.llm = llm  # an LLMComposer, or None for the deterministic engine alone
        self.r = retriever
        self.scoping = Scoping(retriever)
        self.procedure = ProcedureAnswerer(retriever, self.scoping, named_things.fold(self.corpus_text), self._finish, llm,
                                           ranker=ranker)
        self.tools = {t.name: t for t in tools}
        self.clock = clock
        self.sessions = sessions or SessionStore()
        self.rails = rails  # assistant.chat.rails.InputRails, or None (no input rails)
        self.settings_hash = settings_hash

    # -- public ------------------------------------------------------------------------------
    @cached_property
    def speller(self) -> Speller:
        docs = self.r.index.documents.values()
        vocabulary = getattr(self.r.embeddings, "vocabulary", None)
        g = self.r.glossary
        keep = [*(d.authority for d in docs), *(a for d in docs for a in d.aliases), *g.acronyms, *g.acronyms.values(),
                *(p for group in g.synonyms for p in group), *g.abroad_places, *g.other_authorities]
        return Speller(self.r.index.texts.values(), (vocabulary() if vocabulary else frozenset()) | english_words(), keep)

    def respond(self, req: ChatRequest) -> tuple[str, Answer]:
        # Everything below reads the message with its typing slips mended ("chnaged" → "changed");
        # the session keeps that reading, so follow-ups resolve against the same words.
        req = ChatRequest(self.speller.correct(req.message), req.session_id, req.authority)
        session = self.sessions.get_or_create(req.session_id)
        authority = self._authority(req.authority) or session.authority
        if req.authority:
            session.authority = authority
        flags: list[str] = []
        answer = None
        if self.rails is not None:
            outcome = self.rails.check(req.message, authority)
            answer, flags = outcome.answer, outcome.flags
        if answer is None:
            answer = self._turn(session, req.message, authority)
        for f in flags:
            answer.flag(f)
        self.sessions.record(session, Turn(req.message, answer.intent.value if answer.intent else "", authority, answer.answer))
        log.info("chat turn session=%s action=%s flags=%s message=%s", session.session_id[:8], answer.action.value,
                 ",".join(answer.flags), req.message)
        return session.session_id, answer

    def stream(self, req: ChatRequest) -> Iterator[tuple[str, Any]]:
        """('token', text) events while the answer is produced, then ('final', (session_id, Answer))."""
        session_id, answer = self.respond(req)
        for piece in re.findall(r"\S+\s*|\s+", answer.answer):
            yield "token", piece
        yield "final", (session_id, answer)

    # -- one turn ----------------------------------------------------------------------------
    def _turn(self, session: Session, message: str, authority: str | None) -> Answer:
        today = self.clock()
        follow = self._follow_up(session, message, authority)
        if follow is not None:
            return follow
        if session.pending is not None:
            cont = self._continue(session, message, authority, today)
            if cont is not None:
                return cont
        mentioned = self.scoping.mentioned_authority(message)
        scope = authority or mentioned
        ask = extract_deadline(message, today, scope)
        intent = route(message, has_deadline_ask=ask is not None)
        if ask is not None and ask.tool == "compulsory_school_age" and intent == Intent.PROCEDURE and asks_school_age(message):
            intent = Intent.DEADLINE  # a date of birth and "is that his school leaving date?": the rules compute it
        # A story about one pupil that the leaver rules settle goes to them: one asking nothing but
        # about the register, and one with dates but no date question ("leave ended 9 Oct, not
        # back, joint enquiries found him…"), whose dates are facts, not a date to count to.
        story = (intent == Intent.PROCEDURE or intent == Intent.DEADLINE and not is_deadline_question(message)) \
            and is_pupil_story(message)
        documents = intent == Intent.LEAVER and asks_for_documents(message)
        decided = self._rules_result(message, scope, today) if story or documents else {}
        if story and (decided.get("kind") == "ground" or _rules_read(decided) and asks_only_about_deletion(message)):
            intent = Intent.LEAVER
        if intent == Intent.DEADLINE and ask is not None:
            return self._deadline(ask.tool, ask.args, today)
        if intent == Intent.PROCEDURE and not story and asks_deletion_among_others(message) and \
                self._rules_result(message, scope, today).get("kind") == "ground":
            # "The family have moved back to Romania for good. Who do we tell, and can we take him
            # off?": the rules settle the ground; the documents answer the rest.
            session.facts = {}
            return self._joined(self._leaver(session, message, scope, today, fresh=True),
                                self.procedure.answer(message, authority, mentioned, today), today)
        if documents and _first_missing(decided) == "situation":
            # The rules cannot tell what is happening ("an EOTAS package has been agreed"), but the
            # message also asks what to send with the deletion: the authority's documents answer that
            # (and, where they list reasons by situation, the reason too).
            session.facts = {}
            return self.procedure.answer(message, authority, mentioned, today)
        # (A story already decided above is one the rules placed: no need to ask them again.)
        # "Our trust has schools in Worcestershire and Derbyshire: for a pupil going abroad, which leaving
        # reason does each county expect?" asks the two authorities' documents, side by side.
        two_named = intent == Intent.LEAVER and len(self.scoping.named_authorities(message)) >= 2
        if intent == Intent.LEAVER and not decided and (not asks_which_ground(message) or two_named):
            asked = self._rules_call(message, scope, today)
            missing = _first_missing(asked.result)
            if missing == "situation" or two_named and asked.result.get("kind") == "needs_facts":
                # The rules do not recognise what is happening ("a lad placed with us by the county has
                # started at a mainstream school: can we just delete him?"), but the Regulations' own words
                # may (9(2): the placing authority must consent). Their passage answers when it leads;
                # otherwise asking what is happening is still the better reply.
                drafted = self.procedure.answer(message, authority, mentioned, today)
                if drafted.action == Action.ANSWERED and drafted.citations and (drafted.citations[0].authority == NATIONAL or two_named):
                    # The rules were asked and their question still stands: it is shown, not dropped.
                    session.facts = {}
                    drafted.tool_calls = [asked, *drafted.tool_calls]
                    drafted.answer += f"\n\n{RULES_NEED_SITUATION}" if missing == "situation" else \
                        f"\n\n{RULES_NEED_MORE.format(asked.result['missing'][0]['text'])}"
                    return drafted
        if intent == Intent.LEAVER:
            session.facts = {}
            return self._leaver(session, message, scope, today, fresh=True)
        if intent == Intent.REFERRAL:
            if scope is None:
                session.pending = Pending(Intent.REFERRAL.value, "authority", self.r.authorities, message=message)
                return Answer(Action.CLARIFY, "Referral forms differ by local authority. Which authority is the referral for?",
                              options=list(self.r.authorities), intent=Intent.REFERRAL)
            return self._referral(message, scope, today)
        if (scope is None and is_contact_question(message) and not self.scoping.outside_corpus(message)
                and not self.procedure.names_unknown(message)  # "who at the Ministry of Defence…": no document names it
                and len(self.scoping.named_authorities(message)) < 2  # two named: each one's contacts, side by side
                and not asks_to_compare(message)):  # "is it the same everywhere?": every authority's, side by side
            session.pending = Pending(Intent.PROCEDURE.value, "authority", self.r.authorities, message=message)
            return Answer(Action.CLARIFY, "Contacts differ by local authority. Which authority is the child's school in?",
                          options=list(self.r.authorities), intent=Intent.PROCEDURE)
        return self.procedure.answer(message, authority, mentioned, today)

    def _follow_up(self, session: Session, message: str, authority: str | None) -> Answer | None:
        """'and for Derbyshire?' re-asks the last question for another authority."""
        if not session.turns or len(message.split()) > 6:
            return None
        other = self.scoping.mentioned_authority(message)
        last = session.turns[-1]
        if other and re.match(r"^\s*(and|what about|how about|same for|for)\b", message, re.I):
            session.pending = None
            return self._turn(session, last.message, other) if other != authority else None
        return None

    def _continue(self, session: Session, message: str, authority: str | None, today: date) -> Answer | None:
        p = session.pending
        assert p is not None
        reply = message.strip().rstrip(".!")
        if p.question_key == "authority":
            try:
                chosen = self.r.resolve_authority(reply)
            except UnknownAuthority:
                chosen = self.scoping.mentioned_authority(message)
            session.pending = None
            if chosen:
                session.authority = chosen
                if p.intent == Intent.REFERRAL.value:
                    return self._referral(p.message, chosen, today)
                return self.procedure.answer(p.message, chosen, None, today)
            return None
        if p.intent == Intent.LEAVER.value:
            from assistant import rules

            option = next((o for o in p.options if o.lower() == reply.lower()), None)
            facts = rules.facts_from_mapping({k: v for k, v in session.facts.items()})
            try:
                if option is not None:
                    facts = rules.answer_question(facts, p.question_key, option)
                elif not p.options:  # free-text question: a date or a number
                    value: Any = reply
                    found = extract_facts(message, today)
                    if p.question_key.endswith(("_day", "_end", "_start", "date_of_birth", "first_day_of_absence")):
                        from assistant.chat.dates_text import find_dates

                        ds = find_dates(message, today)
                        value = ds[0].value.isoformat() if ds else reply
                    elif p.question_key.endswith("_days"):
                        digits = re.findall(r"\d+", reply)
                        value = int(digits[0]) if digits else reply
                    facts = rules.answer_question(facts, p.question_key, value)
                    facts = facts.with_(**{k: v for k, v in rules.facts_from_mapping(found.facts).__dict__.items()
                                           if v is not None and getattr(facts, k) is None})
                else:
                    extra = extract_facts(message, today).facts
                    if not extra:
                        return None  # not an answer: treat as a new question
                    session.facts.update(extra)
                    return self._leaver(session, p.message, authority, today, fresh=False)
            except rules.RuleError as exc:
                return Answer(Action.CLARIFY, f"{exc.message} {p.options and 'Choose one of the options.' or ''}".strip(),
                              options=list(p.options), intent=Intent.LEAVER)
            session.facts = {k: v for k, v in rules.to_jsonable(facts).items() if v is not None}
            return self._leaver(session, p.message, authority, today, fresh=False)
        session.pending = None
        return None

    # -- rule tools --------------------------------------------------------------------------
    def _tools_for(self, today: date) -> dict:
        """The rule tools, judged as of ``today`` (the clock, or a date the user gave)."""
        if today == self.clock():
            return self.tools
        from assistant.chat.rule_tools import build_rule_tools

        return {t.name: t for t in build_rule_tools(today=lambda: today)}

    def _call(self, name: str, args: dict[str, Any]) -> ToolCall:
        result = self.tools[name].invoke(args)
        return ToolCall(name, args, result)

    def _rules_result(self, message: str, authority: str | None, today: date) -> dict[str, Any]:
        """The leaver tool's result on the facts told (age taken as compulsory school age when
        nothing is said about it, as ``_leaver`` does and says)."""
        return self._rules_call(message, authority, today).result

    def _rules_call(self, message: str, authority: str | None, today: date) -> ToolCall:
        """The leaver tool called on the facts told, as ``_rules_result`` describes."""
        extracted = extract_facts(message, today)
        facts = {**extracted.facts, **extracted.assumed}
        if authority:
            facts["authority"] = authority
        tool = self._tools_for(extracted.today or today)["leaver_reason"]
        result = tool.invoke(facts)
        if facts.get("sao_served") and _first_missing(result) == "sao_amended_to_other_school":
            # An order whose state is unknown is all the story tells: the rules would ask about it, but
            # they do not recognise a situation the story is about (asked which reason, they still ask).
            rest_facts = {k: v for k, v in facts.items() if k != "sao_served"}
            rest = tool.invoke(rest_facts)
            if _first_missing(rest) == "situation":
                return ToolCall("leaver_reason", rest_facts, rest)
        return ToolCall("leaver_reason", facts, result)

    def _leaver(self, session: Session, message: str, authority: str | None, today: date, *, fresh: bool) -> Answer:
        extracted = extract_facts(message, today)
        facts = dict(extracted.facts) if fresh else {**extracted.facts, **session.facts}
        if authority:
            facts["authority"] = authority
        session.facts = {k: v for k, v in facts.items()}
        if extracted.today is not None:  # "it's now 14 October": decide as of that day
            today = extracted.today
        tool = self._tools_for(today)["leaver_reason"]
        call = ToolCall("leaver_reason", facts, tool.invoke(facts))
        result = call.result
        assumed_note = ""
        if (result.get("kind") == "needs_facts" and result["missing"][0]["key"] == "of_compulsory_school_age"
                and extracted.assumed.get("of_compulsory_school_age") is not None):
            # Nothing said about age: most pupils are of compulsory school age, so decide on that
            # basis, and say so, rather than stop at a question whose answer is nearly always "yes".
            trial = {**facts, **extracted.assumed}
            retry = tool.invoke(trial)
            asks_other = retry.get("kind") == "needs_facts" and retry["missing"][0]["key"] != "of_compulsory_school_age"
            if asks_other:
                # The question that tells the grounds apart ("was the exclusion permanent?") comes
                # before the age question; the answer will say what was assumed once it decides.
                call, result = ToolCall("leaver_reason", trial, retry), retry
            if retry.get("kind") in ("ground", "no_ground"):
                call = ToolCall("leaver_reason", trial, retry)
                result = retry
                assumed_note = ("\n\nI assumed the pupil is of compulsory school age (Reception after the term of "
                                "their 5th birthday to the end of Year 11). If they are not, the grounds in "
                                "regulation 9(3) apply instead: tell me their age and I will check.")
        if (result.get("kind") == "needs_facts" and _TIME_AWAY.search(message)
                and facts.get("leave_of_absence_given") is None and not facts.get("leave_end")
                and not facts.get("moved_abroad") and result["missing"][0]["key"] != "leave_of_absence_given"):
            # A holiday or trip: whether leave was given decides between 9(1)(h) and 9(1)(i), so
            # that is the question to ask first.
            from assistant import rules

            q = rules.QUESTIONS["leave_of_absence_given"]
            result = {**result, "missing": [{"key": q.key, "text": q.text, "options": list(q.options), "why": q.why},
                                            *result["missing"]]}
        link = render.SourceLinker(self.r, today)
        if "error" in result:
            session.pending = None
            return Answer(Action.CLARIFY, f"I could not use those facts: {result['error']['message']}",
                          tool_calls=[call], intent=Intent.LEAVER)
        kind = result.get("kind")
        if kind == "needs_facts":
            q = result["missing"][0]
            session.pending = Pending(Intent.LEAVER.value, q["key"], list(q.get("options") or []),
                                      facts=session.facts, message=message)
            why = f" ({q['why']})" if q.get("why") else ""
            later = [m["text"] for m in result["missing"][1:4]]
            more = ("\n\nI may also need to know: " + " ".join(later)) if later else ""
            return Answer(Action.CLARIFY, f"{q['text']}{why}{more}", tool_calls=[call],
                          options=list(q.get("options") or []), intent=Intent.LEAVER)
        session.pending = None
        text = render.render_ground(result, link) if kind == "ground" else render.render_no_ground(result, link)
        return self._finish(Answer(Action.ANSWERED, text + assumed_note, link.citations, [call], intent=Intent.LEAVER), today)

    def _joined(self, first: Answer, then: Answer, today: date) -> Answer:
        """One answer from two finished ones: the rule result, then what the documents say (when they
        answer). Markers and citations of the second are renumbered after the first's, and the
        currency notes are worked out again for both together."""
        if then.action != Action.ANSWERED:
            return first

        def body(a: Answer) -> str:
            return a.answer.split(CURRENCY_NOTE)[0].rstrip()

        shift = max((c.n for c in first.citations), default=0)
        text = body(first) + "\n\n" + MARKER.sub(lambda m: f"[{int(m.group(1)) + shift}]", body(then))
        joined = Answer(Action.ANSWERED, text, [*first.citations, *(replace(c, n=c.n + shift) for c in then.citations)],
                        [*first.tool_calls, *then.tool_calls], intent=first.intent)
        for f in (*first.flags, *then.flags):
            if f != "stale_source":
                joined.flag(f)
        return self._finish(joined, today)

    def _deadline(self, tool: str, args: dict[str, Any], today: date) -> Answer:
        call = self._call(tool, args)
        link = render.SourceLinker(self.r, today)
        if "error" in call.result:
            return Answer(Action.CLARIFY, f"I could not work that out: {call.result['error']['message']}",
                          tool_calls=[call], intent=Intent.DEADLINE)
        text = render.render_csa(call.result, link) if tool == "compulsory_school_age" else render.render_deadline(call.result, link)
        return self._finish(Answer(Action.ANSWERED, text, link.citations, [call], intent=Intent.DEADLINE), today)

    def _referral(self, message: str, authority: str, today: date) -> Answer:
        from assistant.chat.referral_chat import draft_in_chat

        pii = self.rails.detector if self.rails is not None else None
        return self._finish(draft_in_chat(message, authority, today, self.r, pii), today)

    def _finish(self, answer: Answer, today: date) -> Answer:
        retrieved = {c.chunk_id: c.text for c in answer.citations}
        checked = resolve(answer.answer, answer.citations, retrieved)
        answer.answer, answer.citations = checked.answer, checked.citations
        ctx = output_rails.Context([t.result for t in answer.tool_calls], [c.quote for c in answer.citations], self.corpus_text)
        repaired = output_rails.apply(answer.answer, ctx)
        if repaired.fired:
            answer.answer = repaired.answer
            answer.flag("output_repaired")
            log.warning("output rails fired: %s", ",".join(repaired.fired))
        notes = compose.currency_notes(answer.citations, self.r.index.documents, today)
        if notes:
            answer.flag("stale_source")
            answer.answer += CURRENCY_NOTE + " ".join(notes)
        return answer

    # -- helpers -----------------------------------------------------------------------------
    def _authority(self, name: str | None) -> str | None:
        return self.r.resolve_authority(name) if name else None


def _rules_read(result: dict[str, Any]) -> bool:
    """Did the leaver rules recognise the situation a pupil story tells? They settled a ground, found
    that none applies yet, or need one more fact about a situation they know (not "what is happening
    with the pupil?"). Then the story is theirs to answer, with a clarifying question if need be."""
    kind = result.get("kind")
    if kind in ("ground", "no_ground"):
        return True
    return kind == "needs_facts" and _first_missing(result) not in (None, "situation")


def _first_missing(result: dict[str, Any]) -> str | None:
    """The key of the first fact the leaver rules still need (None when they need none)."""
    return (result.get("missing") or [{}])[0].get("key")
