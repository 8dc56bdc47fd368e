"""School facts: boarding, other and dual registration, our school's type, nursery, mobile children, special schools."""

from __future__ import annotations

import re
from typing import Any

from assistant.chat.extract.text import _has, _hedged, _negated, _pos


def _boarder(t: str, out: dict[str, Any]) -> None:
    # "His sister is a day pupil with us" says nothing about him
    t = re.sub(r"\b(?:his|her|their|the) (?:older |younger |little |big )?(?:sister|brother|sibling|twin)s?\b[^.;!?]*", " ", t, flags=re.I)
    if _has(r"\b(?:not|isn't|is not|never been|wasn't|was not) (?:a |an )?(?:weekly |full[- ]time |flexi[- ])?boarder\b|"
            r"\bnon[- ]boarder\b|\bday (?:pupil|student|girl|boy)\b|\b(?:doesn't|does not|didn't|did not) board\b", t):
        out["boarder"] = False
    elif _pos(r"\b(?:a|an|our) (?:[\w-]+ ){0,2}?(?:weekly |full[- ]time |flexi[- ])?boarder\b|\b(?:y|yr|year) ?\d{1,2} boarders?\b|\bboarder (?:in|at|with) \b|\bboards (?:with us|here|at (?:the|our) school)|"
              r"\bboarding (?:pupil|student)\b|\b(?:who|she|he) (?:boarded|boards|has boarded|was boarding|is boarding) (?:with us|here|at (?:the|our) school)\b|\b(?:sixth[- ]form|6th[- ]form|weekly|full[- ]time) boarder\b|\bboarding fees\b|\bboard and lodging\b|\bone of (?:our|the) (?:[\w-]+ ){0,2}?boarders\b", t):
        out["boarder"] = True
    # "a school that has both boarders and day pupils", "a boarding school": whether this pupil boards is then a real question
    if _pos(r"\b(?:boarding (?:school|house|provision|and day)|(?:takes|has|have|with|both) (?:\w+ )?boarders\b|boarders and day\b|day and boarding)", t):
        out["school_has_boarders"] = True


