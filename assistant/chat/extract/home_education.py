"""Elective home education and school attendance order facts."""

from __future__ import annotations

import re
from datetime import timedelta
from typing import Any

from assistant.chat.dates_text import FoundDate
from assistant.chat.extract.dates import _iso
from assistant.chat.extract.text import (
    _has,
    _negated,
    _pos,
    _sentence_start,
    _sentences_with,
)

_SAO = r"(?:(?:school )?attendance order|\bSAO)\b"


def _sao(t: str, out: dict[str, Any]) -> bool:
    """School attendance orders. Returns True if an order is said to exist (or to have existed):
    orders are made only for children of compulsory school age (Education Act 1996 s. 437)."""
    neg = rf"\b(?:no|not|isn't|is not|there's no|there is no|without|not on|not subject to|never (?:had|been on)|no current|doesn't have|does not have|hasn't got|has not got)\s+(?:an?\s+|any\s+)?(?:current\s+|live\s+)?{_SAO}|{_SAO}\s*[:\-]?\s*(?:no|none|n/a)\b|\bno attendance order\b"
    negated = _has(neg, t)
    if negated:
        out["sao_names_this_school"] = False
    positive = [m for m in re.finditer(_SAO, t, re.I) if not _negated(t, m.start(), 3)
                and not re.search(r"(?:no|none|n/a)\b", t[m.end():m.end() + 6], re.I)]
    if not positive:
        return False
    amend_verb = r"(?:amended|amend|changed|varied|updated|substituted)"
    other = (r"(?:name[sd]?|naming|to|for|with)\s+(?:a |the )?(?:different|another|other|new|[A-Z][\w']+)\s+(?:[\w']+\s+)?(?:school|academy|primary|high|college)\b|"
             r"\bto name\s+(?!us\b|our\b|this\b|the same\b)[A-Z]|\b(?:swapped|switched|taken|replaced) us (?:out )?(?:for|with)\b|"
             r"instead of (?:us|ours|our school)|different school|another school|the other school|the new school|"
             # "…has been changed so it now names St Mark's instead"
             r"\bnow names?\s+(?!us\b|our\b|this\b|the same\b)\S+|"
             # "we've since amended it so that it names St Anne's instead"
             r"\bnames?\s+(?!us\b|our\b|this\b|the same\b)[A-Z][\w'’]*(?:\s+[A-Z][\w'’]*){0,3}\s+instead\b")
    for s_off, s in _sentences_with(_SAO, t):
        # "the SAO they served on one of our Y8s (it named us) has been changed so it now names…"
        after = t[s_off + len(s): s_off + len(s) + 160]
        # "They've changed the SAO. It used to say us; now it names the school near his foster home."
        if (_pos(rf"{amend_verb}\b[^.;!?]{{0,40}}{_SAO}", s) or _pos(rf"{_SAO}[^.!?]{{0,80}}\b(?:has been |was |been |is now |has now been |got )?{amend_verb}\b", s)
                or _pos(rf"{_SAO}[^.;!?]{{0,80}}\bnow names?\b", s)) and (_has(other, s) or _has(other, re.split(r"[.!?]", after, maxsplit=1)[0])):
            out["sao_amended_to_other_school"] = True
        revoke = r"(?:revok\w*|withdrawn|withdrew|cancell?ed|cancelling|lifted|rescinded)"
        # "…served an attendance order naming our school. They've now revoked it because…"
        # "…served a school attendance order… it named us. They've changed the order so it now names a different primary."
        if _pos(rf"^[^.;!?]{{0,80}}?\b{amend_verb}\s+(?:it|the order|that order)\b", after) and _has(other, re.split(r"[.;!?]", after, maxsplit=1)[0]):
            out["sao_amended_to_other_school"] = True
        if _pos(rf"\b{revoke}\b[^.;!?]{{0,40}}{_SAO}", s) or _pos(rf"{_SAO}[^.;!?]{{0,80}}\b(?:has been |was |been |is now |has now been )?{revoke}\b", s) \
                or _pos(rf"^[^!?]{{0,140}}?\b(?:{revoke}\s+(?:it|the order|that order)\b|(?:it|the order)\s+(?:has been|was|'s been|has now been|is now)\s+{revoke}\b)", after):
            # An LA revokes an order only on the ground that suitable education otherwise than
            # at school has been arranged (Education Act 1996 s. 442).
            out["sao_revoked_for_education_otherwise"] = True
    # "a letter from the LA saying the order now names that academy instead of us" (the order named
    # sentences earlier)
    if not out.get("sao_amended_to_other_school") and _pos(
            r"\b(?:the|that|this|his|her|their) order (?:now |has been changed to |was changed to )?names?\s+(?!us\b|our\b|this\b|the same\b)"
            r"[^.;!?]{0,40}?\binstead\b|\b(?:the|that|this) order now names?\s+(?!us\b|our\b|this\b|the same\b)\S+|"
            # "the council has changed the order so that it names a secondary near the new house instead"
            r"\b(?:changed|amended|altered|varied) (?:the|that|this) order (?:so (?:that )?)?(?:it )?(?:now )?names?\s+(?!us\b|our\b|this\b|the same\b)\S+", t):
        out["sao_amended_to_other_school"] = True
    if (not negated and not out.get("sao_amended_to_other_school") and not out.get("sao_revoked_for_education_otherwise")
            and _pos(rf"{_SAO}\s+(?:\w+\s+){{0,4}}?(?:naming|names|that names|which names|for)\s+(?:us|our school|this school|the school)\b|"
                     rf"\b(?:is|are) (?:subject to|on) an? {_SAO}|{_SAO}\s+(?:is |was )?(?:in force|in place|still in force)|"
                     # "placed with us last year under a school attendance order"
                     rf"\b(?:placed|admitted|came|started|put) (?:with us|here|at our school|to us|on our roll)\b[^.;!?]{{0,30}}?\bunder (?:a|an|the) {_SAO}|"
                     rf"\b(?:we(?:'re| are)|this is|our school is) the school named (?:on|in) (?:his|her|their|the) {_SAO}", t)):
        out["sao_names_this_school"] = True
    elif not negated and not any(k in out for k in ("sao_names_this_school", "sao_amended_to_other_school", "sao_revoked_for_education_otherwise")) \
            and not any(_has(other, s) or re.search(r"\b(?:named|naming|names)\s+(?!us\b|our\b|this\b)[A-Z]", s)
                        for _, s in _sentences_with(_SAO, t)):
        # "an SAO was served on the family last year, but I can't tell where that ended up": whether
        # it names this school decides 9(1)(a), (c) and (f), so it is asked
        out["sao_served"] = True
    return True


