"""Case facts -> a referral ``Draft`` for one authority's form. Pure: no I/O, no clock.

Every value in a draft comes from one of three places, and says which (``DraftField.source``):
the facts given (``facts``), a rule-module result (``rules``: the leaving ground, a due date,
the documents a ground needs) or the policy text (``corpus``: where to send it). A required
field with no value reads ``To complete`` and is listed in ``missing_fields``; nothing is
guessed. Only the facts a form lists are copied; every other fact given (religion, medical
details, siblings, e-mail addresses...) is left out of the draft and only its *name* is listed
in ``left_out``. Safeguarding red flags add an ``Escalation`` with the authority's immediate
steps, cited, ahead of everything else.

``to_payload(draft, link)`` turns a draft into the JSON the API returns; ``link`` maps a rule
``Source`` to a citation dict (the API links it to an indexed chunk).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Any, Callable, Literal, Mapping

from assistant import rules
from assistant.rules import DOCUMENTS, Source
from assistant.rules.dates import as_date
from assistant.rules.facts import FACT_FIELDS

from .forms import get_form
from .safeguarding import ABROAD_STEPS, BANNER, NOT_A_SAFEGUARDING_REFERRAL, STEPS, red_flags
from .spec import FieldSpec, FormSpec

__all__ = ["CASE_FACTS", "TO_COMPLETE", "NOT_GIVEN", "DraftField", "Escalation", "Draft", "UnknownForm",
           "draft_referral", "to_payload", "plain_link"]

TO_COMPLETE = "To complete"
NOT_GIVEN = "Not given"
#: the case facts a referral knows about (anything else is accepted and left out)
CASE_FACTS = ("child_name", "date_of_birth", "year_group", "address", "postcode", "upn", "parent_name",
              "parent_phone", "parent_email", "school_name", "first_day_of_absence", "date_left", "leave_end",
              "destination", "enquiries_made", "safeguarding_concerns", "social_worker", "cp_plan", "sen_ehcp")
_DATES = {"date_of_birth", "first_day_of_absence", "date_left", "leave_end"}
_BOOLS = {"cp_plan", "sen_ehcp"}
_RULE_START = {"derbyshire.cme_referral_day_11": "first_day_of_absence",
               "norfolk.riverside_report_20_days": "first_day_of_absence",
               "norfolk.riverside_no_named_school_20_days": "date_left",
               "deletion_return": "date_left", "derbyshire.cml_leaver_form": "date_left"}
_FORM_ACTIONS = {"Worcestershire leaver form", "LA agreement to the reason"}


class UnknownForm(rules.InvalidInput):
    code = "unknown_form"


@dataclass(frozen=True)
class DraftField:
    name: str
    label: str
    value: str
    source: Literal["facts", "rules", "corpus"]
    citation: Source | None
    required: bool
    missing: bool


@dataclass(frozen=True)
class Escalation:
    banner: str
    flags: tuple[str, ...]
    steps: tuple[str, ...]
    sources: tuple[Source, ...]


@dataclass(frozen=True)
class Draft:
    authority: str
    form: FormSpec
    fields: tuple[DraftField, ...]
    missing_fields: tuple[str, ...]
    left_out: tuple[str, ...]
    warnings: tuple[str, ...]
    warning_sources: tuple[Source, ...]
    escalation: Escalation | None
    leaver: dict | None
    deadlines: tuple[rules.TimelineItem, ...]

    def sources(self) -> list[Source]:
        """Every citation of the draft, first-seen order, no duplicates."""
        out: list[Source] = []
        for s in ((self.escalation.sources if self.escalation else ()) + tuple(f.citation for f in self.fields)
                  + self.form.basis + self.warning_sources + tuple(s for d in self.deadlines for s in d.sources)):
            if s is not None and s not in out:
                out.append(s)
        return out


def _given(v: Any) -> bool:
    return v is not None and v != "" and v != [] and not (isinstance(v, str) and not v.strip())


def _fact_value(name: str, facts: Mapping[str, Any]) -> str | None:
    v = facts.get(name)
    if name == "address":
        parts = [str(x).strip() for x in (facts.get("address"), facts.get("postcode")) if _given(x)]
        return ", ".join(parts) or None
    if not _given(v):
        return None
    if name in _DATES:
        return as_date(v, field=name).isoformat()
    if name in _BOOLS:
        b = v if isinstance(v, bool) else {"yes": True, "true": True, "no": False, "false": False}.get(
            str(v).strip().lower())
        if b is None:
            raise rules.InvalidInput(f"{name}: answer yes or no, not {v!r}.")
        return "Yes" if b else "No"
    if isinstance(v, (list, tuple)):
        items = [str(x).strip() for x in v if _given(x)]
        return "; ".join(items) or None
    return str(v).strip()


# Free-text case facts that describe why the pupil left; the chat's extractor reads them.
NARRATIVE_FACTS = ("destination", "enquiries_made", "notes", "reason_for_leaving")


def narrative_leaver_facts(facts: Mapping[str, Any], today: date) -> dict[str, Any]:
    """Leaver facts read from the case's own description ("Moved permanently to Kraków, Poland"),
    with the same conservative extractor as the chat: only what the words say, nothing guessed.
    Facts given as fields always win over what is read from the text."""
    from assistant.chat.extract import extract_facts

    parts: list[str] = []
    for name in NARRATIVE_FACTS:
        v = facts.get(name)
        parts += [str(x) for x in v if _given(x)] if isinstance(v, (list, tuple)) else ([str(v)] if _given(v) else [])
    if not parts:
        return {}
    read = extract_facts(". ".join(p.rstrip(". ") for p in parts), today).facts
    # Age comes from the date of birth or year group fields, never from a sentence about the case.
    return {k: v for k, v in read.items() if k in FACT_FIELDS and k not in ("authority", "of_compulsory_school_age",
            "date_of_birth", "over_csa_by_next_school_day") and not _given(facts.get(k))}


def _leaver(facts: Mapping[str, Any], read: Mapping[str, Any], authority: str, today: date):
    """The rule outcome on the given facts plus ``read`` (``narrative_leaver_facts``), None with neither."""
    given = {k: v for k, v in facts.items() if k in FACT_FIELDS and k != "authority" and _given(v)}
    if not given and not read:
        return None
    if read:
        try:
            return rules.decide_leaver_reason(rules.facts_from_mapping({**read, **given, "authority": authority}),
                                              today=today)
        except rules.ImpossibleFacts:
            pass  # what the description seemed to say contradicts the fields: decide on the fields alone
    if not given:
        return None
    return rules.decide_leaver_reason(rules.facts_from_mapping({**given, "authority": authority}), today=today)


def _leaver_summary(outcome) -> dict | None:
    if outcome is None:
        return None
    if isinstance(outcome, rules.Ground):
        return {"outcome": "ground", "code": outcome.code, "title": outcome.title,
                "la_agreement_required": outcome.la_agreement_required,
                "joint_enquiries_required": outcome.joint_enquiries_required,
                "actions": [{"title": a.title, "due": a.due.isoformat() if a.due else None, "due_text": a.due_text}
                            for a in outcome.actions],
                "notes": list(outcome.notes)}
    if isinstance(outcome, rules.NeedsFacts):
        q = outcome.next_question
        return {"outcome": "needs_facts", "next_question": q.text, "key": q.key, "options": list(q.options),
                "candidates": list(outcome.candidates)}
    return {"outcome": "no_ground", "reasons": list(outcome.reasons),
            "what_to_do_instead": list(outcome.what_to_do_instead)}


def _rule_value(spec: FieldSpec, facts: Mapping[str, Any], outcome, warnings: list[str]):
    """(value, citation) for a rule field, or (None, None) if the rules cannot give it."""
    if spec.name == "leaving_reason" and isinstance(outcome, rules.Ground):
        return f"{outcome.code} - {outcome.title}", (outcome.sources[0] if outcome.sources else spec.source)
    if spec.name == "documents" and isinstance(outcome, rules.Ground):
        acts = [a for a in outcome.actions if a.authority and a.title not in _FORM_ACTIONS]
        if acts:
            return "; ".join(a.title for a in acts), acts[0].sources[0]
    if spec.name == "due_by":
        for rule_id in spec.rules:
            start = facts.get(_RULE_START[rule_id])
            if rule_id.endswith("no_named_school_20_days") and _given(facts.get("destination")):
                continue
            if _given(start):
                d = rules.compute_deadline(rule_id, as_date(start, field=_RULE_START[rule_id]))
                if d.basis == "school_days":
                    warnings.append(f"{d.title}: school days counted Monday to Friday less bank holidays in "
                                    "England; check against your school's term dates.")
                return f"{d.due.isoformat()} ({d.title})", (d.sources[0] if d.sources else spec.source)
    return None, None


def _escalation(authority: str, facts: Mapping[str, Any]) -> Escalation | None:
    flags = red_flags(facts)
    if not flags:
        return None
    steps = list(STEPS[authority])
    if {"taken abroad", "FGM", "forced marriage"} & set(flags):
        steps += ABROAD_STEPS.get(authority, ())
    not_replace = NOT_A_SAFEGUARDING_REFERRAL[authority]
    texts = [s.text for s in steps] + ["Make the safeguarding referral first: this CME referral does not "
                                       "replace it."]
    sources = tuple(dict.fromkeys([src for s in steps for src in s.sources] + [not_replace]))
    return Escalation(BANNER.format(flags=", ".join(flags)), tuple(flags), tuple(texts), sources)


def _timeline(authority: str, facts: Mapping[str, Any]) -> tuple[rules.TimelineItem, ...]:
    dates = {k: as_date(facts[k], field=k) for k in ("first_day_of_absence", "leave_end", "date_left")
             if _given(facts.get(k))}
    no_school = dates.get("date_left") if not _given(facts.get("destination")) else None
    case = rules.Case(authority=authority, first_day_of_absence=dates.get("first_day_of_absence"),
                      leave_end=dates.get("leave_end"), left_without_named_school_on=no_school)
    return rules.case_timeline(case).items


def draft_referral(authority: str, facts: Mapping[str, Any], *, today: date, form_id: str | None = None) -> Draft:
    """The draft of ``authority``'s form (``form_id``, default its first) from ``facts``.

    Raises ``UnknownAuthority`` / ``UnknownForm`` / ``InvalidInput`` (bad dates or booleans).
    """
    canonical = rules.normalise_authority(authority)
    form = get_form(canonical) if canonical else None
    if form is None:
        raise rules.UnknownAuthority(f"No referral form is known for '{authority}'. "
                                     "Known: Worcestershire, Derbyshire, Norfolk, Barking and Dagenham.")
    form = get_form(canonical, form_id)
    if form is None:
        from .forms import forms_for
        raise UnknownForm(f"{canonical} has no form '{form_id}'. Its forms: "
                          f"{', '.join(f.id for f in forms_for(canonical))}.")
    facts = dict(facts)
    warnings: list[str] = []
    warning_sources: list[Source] = []
    read = narrative_leaver_facts(facts, today)
    outcome = _leaver(facts, read, canonical, today)
    if read and outcome is not None and form.field("leaving_reason"):
        warnings.append("Reason for leaving: worked out partly from the case description ("
                        + ", ".join(sorted(read)) + "); check those facts before sending.")
    fields: list[DraftField] = []
    for spec in form.fields:
        if spec.kind == "fact":
            value, citation, origin = _fact_value(spec.name, facts), spec.source, "facts"
        elif spec.kind == "corpus":
            value, citation, origin = spec.value, spec.source, "corpus"
        else:
            (value, citation), origin = _rule_value(spec, facts, outcome, warnings), "rules"
        missing = value is None
        fields.append(DraftField(spec.name, spec.label, value if not missing else (TO_COMPLETE if spec.required
                                 else NOT_GIVEN), origin, citation or spec.source, spec.required,
                                 missing and spec.required))
    names = {f.name for f in form.fields} | ({"postcode"} if form.field("address") else set())
    left_out = tuple(k for k, v in facts.items()
                     if _given(v) and k not in names and (k in CASE_FACTS or k not in FACT_FIELDS))
    _warn_leaver(outcome, form, warnings)
    if _fact_value("sen_ehcp", facts) == "Yes" and form.field("sen_ehcp"):
        warnings.append(f"EHCP: {form.field('sen_ehcp').source.quote}")
    for text, src in form.notes:
        warnings.append(text)
        if src:
            warning_sources.append(src)
    if left_out:
        warnings.append(f"Left out (this form does not need them): {', '.join(left_out)}.")
    return Draft(canonical, form, tuple(fields), tuple(f.name for f in fields if f.missing), left_out,
                 tuple(dict.fromkeys(warnings)), tuple(warning_sources), _escalation(canonical, facts),
                 _leaver_summary(outcome), _timeline(canonical, facts))


def _warn_leaver(outcome, form: FormSpec, warnings: list[str]) -> None:
    if not form.field("leaving_reason"):
        return
    if outcome is None:
        warnings.append("Reason for leaving: give the facts about why the pupil left (POST /v1/tools/leaver-reason "
                        "lists them) so the rule module can settle the regulation 9 ground.")
    elif isinstance(outcome, rules.NeedsFacts):
        # The question's typing example ("for example 14/03/2025") is not a fact of this case.
        question = re.sub(r"\s*\(for example [^)]*\)", "", outcome.next_question.text)
        warnings.append(f"Reason for leaving not settled yet: {question}")
    elif isinstance(outcome, rules.NoGround):
        warnings.append("On the facts given no deletion ground applies yet: " + " ".join(outcome.reasons))
    else:
        if outcome.la_agreement_required:
            warnings.append(f"The LA must agree to {outcome.code} before the name is deleted.")
        warnings.extend(outcome.notes)


def plain_link(src: Source) -> dict:
    """A citation dict without chunk linking (no index loaded)."""
    title, authority = DOCUMENTS.get(src.doc_id, (None, None))
    return {"doc_id": src.doc_id, "locator": src.locator, "quote": src.quote, "chunk_id": None,
            "title": title, "authority": authority}


def to_payload(draft: Draft, link: Callable[[Source], dict] = plain_link) -> dict:
    """The draft as the JSON the API returns (without ``draft_id``, ``status`` and ``markdown``)."""
    esc = draft.escalation
    return {
        "authority": draft.authority, "form": draft.form.title, "form_id": draft.form.id,
        "purpose": draft.form.purpose,
        "fields": [{"name": f.name, "label": f.label, "value": f.value, "source": f.source,
                    "required": f.required, "missing": f.missing,
                    "citation": link(f.citation) if f.citation else None} for f in draft.fields],
        "missing_fields": list(draft.missing_fields), "left_out": list(draft.left_out),
        "warnings": list(draft.warnings),
        "escalation": None if esc is None else {"banner": esc.banner, "flags": list(esc.flags),
                                                "steps": list(esc.steps),
                                                "citations": [link(s) for s in esc.sources]},
        "leaver": draft.leaver,
        "deadlines": [{"rule": d.rule, "title": d.title, "due": d.date.isoformat(), "statutory": d.statutory,
                       "authority": d.authority, "explanation": d.explanation} for d in draft.deadlines],
        "citations": [link(s) for s in draft.sources()],
    }
