"""Enquiry facts: what the school and the local authority did to find the child, and the outcome."""

from __future__ import annotations

from typing import Any

from assistant.chat.extract.text import _has, _pos, _sentences

_LA = (r"(?:the |our )?(?:la'?s? cme(?: team| officer| service)?|la|local authority|council|county|borough|cme (?:team|officer|coordinator|co-ordinator|service)|"
       r"la'?s? (?:cme |attendance )?(?:team|officer|service)|local authority'?s? (?:cme )?(?:team|officer)|"
       r"education welfare(?: service| officer| team)?|ews|ewo|attendance (?:team|service|officer)|children missing education (?:team|officer|service))")
_EFFORT = (r"(?:enquir|inquir|efforts|tried|trying|searched|search|checks|checked|looked|visit|calls?\b|called|phon|rang|letters?\b|"
           r"traced|trace|investigat|attempts|contact|everything|emails?\b|emailed|texts?\b|messag|agencies|police|social care|health visitor|neighbours)")
_FAILED = (r"(?:(?:haven't|have not|hasn't|has not|couldn't|could not|can't|cannot|not been able to|unable to|failed to|didn't|did not|still can't|still haven't|yet to)\s+(?:yet\s+)?(?:been able to\s+)?"
           r"(?:find|found|locate|located|trace|traced|track|reach|reached|contact|contacted|establish|find out|work out|get hold of|make contact|get (?:a |any )?(?:response|reply|answer))\b"
           r"(?:\s+(?:him|her|them|the family|the pupil|the child|the parents?|mum|dad|where|out where|anyone|any trace|their whereabouts|contact|a response|anything))?|"
           r"\bgone unanswered|\bno (?:reply|response|answer|trace|success|luck|contact)\b|\bwithout (?:any )?(?:luck|joy|success|result)\b|\b(?:all|both|been|were|was|have been|has been|just|simply)\s+ignored\b|\bwhereabouts (?:are |is |remain |still )*(?:unknown|not known)|"
           r"\b(?:not|never) (?:been )?(?:found|located|traced)\b|\b(?:hasn't|haven't) (?:yet )?been (?:found|located|traced)\b|\bgot nowhere\b|\bgetting nowhere\b|\bdr[ae]wn? a blank|\bfound nothing|\bturned up nothing|"
           r"\b(?:came|come) up (?:empty|with nothing|blank)|\bwithout success\b|\bto no avail\b|\bunsuccessful\b|\b(?:no[- ]?one|nobody) knows where|"
           r"\b(?:no[- ]?one|nobody) (?:can|could|has been able to|have been able to|was able to|is able to|seems able to) (?:find|locate|trace|reach|get hold of)\b|"
           r"\b(?:don't|do not|doesn't|does not) know where (?:they|the family|she|he|the pupil|the child|the parents)|"
           # "we've rung, emailed, sent letters and done a home visit - nothing"
           r"\bno forwarding address\b|\bno joy\b|\s[-\u2013\u2014:]\s*(?:still )?nothing\b|"
           r"\bhouse (?:is |was )?(?:empty|vacant|boarded up)|\bcan't find out where|\bno idea where|"
           # "have jointly tried to find him and failed"
           r"\b(?:tried|trying|searched|looked|attempted)\b[^.;!?]{0,50}\band (?:have |has )?failed\b(?! to (?:attend|return|come|turn))|"
           # "the family can't be found"
           r"\b(?:can't|cannot|can not|couldn't|could not) be (?:found|located|traced|reached|contacted)\b)")
_FOUND = (r"\b(?:found|located|traced|tracked down|made contact with|spoke (?:to|with)|reached|contacted|got hold of|heard from|confirmed where)\s+"
          r"(?:the family|them|mum|dad|the parents?|him|her|the pupil|the child|the mother|the father)\b")
_LA_AGREES = (rf"\b(?:both|jointly|together)\s+(?:\w+\s+)?agree|\b{_LA}\s+(?:also\s+)?(?:agree[sd]?|is satisfied|are satisfied|concur\w*)|"
              r"\bagreed? (?:with|by) the (?:la|local authority|council|cme team)|\b(?:we|school) and (?:the )?(?:la|local authority|council|cme team) agree|"
              # "the LA and school agree", "school and LA jointly found the family and agree…"
              r"\b(?:the )?(?:la|local authority|council|cme team) and (?:the )?(?:school|us|we) (?:both )?agree|\bjointly\b[^.;!?]{0,60}\band (?:both )?agree")


