"""Safeguarding red flags in case facts, and each authority's immediate steps (as cited data).

``red_flags(facts)`` is pure: it looks at ``cp_plan``, ``social_worker`` with
``safeguarding_concerns``, and words in every text value of the facts (FGM, forced marriage,
trafficking, exploitation, radicalisation, "taken abroad", "in danger", ...). It returns the
names of the flags found, never the text they were found in, so nothing left out of a form
leaks into the banner.

``STEPS[authority]`` are the immediate actions the authority's own documents give, with their
numbers where the documents give them; ``NOT_A_SAFEGUARDING_REFERRAL[authority]`` is where the
document says CME procedures do not replace safeguarding procedures. The 999 step is the
national emergency number; only Barking and Dagenham's guidance states it, so elsewhere it
carries no citation rather than a borrowed one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Mapping

from assistant.rules import Source
from guardrails.safeguarding import RISKS
from guardrails.text import fold

__all__ = ["Step", "red_flags", "STEPS", "NOT_A_SAFEGUARDING_REFERRAL", "ABROAD_STEPS", "BANNER"]

WORCS = "worcestershire-cme-policy-2025"
ASPIRE = "aspire-academy-cme-policy-2023"
DERBYS = "derbyshire-cromford-cme-policy-2023"
NORFOLK = "riverside-federation-cme-policy"
BD = "barking-dagenham-cme-guidance-2019"

BANNER = ("SAFEGUARDING - act now: possible risk to this child ({flags}). Follow your safeguarding "
          "procedures today. A CME referral never replaces a safeguarding referral.")


@dataclass(frozen=True)
class Step:
    text: str
    sources: tuple[Source, ...] = ()


_WORDS: tuple[tuple[str, str], ...] = (
    ("FGM", r"\bfgm\b|female genital"),
    ("forced marriage", r"forced(?:\s+into)?\s+marri"),
    ("trafficking", r"traffick"),
    ("exploitation", r"exploit|\bcse\b|\bcce\b|county lines"),
    ("radicalisation", r"radicali[sz]"),
    ("taken abroad", r"taken (?:abroad|overseas|out of the country)|removed from the (?:uk|country)"),
    ("in danger", r"in danger|immediate danger|at risk of (?:significant )?harm"),
)


def _texts(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, (list, tuple)):
        return [t for v in value for t in _texts(v)]
    if isinstance(value, Mapping):
        return [t for v in value.values() for t in _texts(v)]
    return []


def red_flags(facts: Mapping[str, Any]) -> list[str]:
    """Names of the safeguarding red flags in ``facts`` (empty list: none)."""
    flags: list[str] = []
    if facts.get("cp_plan") is True or str(facts.get("cp_plan", "")).strip().lower() in ("yes", "true"):
        flags.append("child protection plan")
    concerns = str(facts.get("safeguarding_concerns") or "").strip()
    if facts.get("social_worker") and concerns and concerns.lower() not in ("none", "no", "n/a", "nil"):
        flags.append("social worker involved with a concern")
    text = " ".join(_texts(dict(facts))).lower()
    for name, pattern in _WORDS:
        if re.search(pattern, text):
            flags.append(name)
    # The chat's safeguarding triage knows the euphemisms ("going to be cut like the other girls");
    # a referral is always about a particular child, so any indicator it finds is a flag here.
    folded = fold(text)
    for indicator, pattern in RISKS:
        label = _TRIAGE_LABELS.get(indicator, indicator.replace("_", " "))
        if label not in flags and re.search(pattern, folded):
            flags.append(label)
    return flags


_TRIAGE_LABELS = {"fgm": "FGM", "forced_marriage": "forced marriage", "abduction": "taken abroad",
                  "missing_protected": "protected child missing", "immediate_danger": "in danger",
                  "self_harm": "self-harm"}


_999 = Step("If anyone may be in immediate danger, call the police on 999.")

STEPS: dict[str, tuple[Step, ...]] = {
    "Worcestershire": (
        _999,
        Step("Tell your designated safeguarding lead (DSL) now. If the child has a child protection plan the DSL "
             "must inform the allocated social worker immediately.",
             (Source(ASPIRE, "Children Missing Education", "If the missing child is subject to a Child Protection "
                     "Plan, the DSL must inform the allocated social worker immediately."),)),
        Step("Refer to the Family Front Door (the referral point for all safeguarding referrals): 01905 822666.",
             (Source(WORCS, "para 11.1", "The Family Front Door is the initial point of contact for Children's "
                     "Services who manage all safeguarding referrals and early intervention requests for support."),
              Source(WORCS, "section 12, Contact details", "or Tel: 01905 822666"))),
        Step("If the child is open to social care, contact their social worker (or the duty officer out of hours).",
             (Source(ASPIRE, "Professionals should make this contact with other agencies", "The Social Worker for "
                     "the child (or duty officer out of hours) if a child is actively open to social care"),)),
        Step("For police advice when there is no immediate danger: West Mercia Police on 101.",
             (Source(ASPIRE, "Professionals should make this contact with other agencies",
                     "The West Mercia Police Enquiry Centre on 101"),)),
    ),
    "Derbyshire": (
        _999,
        Step("The school's designated safeguarding person must immediately contact Children's Services through "
             "Starting Point and/or the Police (the policy gives no number for Starting Point).",
             (Source(DERBYS, "para 7.1", "The school's designated safeguarding person for Child Protection will "
                     "immediately contact the Children's Services through starting point and/or the Police"),)),
        Step("Then refer to the CME Co-ordinator on the same day: cs.cmecoordinators@derbyshire.gov.uk, "
             "CME line 01629 5357841.",
             (Source(DERBYS, "para 7.2", "A subsequent referral should be made to the CME Coordinator on the same "
                     "day."),
              Source(DERBYS, "section 11.0", "A child missing from education (CME), Tel: 01629 5357841"))),
        Step("If the child has a social worker, tell them today."),
    ),
    "Norfolk": (
        _999,
        Step("Tell your designated safeguarding lead now and follow the school's safeguarding and child protection "
             "procedures (the policy gives no Children's Services number).",
             (Source(NORFOLK, "section 4", "safeguarding and child protection policies and procedures."),)),
        Step("Escalate the concern so that the risks to the child are considered.",
             (Source(NORFOLK, "section 14", "However, it is appropriate to escalate the concerns to consider "
                     "potential risks to the child."),)),
        Step("If the child has a social worker, tell them today."),
    ),
    "Barking and Dagenham": (
        Step("If you know or think someone may be in immediate danger, call the police on 999; otherwise report "
             "concerns to the police on 101.",
             (Source(BD, "para 5.7", "If you know or think someone may be in immediate danger contact the Police on "
                     "999."),
              Source(BD, "para 5.4", "Any such concerns should be reported to the Police, by telephoning 101 (999 in "
                     "an emergency)"))),
        Step("Tell your designated safeguarding lead now."),
        Step("Inform Social Care: contact the child's allocated social worker, or the MASH to discuss submitting a "
             "Multi-Agency Referral Form (MARF): https://www.lbbd.gov.uk/report-a-serious-concern-about-a-child-"
             "marf-for-professionals",
             (Source(BD, "Section 5", "they must inform Social Care by contacting either contacting the allocated "
                     "social worker for the child, or the Multi-Agency Safeguarding Hub (MASH)"),
              Source(BD, "Section 5",
                     "https://www.lbbd.gov.uk/report-a-serious-concern-about-a-child-marf-for-professionals"))),
    ),
}

#: extra steps when the child may have been taken abroad (FGM, forced marriage)
ABROAD_STEPS: dict[str, tuple[Step, ...]] = {
    "Worcestershire": (Step("If the child has been taken overseas, the Foreign and Commonwealth Office Consular "
                            "Directorate may help: 020 7008 1500.",
                            (Source(ASPIRE, "Remember", "If a child is taken overseas it may be appropriate to "
                                    "contact the Consular Directorate at the Foreign and Commonwealth Office"),)),),
    "Barking and Dagenham": (Step("If she has already been taken abroad, also contact the Foreign and Commonwealth "
                                  "Office: 020 7008 1500.",
                                  (Source(BD, "para 5.7", "You should also contact the Foreign and Commonwealth "
                                          "Office if she's already been taken abroad:"),
                                   Source(BD, "para 5.7", "Telephone: 020 7008 1500"))),),
}

NOT_A_SAFEGUARDING_REFERRAL: dict[str, Source] = {
    "Worcestershire": Source(WORCS, "para 2.4", "It does not replace established safeguarding referral procedures "
                             "which should still be followed in any case where there are safeguarding concerns."),
    "Derbyshire": Source(DERBYS, "para 4.2", "It does not replace any of the current child protection procedures "
                         "or existing safeguarding procedures"),
    "Norfolk": Source(NORFOLK, "section 4", "This policy should be read in conjunction with existing"),
    "Barking and Dagenham": Source(BD, "para 5.8", "Any safeguarding concerns, linked to children being absent from "
                                   "school, should be discussed with the MASH team."),
}
