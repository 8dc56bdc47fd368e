"""Absence and attendance facts: leave of absence, continuous absence, attendance codes, sickness."""

from __future__ import annotations

import re
from datetime import date, timedelta
from typing import Any

from assistant.chat.dates_text import FoundDate, find_school_durations
from assistant.chat.extract.dates import _iso, _shift_year
from assistant.chat.extract.text import (
    _has,
    _hedged,
    _negated,
    _pos,
    _positive,
    _sentence_start,
    _sentences_with,
)

_LEAVE_POS = (r"\b(?:leave of absence|granted (?:\w+ ){0,2}?leave|gave (?:him |her |them |the pupil )?(?:leave|permission)|"
              r"authoris(?:ed|ation for) (?:(?:the|a|an|his|her|their|\d+|one|two|three|four|five|six|weeks?'?|days?'?|school)\s+){0,3}(?:leave|holiday|trip|absence for)|"
              r"leave (?:was |had been |has been |were )?(?:given|granted|agreed|authorised|approved)|"
              # "the leave we gave", "over the leave the head agreed"
              r"\bthe (?:\w+ )?leave (?:that )?(?:we|the school|school|the head(?:teacher)?|you|they were) (?:had )?(?:gave|given|granted|agreed|authorised|approved|allowed)|"
              # "a 2 week holiday we authorised", "the trip the head agreed to"
              r"\b(?:holiday|trip|leave|visit|absence) (?:that )?(?:we|the school|school|the head(?:teacher)?) (?:had )?(?:authorised|agreed|approved|granted|allowed|signed off)\b|"
              r"approved (?:the |a |his |her |their )?(?:leave|holiday|request)|"
              r"(?:authorised|agreed|approved|exceptional) leave|(?:authorised|agreed|approved) (?:holiday|trip|absence for)|"
              # "We agreed a Year 5 girl could go to a family funeral in Nigeria"
              r"\b(?:we|the school|the head(?:teacher)?|school) (?:had )?(?:agreed|allowed|said) (?:that )?(?:[\w-]+ ){1,4}?(?:could|can|to) (?:go|travel|fly|attend|be away|take (?:the|a) (?:trip|time))\b|"
              r"period of leave|on leave\b|\b(?:had|was given|were given|has had|took|taken|granted)\s+(?:(?:some|a|an|two|three|\d+|weeks?'?|days?'?|authorised|agreed|approved|extended|exceptional)\s+){0,3}leave\b(?!\s+(?:school|us|the school|early))|(?:(?:his|her|their|the) |(?:^|[.!?]\s+))leave (?:\([^)]{0,80}\) )?(?:ended|finished|ran out|was until|expired|was due to end|is over|has ended|has finished))")
_LEAVE_NEG = (r"\bno (?:leave|permission|authorisation)(?: of absence)? (?:was |had been |has been |were )?(?:given|granted|agreed|requested|asked for|authorised|sought)|"
              r"\b(?:without|didn't have|did not have|hadn't|had no|with no|never (?:had|got|asked for|requested)|didn't ask for|did not ask for|didn't request|did not request) (?:any |our |the school's )?(?:leave|permission|authorisation)|"
              r"\bleave (?:was |had been |has been )?(?:refused|declined|not (?:given|granted|authorised|agreed|approved))|"
              r"\b(?:refused|declined|turned down|rejected) (?:the |their |a |his |her )?(?:request for )?(?:leave|holiday request|request for leave|leave request)|"
              r"\bunauthorised (?:holiday|leave|absence|trip|term[- ]time holiday)|"
              r"\b(?:took|taken|take) (?:him|her|them|the child|the pupil) out (?:of school )?without|"
              r"\b(?:we )?(?:didn't|did not|never) (?:authorise|give|grant|agree)\w* (?:it|the (?:holiday|leave|absence|trip)|leave|any leave)|"
              r"\bno leave\b|\bno (?:holiday |leave )?requests?\b|\bno request for (?:leave|a holiday|holiday)|\bnever (?:asked|applied) for (?:leave|a holiday|holiday)|"
              r"\b(?:request(?:ed|s)?|asked for|applied for|application for)\s+(?:[\w-]+\s+){0,3}?(?:leave|holiday)\b[^.;!?]{0,40}\b(?:declined|refused|rejected|turned (?:it )?down|said no|not (?:granted|authorised|agreed|approved))")