def _enquiries(t: str, out: dict[str, Any]) -> None:
    sents = [(o, s) for o, s in _sentences(t) if _has(_EFFORT, s) or _has(_FAILED, s) or _has(_FOUND, s)]
    if not sents:
        return
    joint_pat = (rf"\bjoint(?:ly)?\b(?!\s*(?:registration|registered|custody))|\b(?:with|alongside|together with) {_LA}\b|"
                 rf"\b{_LA}\s+and\s+(?:us|we|the school|ourselves)\b|\b(?:we|us|ourselves|the school|school) and {_LA}|\b{_LA}\s+(?:has|have)\s+(?:also\s+)?(?:\w+\s+)?"
                 r"(?:tried|made|done|checked|visited|searched|looked|carried out|been involved|been trying|contacted)|"
                 rf"\b{_LA}\b[^.;!?]{{0,40}}\bwith us\b|"
                 # "Our attendance lead and the council's missing-education officer have both tried…"
                 r"\b(?:and|with) (?:the |our )?(?:council|la|local authority|county|borough)(?:'s)? (?:[\w-]+ ){0,2}?(?:officer|team|lead|worker|service)\b|"
                 # an officer writing of the case: "the school and I have done the checks together"
                 r"\b(?:the school and (?:i|me|myself)|(?:i|me|myself) and the school)\b|"
                 # "the LA's searches found nothing": the authority's own enquiries in the case
                 rf"\b{_LA}'?s? (?:own )?(?:searches|checks|enquiries|inquiries|efforts|visits?)\b|"
                 # "our attendance officer and the council's CME officer have been working on it together"
                 rf"\b{_LA}\b[^.;!?]{{0,60}}\b(?:together|in partnership)\b|\b(?:together|in partnership)\b[^.;!?]{{0,60}}\b{_LA}\b")
    made_neg_joint = (rf"\b(?:haven't|have not|hasn't|has not|not yet|didn't|did not|yet to)\s+(?:yet\s+)?(?:contacted|involved|told|informed|spoken to|referred to|asked|been in touch with)\s+{_LA}|"
                      rf"\b{_LA}\s+(?:isn't|is not|aren't|are not|hasn't been|has not been|haven't been|have not been|not)\s+(?:yet\s+)?(?:involved|aware|contacted|told)|"
                      r"\bno joint (?:enquiries|efforts)|\bnot (?:yet )?(?:made )?(?:any )?joint")
    made_neg_any = (r"\b(?:haven't|have not|hasn't|has not|not yet|yet to)\s+(?:yet\s+)?(?:made|done|tried|carried out)\s+(?:any\s+)?(?:enquiries|inquiries|efforts|checks|home visits?)|"
                    r"\bno (?:enquiries|inquiries|efforts|checks|home visits?) (?:have been |has been |were |yet )?(?:made|done|carried out)?")
    text = " ".join(s for _, s in sents)
    joint = _has(joint_pat, text)
    if _has(made_neg_joint, t):
        out["joint_enquiries_made"] = False
        joint = False
    if _has(made_neg_any, t):
        out["joint_enquiries_made"] = False
        out["school_enquiries_made"] = False
        return
    failed = _has(_FAILED, text)
    found = _pos(_FOUND, text, neg_window=3)
    will_return = out.get("reasonable_grounds_will_return")
    outcome = None
    if failed and not found:
        outcome = "not_found"
    elif found and will_return is False:
        outcome = "found_wont_return"
    elif found and will_return is True:
        outcome = "found_will_return"
    effort = _has(_EFFORT, text) or outcome is not None
    if not effort:
        return
    if joint:
        out["joint_enquiries_made"] = True
        if outcome == "not_found":
            out["joint_enquiries_outcome"] = "not_found"
        elif outcome == "found_will_return":
            out["joint_enquiries_outcome"] = "found_will_return"
        elif outcome == "found_wont_return" and _has(_LA_AGREES, t):
            out["joint_enquiries_outcome"] = "found_and_agree_wont_return"
    elif outcome is not None or _pos(r"\b(?:we(?:'ve| have)?|the school(?: has)?|i(?:'ve| have)?)\s+(?:\w+\s+){0,2}?(?:made|done|carried out|tried)\s+(?:\w+\s+){0,2}?(?:enquiries|inquiries|efforts|checks|home visits?|calls|everything)|"
                                    r"\bhome visits? (?:was |were |has been |have been )?(?:made|done|carried out)|\b(?:done|made|carried out) (?:a |an |the |two |three |several |\w+ )?home visits?\b|\b(?:our|the school's) (?:calls|letters|enquiries|efforts|home visits?)", text):
        out["school_enquiries_made"] = True
        if outcome is not None:
            out["school_enquiries_outcome"] = outcome
