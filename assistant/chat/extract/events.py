"""Event facts about the pupil: death, custody or detention, and permanent exclusion."""

from __future__ import annotations

import re
from typing import Any

from assistant.chat.extract.text import (
    _FAMILY,
    _about_someone_else,
    _has,
    _hedged,
    _negated,
    _positive,
    _sentence_start,
)


def _died(t: str, out: dict[str, Any]) -> None:
    for m in re.finditer(r"\b(?:died|passed away|has passed|is dead|was killed|been killed|deceased|"
                         r"lost (?:his|her|their) life|(?:sudden|tragic|unexpected) death|date of death|death of)\b", t, re.I):
        before = t[_sentence_start(t, m.start()):m.start()]
        after = t[m.end():m.end() + 30]
        if re.search(rf"\b{_FAMILY}(?:'s)?\W+(?:\w+\W+){{0,3}}$", before, re.I):
            continue  # "her grandad has died", "his mum sadly passed away"
        if m.group(0).lower() == "death of" and re.match(rf"\s+(?:(?:his|her|their|a|the)\s+)?{_FAMILY}", after, re.I):
            continue
        if m.group(0).lower() == "has passed" and (
                re.search(r"\b(?:time|deadline|date|period|window|days?|weeks?|months?|limit|point|stage|review|appeal|term|it|that|this|moment|chance|exam|test)\s*$",
                          before, re.I)
                or re.match(r"\s+(?!away\b|on\b|last\b|yesterday\b|over\b|suddenly\b|earlier\b|this\b)[a-z]", after)):
            continue  # "the time for a review has passed", "she has passed her exams"
        if _negated(t, m.start(), 3) or _hedged(t, m.start()):
            continue
        out["died"] = True
        return


# "I think they're mixing it up with remand": remand named only to set it aside
_SET_ASIDE = re.compile(r"\b(?:mix\w* (?:it |this |that |them )?up with|confus\w* (?:it |this |that )?with|rather than|instead of|"
                        r"as opposed to|(?:it's|it is|this is|that's) not|isn't|wasn't)\s+(?:a |on )?$", re.I)


def _custody(t: str, out: dict[str, Any]) -> None:
    not_yet_sentenced = _has(r"\b(?:awaiting|before|until|pending|ahead of|prior to)\s+(?:his |her |their |the )?(?:sentenc\w*|trial|court)|"
                             r"\b(?:not|n't)\s+(?:yet\s+)?(?:been\s+)?sentenced|\byet to be sentenced", t)
    sentence = _positive(r"\b(?:sentenced|custodial sentence|sentence of detention|detention and training order|DTO\b|"
                         r"(?:serving|given|received|got|handed)\s+(?:a |an |his |her |their )?(?:\S+\s+){0,2}?(?:custodial |prison |detention |youth custody )?sentence|"
                         r"youth custody sentence|section (?:250|91|90|92|226|252A|254|259)\b|s\.? ?(?:250|91|259)\b|"
                         # "given three years' detention under section 250"
                         r"(?:given|received|got|handed)\s+(?:\S+\s+){0,3}?detention\b)", t, neg_window=2, hedge=True)
    later_sentenced = _has(r"\b(?:now|since|then|later|subsequently|has since been|was later|has now been|finally)\s+(?:been\s+)?sentenced", t)
    remand = _positive(r"\bremand(?:ed)?\b|\brefused bail\b|\bin custody (?:awaiting|pending|until) (?:trial|sentenc\w*|court)", t, neg_window=2, hedge=False)
    police = _positive(r"\bpolice (?:custody|cell|station)\b|\bheld (?:overnight )?(?:by|at) (?:the )?police\b|\barrested\b|\bin a police cell\b", t,
                       neg_window=2, hedge=False)
    # ("in the custody of his gran" is not detention, so custody takes no article)
    generic = _positive(r"\bin (?:custody|youth custody)\b(?! of\b)|\btaken into (?:youth )?custody\b|\b(?:went|gone|sent|going) (?:in)?to (?:prison|jail|youth custody|a yoi)\b(?!\s+visit)|"
                        # "held at a secure children's home since 19 October"
                        r"\b(?:in|(?:held|placed|detained|kept|locked up) at) (?:a |an |the )?(?:prison|jail|gaol|young offenders?'? institution|yoi|"
                        r"secure (?:training centre|children'?s home|school|unit)|youth detention(?: centre| center| accommodation)?)\b|"
                        r"\bYOI\b|\byoung offenders?'? (?:place|unit|centre|center|institution|institute)\b|\byouth custody (?:place|placement|unit|centre|center|establishment)\b|\blocked up\b|\bbehind bars\b|\bdetained\b(?! (?:after|at|during|in) (?:school|lunch|break))", t, neg_window=2, hedge=True)
    generic = [m for m in generic if not _has(r"mental health act|sectioned|\bsection (?:2|3)\b|hospital", t[max(0, m.start() - 40):m.end() + 40])]
    sentence, remand, police, generic = ([m for m in ms if not _about_someone_else(t, m.start())]
                                         for ms in (sentence, remand, police, generic))
    remand = [m for m in remand if not _SET_ASIDE.search(t[max(0, m.start() - 40):m.start()])]
    if sentence and (not remand or later_sentenced) and not (not_yet_sentenced and not later_sentenced):
        out["detained"], out["detention_type"] = True, "sentence"
    elif remand and not sentence:
        out["detained"], out["detention_type"] = True, "remand"
    elif police and not sentence and not remand and not generic:
        out["detained"], out["detention_type"] = True, "police"
    elif sentence or remand or generic or police:
        out["detained"] = True


