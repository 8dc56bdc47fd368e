"""Facts for the rule module, read from what staff type.

Each pattern maps plain wording to one ``Facts`` field. Only what the message says is set;
everything else stays unknown so the rules ask for it rather than assume it. The patterns are
deliberately conservative: a wrong fact is worse than a clarifying question.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from assistant.chat.dates_text import find_dates, find_school_days

_NEG = r"(?:no|not|n't|never|without)"


def _has(pattern: str, text: str) -> bool:
    return re.search(pattern, text, re.I) is not None


@dataclass
class Extracted:
    facts: dict[str, Any] = field(default_factory=dict)
    today: date | None = None  # "it's now 14 October" overrides the clock for this question


def school_year(text: str) -> int | None:
    m = re.search(r"\byear\s*(\d{1,2})\b", text, re.I)
    if m and 1 <= int(m.group(1)) <= 13:
        return int(m.group(1))
    return None


def age(text: str) -> int | None:
    m = re.search(r"\b(\d{1,2})[- ]year[- ]old\b|\baged\s+(\d{1,2})\b|\((\d{1,2})\)", text, re.I)
    if m:
        return int(next(g for g in m.groups() if g))
    return None


def extract_facts(message: str, today: date) -> Extracted:
    t = message
    out: dict[str, Any] = {}
    dates = find_dates(t, today)
    now = re.search(r"\b(?:it'?s|it is|today is)\s+now\s+|\bnow\s+(?=\d)", t, re.I)
    override = None
    if now:
        after = [d for d in dates if d.start >= now.end() and d.start - now.end() < 12]
        if after:
            override = after[0].value
            dates = [d for d in dates if d is not after[0]]
    ref = override or today

    # Age and stage.
    yr, years_old = school_year(t), age(t)
    if _has(r"\bnursery\b", t) or (years_old is not None and years_old < 5) or _has(r"\breception\b.*\b4\b", t):
        out["of_compulsory_school_age"] = False
    if yr is not None:
        out["of_compulsory_school_age"] = 1 <= yr <= 11
    if years_old is not None and years_old >= 17:
        out["of_compulsory_school_age"] = False
    if _has(r"\b(sixth form student|post[- ]?16 (student|pupil)|year 1[23])\b", t):
        out["of_compulsory_school_age"] = False
    if _has(r"\bnursery\b", t):
        out["admitted_for_nursery"] = True
        if _has(r"\breception\b", t):
            out["nursery_completed_moving_to_reception"] = True

    # Will the pupil come back?
    if _has(r"for good|won'?t be (coming|returning)|not (be )?coming back|won'?t come back|"
            r"no (reason|grounds) to (think|believe) (he|she|they)('ll| will)? (come|return|attend)|"
            r"stopped coming .*for good|leaving .* to (go|start)|apprenticeship|permanently", t):
        out["reasonable_grounds_will_return"] = False
    if _has(r"\bboarder\b", t):
        out["boarder"] = not _has(rf"{_NEG}\W+(a\s+)?boarder|isn'?t a boarder", t)

    # Death.
    if _has(r"\b(has |have )?died\b|passed away|\bdeceased\b|death of", t):
        out["died"] = True

    # Registered at another school.
    if _has(r"(new|other|another) school .*(confirmed|has (her|him|them) on)|on their (admission )?register|"
            r"started with them|registered (at|with) (another|a new|the new)|new school .* admission register", t):
        out["registered_at_another_school"] = True
        out["other_school_known"] = True
    if _has(r"no (details of (a|the) )?new school|no (new )?school (details|named|known)|"
            r"(don'?t|do not) know (which|what|the) (new )?school|no idea (which|what) school|"
            r"school (is )?(not known|unknown)|without a named school", t):
        out["other_school_known"] = False
    if _has(r"\b(not|isn'?t|is not) dual[- ]registered|\bno dual registration", t):
        out["dual_registration_agreed"] = False
    elif _has(r"\bdual[- ]registered\b|\bdual registration\b", t):
        out["also_registered_at_other_schools"] = True
        if _has(r"(main|other) school (has )?(agreed|consented|given consent)|consent(ed)? (in writing )?to (us )?(remov|delet)", t):
            out["other_schools_all_consented"] = True

    # School attendance orders.
    if _has(rf"{_NEG}\s+(school attendance order|sao)\b|no sao|there'?s no (school attendance order|sao)", t):
        out["sao_names_this_school"] = False
    if _has(r"amended .*(school attendance order|sao)|(school attendance order|sao).* amended", t) and _has(
        r"different school|another school|instead of ours|other school", t
    ):
        out["sao_amended_to_other_school"] = True
    if _has(r"revoked .*(school attendance order|sao)|(school attendance order|sao).* revoked", t):
        out["sao_revoked_for_education_otherwise"] = True

    # Elective home education.
    if _has(r"home[- ]?educat|home[- ]?school|\behe\b|elective home", t):
        out["home_education_intended"] = True
        if _has(r"letter|in writing|written|emailed|e-?mail|signed", t):
            out["home_education_notice"] = "written"
        elif _has(r"\b(told|said|mentioned|rang|phoned|called)\b|verbal", t):
            out["home_education_notice"] = "verbal_only"
        m = re.search(r"\bfrom\b", t, re.I)
        if dates:
            d = dates[0]
            if m and m.end() <= d.start and d.start - m.end() < 4:
                out["home_education_last_day"] = (d.value - timedelta(days=1)).isoformat()
            else:
                out["home_education_last_day"] = d.value.isoformat()

    # Moving away.
    if _has(r"emigrat|moved (abroad|overseas)|moving (abroad|overseas)|gone (abroad|overseas)|left the country|"
            r"out of the country|moved to (portugal|poland|pakistan|india|romania|spain|france|ireland|"
            r"nigeria|bangladesh|[A-Z][a-z]+ for good)", t):
        out["moved_abroad"] = True
        out["moved_away"] = True
    elif _has(r"moved (away|house|out of (the )?area)|family('s| has) moved|moved to (another|a different) (area|town|county)", t):
        out["moved_away"] = True

    # Leave of absence.
    if _has(r"leave of absence|gave (him |her |them )?leave|granted leave|authorised leave|leave (was )?(given|agreed|authorised)", t):
        out["leave_of_absence_given"] = True
        rng = [d for d in dates]
        if len(rng) >= 2 and _has(r"\bfrom\b.*\bto\b|until|till", t):
            out["leave_start"], out["leave_end"] = rng[0].value.isoformat(), rng[1].value.isoformat()
        elif rng and _has(r"leave (ended|finished|ran out)|end of (the|his|her) leave", t):
            out["leave_end"] = rng[0].value.isoformat()
        if _has(r"more than (10|ten) school days|(10|ten) school days (have )?(gone|passed)|hasn'?t (come back|returned|attended)", t):
            if _has(r"more than (10|ten) school days|(10|ten) school days (have )?(gone|passed)", t):
                out["attended_within_10_school_days_after_leave"] = False
    elif _has(r"holiday|went abroad|gone abroad", t) and _has(r"hasn'?t (come back|returned)|not (come )?back|not returned", t):
        out["continuously_absent"] = True

    # Continuous absence.
    days = find_school_days(t)
    if days is not None and _has(r"absent|off|hasn'?t been in|not (been )?in|missing|not attended|no show", t):
        out["continuously_absent"] = True
        if _has(r"school days", t):
            out["continuous_absence_school_days"] = days
    elif _has(r"off for (about |around )?(a|one|two|three) (month|week)s?|been off|absent since", t):
        out["continuously_absent"] = True
    codes = re.findall(r"\bcoded\s+([A-Z]\d?)\b|\bcode\s+([A-Z]\d?)\b", t)
    found_codes = sorted({a or b for a, b in codes})
    if found_codes and out.get("continuously_absent"):
        out["absence_codes"] = found_codes
    if _has(r"(no|not any) (suggestion|sign|reason to (think|believe)|indication) (of|that) .*(ill|sick)|"
            r"(isn'?t|is not|not) (ill|sick)|no (illness|sickness)", t):
        out["reasonable_grounds_sick_or_unavoidable"] = False
    if _has(r"no leave (was )?(given|granted|agreed)|without leave", t):
        out["absent_with_leave_during_run"] = False

    # Enquiries.
    joint = _has(r"joint(ly)?|with the (la|local authority|council)|the la('s)? (cme )?(team|officer)", t)
    failed = _has(r"(haven'?t|have not|hasn'?t|couldn'?t|could not|can'?t|cannot|not been able to|unable to) "
                  r"(found|find|locate|trace|reach|contact)|gone unanswered|no (reply|response|answer)|"
                  r"whereabouts (are )?unknown|(not|never) (been )?(found|located|traced)", t)
    if _has(r"enquir|efforts|calls|letters|home visit", t) and failed:
        if joint:
            out["joint_enquiries_made"] = True
            out["joint_enquiries_outcome"] = "not_found"
        else:
            out["school_enquiries_made"] = True
            out["school_enquiries_outcome"] = "not_found"

    # Custody.
    if _has(r"sentenced|sentence of detention|detention and training order|\bdto\b|youth detention", t):
        out["detained"], out["detention_type"] = True, "sentence"
    elif _has(r"\bremand", t):
        out["detained"], out["detention_type"] = True, "remand"
    elif _has(r"police custody|arrested|police cell", t):
        out["detained"], out["detention_type"] = True, "police"
    elif _has(r"\bin custody\b|\bin prison\b|\bdetained\b", t):
        out["detained"] = True

    # End of compulsory schooling.
    if (yr == 11 or _has(r"end of year 11|year 11", t)) and _has(r"leav|finish|go(ing)? to (fe |a )?college", t):
        out["over_csa_by_next_school_day"] = True
        if _has(r"(don'?t|do not) have a sixth form|no sixth form|(fe )?college|apprenticeship", t):
            out["reasonable_grounds_will_return"] = False

    # Permanent exclusion.
    if _has(r"permanent(ly)? exclu|perm ex|\bexpelled\b", t):
        out["permanently_excluded"] = True
        if _has(r"won'?t (apply|ask) for (an? )?(independent )?review|not (going to )?(apply|seek|ask) for (an? )?(independent )?review|"
                r"(written|in writing).*(not|won'?t).*review|(not|won'?t).*review.*(written|in writing)", t):
            out["exclusion_status"] = "no_review_stated_in_writing"
        elif _has(r"review (deadline|time limit) (has )?passed|no (application for )?review (was )?(made|requested)", t):
            out["exclusion_status"] = "review_deadline_passed"
        elif _has(r"panel upheld|review (was |has been )?upheld", t):
            out["exclusion_status"] = "review_upheld"
        elif _has(r"review (is )?pending|awaiting (the )?review|applied for (a|an) (independent )?review", t):
            out["exclusion_status"] = "pending"

    # Type of school.
    if _has(r"independent school|private school", t):
        out["school_type"] = "independent"

    return Extracted(out, override)


# -- deadlines -------------------------------------------------------------------------------

@dataclass(frozen=True)
class DeadlineAsk:
    tool: str  # "deadline" or "compulsory_school_age"
    args: dict


def extract_deadline(message: str, today: date, authority: str | None) -> DeadlineAsk | None:
    t = message
    dates = find_dates(t, today)
    if _has(r"compulsory school age|school leaving (date|age)|leave school", t) and _has(r"\bborn\b|date of birth|\bdob\b", t):
        if dates:
            return DeadlineAsk("compulsory_school_age", {"date_of_birth": dates[0].value.isoformat()})
        return None
    rule = None
    if _has(r"new pupil return|(entered|added|went|put) (on|in|onto) (the )?(admission )?register|"
            r"(name|names) (was |were )?(entered|added)|joiner (return|form) due", t):
        rule = "new_pupil_return"
    elif _has(r"\bcode n\b|\bmarked (him |her |them )?n\b|\bn (went|was) (in|recorded)|recorded (code )?n\b|the n\b", t) and _has(
        r"replace|by when|by what date|last day|how long|deadline|when", t
    ):
        rule = "code_n_5_school_days"
    elif _has(r"leave", t) and _has(r"ten school days|10 school days", t):
        rule = "leave_10_school_days"
    elif _has(r"(20|twenty) school days", t):
        rule = "absence_20_school_days"
    elif _has(r"attendance return|(10|ten) (continuous )?school days", t):
        rule = "attendance_return_10_school_days"
    elif _has(r"sickness return|(15|fifteen) school days", t):
        rule = "sickness_return_15_school_days"
    if rule is None or not dates:
        return None
    start = dates[0].value
    if rule == "leave_10_school_days":
        ends = [d for d in dates if re.search(r"ended|end", t[max(0, d.start - 40) : d.start], re.I)]
        start = (ends[-1] if ends else dates[-1]).value
    args = {"rule_id": rule, "start": start.isoformat()}
    if authority:
        args["authority"] = authority
    return DeadlineAsk("deadline", args)