# "They were due back on Monday 2 November but haven't returned": time away with a return date, for
# which the school may or may not have given leave.
_DUE_BACK = (r"\b(?:was|were|is|are)\s+(?:due|expected|supposed|meant)\s+(?:to be\s+)?back\b|"
             r"\b(?:was|were|is|are)\s+(?:due|expected|supposed|meant)\s+to\s+(?:return|come back)\b|\bshould have (?:been back|returned|come back)\b")

# A member of staff on leave is not the pupil's leave of absence: "the head has now gone on leave".
_STAFF_ON_LEAVE = (r"\b(?:head(?:teacher| teacher)?|teacher|colleague|officer|dsl|senco|manager|secretary|registrar|clerk|"
                   r"administrator|admin|i|we)\b(?:'s|'m| is| am| are| has| have| was)?(?: now| just| currently| off)?(?: gone| been)?\s*$")


def _leave(t: str, dates: list[FoundDate], out: dict[str, Any], today: date) -> None:
    neg = _has(_LEAVE_NEG, t)
    pos = [m for m in re.finditer(_LEAVE_POS, t, re.I)
           if not _negated(t, m.start(), 3) and not _hedged(t, m.start())
           and not re.search(_LEAVE_NEG, t[max(0, m.start() - 30):m.end() + 5], re.I)
           and not (m.group(0).lower().startswith("on leave") and re.search(_STAFF_ON_LEAVE, t[max(0, m.start() - 40):m.start()], re.I))]
    if neg and not pos:
        out["leave_of_absence_given"] = False
        out["absent_with_leave_during_run"] = False
        return
    if not pos or neg:
        if not neg and _has(_DUE_BACK, t):
            out["trip_with_return_date"] = True
        return
    out["leave_of_absence_given"] = True
    sents = _sentences_with(r"\bleave\b|\bholiday\b|\bdue back\b|\btrip\b|\bvisit\b|\bfuneral\b|\bwedding\b", t)
    in_leave = [d for d in dates if any(o <= d.start < o + len(s) for o, s in sents)]
    end = start = None
    for i, d in enumerate(in_leave):
        before = t[max(0, d.start - 45):d.start].lower()
        if re.search(r"(?:due|expected|should have been|meant to be|supposed to be) back(?: at school| in school)?(?: from (?:his |her |their |the )?(?:[\w-]+ )?(?:leave(?: of absence)?|holiday|trip))?(?: on)?\s*(?:the\s+)?$|"
                     r"(?:due|expected|supposed|meant) to (?:return|come back|be back)(?: to school)?(?: on)?\s*(?:the\s+)?$|"
                     r"should have (?:returned|come back)(?: to school)?(?: on)?\s*(?:the\s+)?$", before):
            end = d.value - timedelta(days=1)
            break
        if re.search(r"(?:leave|it|holiday|absence|\))\s+(?:ended|finished|ran out|expired|was until|ran until|lasted until|ends|end)(?: on)?\s*(?:the\s+)?$|"
                     r"(?:end|last day) of (?:the |his |her |their )?(?:leave|holiday|period of leave)(?: (?:was|is))?(?: on)?\s*(?:the\s+)?$|"
                     r"\b(?:until|till|up to(?: and including)?|back by)\s*(?:the\s+)?$", before):
            end = d.value
            break
        nxt = in_leave[i + 1] if i + 1 < len(in_leave) else None
        if nxt is not None and re.match(r"^\s*(?:to|-|–|—|until|till|and)\s*(?:\w+day\s+)?$", t[d.end:nxt.start], re.I) and \
                (re.search(r"\b(?:from|between)\s*(?:\w+day\s+)?(?:the\s+)?$", before) or nxt.start - d.end <= 4):
            start, end = d.value, nxt.value
            break
    if end is not None:
        from assistant.rules.school_calendar import add_school_days

        # 'leave from 3 to 14 November ... more than 10 school days have gone since it ended':
        # a date written without a year must fit what the message says has already happened.
        passed = _has(r"\b(?:more than|over|at least|all|the)?\s*(?:10|ten)\s+school\s+days\s+(?:have|had|has)?\s*(?:now\s+)?(?:gone|passed|elapsed|gone by|run out)|"
                      r"\b(?:10|ten)[- ]school[- ]day (?:window|period) (?:has )?(?:passed|ended|run out|expired)", t)
        inferred = not any(d.year_given for d in in_leave)
        if passed and inferred and add_school_days(end, 10) >= today:
            end = _shift_year(end, -1)
            start = _shift_year(start, -1) if start is not None else None
        if start is not None and start <= end:
            out["leave_start"] = _iso(start)
        out["leave_end"] = _iso(end)
    not_back = (r"\b(?:hasn't|has not|haven't|have not|hadn't|didn't|did not|never|not yet|still not|still hasn't)\s+(?:yet\s+)?(?:been\s+)?"
                r"(?:come back|came back|returned|return|been back|attended|attend|turned up|shown up|reappeared|been seen|been in)\b|"
                r"\b(?:'s|is|has) not (?:yet )?(?:returned|come back|been back)\b|"
                r"\bnot (?:been )?back\b|\bno sign of (?:him|her|them)\b|\bfailed to return\b|\b(?:didn't|did not) come back\b|"
                # "it's been 4 weeks over the leave", "two weeks past the end of their leave"
                r"\b(?:days?|weeks?|months?) (?:over|past|beyond|after the end of|longer than) (?:the |their |his |her )?(?:end of (?:the |their |his |her )?)?(?:\w+ )?leave\b")
    came_back = (r"\b(?:came back|come back|returned|attended|was in|were in|has been in)\s+(?:to school\s+)?(?:briefly|for (?:a|one|two|three|\d+) (?:days?|sessions?|mornings?|afternoons?)|on (?:the )?\d)")
    if _has(not_back, t):
        out["attended_within_10_school_days_after_leave"] = False
    elif _pos(came_back, t):
        out["attended_within_10_school_days_after_leave"] = True