def _other_school(t: str, out: dict[str, Any]) -> None:
    school = r"(?:school|academy|college|primary|secondary|high school|PRU)"
    registered = [
        rf"\b(?:new|other|another|receiving|next)\s+(?:[\w']+\s+){{0,2}}?{school}\b[^.;!?]{{0,80}}?\b(?:has |have |had )?"
        rf"(?:confirmed|confirm|told us|let us know|informed us|emailed|written|says|said)\b[^.;!?]{{0,60}}?"
        rf"(?:\bon (?:their|its|the) (?:admission )?(?:register|roll)|\bon roll\b|\bregistered\b|\benrolled\b|\badmitted\b|\bstarted\b|\bjoined\b|\battending\b)",
        r"\bon (?:their|there|its|the new school's|another school's|the other school's|that school's) (?:admission )?(?:register|roll)\b",
        # "she's started at Balby Carr primary"
        r"\b(?:has |have |she's |he's |shes |hes |they've )?started (?:at|with) (?-i:[A-Z][\w']+(?: [A-Z][\w']+)*) (?:primary|secondary|school|academy|juniors?|infants?|high)\b",
        r"\bjoined (?:their|its|that school's|the new school's) (?:admission )?(?:register|roll)\b",
        r"\bon (?:the )?(?:admission )?(?:register|roll) (?:at|of|with) (?:another|a new|the new|a different|the other|her new|his new|their new)\b",
        r"\bon roll elsewhere\b|\bregistered elsewhere\b",
        r"\b(?:put|placed|taken) on (?:the )?(?:admission )?(?:roll|register) (?:at|with|of) (?:a|another|a new|the new|a different|the other)\b",
        r"\b(?:is|are|was|has been|have been|now|got|(?:has|have) now been) (?:now )?(?:registered|enrolled|admitted|on roll) (?:at|with|to|by|in) "
        r"(?:another|a new|the new|a different|the other|her new|his new|their new|a (?:\w+ )?(?:school|academy) (?:down |up |over |out )?(?:in|near)|(?!(?:our|this|the same|your|us)\b)[A-Z][\w']+(?: [A-Z][\w']+)* (?:School|Academy|Primary|High|College))\b",
        # "S2S shows he's been on roll at a Leeds primary since Tuesday" (a place's school, named by its town)
        r"\b(?:is|are|now|has been|have been|'s been|'ve been|got) (?:now )?(?:registered|enrolled|admitted|on roll) (?:at|with) a "
        r"(?-i:[A-Z][\w']+)(?: (?-i:[A-Z][\w']+))? (?:primary|secondary|school|academy|high school|juniors?|infants?)\b",
        rf"\b(?:started|starting|begun|began|joined|attending|now attends|now attending) (?:at |with )?(?:another|a new|the new|a different|her new|his new|their new) {school}",
        r"\bstarted with them\b",
        # "got a place at the academy across town and started there last Monday"
        rf"\b(?:another|a new|the new|a different|the other|her new|his new|their new|a place at|place at|a (?:[\w-]+ ){{0,2}}?{school} (?:in|near|across|over|up|down))\b[^.;!?]{{0,60}}?"
        rf"\b(?:started|been attending|has been going|have been going|joined) (?:there|with them)\b",
        r"\b(?:have|has|had|they've|they have)?\s*confirm(?:ed|s)? (?:that )?(?:he|she|they|shes|hes|the pupil|the child|[A-Z][a-z]+)(?:'s|'re| is| are| has been| have been| was| were)? "
        r"(?:now )?(?:registered|enrolled|admitted|on (?:their|there|the|its) (?:admission )?(?:register|roll)|on roll|started)\b",
        # "her new school in Leeds has her on roll"
        rf"\b(?:new|other|receiving) {school}\b[^.;!?]{{0,30}}\b(?:has|have|had|put|got) (?:him|her|them) on (?:their |the |its )?(?:admission )?(?:roll|register)\b",
    ]
    for p in registered:
        for m in re.finditer(p, t, re.I):
            if _negated(t, m.start(), 3) or _hedged(t, m.start()) or re.search(
                    r"(?:\bnot\b|n't\b|\bno\b|\byet to\b|\bstill to\b|\bwaiting\b|\bawaiting\b|\bcannot\b|\bunable\b|\bif\b|\bwhether\b|\bwill\b)",
                    t[m.start():m.end()], re.I):
                continue
            out["registered_at_another_school"] = True
            out["other_school_known"] = True
            break
        if out.get("registered_at_another_school"):
            break
    # "on roll at the Bridge AP Academy", "the PRU has him on roll": a placement in alternative
    # provision, usually a dual registration (unless the writer's own school is the PRU)
    if out.get("registered_at_another_school") and \
            re.search(r"\b(?:AP|PRU)\b|\bpupil referral unit\b|\balternative provision\b", t, re.I) and \
            not re.search(r"\b(?:we(?:'re| are)|i (?:work|teach) (?:at|in)|our)\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+)?(?:AP|PRU|pupil referral unit|alternative provision)\b", t, re.I):
        out["other_school_is_alternative_provision"] = True
    if _has(r"\bnot (?:yet )?(?:registered|enrolled|on roll|on (?:the )?(?:admission )?register) (?:anywhere|elsewhere|at (?:another|any other|a new|any) school)|"
            r"\bnot on (?:any|another) school'?s? (?:roll|register)\b|\bno (?:other )?school (?:has|have) (?:registered|enrolled|admitted)", t):
        out["registered_at_another_school"] = False
    if _has(r"\bno (?:details|name|information|info|idea) (?:of|about|for|on) (?:a|the|any|her|his|their) (?:new |next )?school|"
            r"\bno (?:new |next )?school (?:details|named|known|given|name)|"
            r"\b(?:don't|do not|doesn't|does not|didn't|did not|haven't|have not) (?:know|been told|tell us|told us|say|said|given us) "
            r"(?:which|what|where|the name of (?:the|her|his|their)|the|about (?:a|any)) (?:new |next |other )?(?:school|academy)|"
            r"\bno idea (?:which|what|where) (?:school|academy)|"
            r"\b(?:wouldn't|won't|would not|will not|didn't|did not) (?:say|tell us) where (?:she|he|they)(?:'s|'re| is| are| will be)? (?:going|moving)\b|\b(?:new |next )?school (?:is )?(?:not known|unknown)|"
            r"\bwithout (?:a|any) (?:named|known) school|\bunknown (?:new )?school\b|"
            r"\b(?:haven't|have not|hasn't|has not|didn't|did not) (?:said|say|told us|mentioned) (?:anything )?about (?:a |any )?(?:new )?school", t):
        out["other_school_known"] = False


