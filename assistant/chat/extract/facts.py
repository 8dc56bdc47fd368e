"""The whole message: ``Extracted`` and ``extract_facts``, which runs every fact family."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from assistant.chat.dates_text import find_dates
from assistant.chat.extract.absence import _absence, _leave
from assistant.chat.extract.dates import _now_override
from assistant.chat.extract.enquiries import _enquiries
from assistant.chat.extract.events import _custody, _died, _exclusion
from assistant.chat.extract.home_education import _home_education, _sao
from assistant.chat.extract.leaving import _end_of_csa, _moved, _will_return
from assistant.chat.extract.schools import (
    _boarder,
    _boarding_fees,
    _ceased,
    _dual,
    _mobile,
    _nursery,
    _other_school,
    _school_type,
    _special_school,
)
from assistant.chat.extract.stage import _stage, age, school_year
from assistant.chat.extract.text import _has, _normalise


@dataclass
class Extracted:
    facts: dict[str, Any] = field(default_factory=dict)
    today: date | None = None  # "it's now 14 October" overrides the clock for this question
    #: Not facts: what a reader would assume when the message is silent (today only "the
    #: pupil is of compulsory school age" when nothing at all is said about age or stage).
    #: A caller may use one only if its answer says it was assumed.
    assumed: dict[str, Any] = field(default_factory=dict)


# -- the whole message -------------------------------------------------------------------------

def extract_facts(message: str, today: date) -> Extracted:
    """Facts stated (or necessarily implied) in ``message``, as a mapping for ``facts_from_mapping``."""
    t = _normalise(message)
    override, span = _now_override(t, today)
    ref = override or today
    dates = [d for d in find_dates(t, ref) if span is None or not (d.start == span[0])]
    out: dict[str, Any] = {}

    yr, years_old = school_year(t), age(t)
    _mobile(t, out)
    sao_exists = _sao(t, out)
    # An order revoked because the LA is satisfied with home education is ground 9(1)(e): the
    # home education it mentions is the LA's reason, not a parent's notice under 9(1)(f).
    ehe = _home_education(t, dates, out) if not out.get("sao_revoked_for_education_otherwise") else False
    _moved(t, out)
    _leave(t, dates, out, ref)
    _absence(t, dates, out, ref)
    _died(t, out)
    _other_school(t, out)
    _dual(t, out)
    _custody(t, out)
    _exclusion(t, out)
    _school_type(t, out)
    _nursery(t, out)
    _boarder(t, out)
    _boarding_fees(t, out)
    _ceased(t, out)
    _special_school(t, out)

    stage_over = (yr is not None and yr >= 11) or (years_old is not None and years_old >= 16) or \
        _has(r"\b(?:sixth|6th)[- ]form(?:er)?\b|\bpost[- ]?16\b|\bend of (?:year 11|compulsory)", t)
    _end_of_csa(t, out, yr, years_old)
    _will_return(t, out, stage_over)
    _enquiries(t, out)

    # The Education Act 1996 (s. 579) calls a person over compulsory school age and under 18 a
    # "young person": a message that says only that leaves the age open (a CME inbox's question
    # too), so it is asked rather than assumed.
    young_person = _has(r"\byoung (?:person|people)\b", t)

    # What the situation necessarily implies about compulsory school age (used only when the
    # message says nothing about age or stage): school attendance orders (EA 1996 s. 437),
    # pupil referral units (s. 19(2)), elective home education (s. 7) and children missing
    # education (s. 436A) all concern children of compulsory school age, and so do enquiries
    # made jointly with the local authority (9(1)(h), (i)).
    implied = (sao_exists or (ehe and out.get("home_education_intended") is True)
               or out.get("joint_enquiries_made") is True or out.get("mobile_child") is True
               or _has(r"\b(?:PRU|pupil referral unit)\b", t)
               or (not young_person and _has(r"\bCME\b|\bchild(?:ren)? missing (?:from )?education\b", t)))
    open_age = not _stage(t, dates, out, implied)
    assumed = {}
    if not open_age and not young_person and "of_compulsory_school_age" not in out and "date_of_birth" not in out:
        assumed["of_compulsory_school_age"] = True

    if out.get("detention_type") and not out.get("detained"):
        out["detained"] = True
    if override is not None and out.get("first_day_of_absence") and "continuous_absence_school_days" not in out:
        from assistant.rules.school_calendar import count_school_days

        first = date.fromisoformat(out["first_day_of_absence"])
        if first < override <= today:
            out["continuous_absence_school_days"] = count_school_days(first - timedelta(days=1), override - timedelta(days=1))
    return Extracted(out, override, assumed)
