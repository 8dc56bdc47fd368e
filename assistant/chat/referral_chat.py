"""'Draft a CME referral for…' in the chat: case facts read from the message, the authority's
form filled by the referral module (which invents nothing), missing fields listed."""

from __future__ import annotations

import re
from dataclasses import asdict
from datetime import date
from typing import Any

from assistant.chat import render
from assistant.chat.dates_text import find_dates
from assistant.chat.types import Action, Answer, Intent, ToolCall
from guardrails.safeguarding import triage


def facts_from_message(message: str, today: date, pii) -> dict[str, Any]:
    facts: dict[str, Any] = {}
    if pii is not None:
        for e in pii.find(message):
            key = {"PERSON": "child_name", "UK_POSTCODE": "postcode", "UK_UPN": "upn", "UK_ADDRESS": "address",
                   "UK_PHONE": "parent_phone", "EMAIL_ADDRESS": "parent_email"}.get(e.kind)
            if key and key not in facts:
                facts[key] = e.text
            if e.kind == "DATE_OF_BIRTH":
                ds = find_dates(e.text, today)
                if ds:
                    facts["date_of_birth"] = ds[0].value.isoformat()
    for d in find_dates(message, today):
        before = message[max(0, d.start - 40) : d.start].lower()
        if re.search(r"(absent|off|not (been )?in|missing) since|first day of absence|last (seen|attended)", before):
            facts.setdefault("first_day_of_absence", d.value.isoformat())
        elif re.search(r"\bleft\b|off roll|de-?rolled", before):
            facts.setdefault("date_left", d.value.isoformat())
    m = re.search(r"\byear\s*(\d{1,2})\b", message, re.I)
    if m:
        facts["year_group"] = f"Year {m.group(1)}"
    if re.search(r"child protection plan|\bcp plan\b", message, re.I):
        facts["cp_plan"] = True
    enquiries = [s.strip() for s in re.split(r"(?<=[.;])\s+", message)
                 if re.search(r"\b(phoned|called|rang|visited|home visit|letter|emailed|texted|checked)\b", s, re.I)]
    if enquiries:
        facts["enquiries_made"] = enquiries
    moved = re.search(r"\b(moved|moving|emigrated|gone) (to|abroad|away)[^.;]*", message, re.I)
    if moved:
        facts["destination"] = moved.group(0)
    risk = triage(message)
    if risk.at_risk:
        facts["safeguarding_concerns"] = ", ".join(risk.indicators)
    return facts


def draft_in_chat(message: str, authority: str, today: date, retriever, pii) -> Answer:
    from assistant.referrals.draft import draft_referral, to_payload

    facts = facts_from_message(message, today, pii)
    draft = draft_referral(authority, facts, today=today)
    link = render.SourceLinker(retriever, today)
    lines: list[str] = []
    if draft.escalation:
        lines.append(f"**{draft.escalation.banner}**{link.cite_all([asdict(s) for s in draft.escalation.sources], limit=2)}")
        lines += [f"- {step}" for step in draft.escalation.steps]
        lines.append("")
    lines.append(f"**Draft: {draft.form.title} ({authority}).** Nothing below is invented: each value comes from your "
                 "message, a rule result or the authority's document.")
    for f in draft.fields:
        mark = link.cite(asdict(f.citation)) if f.citation else ""
        lines.append(f"- {f.label}: {'**To complete**' if f.missing else f.value}{mark}")
    if draft.missing_fields:
        lines.append(f"\nTo complete before sending: {', '.join(draft.missing_fields)}.")
    if draft.left_out:
        lines.append(f"Left out (the form does not need it): {', '.join(draft.left_out)}.")
    lines += [f"Note: {w}" for w in draft.warnings]
    lines.append("\nOpen the referral form on the web page (or POST /v1/referrals/draft) to save it for sign-off and download it as Word.")
    payload = to_payload(draft)
    answer = Answer(Action.ESCALATED if draft.escalation else Action.ANSWERED, "\n".join(lines), link.citations,
                    [ToolCall("draft_referral", {"authority": authority, "facts": sorted(facts)},
                              {"form": payload.get("form"), "missing_fields": payload.get("missing_fields"),
                               "left_out": payload.get("left_out")})],
                    intent=Intent.REFERRAL)
    if draft.escalation:
        answer.flag("safeguarding")
    return answer