def _dual(t: str, out: dict[str, Any]) -> None:
    dual = r"\b(?:dual(?:ly)?[- ]?(?:registered|registration|rolled|roll|reg)|also (?:registered|on roll) (?:at|with)|registered (?:with|at) (?:both|us and))"
    if _has(r"\b(?:not|isn't|is not|aren't|are not|wasn't|never) (?:been )?dual(?:ly)?[- ]?(?:registered|rolled)|\bno dual[- ]?(?:registration|roll)|"
            r"\bno agreement (?:for (?:him|her|them) )?to be on two (?:registers|rolls)", t):
        out["dual_registration_agreed"] = False
        out["also_registered_at_other_schools"] = False
    elif _pos(dual, t):
        out["also_registered_at_other_schools"] = True
        out["dual_registration_agreed"] = True
        consent_neg = (r"\b(?:main|home|other|base|registering|mainstream|host)\s+school(?:s)?\s+(?:has|have)?\s*(?:not|n't|refused|declined|won't|will not|never)\s*"
                       r"(?:yet\s+)?(?:to\s+)?(?:agree|agreed|consent|consented|given)")
        # (the free word is "also", "already", "now"; "has never agreed" is a refusal)
        consent = (r"\b(?:main|home|other|base|registering|mainstream|host)\s+school(?:s)?\s+(?:has |have |had )?(?:now )?(?:(?!never\b|not\b)\w+ )?"
                   r"(?:agreed|agrees|consented|consents|given (?:its |their |written )?(?:consent|agreement|permission)|(?:is|are) happy|signed off)|"
                   # "consents to the PRU removing her"
                   r"\b(?:consent(?:s|ed)?|agree[sd]) (?:\w+ )?(?:in writing )?to (?:us |our |(?:the |its )?(?:[\w-]+ )?)?(?:remov|delet|taking|de-?roll)|"
                   r"\bsaid yes to (?:us |our )?(?:remov|delet|taking|de-?roll)|"
                   # "the PRU head has agreed in writing we can delete her"
                   r"\b(?:pru|ap|provision|unit|academy|school|college|head(?:teacher| teacher)?|principal)\s+(?:has |have |had )?(?:now )?"
                   r"(?:agreed|consented)(?: in writing)?(?: that)? (?:we|us) (?:can|could|may|to) (?:delete|remove|take|de-?roll)|"
                   # "the PRU head has emailed to say they're happy for us to take him off"
                   r"\b(?:pru|ap|provision|unit|academy|school|college|head(?:teacher| teacher)?|principal)\b[^.;!?]{0,60}"
                   r"\bagree(?:s|d)? (?:that )?(?:we|us) (?:can |could |may |should |to )?(?:take|remove|delete|de-?roll)|"
                   r"\b(?:given|gave|give|giving) (?:\w+ )?(?:written )?consent (?:to|for) (?:her|his|their|the) (?:removal|deletion)|"
                   # the other school writing: "our head has agreed in writing that the primary can remove him"
                   r"\b(?:agreed|consented)(?: in writing)? that (?:the|his|her|their) (?:\w+ )?(?:school|primary|academy|secondary) (?:can|may|could) (?:remove|delete|take|de-?roll)|"
                   r"\b(?:happy|fine|ok|okay|content) (?:for (?:us|you) to (?:take|remove|delete|de-?roll)|with (?:us|you) (?:taking|removing|deleting|de-?rolling))")
        if _has(consent_neg, t):
            out["other_schools_all_consented"] = False
        elif _pos(consent, t):
            out["other_schools_all_consented"] = True


