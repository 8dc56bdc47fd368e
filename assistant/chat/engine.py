"""One chat turn, end to end: session → route → facts → rule tools / retrieval → composer →
citation check → Answer. Framework-free: the API, the CLI and the web page all call ``respond``."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
import logging
from typing import Any, Callable, Iterator

import numpy as np

from assistant.chat import asker, compose, named_things, render
from assistant.chat.citations import resolve, squash
from assistant.chat.extract import extract_deadline, extract_facts
from assistant.chat.router import NOT_A_CONTACT_ASK, is_contact_question, route
from assistant.chat.sessions import Pending, Session, SessionStore, Turn
from assistant.chat.types import NOT_COVERED, Action, Answer, Citation, Intent, ToolCall
from guardrails import output as output_rails
from indexer.corpus import NATIONAL
from indexer.errors import UnknownAuthority
from indexer.contacts import CONTACT_DETAIL
from indexer.lexical import tokenize
from indexer.retriever import Hit, HybridRetriever

log = logging.getLogger("cme_assist.chat")

SUPPORT_THRESHOLD = 0.2  # below this the best sentence does not answer the question
OTHER_AUTHORITY_MARGIN = 0.06  # how much better another authority's passage must score to be used…
OWN_NAMED_MARGIN = 0.12  # …when the question names the asker's own authority ("our Derbyshire school")
SIDE_BY_SIDE_RATIO = 0.7  # a second source is shown when its best sentence scores this close
_TIME_AWAY = re.compile(r"\b(holidays?|vacation|trip|visiting (family|relatives|grand\w*)|extended leave)\b", re.I)
CURRENT_LAW_RATIO = 0.6  # the law's passage joins a stale answer when it scores this close to the best
_DELETION = re.compile(r"\b(remov\w*|off (the )?roll|delet\w*|de-?roll\w*|take (them|him|her|the pupil) off)\b", re.I)
CHUNK_HITS = 6  # chunks from hybrid retrieval whose sentences compete for the answer
SENTENCE_HITS = 4  # more chunks, found by their single closest sentences
PER_AUTHORITY_HITS = 2  # chunks per authority missing from a side-by-side comparison's pool
CONTACT_HITS = 2  # "how do I get hold of them?": chunks with an e-mail or phone number join the pool…
CONTACT_DEPTH = 30  # …from this far down the ranking
CONTACT_RATIO = 0.5  # a passage giving contact details leads when it scores at least this share of the best…
CONTACT_COVERAGE = 0.4  # …and holds this share (by idf) of the question's words
_ASKING_WORDS = set(tokenize("who what how where email e-mail address phone telephone number contact details get hold touch "
                             "reach ring call speak them him her their "
                             # the frame of a 'how many / how long' question names no topic
                             "once many much before after long soon quickly often sent send get got give given"))
# "What if mum still won't enrol her?", "what happens if they refuse?": the step after a failed one is asked for.
_ESCALATION = re.compile(r"\bwhat (?:if|happens (?:if|when|next|then)|then|next)\b|\bnext steps?\b|\bstill (?:won't|doesn't|don't|isn't|not|refuses?)\b|"
                         r"\b(?:if|when) (?:they|she|he|the parents?|mum|dad|the family) (?:refuses?|won't|will not|don't|doesn't)\b", re.I)
_CONDITION = re.compile(r"(?:if|where|should|failing|otherwise|unless)\b", re.I)
# "Is that still the right contact?", "has the e-mail changed?": a contact's currency is asked about.
_ASKS_STILL_CURRENT = re.compile(
    r"\b(?:still (?:the )?(?:right|correct|current|valid|in use|working|the same|appl(?:y|ies)|stands?)|should (?:concerns|it|they|referrals|this) go (?:somewhere else|elsewhere)|(?:up to date|current|latest|new) "
    r"(?:e-?mail|address|number|contact|phone)|(?:e-?mail|address|number|contact|phone)\w* (?:has |have )?changed)\b", re.I)
_REACH = re.compile(r"\b(?:get hold of|get in touch|contact (?:them|him|her|details|number)|reach (?:them|him|her)|"
                    r"how (?:do|can|should) (?:i|we) (?:contact|email|ring|phone|call)|e-?mail address|(?:phone|telephone) number|"
                    r"(?:tel|phone|telephone)\.? ?nos?|(?:need|want|have) to (?:ring|call|phone|e-?mail)|"
                    r"what(?:'s| is) (?:their|his|her|its) (?:phone |telephone |contact )?number)\b", re.I)
FURTHER_IDF = 2.0  # a question word this rare, missing from a quote, carries it on into the next sentence…
FURTHER_UNITS = 2  # …for at most this many sentences…
FURTHER_WORDS = 110  # …and this many words in all
RARE_IDF = 3.0  # a question word this rare names its topic ("SAO", "notice"): a count must stand beside one
MAX_PART_ANSWERS = 2  # passages added for the further questions of a message that asks several


@dataclass(frozen=True)
class ChatRequest:
    message: str
    session_id: str | None = None
    authority: str | None = None


_NOT_A_PERSON = re.compile(r"\bget hold of (?:(?:the|a|an|our|their|his|her|any|some|copies of|a copy of)\s+)?(?:[\w'-]+\s+){0,3}?"
                           r"(?:forms?|guidance|notes|documents?|policy|policies|templates?|copy|copies|checklists?|leaflets?)\b", re.I)


_SUBJECT = re.compile(r"((?:[\w'’-]+\s+){1,4}?)(?:team|service|school|officer|co-?ordinator|coordinator|manager|lead|unit|"
                      r"helpline|line|centre|center|panel|hub|front door|department|board)\b", re.I)  # ("our trust runs schools": not one)
_GENERIC = set(tokenize("a an the our your their his her its this that which what particular right correct relevant local named "
                        "specific same other any each for to of in at with about from my we i us who whose is are"))


def _subject_words(message: str) -> set[str]:
    """The words naming whose contact details are asked for: the modifiers of 'team', 'officer',
    'school', 'helpline'… ("Elective Home Education team" → elective, home, education)."""
    out: set[str] = set()
    for m in _SUBJECT.finditer(message):
        words = m.group(1).split()
        kept: list[str] = []
        while words:  # the modifiers right before the noun, back to the first small word
            toks = tokenize(words[-1])
            if not toks or set(toks) & (_GENERIC | _ASKING_WORDS):
                break
            kept.extend(toks)
            words.pop()
        before = message[: m.start()] + " ".join(words)
        if re.search(r"\b(?:i'?m|i am|as|we'?re|we are)\s+(?:the|a|an)?\s*$", before, re.I):
            continue  # "I'm the attendance officer": who is asking, not whose details
        out |= set(kept)
    return out


def _asks_for_contact(message: str) -> bool:
    """How to reach a person or team (not "which contact details go on a return?", nor "where do I
    get hold of the county's CME forms?")."""
    return bool(_REACH.search(message)) and not NOT_A_CONTACT_ASK.search(message) and not _NOT_A_PERSON.search(message)


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
    ) -> None:
        self.corpus_text = corpus_text or "\n".join(retriever.index.texts.values())
        self._folded = named_things.fold(self.corpus_text)
        self._squashed: dict[str, str] = {}
        self.llm = llm  # an LLMComposer, or None for the deterministic engine alone
        self.r = retriever
        self.tools = {t.name: t for t in tools}
        self.clock = clock
        self.sessions = sessions or SessionStore()
        self.rails = rails  # assistant.chat.rails.InputRails, or None (no input rails)
        self.settings_hash = settings_hash

    # -- public ------------------------------------------------------------------------------
    def respond(self, req: ChatRequest) -> tuple[str, Answer]:
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
        mentioned = self._mentioned_authority(message)
        scope = authority or mentioned
        ask = extract_deadline(message, today, scope)
        intent = route(message, has_deadline_ask=ask is not None)
        if intent == Intent.DEADLINE and ask is not None:
            return self._deadline(ask.tool, ask.args, today)
        if intent == Intent.LEAVER:
            session.facts = {}
            return self._leaver(session, message, scope, today, fresh=True)
        if intent == Intent.REFERRAL:
            if scope is None:
                session.pending = Pending(Intent.REFERRAL.value, "authority", self.r.authorities, message=message)
                return Answer(Action.CLARIFY, "Referral forms differ by local authority. Which authority is the referral for?",
                              options=list(self.r.authorities), intent=Intent.REFERRAL)
            return self._referral(message, scope, today)
        if (scope is None and is_contact_question(message) and not self._outside_corpus(message)
                and len(self._named_authorities(message)) < 2):  # two named: each one's contacts, side by side
            session.pending = Pending(Intent.PROCEDURE.value, "authority", self.r.authorities, message=message)
            return Answer(Action.CLARIFY, "Contacts differ by local authority. Which authority is the child's school in?",
                          options=list(self.r.authorities), intent=Intent.PROCEDURE)
        return self._procedure(message, authority, mentioned, today)

    def _follow_up(self, session: Session, message: str, authority: str | None) -> Answer | None:
        """'and for Derbyshire?' re-asks the last question for another authority."""
        if not session.turns or len(message.split()) > 6:
            return None
        other = self._mentioned_authority(message)
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
                chosen = self._mentioned_authority(message)
            session.pending = None
            if chosen:
                session.authority = chosen
                if p.intent == Intent.REFERRAL.value:
                    return self._referral(p.message, chosen, today)
                return self._procedure(p.message, chosen, None, today)
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

    # -- procedure questions -----------------------------------------------------------------
    def _prime(self, queries: list[str]) -> None:
        """Embed every text this turn's searches will need in one batch."""
        prime = getattr(self.r.embeddings, "prime", None)
        if prime is not None:
            prime([t for q in queries for t in (self.r.dense_text(q), self.r.without_names(q))])

    def _search(self, message: str, scope: str | None) -> tuple[list[Hit], compose.Scored]:
        reach = _asks_for_contact(message)
        ranked = self.r.search(message, k=CONTACT_DEPTH if reach else CHUNK_HITS, authority=scope, include_national=True)
        hits = ranked[:CHUNK_HITS]
        if reach:
            # A contact block ("Vanessa Radke, the CME Officer / Email: … / Phone: …") shares few
            # words with the question, so the best-ranked chunks that give contact details join in.
            hits += [h for h in ranked[CHUNK_HITS:] if self.r.has_contact(h.chunk.chunk_id)][:CONTACT_HITS]
        qvec = np.asarray(self.r.embeddings.embed_query(self.r.without_names(message)), dtype=np.float32)
        hits += self.r.sentence_chunks(qvec, SENTENCE_HITS, scope, include_national=True,
                                       exclude={h.chunk.chunk_id for h in hits})
        expanded = self.r.glossary.expand(message)
        return hits, compose.score_units(message, expanded, hits, self.r, query_vec=qvec)

    def _procedure(self, message: str, authority: str | None, mentioned: str | None, today: date) -> Answer:
        scope = authority or mentioned
        if self._outside_corpus(message):
            return self._not_found(message, [], scope)
        unknown = named_things.unknown_things(self.r.without_names(message), self._folded)
        parts = compose.question_parts(message)
        self._prime([message] if unknown else [message, *parts])
        hits, scored = self._search(message, scope)
        if unknown:
            # Passages about its namesake would read like an answer about a thing no document names.
            return self._not_found(message, hits, scope, unknown)
        other = False
        if authority and (mentioned != authority or self._only_where_asker_works(message, authority)):
            # Is the answer really somewhere else? Only when another authority's passage is clearly better,
            # and never when the question asks about that authority's own ("Norfolk's Virtual School");
            # saying where one works ("our Norfolk school") does not say the answer is in its documents.
            hits2, scored2 = self._search(message, None)
            best2 = scored2.best
            # Having said where they work, the asker needs clearer evidence that the answer lies elsewhere.
            margin = OTHER_AUTHORITY_MARGIN if mentioned != authority else OWN_NAMED_MARGIN
            if (best2 is not None and best2.hit.document.authority not in (authority, NATIONAL)
                    and (scored.best is None or best2.score >= scored.best.score + margin)):
                hits, scored, other = hits2, scored2, True
        if scored.best is not None and scored.support < SUPPORT_THRESHOLD:
            scored = self._asked_alone(message, hits) or scored
        if scored.best is None or scored.support < SUPPORT_THRESHOLD:
            return self._not_found(message, hits, scope)
        chosen = compose.select(scored)
        named = self._named_authorities(message) if scope is None else []
        side = (self._each_named(message, named, scored) if len(named) > 1 else None) or \
            self._side_by_side(scored, include_law=scope is not None)
        if side and scope is None and not named:
            widened = self._every_authority(message, hits)
            if widened is not None:
                hits, scored, side = widened
        if side:
            chosen = side
        else:
            chosen += self._other_parts(message, parts, scope, chosen, scored)
        if _asks_for_contact(message):
            answered, contact = self._contact_for(message, chosen, scored)
            if not answered:
                return self._not_found(message, hits, scope)
            if contact is not None:
                chosen = [contact, *chosen]
        newer = self._newer_contact(message, chosen, hits) if _ASKS_STILL_CURRENT.search(message) else None
        if newer is not None:
            hits, scored, contact = newer
            chosen = [*chosen, contact]
        if compose.missing_answer_type(message, chosen, scored.units, topic=self._rare_words(message, RARE_IDF)):
            return self._not_found(message, hits, scope)
        row = compose.code_row_for(message, chosen, self.r)
        if row is not None:
            scored.units.append(row)
            chosen = [row] + chosen
        law = self._current_law(message, chosen, scored, today)
        if law is not None:
            chosen = [*chosen, law]
        step = compose.next_step_for(message, chosen[0], scored.units, self.r)
        if step is not None and not any(c.hit.chunk.chunk_id == step.hit.chunk.chunk_id for c in chosen):
            scored.units.append(step)
            chosen = [chosen[0], step, *chosen[1:]]
        answer = self._compose(chosen, scored, today, authority if other else None, message)
        if other:
            answer.flag("other_authority")
        answer = self._finish(answer, today)
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

    def _asked_alone(self, message: str, hits: list[Hit]) -> compose.Scored | None:
        """A long story dilutes how well any sentence matches the whole message. Its asking sentence
        alone is then judged as a one-sentence question would be, over the passages the whole
        message found."""
        ask = compose.asking_sentence(message)
        if ask is None:
            return None
        qvec = np.asarray(self.r.embeddings.embed_query(self.r.without_names(ask)), dtype=np.float32)
        alone = compose.score_units(ask, self.r.glossary.expand(ask), hits, self.r, query_vec=qvec)
        return alone if alone.best is not None and alone.support >= SUPPORT_THRESHOLD else None

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
        want = _subject_words(self.r.glossary.spell_out(self.r.without_names(message)))
        need = sum(self.r.idf(t) for t in want)
        if not need:
            return True, None  # "how do I get hold of them?" alone: nothing says whose details

        def fits(u: compose.Unit) -> bool:
            quoted = u.hit.chunk.text[slice(*compose.window(u, scored.units))]
            near = set(tokenize(quoted))
            return bool(CONTACT_DETAIL.search(quoted)) and sum(self.r.idf(t) for t in want & near) >= CONTACT_COVERAGE * need

        if any(fits(u) for u in chosen):
            return True, None
        floor = CONTACT_RATIO * scored.best.score
        for u in sorted(scored.units, key=lambda u: -u.score):
            if u.score < floor:
                break
            if not u.is_heading and fits(u):
                return True, u
        return False, None

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
        extra = [h for h in self.r.search(message, k=CONTACT_DEPTH, authority=old.authority)
                 if h.chunk.doc_id in wanted and self.r.has_contact(h.chunk.chunk_id)][:CONTACT_HITS]
        if not extra:
            return None
        qvec = np.asarray(self.r.embeddings.embed_query(self.r.without_names(message)), dtype=np.float32)
        pool = hits + [h for h in extra if h.chunk.chunk_id not in {x.chunk.chunk_id for x in hits}]
        rescored = compose.score_units(message, self.r.glossary.expand(message), pool, self.r, query_vec=qvec)
        for u in sorted(rescored.units, key=lambda u: -u.score):
            quoted = u.hit.chunk.text[slice(*compose.window(u, rescored.units))]
            if u.hit.chunk.doc_id in wanted and not u.is_heading and CONTACT_DETAIL.search(quoted):
                # the chosen passages are re-found in the rescored pool so the answer quotes one set of units
                again = {(x.hit.chunk.chunk_id, x.start): x for x in rescored.units}
                if all((c.hit.chunk.chunk_id, c.start) in again for c in chosen):
                    return pool, rescored, u
                return None
        return None

    def _current_law(self, message: str, chosen: list[compose.Unit], scored: compose.Scored,
                     today: date) -> compose.Unit | None:
        """When every chosen passage is from a document past review or citing superseded law, the
        2024 legislation's best passage goes with it, so the answer gives the current position.
        A question about taking a pupil off roll looks first in regulation 9."""
        docs = [u.hit.document for u in chosen]
        if any(d.authority == NATIONAL for d in docs) or not all(
                d.superseded_references or d.status(today) == "review_overdue" for d in docs):
            return None
        floor = CURRENT_LAW_RATIO * chosen[0].score
        law = [u for u in sorted(scored.units, key=lambda u: -u.score)
               if u.hit.document.authority == NATIONAL and not u.is_heading and u.score >= floor]
        if _DELETION.search(message):
            law = [u for u in law if any(p.startswith("9(") for p in u.hit.chunk.paragraphs)] or law
        return law[0] if law else None

    def _side_by_side(self, scored: compose.Scored, *, include_law: bool) -> list[compose.Unit] | None:
        """Where sources differ, show each one's answer: every authority's when none is chosen, or the
        authority's and the law's when one is."""
        best = scored.best
        if best.hit.document.authority == NATIONAL and not include_law:
            return None  # the law answers it for every authority: no local versions to compare
        per: dict[str, compose.Unit] = {}
        shown: list[str] = []  # the documents of the sources already picked
        for u in sorted(scored.units, key=lambda u: -u.score):
            a = u.hit.document.authority
            if (include_law or a != NATIONAL) and not u.is_heading and u.score >= SIDE_BY_SIDE_RATIO * best.score and a not in per:
                # Schools copy each other's policies: a sentence another source's document already
                # says word for word shows no difference, so this source's own next-best is used.
                if a != NATIONAL and any(squash(u.text).lower() in other for other in shown):
                    continue
                per[a] = u
                shown.append(self._squashed_text(u.hit.chunk.doc_id))
        if len(per) < 2 or (include_law and NATIONAL not in per):
            return None
        return sorted(per.values(), key=lambda u: (u.hit.document.authority == NATIONAL, -u.score))

    def _every_authority(self, message: str, hits: list[Hit]) -> tuple[list[Hit], compose.Scored, list[compose.Unit]] | None:
        """Authorities differ on this question, but one search ranks only a few documents high: each
        authority not yet in the pool is searched on its own, so that none is left out of the comparison."""
        present = {h.document.authority for h in hits}
        extra = [h for a in self.r.authorities if a not in present
                 for h in self.r.search(message, k=PER_AUTHORITY_HITS, authority=a)]
        if not extra:
            return None
        qvec = np.asarray(self.r.embeddings.embed_query(self.r.without_names(message)), dtype=np.float32)
        rescored = compose.score_units(message, self.r.glossary.expand(message), hits + extra, self.r, query_vec=qvec)
        side = self._side_by_side(rescored, include_law=False)
        return None if side is None else (hits + extra, rescored, side)

    def _each_named(self, message: str, named: list[str], scored: compose.Scored) -> list[compose.Unit] | None:
        """"We take pupils from Derbyshire and Norfolk: what are the forms called?": each named
        authority's own best passage, side by side, searched within that authority's documents."""
        per: list[compose.Unit] = []
        for a in named:
            _, sa = self._search(message, a)
            own = [u for u in sa.units if u.hit.document.authority == a and not u.is_heading]
            if not own:
                continue
            best = max(own, key=lambda u: u.score)
            scored.units.extend(u for u in sa.units if u.hit is best.hit)
            per.append(best)
        return per if len(per) > 1 else None

    def _squashed_text(self, doc_id: str) -> str:
        if doc_id not in self._squashed:
            self._squashed[doc_id] = squash(self.r.index.texts.get(doc_id, "")).lower()
        return self._squashed[doc_id]

    def _rare_words(self, message: str, min_idf: float) -> set[str]:
        """The message's words at least this rare in the corpus, less names and the words of asking."""
        return {t for t in tokenize(self.r.without_names(message)) if self.r.idf(t) >= min_idf} - _ASKING_WORDS

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
                 question: str | None = None) -> Answer:
        citations: list[Citation] = []
        blocks: dict[str, list[str]] = {}
        docs: dict[str, Any] = {}
        wanted = self._rare_words(question, FURTHER_IDF) if question else set()
        escalation = bool(question and _ESCALATION.search(question))
        for u in units:
            start, end = compose.window(u, scored.units)
            end = self._further(u, scored.units, end, wanted, escalation=escalation)
            n = len(citations) + 1
            c = compose.citation_for(n, u.hit, start, end, today)
            citations.append(c)
            docs[c.doc_id] = u.hit.document
            blocks.setdefault(c.doc_id, []).append(f"{c.quote} [{n}]")
            follow = compose.continuation(u, self.r)
            after = compose.referring_next(u, self.r) if not follow else None
            if after is not None and not any(x.hit.chunk.chunk_id == after.chunk.chunk_id for x in units):
                follow = [after]
            for more in follow:
                n = len(citations) + 1
                c2 = compose.citation_for(n, more, 0, len(more.chunk.text), today)
                citations.append(c2)
                blocks[c.doc_id].append(f"{c2.quote} [{n}]")
        lines: list[str] = []
        if asked:
            lines.append(f"{asked}'s documents here do not cover this; another authority's do. "
                         "Check with your own authority before relying on it.\n")
        for doc_id, quotes in blocks.items():
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
            answer.answer += "\n\n**Check currency:** " + " ".join(notes)
        return answer

    # -- helpers -----------------------------------------------------------------------------
    def _authority(self, name: str | None) -> str | None:
        return self.r.resolve_authority(name) if name else None

    def _only_where_asker_works(self, message: str, authority: str) -> bool:
        # Naming the school whose policy a document is ("I'm DSL at Cromford") asks about that policy;
        # only the authority's own names say where the asker works.
        first = authority.split()[0].lower()
        names = {authority} | {a for d in self.r.index.documents.values() if d.authority == authority for a in d.aliases
                               if first in a.lower() or a.lower() not in d.publisher.lower()}
        return asker.only_where_asker_works(message, tuple(names))

    def _named_authorities(self, message: str) -> list[str]:
        named = {self.r.index.documents[d].authority for d in self.r.named_documents(message)}
        named.discard(NATIONAL)
        return sorted(named)

    def _mentioned_authority(self, message: str) -> str | None:
        named = self._named_authorities(message)
        return named[0] if len(named) == 1 else None

    _ELSEWHERE = re.compile(
        r"\b((?i:wales|welsh|scotland|scottish|northern ireland|cardiff|swansea|edinburgh|glasgow|belfast))\b|"
        r"\b([A-Z][a-z]+(?: [A-Z][a-z]+)?)(?:'s)? (?i:city |county |borough |metropolitan borough )?(?i:council)\b",
    )

    def _outside_corpus(self, message: str) -> bool:
        """Questions about places the corpus does not cover (another nation, a council we do not hold)."""
        for m in self._ELSEWHERE.finditer(message):
            if m.group(1):
                return True
            name = m.group(2).lower()
            if not any(name in a.lower() for d in self.r.index.documents.values() for a in (d.authority, *d.aliases)):
                return True
        return False
