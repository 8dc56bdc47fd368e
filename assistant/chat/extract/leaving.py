"""Leaving and destination facts: return to school, moving away or abroad, end of compulsory schooling."""

from __future__ import annotations

import re
from typing import Any

from assistant.chat.extract.home_education import _EHE
from assistant.chat.extract.text import (
    _RELATIVE,
    _about_someone_else,
    _has,
    _pos,
    _positive,
    _sentence_start,
)

_PRONOUN = r"(?:he|she|they|the pupil|the child|the student|him|her|them)"
_RETURN_VERB = r"(?:come back|coming back|go back|going back|return|returning|be back|attend(?:ing)? (?:again|here|us|the school|school)|re-?join)"


# The cue comes first, the return after it: "nothing suggests he will attend again".
_NO_EVIDENCE = (r"(?:no|nothing|not any|little|without any) (?:real |realistic |clear |obvious )?"
                r"(?:sign|indication|suggestion|evidence|expectation|likelihood|hint|prospect|reason|grounds)s?\b"
                r"|\bnothing (?:to )?(?:suggests?|indicates?|points? to|makes? us think)")
# "…not back before Christmas" doubts an early return, not every return.
_NOT_LATER = r"(?!\s+(?:before|until|till|by|for|this|next|after|once|when|yet|soon|in \w+ (?:days?|weeks?))\b)"
_DOUBT = (r"\b(?:unlikely|doubt(?:ful)?|(?:can't|cannot|can not|don't|do not) see|not likely|"
          r"(?:don't|do not|doesn't|does not|didn't) (?:think|believe|expect|feel)|"
          r"(?:doesn't|does not|don't|do not) (?:look|seem|sound) (?:like|as if|as though)|"
          r"(?:not|n't|aren't|isn't|am not|are not|is not) expect(?:ing|ed)|"
          r"(?:nobody|no one|no-one) (?:thinks|expects|believes|is expecting))")