_ABSENT = (r"(?:absent|been off|is off|was off|off school|off sick|away from school|out of school|missing(?: from school| from education)?|"
           r"not (?:been )?(?:in|at school|attending|attended|coming in|come in|seen)|hasn't been (?:in|at school|seen)|has not been (?:in|at school|seen)|"
           r"hasn't attended|has not attended|not attended|stopped (?:attending|coming)|no[- ]show|missed|hasn't (?:come|turned up|shown up)|"
           r"has not (?:come|turned up|shown up)|not turned up|not (?:come|came) (?:in|to school))")
# "hasn't been in since Monday 2 November" (the words just before the date): every gold writer we
# have asked means the absence began that day, so both the fact reader and the deadline count from it.
NOT_IN_SINCE = r"(?:\bnot|n't) (?:been )?(?:in|attended|at school|been in school)(?: school)?(?: at all)? since\s*(?:the\s+)?$"
_APPROX = r"(?:about|around|roughly|approximately|approx\.?|nearly|almost|maybe|possibly|or so)"


def _absence(t: str, dates: list[FoundDate], out: dict[str, Any], ref: date) -> None:
    from assistant.rules.school_calendar import next_school_day

    leave_given = out.get("leave_of_absence_given") is True
    absent_hit = _positive(rf"\b{_ABSENT}\b", t, neg_window=2, hedge=True)
    absent_hit = [m for m in absent_hit if not re.match(r"\s*(?:roll|the (?:roll|register))", t[m.end():m.end() + 14], re.I)]
    days: int | None = None
    for dur in find_school_durations(t):
        before = t[max(_sentence_start(t, dur.start), dur.start - 60):dur.start]
        after = t[dur.end:dur.end + 50]
        if re.search(rf"\b{_APPROX}\s*$", before, re.I) or re.search(r"^\s*or so\b", after, re.I):
            continue  # an estimate is not a count
        if re.search(r"\b(?:within|after|since|before|until|the|a|needs?|need|requires?|at least|reach(?:es|ed)?|hit|rule|threshold|over the|first)\s*$", before, re.I) and \
                not re.search(rf"{_ABSENT}\b[^.;!?]{{0,25}}(?:for\s+)?(?:at least\s+|over\s+|more than\s+)?$", before, re.I):
            continue  # '10 school days after the leave', 'the 20 school days rule'
        if re.search(r"^\s*(?:have|had|has)?\s*(?:gone|passed|elapsed) (?:since|after)|^\s*(?:after|since) (?:the|his|her|their) leave", after, re.I):
            continue  # '10 school days have gone since the leave ended'
        # "…stopped coming after half term, it's well over 20 school days now": a count of school
        # days said of the absence the message is about.
        said_of_absence = re.search(r"\b(?:it'?s|it is|it has been|it'?s been|that'?s|that is|now)\s+(?:well\s+|way\s+|comfortably\s+)?"
                                    r"(?:over|past|beyond|more than|at least)\s*$", before, re.I) and \
            (absent_hit or re.search(r"\bstopped (?:coming|attending)|\b(?:not|never) (?:been )?back\b|\bhasn't been in\b|\bnot been in\b", t, re.I))
        if said_of_absence:
            days = dur.school_days + (0 if re.search(r"at least\s*$", before, re.I) else 1)
            break
        if re.search(rf"\b(?:{_ABSENT}|off)\b[^.;!?]{{0,30}}$|\babsence (?:of|for|lasting)\s*$", before, re.I) or \
                re.search(r"^\s*(?:in a row|running|straight|on the trot|consecutive(?:ly)?)?\s*(?:of (?:continuous |unauthorised |unexplained |unbroken )?absence|(?:continuous|consecutive|unbroken|unauthorised)\s+absence|absent|off|missed|without (?:attending|coming)|"
                          # "22 school days gone", "…and counting", "…with no sign of her", "…of no contact"
                          r"gone\b|and counting|unaccounted|(?:with|of) no (?:attendance|sign|sighting|contact|word)|"
                          r"without (?:any |a )?(?:attendance|sign|sighting|contact|word)|of non-attendance|not (?:in|seen|attending)\b)", after, re.I) or \
                re.search(r"^\s*(?:in a row|running|straight|on the trot)\b", after, re.I):
            lower = re.search(r"\b(?:more than|over)\s*$", before, re.I)
            days = dur.school_days + (1 if lower else 0)
            break
    if days is not None:
        out["continuously_absent"] = True
        out["continuous_absence_school_days"] = days
    # first day of absence
    first: date | None = None
    for d in dates:
        before = t[max(_sentence_start(t, d.start), d.start - 50):d.start]
        if re.search(r"\b(?:absent|off|missing|away|out of school|no[- ]show)\s+(?:from school\s+)?(?:ever\s+)?since\s*(?:the\s+)?$|"
                     r"\bfirst (?:day|session) (?:of (?:the )?(?:absence|unexplained absence|unauthorised absence|non-attendance)|missed|off|away|absent)?\s*(?:was|is|:)?\s*(?:on\s+)?(?:the\s+)?$|"
                     r"\b(?:absent|off|missing|away) from\s*(?:the\s+)?$|\bstopped (?:attending|coming(?: in| to school)?)\s+(?:on|from)\s*(?:the\s+)?$|"
                     # "he's been coded G every session since 14 September"
                     r"\b(?:coded|marked|recorded)(?: as)? [A-Z]\d?(?: (?:for )?(?:every|each|all) (?:sessions?|days?))? (?:ever )?since\s*(?:the\s+)?$", before, re.I):
            first = d.value
            break
        # "They went anyway on Tues 3 Feb and she's not been back since": the day they went is the first day away.
        if re.search(r"\b(?:went|left|flew|travelled|traveled|set off|departed)(?: \w+){0,2}? on\s*(?:the\s+)?$", before, re.I) and \
                re.search(r"^[^.;!?]{0,40}\b(?:not (?:been )?back|(?:hasn't|has not|haven't|have not) (?:been back|returned|come back|been in)|"
                          r"not (?:returned|come back|been in))", t[d.end:], re.I):
            first = d.value
            break
        if re.search(r"(?:\blast (?:attended|seen(?: in school| at school)?|came in|in school|day (?:in|at) school)(?: was)?(?: on)?|"
                     r"(?:\bnot|n't) (?:been )?seen(?: in school| at school)?(?: at all)? since)\s*(?:the\s+)?$", before, re.I):
            first = next_school_day(d.value)  # present that day
            break
        # ("hasn't darkened our door since Monday 7th September" is read the same way)
        if re.search(NOT_IN_SINCE + r"|(?:not|n't) (?:darkened (?:our|the) door|been near (?:us|the school|the place))(?: at all)? since\s*(?:the\s+)?$",
                     before, re.I):
            first = d.value
            break
    if first is not None and not leave_given:
        out["continuously_absent"] = True
        out["first_day_of_absence"] = _iso(first)
    if "continuously_absent" not in out and absent_hit and not leave_given:
        if _has(r"\b(?:for(?! good)|since)\b|\bin a row\b|\bweeks?\b|\bmonths?\b|\bdays\b|\bstill\b|\bany more\b|\banymore\b|\bhasn't (?:come back|returned)", t):
            out["continuously_absent"] = True
    if "continuously_absent" not in out and not leave_given and \
            _has(r"\b(?:hasn't|has not|haven't|have not|never|didn't|did not)\s+(?:come back|returned|been back)\b|\bnot (?:come )?back\b", t) and \
            _has(r"\bholiday|\babroad|\btrip\b|\bvisit|\b(?:went|gone|go|going) (?:back )?to\b|\bhalf[- ]term|\bchristmas|\beaster|\bsummer|"
                 r"\bwedding|\bfuneral|\bsince\b|\bbreak\b|\bholidays\b", t):
        out["continuously_absent"] = True
    _codes(t, out)
    _sickness(t, out)
    if out.get("continuously_absent") and "absent_with_leave_during_run" not in out:
        # "never on authorised leave during it", "never on leave during that time"
        never_on_leave = _has(r"\b(?:never|not|wasn't|was not|weren't|were not) (?:been )?on (?:any )?(?:authorised |agreed )?leave\b", t)
        if never_on_leave or _has(r"\bunauthorised\b|\bwithout (?:leave|permission)\b|\bno leave\b", t) and \
                not _has(r"\bauthorised (?:leave|absence)\b", t.replace("unauthorised", "")):
            out["absent_with_leave_during_run"] = False