def _exclusion(t: str, out: dict[str, Any]) -> None:
    perm = _positive(r"\bpermanent(?:ly)?[- ]exclu\w*|\bperm(?:anent)?[- ]?ex\b|\bperm[- ]?exclu\w*|\bPEX\b|\bexpelled\b|\bexcluded permanently\b|"
                     r"\bpermanent exclusion\b|"
                     # "the panel upheld the governing board's decision not to reinstate him"
                     r"\bdecision not to reinstate\b", t, neg_window=2, hedge=True)
    fixed = _has(r"\bfixed[- ](?:term|period) exclu\w*|\bsuspension\b|\b(?:was|been|is|has been|got|were) suspended\b|"
                 r"\bexcluded for (?:\d+|a|one|two|three|four|five|six|seven|eight|nine|ten|a few|several) (?:more )?(?:school )?(?:days?|sessions?|weeks?)\b|"
                 r"\bexcluded (?:for|until) (?:the (?:rest|end) of )?(?:the |this |next )?(?:day|week|term|half[- ]term|lunchtimes?|monday|tuesday|wednesday|thursday|friday)\b|"
                 r"\b(?:not|isn't|is not|wasn't|was not) (?:a )?permanent(?:ly)?\b", t)
    if fixed and not perm:
        out["permanently_excluded"] = False
        return
    if not perm:
        return
    out["permanently_excluded"] = True
    review = r"(?:an? |the )?(?:independent )?(?:review|irp|independent review panel|appeal)"
    refuse = (r"(?:won't|will not|don't|do not|aren't going to|are not going to|not going to|have decided not to|has decided not to|"
              r"decided not to|do not intend to|don't intend to|not intending to|no intention (?:of|to)|do not wish to|don't want to|"
              r"does not want to|doesn't want to|does not wish to|doesn't wish to|do not want to)")
    verbs = (r"(?:apply|applying|ask|asking|request|requesting|seek|seeking|go for|going for|go to|going to|take it to|taking it to|"
             r"pursue|pursuing|lodge|lodging|challenge|appeal)")
    not_reinstated = r"(?:\bnot|n't|\bdeclin\w*|\brefus\w*|\bdecided against|\bagainst)\s+(?:\w+\s+){0,2}?reinstat"  # "didn't reinstate"
    if _has(r"\b(?:reinstat\w+)\b", t) and not _has(not_reinstated, t):
        out["exclusion_status"] = "reinstated"
    elif _has(r"\b(?:review|irp|panel),?\s+(?:[\w,]+\s+){0,3}?(?:withdrawn|abandoned|dropped)|\bwithdr[ae]w\w* (?:\w+ ){0,2}?(?:application|request|review)", t):
        out["exclusion_status"] = "review_abandoned"
    elif _has(r"\breconsider\w*\b", t) and _has(not_reinstated, t):
        out["exclusion_status"] = "reconsidered_not_reinstated"
    elif _has(r"\b(?:independent )?review panel\s+(?:has\s+|have\s+)?(?:(?!not\b|hasn't|has not|didn't|did not)\w+\s+){0,8}?"
              r"(?:upheld|confirmed|agreed with|backed|supported|decided not to (?:recommend|direct|quash))|"
              r"\b(?:irp|independent review|the review)\s+(?:\w+\s+){0,2}?(?:upheld|confirmed|backed)|\breview (?:was |has been )?upheld|"
              r"\bthe panel (?:has |have )?(?:upheld|confirmed|backed)\b", t):
        out["exclusion_status"] = "review_upheld"
    elif _has(rf"\b(?:writ\w*|wrote|letter|email\w*|signed|in writing)\b[^.;!?]{{0,80}}\b{refuse}\s+(?:\w+\s+)?{verbs}\b[^.;!?]{{0,20}}{review}|"
              rf"\b(?:writ\w*|wrote|letter|email\w*|signed|in writing)\b[^.;!?]{{0,40}}\b(?:there(?:'ll| will) be|(?:is|are) going to be|wants?|want) no {review}|"
              rf"\b(?:writ\w*|wrote|letter|email\w*|signed|in writing)\b[^.;!?]{{0,80}}\b(?:doesn't|does not|don't|do not|won't|will not) (?:want|wish (?:to have|for)|need) {review}|"
              rf"\b{refuse}\s+(?:\w+\s+)?{verbs}\b[^.;!?]{{0,20}}{review}[^.;!?]{{0,40}}\b(?:in writing|by letter|by email|written)", t):
        out["exclusion_status"] = "no_review_stated_in_writing"
    elif _has(r"\b(?:deadline|time limit|time|15 school days|fifteen school days|window)\s+(?:\w+\s+){0,10}?(?:has\s+|have\s+)?(?:passed|expired|run out|ran out|gone by|went by|lapsed|elapsed|ended|came and went|has come and gone)|"
              # "…ran out at the start of November and no application came in"
              rf"\bno (?:application|request) (?:for (?:an? |the )?{review} )?(?:came in|arrived|was (?:made|received|lodged)|has been (?:made|received|lodged))\b|"
              rf"\bno (?:application|request) (?:for|to) {review}\b[^.;!?]{{0,30}}\b(?:made|received|lodged|within|in time)|"
              rf"\b(?:didn't|did not|never|failed to)\s+{verbs}\s+(?:for\s+)?{review}\b[^.;!?]{{0,30}}\b(?:in time|within|by the deadline)|"
              rf"\bno {review} (?:was |has been )?(?:requested|sought|applied for|lodged)\b[^.;!?]{{0,30}}\b(?:in time|within|by the deadline|and the)|"
              # "the review window has closed, nobody applied"
              rf"\b(?:{review} )?(?:window|period|deadline)\s+(?:has\s+|had\s+|is\s+)?(?:now\s+)?closed\b[^.;!?]{{0,30}}\b(?:nobody|no one|no-one|they didn't|they did not|parents? didn't|not) (?:\w+ )?(?:applied|asked|requested)", t):
        out["exclusion_status"] = "review_deadline_passed"
    elif _has(rf"\b(?:awaiting|waiting for|pending)\s+{review}|\b{review}\s+(?:is\s+)?(?:pending|due|booked|scheduled|next week|coming up|hearing)|"
              rf"\b(?:have|has|had)\s+(?:\w+\s+)?(?:applied|asked|requested)\s+(?:for\s+)?{review}|\bstill (?:within|in) the (?:15|fifteen)|"
              r"\bstill (?:time|able) to (?:apply|ask|request)|\bgovern\w+ (?:board )?(?:haven't|have not|has not|hasn't) (?:yet )?(?:met|considered|reviewed)", t):
        out["exclusion_status"] = "pending"