def _will_return(t: str, out: dict[str, Any], stage_over: bool) -> None:
    no = [
        rf"\b(?:won't|will not|wouldn't|would not|isn't going to|is not going to|aren't going to|are not going to|not going to)\s+(?:ever\s+)?(?:be\s+)?{_RETURN_VERB}",
        r"\bnot (?:be )?(?:coming|going to come) back\b",
        r"\b(?:isn't|is not|aren't|are not|'s not|'re not) (?:ever )?(?:coming|going to come) back\b",
        r"\b(?:has|have) no (?:plans?|intention) (?:of|to) (?:com(?:e|ing) back|return(?:ing)?)",
        r"\bno (?:plans?|intention) (?:of|to) (?:com(?:e|ing) back|return(?:ing)?)",
        # "no intention of sending him back to us", "no plans to bring her back"
        rf"\bno (?:plans?|intention) (?:of|to) (?:send(?:ing)?|bring(?:ing)?) {_PRONOUN} back\b",
        # "will definitely not be returning", "is not returning to us"
        # (not "…can be treated as not returning from leave")
        rf"\b(?:(?:won't|will not|wont|isn't|is not|aren't|are not)\s+(?:\w+ly\s+)?|(?:will|is|are)\s+\w+ly\s+not\s+)(?:be\s+)?(?:returning|coming back)\b{_NOT_LATER}",
        rf"\b(?:no|not any|don't have any|do not have any|haven't (?:got )?any|have no|there are no|there's no)\s+(?:\w+\s+){{0,2}}(?:reason|grounds|indication|sign|suggestion)s?\s+to\s+(?:think|believe|expect|suggest|suspect)\s+(?:that\s+)?(?:{_PRONOUN}(?:'ll| will| would| might)?\s+)?(?:ever\s+)?(?:{_RETURN_VERB}|attend\b|(?:to see\s+)?{_PRONOUN}\s+(?:back|again)\b)",
        # "won't be coming to us any more"
        r"\b(?:won't|will not|wont|isn't|is not|not) (?:be )?(?:coming|attending) (?:to us |here |in )?(?:any ?more|again|at all)\b",
        rf"\b(?:won't|will not|wont|not) (?:be )?(?:seeing|having) {_PRONOUN} (?:back |here )?(?:again|any ?more)\b",
        # "after release he'll go to an AP placement, not back to us"
        # "…a provision near his aunt's when he's released, not back to Aspire"
        r"\bnot (?:come |coming |going |go )?back (?:to us|here|to (?:our|this) school|to (?-i:[A-Z][\w']+)(?! (?:home|normal)\b))\b",
        rf"\b(?:don't|do not|doesn't|does not) (?:think|believe|expect) (?:that )?{_PRONOUN}(?:'ll| will| would)? (?:ever )?{_RETURN_VERB}{_NOT_LATER}",
        rf"\b(?:don't|do not|doesn't|does not) expect (?:to see )?{_PRONOUN} back\b",
        rf"\b(?:nobody|no one|no-one) (?:expects|is expecting) {_PRONOUN} back\b",
        # a parent speaking: "mum says she won't be bringing her back"
        rf"\b(?:won't|will not|wont|isn't going to|is not going to|aren't going to|not going to) (?:be )?(?:bring|bringing|send|sending) {_PRONOUN} back\b",
        # "there's no chance he'll come back to us", "no prospect of her returning"
        rf"\bno (?:chance|way|prospect|likelihood|possibility|realistic chance) (?:that )?(?:{_PRONOUN}(?:'ll| will| would| is going to)? (?:ever )?{_RETURN_VERB}|of {_PRONOUN} (?:ever )?(?:coming back|returning))",
        r"\bnot expected (?:back|to (?:come back|return))\b",
        r"\bleft (?:us |the school |school )?(?:for good|permanently)\b",
        r"\bfor good\b",
        r"\bpermanently\b(?!\s+exclu)",
        r"\bwon't be back\b",
        rf"\b(?:doesn't|does not|don't|do not|didn't|did not) want {_PRONOUN} (?:to come )?back\b",
        r"\b(?:is|are|'s|'re) leaving (?:us|the school|our school)\b|\b(?:is|are|'s|'re) leaving (?:us |the school |our school )?(?:\w+ ){0,5}?to (?:be home[- ]educated|go to|start|join|attend|take up|move)\b",
        r"\b(?:has|have) left (?:us|the school|our school)\b(?! (?:for|on) (?:the day|lunch|holiday))",
        r"\b(?:stopped|stop) (?:coming|attending) (?:to us |here )?(?:for good|permanently)",
        # "they've moved 40 miles away and can't get to us any more"
        r"\b(?:can't|cannot|can not|can no longer|won't be able to|will not be able to|no longer able to) (?:get to|travel to|make it to|attend|come to) (?:us|here|school|the school|our school)\b(?! (?:on|for|this|next|until|till|before|today|tomorrow)\b)",
        # Doubt in other words: "no sign of him coming back", "nothing to suggest she'll return",
        # "we don't think he's coming back", "unlikely to return", "I doubt she'll be back",
        # "we're not expecting him back". Not "unlikely to be back before Christmas" (a later return).
        rf"\b(?:{_NO_EVIDENCE}|{_DOUBT})\W+(?:[\w']+\W+){{0,5}}?(?:{_RETURN_VERB}|{_PRONOUN}\s+back)\b{_NOT_LATER}",
    ]
    yes = [
        rf"\b(?:will|'ll|is going to|are going to|plans? to|intends? to|wants? to|expects? to|(?:has |have |'s |'ve )?agreed to)\s+(?:be\s+)?{_RETURN_VERB}",
        r"\b(?:is|are) (?:coming|due) back\b",
        rf"\bexpect(?:s|ed)? {_PRONOUN} (?:back|to (?:come back|return))",
        rf"\b(?:reason|grounds) to (?:think|believe|expect) (?:that )?{_PRONOUN}(?:'ll| will| would) {_RETURN_VERB}",
        # (not "going to college rather than staying on at our sixth form")
        r"(?<!rather than )(?<!instead of )\bstaying on (?:in|into|at|for) (?:our |the )?(?:sixth|6th) form|\b(?:going|moving) (?:up )?into our (?:sixth|6th) form",
    ]
    no_hits = [m for p in no for m in _positive(p, t, neg_window=3)]
    said_no = bool(no_hits)
    said_yes = any(not any(n.start() <= m.start() < n.end() for n in no_hits)
                   for p in yes for m in _positive(p, t))
    # the destination after school ends: college, a job, an apprenticeship
    if stage_over and _pos(r"\b(?:to (?:go to|start|do|take up|begin)|for|started|starting|begun|taken up|got|moving on to|going to|off to)\s+"
                           r"(?:a |an |the |his |her )?(?:full[- ]time |local |fe )?(?:college|apprenticeship|job|employment|work|training)|"
                           r"\b(?:has|have|got|with|been offered|accepted|secured) (?:got )?(?:a |an )?(?:place at (?:a |the )?(?:local )?college|(?:college|apprenticeship|training) (?:place|offer))", t):
        said_no = True
    # "has told us she won't be staying on in our sixth form"
    if stage_over and _has(r"\b(?:won't|will not|isn't|is not|not|wont)\s+(?:be\s+)?(?:staying on|stopping on|coming back|continuing|"
                           r"staying (?:for|in|into|at) (?:the |our )?(?:sixth|6th)[- ]form)\b", t):
        said_no = True
    if _has(r"\b(?:don't|do not|doesn't|does not|haven't got|have not got|has no|have no|without) (?:have )?(?:a |an |any )?(?:sixth|6th)[- ]form\b|\bno (?:sixth|6th)[- ]form\b", t) and stage_over:
        said_no = True
    if said_no and not said_yes:
        out["reasonable_grounds_will_return"] = False
    elif said_yes and not said_no:
        out["reasonable_grounds_will_return"] = True
    elif said_yes and said_no:
        out.pop("reasonable_grounds_will_return", None)  # the message says both: ask