_CODE_TOKEN = r"(?:[A-Z]\d?|/|\\)"


def _codes(t: str, out: dict[str, Any]) -> None:
    from assistant.rules.facts import KNOWN_CODES

    found: list[str] = []
    lead = re.compile(r"\b(?i:coded|codes?|marked|recorded|registered|entered|put down|using|used|with|all|only|every session(?: was)?|"
                      r"sessions? (?:were|was|have been|has been)|all sessions|every session since (?:has|have) been|(?:changed|switched|moved|went) (?:over )?to|as|mostly|mainly|some|a few|plus|except)\s+(?i:(?:as|with|down as|an?|the|code|codes|only|all|just|exclusively)\s+)*"
                      rf"({_CODE_TOKEN}(?:'?s)?(?:\s*(?:,|/|and|or|&|then|plus)\s*(?:an?\s+)?{_CODE_TOKEN}(?:'?s)?)*)(?![\w'])")
    trail = re.compile(rf"(?<![\w'])({_CODE_TOKEN}(?:'?s)?(?:\s*(?:,|/|and|or|&)\s*{_CODE_TOKEN}(?:'?s)?)*)\s+codes?\b")
    # "G for the dates he asked for, O after that": a capital code letter followed by when it was used
    # ("I" and "A" are left out: they are words far more often than codes).
    when = re.compile(r"(?<![\w'])([B-HJ-Z]\d?)\s+(?i:for (?:the|those|these|his|her|their|each|every|all|most)\b|after that|since then|"
                      r"thereafter|from then on|every (?:day|session)|throughout)")
    for pat in (lead, trail, when):
        for m in pat.finditer(t):
            chunk = m.group(1)
            for tok_m in re.finditer(_CODE_TOKEN, chunk):
                tok = tok_m.group(0)
                after = chunk[tok_m.end():] + t[m.end():m.end() + 12]
                if tok == "/" and re.search(r"[A-Z]\d?\s*$", chunk[:tok_m.start()]) and re.match(r"\s*[A-Z]", chunk[tok_m.end():]):
                    continue  # "N/O": the slash between two codes, not the present mark
                if tok == "I" and re.match(r"\s*(?:think|believe|guess|reckon|am|was|have|had|'m|'ve|'d|know|can|will|would)\b", after):
                    continue
                if tok == "A" and re.match(r"\s+[a-z]", after):
                    continue  # the article 'A', not a code
                if tok in KNOWN_CODES and tok not in found:
                    found.append(tok)
    if _pos(r"\b(?:marked|coded|recorded)\s+(?:as\s+)?(?:ill|illness|sick|sickness)\b|\b(?:some|a few|several) (?:of (?:the|those) )?(?:days|sessions) (?:were|was) (?:illness|sick|ill)\b", t):
        if "I" not in found:
            found.append("I")
    # "all sessions unauthorised", "unauthorised absence throughout": code O is the unauthorised mark
    if not found and _pos(r"\b(?:all|every|each) (?:of (?:the|his|her|their) )?(?:sessions?|days?|marks?)(?: (?:has|have|was|were) been| (?:are|is|were|was))? "
                          r"(?:marked |coded |recorded )?(?:as )?unauthori[sz]ed\b|\bunauthori[sz]ed (?:absence )?(?:throughout|every session|all (?:the )?way through)\b|"
                          r"\b(?:all|only) unauthori[sz]ed (?:absence|sessions|marks)\b", t):
        found.append("O")
    if found and (out.get("continuously_absent") or _has(r"\babsen|\b(?:20|twenty)[- ]school[- ]days?\b|\bsessions?\b", t)):
        out["absence_codes"] = found
        if out.get("continuously_absent") is None:
            out["continuously_absent"] = True