def _school_type(t: str, out: dict[str, Any]) -> None:
    """The type of *our* school (said in the first person), never the type of the new school."""
    we = (r"(?:\bwe(?:'re| are)|\bi (?:work|teach|do (?:the )?[\w-]+|run (?:the )?[\w-]+|look after (?:the )?[\w-]+) (?:at|in|for)|"
          r"\bi(?:'m| am) (?:(?:the|a|an) (?:[\w-]+ ){1,4}?|(?:[\w-]+ ){1,2}?)(?:at|in|for)|"
          # an academy trust's schools are academies: "the finance lead for a trust with a state boarding academy"
          r"\b(?:at|in|for|from|of|on) (?:a|an|our|the) (?:multi[- ]academy |academy )?trust (?:with|that runs|running|which runs)|"
          # "one of our Year 9 boarders at a maintained boarding school"
          r"\b(?:one of )?our (?:[\w-]+ ){0,3}?(?:pupils?|students?|boarders?|girls?|boys?|children|learners?) (?:here )?at|"
          r"\bour school is|(?:^|[.!?]\s+)as)\s+(?:an?\s+)?")
    if _has(rf"{we}non[- ]maintained special school|\bour non[- ]maintained special school|^\W*(?:an? )?non[- ]maintained special school\s*[:;\-\u2013,.]", t):
        out["school_type"] = "non_maintained_special"
    elif _has(rf"{we}(?:small |large |little |girls'? |boys'? |co-?ed )?(?:independent|indie|private|fee[- ]paying)(?: school| prep(?:aratory)?)?\b|\bour (?:independent|indie|private|fee[- ]paying) (?:school|prep)\b|"
              # "Independent prep here."
              r"^\W*(?:an? |our )?(?:independent|indie|private|fee[- ]paying) (?:prep|preparatory|school|senior school|day school)\b(?: school)? (?:here|speaking|bursar|registrar)\b|"
              # "Independent boarding school: a Y10 boarder left…"
              r"^\W*(?:an? |our )?(?:independent|private|fee[- ]paying) (?:(?:boarding|day|prep|senior|junior) )?school\s*[:\-\u2013,]|"
              # a sign-on: "independent prep school. parents have withdrawn…", "Bursar at an independent prep school."
              r"^\W*(?:(?:[\w-]+ ){1,3}(?:at|of|for) )?(?:an? |our )?(?:independent|private|fee[- ]paying) (?:(?:prep|preparatory|day|boarding|senior|junior|girls'?|boys'?) )?school\b", t):
        out["school_type"] = "independent"
    elif _has(rf"{we}(?:(?:state|boarding|secondary|primary|special|church|catholic|c of e|coe|small|large|rural|sponsored|converter)\s+){{0,3}}(?:academy|free school)\b|"
              r"^\W*(?:an? |our )?(?:(?:state|boarding|secondary|primary|special)\s+){0,3}academy\s*(?:[:\-\u2013,]|with\b)|"
              rf"\bour (?:(?:state|boarding|secondary|primary|special)\s+){{0,2}}academy\b|{we}(?:[\w-]+\s+){{0,3}}school\s+\((?:an\s+)?(?:academy|free school)\)|"
              # "State boarding school (academy)."
              r"^\W*(?:an? |our )?(?:(?:state|boarding|secondary|primary|special|day)\s+){0,3}school\s+\((?:an\s+)?(?:academy|free school)\)|"
              # a sign-on, as for independent schools: "Bursar at a state boarding academy."
              r"^\W*(?:[\w-]+ ){1,3}(?:\([^)]{0,40}\) )?(?:at|of|for) (?:an? |our )?(?:(?:state|boarding|secondary|primary|special)\s+){0,3}academy\b", t):
        out["school_type"] = "academy"
    elif _has(rf"{we}(?:la[- ]maintained|maintained|community|foundation|voluntary[- ](?:aided|controlled))(?: (?:boarding |special |secondary |primary )?school)?\b|"
              r"^\W*(?:an? |our )?(?:la[- ]maintained|maintained)(?: state)? (?:(?:boarding|special|secondary|primary) )?school\s*[:\-\u2013,]|"
              r"\bour (?:la[- ]maintained|maintained) (?:(?:boarding|special|secondary|primary|state) )?school\b|"
              r"^\W*(?:[\w-]+ ){1,3}(?:at|of|for) (?:an? |our )?(?:la[- ]maintained|maintained) (?:(?:boarding|special|secondary|primary|state) )?school\b", t):
        out["school_type"] = "maintained"
    elif _pos(r"\b(?:has|have|had)\s+(?:now\s+|just\s+)?left\s+(?:a|an|the|his|her|their)\s+(?:[\w-]+\s+){0,2}?(?:independent|private|fee[- ]paying)\s+(?:[\w-]+\s+)?school\b", t) \
            and not _has(r"\b(?:joined|joining|join|started|starting|start|admitted|transferred|moved)\s+(?:to\s+|with\s+|at\s+)?(?:us|our)\b", t):
        # Told by someone outside the school ("a Year 8 boy has left a fee-paying independent school"):
        # the school he left is the one whose register is asked about.
        out["school_type"] = "independent"