_COUNTRIES = (
    "afghanistan albania algeria america argentina australia austria bangladesh belgium brazil bulgaria "
    "canada china colombia croatia cyprus czechia denmark egypt eritrea estonia ethiopia finland france "
    "germany ghana greece hungary india indonesia iran iraq ireland israel italy jamaica japan "
    "jordan kenya kosovo kurdistan latvia lebanon libya lithuania malaysia malta mexico moldova morocco "
    "nepal netherlands holland nigeria norway pakistan philippines poland portugal romania "
    "russia serbia slovakia slovenia somalia spain sudan "
    "sweden switzerland syria thailand dubai turkey uae uganda ukraine usa vietnam yemen zimbabwe zambia").split()
# Several-word names stay whole: split into words, "the", "new" or "south" would each count as a
# country, and "moved to the other side of the city" would read as emigrating.
_COUNTRY_PHRASES = ("hong kong", "new zealand", "saudi arabia", "sierra leone", "south africa", "sri lanka",
                    "the netherlands", "the philippines", "the uae", "the us", "the usa", "the states")
_COUNTRY = r"(?:" + "|".join(sorted({*_COUNTRIES, *_COUNTRY_PHRASES}, key=len, reverse=True)) + r")\b"
_UK_FAR = r"(?:scotland|wales|northern ireland)\b"
_TEMPORARY = (r"\b(?:temporar(?:y|ily)|on holiday|for (?:a|the) holiday|for (?:a|an|the) (?:few|couple of|\w+) (?:days|weeks|months)|"
              r"(?:a|an|one|two|three|four|five|six|\d+) (?:days?|weeks?|months?) (?:trip|visit)|extended (?:holiday|visit|trip)|"
              r"visiting (?:family|relatives|grand\w*)|for (?:a|the) (?:wedding|funeral)|until (?:the )?(?:new year|christmas|easter|summer))")
_PERMANENT = (r"\b(?:for good|permanently|to live|to settle|emigrat\w*|for the foreseeable future|and (?:are|is) (?:now )?living there|"
              r"(?:it's|it is|the move is|the move's) permanent(?!\s+exclu)|not coming back|(?:aren't|isn't|won't be|are not|is not|will not be) coming back|"
              # "…gone back to Romania and we've no idea what school he'll go to over there"
              r"school (?:[\w']+ ){0,3}?(?:go to|attend|start|join)\w* (?:over )?there|(?:go|going) to school (?:over )?there)\b")