_SICK_NO = (r"\b(?:no|not any|isn't any|is no|there's no|nothing to|not a|without any)\s+(?:\w+\s+){0,1}?(?:suggestion|sign|indication|evidence|reason to (?:think|believe|suspect)|reason|suggest|say|show|indicate|hint|word|mention)s?\s+"
            r"(?:at all\s+)?(?:that\s+|of\s+)?(?:(?:he|she|they|the pupil|the child)(?:'s|'re| is| are| was| were)?\s+)?(?:(?:\w+\s+){0,2})?(?:ill|unwell|sick|poorly|illness|sickness|medical|health)|"
            r"\b(?:isn't|is not|aren't|are not|wasn't|was not|not)\s+(?:off\s+)?(?:ill|unwell|sick|poorly)\b|"
            # "Nothing suggests he's ill", "not thought to be ill"
            # (no word between: "not thought to be seriously ill" says she is ill)
            r"\bnothing (?:suggests|indicates|says|to suggest|to say|to indicate)\s+(?:that\s+)?(?:(?:he|she|they)(?:'s|'re| is| are)\s+(?:ill|unwell|sick|poorly)|(?:any\s+)?(?:illness|sickness))\b|"
            r"\bnot (?:thought|believed|known|said|reported) to be (?:ill|unwell|sick|poorly)\b|"
            r"\bno (?:known )?(?:illness|sickness|medical (?:reason|issue|condition|evidence|need|problem)s?|health (?:issue|problem|concern)s?)\b|"
            # "Parents haven't reported any illness", "we've not been told about any health problems",
            # "not aware of any medical issues", "no reports of illness", "nobody has rung him in sick"
            r"\b(?:hasn't|haven't|has not|have not|never|didn't|did not|not|(?:nobody|no[- ]?one) (?:has |have )?) ?(?:been )?(?:said|mentioned|reported|told us|told|informed us|informed|raised|made aware)"
            r" (?:us )?(?:anything )?(?:about |of )?(?:any |him |her |them )?(?:being )?(?:ill|unwell|sick|poorly|illness|sickness|medical|health)\b|"
            r"\bnot aware of (?:any )?(?:illness|sickness|medical|health)|\bno reports? of (?:any )?(?:illness|sickness|ill health)\b|"
            r"\b(?:nobody|no[- ]one|never) (?:has |have )?(?:called|rung|rang|phoned|rings|calls|phones) (?:him |her |them )?in sick\b|"
            r"\bnot (?:off )?(?:because of|due to|through|for) (?:illness|sickness|ill health|medical reasons)|"
            r"\b(?:he|she|they)(?:'s|'re| is| are) (?:fit and )?(?:well|healthy)\b|\bno unavoidable cause\b|\bnothing (?:medical|health[- ]related)\b|"
            # "No-one has said he's poorly or anything"
            r"\b(?:no[- ]?one|nobody) (?:has |have )?(?:said|mentioned|told us|suggested|reported) (?:that )?(?:he|she|they)(?:'s|'re| is| are| was| were) (?:\w+ )?(?:ill|unwell|sick|poorly)\b")
