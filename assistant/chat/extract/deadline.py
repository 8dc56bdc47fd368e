"""Deadline questions: ``DeadlineAsk`` and ``extract_deadline`` (the rule named and the date to count from)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from assistant.chat.dates_text import FoundDate, find_dates
from assistant.chat.extract.absence import NOT_IN_SINCE
from assistant.chat.extract.dates import _now_override
from assistant.chat.extract.text import _has, _normalise

# -- deadlines ---------------------------------------------------------------------------------

@dataclass(frozen=True)
class DeadlineAsk:
    tool: str  # "deadline" or "compulsory_school_age"
    args: dict


_CSA_WORDS = (r"\bcompulsory school age\b|\bCSA\b|\bstatutory school age\b|\bschool leaving (?:date|age)\b|"
              r"\b(?:leave|start|finish) (?:compulsory )?school\b|\bleaving age\b|\bcompulsory education\b|"
              # "dob 4 march 2012 - whens his actual legal leaving date?"
              r"\b(?:legal|statutory|official) (?:school )?leaving (?:date|day)\b|"
              # "From what date does he legally have to be getting an education?"
              r"\b(?:legally|by law)\b[^.?!]{0,40}\b(?:education|school)\b|"
              # "When does she have to start receiving education?"
              r"\b(?:(?:have|has|need|needs|required) to|must(?: (?:she|he|they|the child|the pupil|a child))?) (?:start|begin|be in|be at|attend|go to|receive) (?:receiving |getting |full[- ]time )?(?:an? )?(?:education|school(?:ing)?)\b|"
              # "born 2 January 2012: when is he allowed to leave?", "when can she stop coming to school?"
              r"\ballowed to leave\b|\bstop (?:coming to|attending|going to|being in) school\b")
_DOB_WORDS = r"\bborn\b|\bdate of birth\b|\bd\.?o\.?b\.?\b|\bbirthday\b"


_TWENTY_DAYS = r"\b(?:20|twenty)[- ](?:school[- ])?days?\b|\b9\s*\(\s*[13]\s*\)\s*\(\s*[ic]\s*\)|\b20[- ]day rule\b"
_ABSENCE = (r"\babsen|\blast (?:seen|attended|in school|came in)\b|\boff\b(?!\s+(?:roll|the register))|\bmissing\b|\bnot (?:been )?(?:in|attended|attending)|\bhasn't (?:been in|attended)|"
            r"\bcoded\b|\bunexplained\b|\bnon[- ]attendance\b")


# A date followed at once by "that was his first day off" is the first day of absence, whatever came before it.
_NAMED_FIRST_DAY_OFF = re.compile(r"[^.;!?]{0,12}?\b(?:that|which|this) (?:was|were|is) (?:his|her|their|the) (?:very )?first "
                                  r"(?:day|date|session) (?:off|of absence|absent|away|missed|out)\b", re.I)


def _rule_for(t: str) -> str | None:
    """The countable rule a message names, or None."""
    # The count the question itself asks about wins over a rule the story mentions on the way
    # ("…coded N and then O since. On what date does she reach 20 school days?").
    asked = [x for x in re.split(r"(?<=[.!?])\s+", t) if x.rstrip().endswith("?")]
    if asked and _has(_TWENTY_DAYS, asked[-1]) and _has(_ABSENCE, t):
        return "absence_20_school_days"
    code_n = (_has(r"\bcodes?\s+N\b|\bcoded\s+(?:as\s+)?N\b|\bN\s+codes?\b|\ban\s+N\b|\b(?:the|that|this)\s+N\b(?!\w)", t, 0)
              or _has(r"\bcode n\b|\bcoded (?:as )?n\b", t)
              or _has(r"\b(?:marked|recorded|entered|put)\s+(?:him |her |them |the pupil |the child |it )?(?:as |with |down as )?(?:an? )?N\b", t, 0)
              # "I marked a Y6 boy N on Mon 16 Nov"
              or _has(r"\b(?:marked|recorded|coded)\s+(?:a|an|the|our|this)\s+(?:[\w-]+\s+){0,3}?(?:boy|girl|pupil|child|student|lad|lass)\s+(?:as\s+)?N\b", t, 0)
              # "marked a Y6 as N on Thurs 3 Dec"
              or _has(r"\b(?:marked|recorded|coded|entered|put)\s+(?:a|an|the|our|this|one)\s+(?:[\w-]+\s+){1,3}?(?:down\s+)?(?:as|with)\s+(?:an?\s+)?N\b", t, 0)
              # "I put a boy down with the code for 'reason not known yet'": code N by what it means
              or _has(r"\bcode (?:for|meaning|that means)\s+['‘\"]?(?:the\s+)?(?:reason|circumstances?|cause)s?\s+(?:(?:is|are|were|was)\s+)?"
                      r"not\s+(?:yet\s+)?(?:known|established)", t)
              # "He was N for both sessions on Friday"
              or _has(r"\b(?:was|were|is|are|been|got)\s+(?:an?\s+)?N\s+(?=(?:for|on|in|all|both|every|that|this|yesterday|today)\b)", t, 0)
              # "still showing as N", "using N for a pupil", "entered N in the register", "(N)"
              or _has(r"\b(?:showing|shows|show|using|use|used|entered|enter|gave|given|give)\s+(?:(?:him|her|them|it)\s+)?(?:as\s+)?['‘\"]?N\b(?![-'’]\w)|\(N\)", t, 0)
              # the code by what it means: "a no-reason-yet mark", "'reason not yet provided'"
              or _has(r"\bno[- ]reason[- ](?:yet|given[- ]yet|provided[- ]yet)\b|\breasons? (?:not|yet to be) (?:yet )?(?:provided|given|known|established)\b|"
                      r"\bno reason (?:given|provided|known) yet\b", t))
    if code_n and _has(r"\b(?:replace|replaced|change|changed|amend|amended|resolve|resolved|update|updated|sort|establish|by when|by what date|"
                       r"last day|how long|deadline|when|due|until|expire|run out|what date|in by|proper code|correct code|real code|reason code|proper reason)\b", t):
        return "code_n_5_school_days"
    if _has(r"\bnew pupil return\b|\bjoiner'?s? (?:return|form|notification)\b|\bnew[- ](?:pupil|starter|joiner)s?'? (?:return|form|notification|details)\b|"
            r"\b(?:entered|entering|added|adding|put|putting|went|goes|go|came|comes|come|placed|placing|registered|registering)\s+(?:(?!codes?\b|marks?\b)\w+\s+){0,3}?(?:on|onto|in|into|to)\s+(?:the |our |their |its |the new school's )?(?:admission )?(?:register|roll)\b|"
            r"\b(?:name|names)\s+(?:was |were )?(?:entered|added)\b", t) or (
            # "joined us on…", "an in-year admission on the 12th": a new pupil, and the authority to be told
            _has(r"\b(?:joined|started|admitted|enrolled)\b|\b(?:in[- ]year|mid[- ]year|new) (?:admission|starter|joiner)s?\b|"
                 r"\b(?:moved|transferred|came) (?:over )?to us\b", t)
            and _has(r"\b(?:return|tell|notify|inform|let|send)(?:s|ed|ing)?\b[^.;!?]{0,30}\b(?:la|local authority|council|authority)\b|\breturn\b|"
                     r"\b(?:la|local authority|council|authority)\b[^.;!?]{0,20}\b(?:hear|know|be told|be notified|be informed)\b|"
                     r"\b(?:starter|joiner)s?'? (?:details|form|information|notification)\b", t)):
        return "new_pupil_return"
    if _has(r"\bdeletion return\b|\bleaver'?s? return\b", t) and _has(r"\b(?:deleted|removed|took|taken|came off|off roll)\b", t):
        return "deletion_return"
    # "Took a girl off roll on 10/11/2026. By what date must we tell the authority?": the return on deletion
    if _has(r"\b(?:deleted|removed|took|taken|came|come|went|gone)\b[^.;!?]{0,40}?\b(?:off (?:the |our )?(?:roll|register)|from (?:the |our )?(?:admission )?(?:roll|register))\b", t) \
            and _has(r"\b(?:tell|notify|inform|let|send|return|report)(?:s|ed|ing)?\b[^.;!?]{0,30}\b(?:la|local authority|council|authority)\b", t):
        return "deletion_return"
    leave = _has(r"\bleave\b", t) and not _has(r"\bleave school\b|\bleaving\b(?! of absence)", t)
    if leave and _has(r"\b(?:10|ten)[- ](?:school[- ])?days?\b|\b(?:10th|tenth) (?:school )?day\b|\b9\s*\(\s*1\s*\)\s*\(\s*h\s*\)|\bleave[- ]of[- ]absence (?:deletion )?ground\b", t):
        return "leave_10_school_days"
    absence = _has(_ABSENCE, t)
    if _has(r"\bsickness return\b", t) or (_has(r"\b(?:15|fifteen)[- ](?:school[- ])?days?\b", t) and _has(r"\bsick|\bill\b|\billness|\bcode I\b|\bcoded I\b|\bmedical", t)):
        return "sickness_return_15_school_days"
    if _has(_TWENTY_DAYS, t) and absence:
        return "absence_20_school_days"
    if _has(r"\battendance return\b", t) or (_has(r"\b(?:10|ten)[- ](?:continuous |consecutive )?(?:school[- ])?days?\b", t) and absence):
        return "attendance_return_10_school_days"
    return None


def _start_date(rule: str, t: str, dates: list[FoundDate]) -> date | None:
    from assistant.rules.school_calendar import next_school_day

    if not dates:
        return None

    def near(cue: str, window: int = 45) -> FoundDate | None:
        for d in dates:
            if re.search(cue + r"[^.;!?]{0,%d}$" % window, t[max(0, d.start - window - 40):d.start], re.I):
                return d
        return None

    if rule == "leave_10_school_days":
        for d in dates:
            before = t[max(0, d.start - 45):d.start]
            if re.search(r"(?:due|expected|supposed|meant) (?:back|to return|to come back)(?: to school| at school)?(?: from (?:his |her |their |the )?(?:[\w-]+ )?(?:leave(?: of absence)?|holiday|trip))?(?: on)?\s*(?:the\s+)?$", before, re.I):
                return d.value - timedelta(days=1)
        d = near(r"\b(?:ended|ends|end|finished|finishes|ran out|runs out|expired|last day|until|till|to)\b", 30)
        return (d or dates[-1]).value
    if rule in ("absence_20_school_days", "attendance_return_10_school_days", "sickness_return_15_school_days"):
        for d in dates:
            before = t[max(0, d.start - 50):d.start]
            # "last attended on Monday 2 November", "not seen since Monday": present that day, absent from the next.
            if re.search(r"(?:\blast (?:attended|seen|came in|in school)(?: in school| at school)?|(?:\bnot|n't) (?:been )?seen since)(?: was)?(?: on)?\s*(?:the\s+)?$", before, re.I):
                # "…not seen since Wednesday 18 November, that was his first day off": the writer says which.
                return d.value if _NAMED_FIRST_DAY_OFF.match(t, d.end) else next_school_day(d.value)
            if re.search(NOT_IN_SINCE, before, re.I):  # "hasn't been in since Monday 2 November": from that day
                return d.value
        # "took her off roll on 11 May … her first day off was 14 April": the first day named as such wins
        d = near(r"\bfirst (?:day|date|session)\b", 40) or \
            near(r"\b(?:since|from|first|began|started|starting|off(?! (?:the )?(?:roll|register))|absent)\b", 40)
        return (d or dates[0]).value
    if rule == "new_pupil_return":
        d = near(r"\b(?:entered|added|put|went|placed|registered|joined|started|starting|starts|admitted|enrolled|register|roll)\b", 40)
        return (d or dates[0]).value
    if rule == "code_n_5_school_days":
        d = near(r"\b(?:N|recorded|marked|entered|put|went in|coded)\b", 40)
        return (d or dates[0]).value
    return dates[0].value


def extract_deadline(message: str, today: date, authority: str | None) -> DeadlineAsk | None:
    """A deadline question: a countable rule named, and the date to count from. Else None."""
    t = _normalise(message)
    override, span = _now_override(t, today)
    dates = [d for d in find_dates(t, override or today) if span is None or d.start != span[0]]
    if _has(_CSA_WORDS, t) and _has(_DOB_WORDS, t):
        dob = next((d for d in dates if d.year_given and re.search(_DOB_WORDS + r"[^.;!?]{0,20}$", t[max(0, d.start - 40):d.start], re.I)), None)
        dob = dob or next((d for d in dates if d.year_given), None)
        if dob:
            return DeadlineAsk("compulsory_school_age", {"date_of_birth": dob.value.isoformat()})
        return None
    rule = _rule_for(t)
    if rule is None:
        return None
    if rule == "absence_20_school_days":
        from assistant.chat.extract.stage import _stage

        age: dict = {}
        _stage(t, dates, age, implied_csa=False)
        if age.get("of_compulsory_school_age") is False:  # "Year 12 student (17)": ground 9(3)(c), not 9(1)(i)
            rule = "absence_20_school_days_over_csa"
    start = _start_date(rule, t, dates)
    if start is None:
        return None
    args = {"rule_id": rule, "start": start.isoformat()}
    if authority:
        args["authority"] = authority
    return DeadlineAsk("deadline", args)