def _moved(t: str, out: dict[str, Any]) -> None:
    abroad = [
        r"\bemigrat\w*",
        r"\b(?:moved|relocated|moving has happened) (?:back )?(?:abroad|overseas|out of the (?:uk|country))\b",
        rf"\b(?:moved|relocated|emigrated|settled) (?:back )?(?:permanently |for good )?(?:to|in) (?:[\w'’-]+(?: [\w'’-]+)?, )?{_COUNTRY}",
        r"\bleft the (?:uk|country)\b",
        rf"\b(?:now )?(?:lives?|living|settled|based) (?:permanently )?(?:in|abroad in) {_COUNTRY}",
        rf"\b(?:gone|went|returned|going) (?:back )?(?:abroad|overseas|home|to {_COUNTRY})",
    ]
    if _has(_COUNTRY, t):
        # "Nan passed away in Jamaica … the family have now moved out there permanently"
        abroad = [*abroad, r"\b(?:moved|relocated|gone|settled|stay|staying|stayed|remain|remaining) (?:back )?(?:out |over )?there (?:permanently|for good|to live)\b",
                  # "flew back to Lagos … Dad phoned us from Nigeria": a city of the country the message names
                  r"\b(?:flew|flown|flying|went|gone|returned|moved) (?:back )?(?:home )?to (?-i:[A-Z][a-z]+)\b"]
    moved_abroad = permanent = False
    for i, p in enumerate(abroad):
        for m in _positive(p, t, neg_window=3):
            if _about_someone_else(t, m.start(), _RELATIVE):
                continue
            sent_start = _sentence_start(t, m.start())
            sent_end = min([x for x in (t.find(".", m.end()), t.find("?", m.end()), t.find("!", m.end())) if x != -1] + [len(t)])
            sentence = t[sent_start:sent_end]
            if re.search(r"\bwill\b|\bgoing to\b|\bplan\w*\b|\bnext (?:week|month|term)\b|\bsoon\b", t[sent_start:m.start()], re.I) \
                    and not re.search(r"\bhave|has\b", t[sent_start:m.start()], re.I):
                continue  # not moved yet
            if re.match(r"emigrating|moving|relocating", m.group(0), re.I) and re.search(
                    r"\bnext (?:week|month|term|year)\b|\bsoon\b|\bafter (?:the )?(?:half[- ]term|christmas|easter|the holidays?)\b|"
                    r"\bat the end of (?:the |this )?(?:term|month|year)\b|\bin (?:the )?(?:new year|spring|summer)\b", t[m.end():sent_end], re.I):
                continue  # "emigrating to Poland next month": not gone yet
            if i in (5, 7) and not re.search(_PERMANENT, sentence, re.I):
                continue  # 'went back to Romania' may be a visit; only 'for good', 'to live'
            if re.search(_TEMPORARY, sentence, re.I) and not re.search(_PERMANENT, sentence, re.I):
                out["absence_is_temporary"] = True
                continue
            moved_abroad = True
            permanent = bool(re.search(_PERMANENT, sentence, re.I))
            break
        if moved_abroad:
            break
    if moved_abroad:
        out["moved_abroad"] = True
        out["moved_away"] = True
        if permanent:
            # gone to live abroad for good: nothing gives the school grounds to expect the pupil back
            out.setdefault("reasonable_grounds_will_return", False)
    else:
        # a capitalised place name is matched case-sensitively ("moved to Leeds", not "moved to year 3")
        # ("moved from our area to Swansea for good")
        to_place = (r"\b(?:moved|relocated) (?:house )?(?:from (?:our|the|this|their) (?:local )?(?:area|town|city|county|borough|district|village|estate) )?"
                    r"(?:up |down |over |back |across )?to (?!Year\b|Reception\b|Nursery\b|Y\d)[A-Z][\w']*(?:[ -][A-Z][\w']*)*\b"
                    r"(?![ -](?:[A-Z][\w']* )*(?:School|Academy|Primary|High|College|PRU|Infants?|Juniors?)\b)(?!'s\b)")
        # "moved with mum to Cornwall", "gone to live with his grandparents in Plymouth"
        with_someone = (r"\b(?:moved|relocated|gone|went|going) (?:to live )?with (?:his |her |their )?[\w']+(?: [\w']+)? "
                        r"(?:up |down |over |across )?(?:to|in) (?!Year\b|Reception\b|Nursery\b|Y\d)[A-Z][\w']*(?:[ -][A-Z][\w']*)*\b"
                        r"(?![ -](?:[A-Z][\w']* )*(?:School|Academy|Primary|High|College|PRU|Infants?|Juniors?)\b)(?!'s\b)")
        away = [
            (r"\b(?:has |have |had |they've |family's |they've |she's |he's )?moved (?:away|out of (?:the |our )?(?:area|county|borough|city|town|district|region|la|local authority)|house out of)", re.I),
            # "they have left the area for good", "moved 200 miles to Devon"
            (r"\b(?:left|leaving) (?:the|our) (?:local )?(?:area|county|borough|city|town|district|region)\b"
             r"(?![^.;!?]{0,40}\b(?:holiday|trip|visit|wedding|funeral|for (?:a|the|an) (?:day|week|weekend|few|couple)))|"
             r"\bmoved (?:about |some |over |nearly |almost |more than )?(?:\d{2,4}|hundreds of)(?:[- ]?odd|\+)? miles\b", re.I),
            (r"\b(?:moved|relocated) (?:house )?(?:up |down |over |back |across )?to (?:another|a different|the other) (?:area|county|town|city|part of the country|la|local authority|borough|region)", re.I),
            (rf"\b(?:moved|relocated) (?:house )?(?:up |down |over |back |across )?to {_UK_FAR}", re.I),
            (to_place, 0),
            (with_someone, 0),
            # "the whole family upped sticks to Cornwall", "rehoused by the council in Manchester"
            (r"\b(?:upped sticks|rehoused) (?:by (?:the |a )?(?:council|la|housing association) )?(?:and moved )?(?:up |down |over |across )?(?:to|in) (?!The same\b)[A-Z]", 0),
        ]
        not_local = r"\b(?:no longer|doesn't|does not|don't|do not) (?:\w+ )?lives? (?:locally|in the area|nearby|near (?:us|the school)|within (?:a )?reasonable distance)"
        for p, flags in away:
            hits = _positive(p, t, neg_window=3, flags=flags)
            if p in (to_place, with_someone):
                hits = [m for m in hits if not re.search(r"(?:school|academy|primary|college|PRU)\b", m.group(0), re.I)]
            hits = [m for m in hits if not _about_someone_else(t, m.start(), _RELATIVE)]
            if hits:
                sent = t
                if re.search(r"\b(?:locally|nearby|round the corner|down the road|in the (?:same )?(?:area|town|village)|within (?:the )?(?:area|borough|town|catchment))\b", sent, re.I) and \
                        not re.search(r"\bno longer\b", sent, re.I):
                    break
                out["moved_away"] = True
                break
        if _has(not_local, t):
            out["moved_away"] = True
            out["lives_within_reasonable_distance"] = False
    if _has(r"\b(?:too|very) far (?:away )?(?:from (?:the |our )?school|to travel|to get (?:here|in|to school))|"
            r"\b(?:\d{2,4}|hundreds of)(?:[- ]?odd|\+)? miles (?:away|from (?:the |our )?school|from us)|\bother end of the country\b|"
            # "moved 200 miles to Devon", "a three-hour drive from us"
            r"\bmoved (?:about |some |over |nearly |almost |more than )?(?:\d{2,4}|hundreds of)(?:[- ]?odd|\+)? miles\b|"
            r"\b(?:[2-9]|two|three|four|five|six|seven|eight)[- ]hours?'?s?(?: long)? (?:drive|journey|train (?:ride|journey)|away)\b|"
            r"\bno way (?:he|she|they)(?:'s|'re| is| are| could| can) (?:be )?(?:commut\w+|travel\w+)|\btoo far (?:away )?to (?:commute|travel)\b|"
            r"\bno longer (?:\w+ )?lives? (?:within (?:a )?reasonable distance|locally|in the area|nearby)|"
            r"\bnot within (?:a )?reasonable distance\b", t):
        out["lives_within_reasonable_distance"] = False
    elif _has(r"\b(?:still )?(?:lives?|living) (?:locally|nearby|close by|round the corner|down the road|in the area|"
              r"in (?:the )?(?:catchment|borough|village))|\bmoved (?:house )?(?:locally|nearby|round the corner|down the road|"
              r"within (?:the )?(?:area|town|borough|village))|\bstill (?:within|in) (?:a )?reasonable distance", t) and \
            not _has(r"\bno longer (?:\w+ )?lives?", t):
        out["lives_within_reasonable_distance"] = True
    if out.get("moved_away") and _has(_PERMANENT, t) and "absence_is_temporary" not in out:
        out["absence_is_temporary"] = False
    # "relocated to Aberdeen permanently", "moved out of the county for good": a permanent move to
    # another place is a move beyond reasonable distance, as the staff who write it mean it (a
    # move across town or "still local" says otherwise, above)
    if out.get("moved_away") and out.get("absence_is_temporary") is False and "lives_within_reasonable_distance" not in out \
            and not out.get("moved_abroad"):
        out["lives_within_reasonable_distance"] = False