def _ceased(t: str, out: dict[str, Any]) -> None:
    """Leaving is itself the ground for a pupil of an independent school (9(1)(n)) or a boarder
    over compulsory school age (9(3)(b)); elsewhere it needs a reason, so it is not read here."""
    # "I honestly don't know yet what kind of school it is": the school's type then decides
    # whether leaving is enough (9(1)(n)), so it is asked
    type_unknown = "school_type" not in out and _has(
        r"\b(?:don't|do not|doesn't|does not|not sure|unsure|no idea|can't tell|cannot tell|not certain)\b[^.?!]{0,30}?"
        r"\b(?:what (?:kind|type|sort) of (?:a )?school|whether (?:it's|it is|they're|they are) (?:an? )?(?:independent|academy|maintained|private|state))", t)
    if (out.get("school_type") in ("independent", "non_maintained_special") or out.get("boarder") is True or type_unknown) and \
            _pos(r"\b(?:has left|left us|left (?:the|our) (?:\w+ )?(?:school|sixth[- ]form|6th[- ]form)|(?:isn't|is not|is no longer) (?:a |our )?pupil|"
                 r"parents? (?:took|have taken|has taken) (?:him|her|them) out|withdr[ae]wn?|withdrew|no longer (?:a pupil|attends|on roll|on our (?:books|roll))|"
                 r"left (?:the|our) (?:[\w-]+ )?(?:academy|college|prep)|"
                 r"leaving us|(?:won't|will not|wont) be (?:back|returning|coming back)|not (?:be )?(?:coming|going to come) back|"
                 r"(?:gave|given|giving) (?:us )?(?:a |an |their |his |her )?(?:[\w']+ )?notice|last day (?:was|is|will be)|"
                 r"(?:boy|girl|pupil|child|student|boarder|he|she|they) (?:who )?(?:has |have )?left\b(?! (?:early|for lunch|at lunch|the (?:room|building|site|class|lesson))))\b", t, neg_window=2):
        out["ceased_to_be_pupil"] = True


def _nursery(t: str, out: dict[str, Any]) -> None:
    if not _pos(r"\bnursery\b", t, neg_window=2, hedge=False):
        return
    if _has(r"\b(?:moving|going|moved|gone|transfer\w*) to (?:a |another |the |her new |his new )?(?:private |local )?nursery\b", t) and \
            not _has(r"\b(?:our|in the|in our|from our|from the) nursery\b", t):
        return
    out["admitted_for_nursery"] = True
    if _pos(r"\b(?:moving|going|move|moved|going up|move up|moving up|gone|gone up|went up|go up) (?:up )?(?:in)?to (?:our |the |her |his )?reception|\bstart(?:ing|s)? (?:in )?reception|"
            r"\b(?:finished|completed|finishing|completing) (?:\w+ )?nursery|\bend of (?:\w+ )?nursery|"
            # "came through our nursery, completed it in July"
            r"\bnursery\b[^.;!?]{0,30}\b(?:finished|completed) it\b", t):
        out["nursery_completed_moving_to_reception"] = True