_EHE = (r"\b(?:home[- ]?educat\w*|home[- ]?school\w*|home[- ]ed\b|EHE\b|elective(?:ly)? home|de-?registration (?:letter|form|notice)|"
        r"educat\w* (?:him |her |them |the child |the pupil |(?:his|her|their) (?:son|daughter|child|children|kids?|boy|girl) )?at home|educated otherwise than at school|"
        # "he's going to teach his son at home from Monday"
        r"\bteach(?:ing|es)? (?:him|her|them|(?:his|her|their) (?:son|daughter|child|children|kids?)|the (?:child|children|boy|girl)) (?:at home|him(?:self)?|her(?:self)?|themselves)\b|"
        r"education otherwise than at school)")


def _home_education(t: str, dates: list[FoundDate], out: dict[str, Any]) -> bool:
    all_hits = list(re.finditer(_EHE, t, re.I))
    against = r"(?:decided against|against|no longer|instead of|rather than|changed (?:their|her|his) minds? about|given up(?: on)?|stopped)\s+(?:\w+\s+)?$"
    hits = [m for m in all_hits if not _negated(t, m.start(), 3)
            and not re.search(against, t[_sentence_start(t, m.start()):m.start()], re.I)]
    if not hits:
        if all_hits:
            out["home_education_intended"] = False
        return False
    out["home_education_intended"] = True
    # ("Her last day at school will be Friday 20 November." follows the withdrawal in its own sentence)
    ehe_sents = _sentences_with(_EHE + r"|\bletter\b|\bwrote\b|\bwritten\b|\bemail|\bnotice\b|\bdereg|\b(?:last|final) day (?:at|in|with) (?:school|us)\b", t)
    text = " ".join(s for _, s in ehe_sents) or t
    written_neg = (r"\b(?:not|nothing|never|no)\s+(?:\w+\s+){0,2}?(?:in writing|written|letter|email)|"
                   r"\b(?:hasn't|has not|haven't|have not|won't|will not|refused to|not yet)\s+(?:\w+\s+){0,2}?(?:put (?:it|this|anything) in writing|written|wrote|sent (?:a|any|us a)|emailed|signed|confirmed (?:it |this )?in writing)|"
                   r"\bonly (?:verbally|told|said|mentioned|on the phone|by phone)|\bverbal(?:ly)? only\b")
    written = (r"\b(?:letter|in writing|written|wrote|writes|writing to|emailed|e-?mail(?:ed)?|signed|note from|"
               r"sent (?:us )?(?:a |an )?(?:note|letter|email|form)|deregistration (?:letter|form)|put (?:it|this) in writing)\b")
    # "told us" / "said" alone does not say how: the rules then ask whether it was in writing.
    verbal = (r"\b(?:rang|rung|phoned|called|verbally|in person|at (?:the )?(?:door|gate|meeting)|"
              r"face to face|over the phone|on the phone|by phone|spoke|spoken|in conversation)\b")
    none = (r"\b(?:parents?|mum|dad|mother|father|family|carers?)\s+(?:have|has)(?:n't| not)\s+(?:told|informed|notified|contacted|said anything|spoken)|"
            r"\b(?:heard|found out|learned|learnt) (?:from|through|via) (?:a |another |the )?(?:neighbour|friend|social media|sibling|another parent|rumour)")
    if _has(written_neg, text):
        out["home_education_notice"] = "verbal_only" if _has(verbal, text) or _has(written_neg, text) else "none"
    elif _pos(written, text, neg_window=2, hedge=False):
        out["home_education_notice"] = "written"
    elif _pos(verbal, text, neg_window=2, hedge=False):
        # A phone call or a word at the gate says how the parent told us first, not that nothing in
        # writing has come or will come: the rules ask ("In writing, or only verbally?").
        pass
    elif _has(none, t):
        out["home_education_notice"] = "none"
    # the last day at school the parent named
    for off, s in ehe_sents or [(0, t)]:
        for d in dates:
            if not (off <= d.start < off + len(s)):
                continue
            before = t[max(off, d.start - 60):d.start].lower()
            if re.search(r"(?:last|final) day\w*(?: (?:at|in|with) (?:school|us|the school)| (?:she|he|they)(?:'ll| will| would)? (?:attend|be in|be at school|be with us))?"
                         r"(?: (?:is|was|will be|would be|'s|being))?(?: on)?\s*(?:\w+day,?\s+)?(?:the\s+)?$", before) or \
                    re.search(r"(?:last|final) day\w*[^.;!?()]{0,45}\(\s*$", before) or \
                    re.search(r"\b(?:after|until|till|up to(?: and including)?)\s*(?:the\s+)?$", before):
                out["home_education_last_day"] = _iso(d.value)
                return True
            if re.match(r"\s*(?:is|was|will be|would be)\s+(?:to be\s+)?(?:her|his|their|the)\s+(?:last|final)\s+day", t[d.end:d.end + 40], re.I):
                out["home_education_last_day"] = _iso(d.value)
                return True
            if re.search(r"\b(?:from|with effect from|w\.?e\.?f\.?|as of|as from|starting(?: on)?|beginning|commencing)\s*(?:the\s+)?$", before):
                out["home_education_last_day"] = _iso(d.value - timedelta(days=1))
                return True
    return True