def _end_of_csa(t: str, out: dict[str, Any], yr: int | None, years_old: int | None) -> bool:
    """9(1)(l): a Year 11 (or 16-year-old) leaving at the end of compulsory schooling."""
    final_year = yr == 11 or (yr is None and years_old == 16) or _has(r"\bend of (?:compulsory school age|compulsory schooling)\b", t)
    if not final_year:
        return False
    leaving = (r"\b(?:leav(?:e|es|ing)|finish(?:es|ing|ed)?|left)\b[^.;!?]{0,40}?\b(?:end of (?:year 11|y11|june|july|the (?:summer )?term|the (?:school |academic )?year|term|the summer)|"
               r"in (?:june|july|the summer)|after (?:(?:his|her|their) )?(?:gcses|exams)|(?:this|next) summer|at the end of)|"
               # "going to college after Year 11 rather than staying on", "when Year 11 finishes"
               r"\bafter (?:year 11|y11|yr 11)\b|\bwhen (?:year 11|y11|yr 11|(?:his|her|their) gcses|the school year) (?:finishes|ends|is over)\b|"
               r"\bfinish(?:es|ing|ed)? (?:year 11|y11|school|(?:his|her|their) gcses|(?:his|her|their) exams|compulsory school)|"
               r"\bschool leaving (?:date|age)\b|\b(?:leav(?:e|es|ing)|going|moving on|off) (?:us )?(?:to (?:go to|start|do|join|attend|take up)|for) "
               r"(?:a |an |the |his |her )?(?:local |fe |sixth[- ]form )?(?:college|apprenticeship|training|work|a job|employment|job)|"
               r"\b(?:isn't|is not|not|won't be|will not be) staying on\b|\b(?:got|has|have|with) (?:an? )?(?:apprenticeship|job|college place|place at (?:a |the )?college)\b[^.;!?]{0,20}(?:lined up|sorted|arranged|starting)|"
               r"\bleavers'? (?:assembly|day|prom)\b|"
               # Year 11 is over: "sat his GCSEs and we've now broken up for the summer"
               r"\b(?:sat|done|finished|completed) (?:all )?(?:his|her|their) (?:gcses|exams)\b[^.;!?]{0,60}\b(?:broken up|broke up|summer holidays?)\b|"
               r"\b(?:have|'ve|has) (?:now )?broken up for the summer\b|"
               # "she'll be over compulsory school age by September"
               r"\b(?:over|past|beyond) (?:compulsory )?school age (?:by (?:then|september|the time|the start|the autumn)|when (?:we|the school) reopen)|"
               r"\bby (?:then|september|the time (?:we|the school) (?:reopen|come back|return|go back))\b[^.;!?]{0,40}\b(?:over|past|beyond) (?:compulsory )?school age\b")
    if _pos(leaving, t, neg_window=3) and not _has(_EHE, t) and not out.get("moved_abroad"):
        out["over_csa_by_next_school_day"] = True
    if _has(r"\b(?:doesn't|does not|didn't|did not|won't|will not|hasn't|has not|not going to|can't|cannot|can not|unable to)\s+(?:meet|get|got|have|achieve|make)\s+(?:the\s+|our\s+|its\s+)?(?:[\w']+\s+){0,3}?(?:grades|entry requirements|requirements)|"
            r"\bnot (?:got|achieved|met) the (?:\w+ )?(?:grades|entry requirements|requirements)|"
            # "her GCSE results fall short of our published entry grades"
            r"\b(?:fall|falls|fell|fallen|come|comes|came) (?:well |just |a (?:bit|little) )?(?:short of|below) (?:the |our |its |their )?(?:\w+ ){0,2}?(?:grades|entry requirements|requirements|threshold)|"
            r"\b(?:below|short of|under) (?:the |our )?(?:sixth[- ]form |6th[- ]form )?(?:entry )?(?:grades|requirements|threshold) (?:for|to get into) (?:the |our )?(?:sixth|6th)", t):
        out["meets_sixth_form_entry_requirements"] = False
    elif _pos(r"\b(?:meets|met|has|got|achieved)\s+(?:the\s+)?(?:sixth[- ]form\s+)?(?:entry\s+)?(?:grades|requirements)\b", t, neg_window=2):
        out["meets_sixth_form_entry_requirements"] = True
    return True