def _boarding_fees(t: str, out: dict[str, Any]) -> None:
    if _pos(r"\b(?:owe|owes|owing)\s+(?:\w+\s+){0,3}?(?:boarding\s+(?:fees|charges|costs)|board (?:and|&) lodging(?:\s+(?:fees|charges|costs))?)\b|"
            r"\b(?:boarding|board and lodging|board & lodging)\s+(?:fees|charges|costs)\b[^.;!?]{0,70}\b(?:unpaid|outstanding|(?:not|never) (?:been )?paid|owed|in arrears|"
            r"(?:haven't|hasn't|have not|has not|didn't|did not) (?:been )?paid)|"
            r"\b(?:hasn't|has not|haven't|have not|not|never)\s+(?:been\s+)?paid\s+(?:anything\s+|a penny\s+|any\s+(?:of\s+(?:the\s+)?)?|the\s+|their\s+|his\s+|her\s+)?(?:(?:towards?|for)\s+(?:the\s+|their\s+|his\s+|her\s+)?)?(?:boarding\s+(?:fees|charges)|board (?:and|&) lodging)|"
            r"\bunpaid (?:boarding|board and lodging) (?:fees|charges)|"
            r"\b(?:stopped|stop|not|never) paying (?:the |their |his |her )?(?:boarding|board and lodging|board & lodging) (?:fees|charges)|"
            # "pay for her board and lodging, and the charges for the autumn term were still unpaid"
            r"\b(?:board|boarding|lodging)\b[^.;!?]{0,60}\b(?:fees|charges)\b[^.;!?]{0,40}\b(?:unpaid|outstanding|not (?:been )?paid|owed|in arrears)\b|"
            # "…who pays his board and lodging. The charges for the spring term were still unpaid…"
            r"\b(?:board (?:and|&) lodging|boarding (?:fees|charges))\b[^.;!?]{0,40}[.;]\s+(?:the|those|these|his|her|their)\s+(?:\w+\s+){0,4}?(?:fees|charges)\b[^.;!?]{0,40}\b(?:unpaid|outstanding|not (?:been )?paid|owed|in arrears)\b",
            t, neg_window=1) and \
            _has(r"\bend of (?:the )?(?:\w+ )?term\b|\bterm(?:'s| has| had| is)? (?:now |just |since |already |long )?(?:ended|finished|closed|over)\b|"
                 r"\bwhen (?:the |this |that )?(?:\w+ )?term (?:ends|finishes|closes)\b|"
                 # "the charges for the summer term, which ended in July", "his fees for last term"
                 r"\bterm\b[^.;!?]{0,25}\b(?:ended|finished|closed)\b|\b(?:last|previous) term\b|"
                 # "Term ends Friday 18 December. If they're still unpaid then, …": asked of the end of term
                 r"\bterm (?:ends|finishes|closes)\b[^?]{0,80}\b(?:still|remain|remains) (?:unpaid|outstanding|owed|owing)\b", t):
        out["board_and_lodging_unpaid_at_end_of_term"] = True
        out.setdefault("boarder", True)


_TRAVELLING_PEOPLE = r"(?:traveller|travelling|gypsy|roma|showm[ae]n|fairground|circus|bargee)s?"
_ROUND_THE_COUNTRY = r"(?:off|out|away|gone|going|moving|travelling|takes them|take them|taken them) (?:round|around|across|up and down) the country"