_SICK_YES = (r"\b(?:off sick|is ill|are ill|is unwell|is poorly|in hospital|hospitali[sz]ed|(?:has|with|got) (?:a |an )?(?:long[- ]term |serious |chronic |terminal )?(?:illness|medical condition|disease|cancer|injury)|"
             r"mental health (?:crisis|issues?|difficulties|needs)|too (?:ill|unwell|anxious|sick)|(?:can't|cannot|unable to) (?:attend|come in|come to school) (?:because of|due to) (?:illness|ill health|health|medical|anxiety)|"
             r"medical (?:reasons|grounds)|sick note|(?:gp|doctor'?s?|hospital|consultant'?s?) (?:note|letter)|"
             r"unavoidable cause|(?:family )?emergency|(?:rang|rung|rings|ringing|called|calls|calling|phoned|phones|phoning) (?:him |her |them )?in sick|"
             r"(?:has|have|'s|'ve) been (?:really |very |quite )?(?:ill|unwell|poorly|sick)\b)")
_UNFIT = (r"\b(?:medically unfit|unfit (?:to attend|for school)|certified (?:as )?(?:medically )?unfit|"
          r"(?:doctor|gp|consultant|paediatrician|medical officer|hospital)s?\s+(?:\w+\s+){0,2}?(?:says?|said|has said|certif\w+|confirm\w*|advis\w+)\s+(?:that\s+)?(?:he|she|they|the pupil|the child)\s+(?:can't|cannot|won't be able to|will not be able to|is unable to|isn't able to|is not fit)|"
          r"long[- ]term (?:illness|sickness|medical condition)|terminal(?:ly)? ill|"
          r"(?:not|never) (?:be )?(?:well|fit) enough to (?:attend|return|come back))")


def _sickness(t: str, out: dict[str, Any]) -> None:
    no = _has(_SICK_NO, t)
    yes = _pos(_SICK_YES, t, neg_window=3) and not no
    if _pos(_UNFIT, t, neg_window=3):
        out["medically_unfit_to_attend"] = True
        yes = True
    if no and not yes:
        out["reasonable_grounds_sick_or_unavoidable"] = False
    elif yes:
        out["reasonable_grounds_sick_or_unavoidable"] = True