def _mobile(t: str, out: dict[str, Any]) -> bool:
    if _has(r"\b(?:not|isn't|is not|aren't|are not|wasn't|never been)\s+(?:from\s+)?(?:a |an )?(?:traveller|gypsy|roma|mobile|showm[ae]n|travelling|bargee)s?\b(?:\s+(?:child|family|pupil|families))?|"
            r"\b(?:family|parents?)\s+(?:aren't|are not|isn't|is not)\s+(?:travellers?|a travelling family|mobile)|"
            r"\bhas a (?:fixed|permanent|settled) (?:address|abode|home)", t):
        out["mobile_child"] = False
        return False
    # A Traveller, Showman or circus family that is now on the road is what reg 3(1) calls mobile.
    on_road = (rf"\b{_TRAVELLING_PEOPLE}\s+(?:family|families|child|children|parents?)\b"
               r"[^.;!?]{0,80}?\b(?:(?:gone|going|are|is|be|been|out) on the road|(?:while|when|as) (?:they|the family) (?:travel|are travelling|move)|"
               rf"(?:gone|are|is|been) travelling|{_ROUND_THE_COUNTRY})")
    # "Traveller family. Mum says they're off round the country for work": the two halves may
    # sit in different sentences.
    travelling_now = (_has(rf"\b{_TRAVELLING_PEOPLE}\b", t) and
                      _pos(rf"\b{_ROUND_THE_COUNTRY}\b|\b(?:gone|going|are|is|been|out|'re|'s) on the road\b|"
                           r"\b(?:they|the family|the parents|family)\s+(?:\w+\s+)?(?:travel|travels)\b|\b(?:moved|moving|move|have moved|has moved) on\b|"
                           # "Y3 boy travels with the fair from March to October"
                           r"\b(?:travels?|travelling|goes|go|going) (?:round |around |away )?with (?:the |a |their |his |her )?(?:fair|fairground|circus)\b", t, neg_window=2))
    if _pos(rf"\b(?:{_TRAVELLING_PEOPLE})\s+(?:family|families|fair|fairs|community)\b|\b(?:work|works|working)\s+(?:with|on|for|at)\s+(?:a|the)\s+"
            r"(?:travelling\s+)?(?:fair|fairground|circus)\b|\bshowm[ae]n\b", t, neg_window=2) and not _has(r"\bsettled\b", t):
        out["family_travels_for_work"] = True
    if travelling_now or _pos(r"\bmobile child\b|\bno fixed abode\b[^.;!?]{0,60}\btravel\w* (?:for|with) (?:work|the fair|the circus|the business)|" + on_road,
                              t, neg_window=2):
        out["mobile_child"] = True
        # (the optional word is "still", "definitely"; "we're not her main school" is the opposite)
        if _has(r"\b(?:we(?:'re| are)|this is|our school is)\s+(?:(?!not\b)\w+\s+)?(?:his|her|their|the)\s+main school", t):
            out["this_is_main_school"] = True
        elif _has(r"\b(?:we(?:'re| are)|this is|our school is)\s+not\s+(?:\w+\s+)?(?:his|her|their|the)\s+main school|\bmain school is (?:elsewhere|another)", t):
            out["this_is_main_school"] = False
        return True
    return False


def _special_school(t: str, out: dict[str, Any]) -> None:
    if not _has(r"\bspecial school\b", t) or _has(r"\bnon[- ]maintained special school\b", t) and "school_type" in out:
        return
    if _pos(r"\b(?:placed|arranged|commissioned|funded|named)\s+(?:\w+\s+){0,2}?(?:by|under)\s+(?:the\s+)?(?:la|local authority|council|county|borough)\b|"
            r"\bla[- ](?:placed|arranged|funded|commissioned)\b|\b(?:ehcp|ehc plan|education,? health and care plan)\b", t, neg_window=2):
        out["special_school_la_arranged"] = True
        if _has(r"\b(?:la|local authority|council)\s+(?:has\s+|have\s+)?(?:refused|declined|won't|will not|would not)\s+(?:to\s+)?(?:consent|agree)", t):
            out["la_consent_to_deletion"] = "refused"
        elif _pos(r"\b(?:la|local authority|council)\s+(?:has\s+|have\s+)?(?:now\s+)?(?:consented|agreed|given (?:its |their |written )?consent|signed off)", t, neg_window=2):
            out["la_consent_to_deletion"] = "given"
        elif _has(r"\b(?:haven't|have not|not yet|didn't|did not)\s+(?:yet\s+)?(?:asked|contacted|approached)\s+(?:the\s+)?(?:la|local authority|council)", t):
            out["la_consent_to_deletion"] = "not_asked"
        if _has(r"\bsecretary of state\b[^.;!?]{0,30}\bdirect\w*", t) and not _has(r"\bsecretary of state\b[^.;!?]{0,20}\b(?:not|n't)\b", t):
            out["secretary_of_state_directed_deletion"] = True
