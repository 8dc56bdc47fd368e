"""Safeguarding triage: does this message describe a child who may be at immediate risk?

Tuned for recall: missing a real emergency is far worse than an extra warning. A message
escalates when it names a serious risk AND is about a particular child now (not a question about
policy, training or recording in general). Strong risks about a particular child always escalate.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from guardrails.text import fold

# Each indicator: (name, pattern). Patterns run on folded (lower-case) text.
RISKS: tuple[tuple[str, str], ...] = (
    ("fgm", r"\bfgm\b|female genital|genital mutilation|\bcut(ting)?\b(?![- ]?off\b)(?! (?:short|down|back)\b).{0,40}\b(girls?|her|ceremony|holiday|tradition|summer|visit|back home|abroad)|"
            r"\b(be|being|get|getting|was|been) cut\b(?![- ]?off\b)(?! (?:short|down|back)\b)|the cutting|(made|become) a woman|circumcis|"
            r"(special|secret) (ceremony|day|celebration)|(lady|woman|man) with (a|the) knife|"
            r"(do|did|have|having|had) ['‘\"]?(the thing|the procedure)|"
            # "had an operation and the consultant says…" or "…and she'll be off sick for most of next term"
            # is surgery; the euphemism has no clinician and no illness.
            r"^(?!.*\b(consultant|surgeon|surgery|hospital|gp|doctor|nhs|physio\w*|recover\w*|operated on|appendix|tonsils|"
            r"sick|sickness|illness|unwell|medical)\b)"
            r".*(do|did|have|having|had) ['‘\"]?(the operation|an operation)|"
            r"['‘\"]operation['’\"].{0,60}\b(girls?|daughter|sisters?|culture|that age)|(girls?|daughter|sisters?).{0,60}['‘\"]operation"),
    ("forced_marriage", r"forced (to )?marr|forced marriage|made to marry|married off|marry (her|him) off|"
                        r"\b(will|'ll|going to|is to|are to|has to|have to|to) (be|get) (married|engaged)\b|married to (her|his) cousin|"
                        r"arranged to marry|"
                        # a relative's wedding abroad is a reason for leave, not a marriage of the child
                        r"(?<!family )(?<!relative's )(?<!cousin's )(?<!sister's )(?<!brother's )(?<!aunt's )(?<!uncle's )"
                        r"(wedding|marriage|engaged) .{0,40}\b(abroad|back home|overseas)|"
                        r"(husband|wife) .{0,30}\b(found|chosen|picked)|married at (1[0-7]|[0-9])\b|engagement (party|ceremony)|"
                        r"(now|because) (she'?s|she is|he'?s|he is) promised|marriage (her|his) (father|dad|family|parents) (has|have) arranged|"
                        r"agree to the marriage|(she|he|her|him).{0,40}\barranged marriage"),
    ("trafficking", r"traffick|modern slavery|being sold|moved around by adults|working for (no|little) money|"
                    r"(seen |been )?working (at|in) (a |the )?(car wash|nail bar|restaurant|takeaway|factory|farm).{0,40}(school hours|during school|all night|instead)|"
                    r"isn'?t (her|his) (real )?(mother|mum|father|dad)|not (her|his) (real )?(mother|mum|father|dad)|"
                    r"(passport|documents) (has been |have been |was |were )?(taken|kept|removed)|"
                    # "remanded to youth detention and held there for now" is lawful custody, not a child kept by adults
                    # ("in custody", not "mum has custody": a family court word leaves the signal standing)
                    r"^(?![\s\S]*\b(remand\w*|youth detention|(in|police|youth) custody|detention cent(re|er)|secure (unit|training cent(re|er)|children'?s home)|"
                    r"young offenders?'? institution|prison|police (station|cell))\b)[\s\S]*?\b(kept|held) (there|at home|in the house)|"
                    r"not allowed (to come back|to leave|out|to go)|"
                    r"same address by the same|registered at the same address|(uncle|cousin|aunt)['’]?\s.{0,40}(says|claims).{0,30}(looks older|age)|"
                    r"cleans? the house all night|too tired to come"),
    ("abduction", r"abduct|kidnap|taken abroad|taken out of the country|taken overseas|snatched|"
                  r"(won't|will not|never) (let|bring) (her|him|them) back|against (her|his|their) will|"
                  r"where (no one|nobody|we) (can|will|could) (ever )?find|taken .{0,30}from the (playground|school|gate)|"
                  r"threaten(ed|s|ing)? to take (her|him|them)|no contact under|(child arrangements|court) order.{0,80}(knew nothing|taken|withdraw|not agreed)|"
                  r"(knew nothing about it|without (her|his) (knowledge|consent)).{0,60}(taken|withdraw|moving|abroad|libya|reach)"),
    ("missing_protected", r"(child protection plan|\bcp plan\b|on a plan|subject to a plan|\bcla\b|\blac\b|"
                          r"looked after|in care|foster|social worker|child in need|\bcin\b).{0,160}"
                          r"\b(missing|gone|disappeared|can'?t (find|locate|reach)|not (been )?seen|whereabouts|absent|not turned up|"
                          r"hasn'?t (turned|come|been in)|hasnt been in|not been in|didn'?t go back|no answer|no forwarding address|no address|"
                          r"taken (him|her|them) out|(has )?(took|taken) (him|her|them) out|moving|switched off|not picking up)|"
                          r"\b(missing|disappeared|can'?t (find|locate)|not been seen|didn'?t go back).{0,160}(child protection|\bcp plan|looked after|\bcla\b|\blac\b|in care|social worker|foster)"),
    # ("a Y9 missing 3 days for a modelling job" is off school, not missing from home)
    ("missing_from_home", r"missing from home|missin?g? (for )?\d+ nights|missin?g? for \d+ days(?! (of|from|off) school)|hasn'?t been home|not been home|didn'?t come home|"
                          r"(ran|run) away|left a note|packed a bag"),
    # ("we place children in schools across county lines" is borders, not drug running)
    ("exploitation", r"exploit|(?<!across )(?<!over )(?<!crossing )(?<!cross )county lines|grooming|groomed|\bcse\b|\bcce\b|older (men|man|boyfriend|lads|boys)|"
                     r"drugs? (runs?|running|debt)|sexual(ly)? (abuse|assault)|being used to (carry|sell)|"
                     r"(new|expensive) (trainers|clothes|phone).{0,40}(second|another|new) phone|second phone|lot of cash|"
                     r"(found|picked up) (him|her) in another (town|city)|\d+ ?(yr|year)s? old man|met (on|through) (snapchat|instagram|tiktok|online)|"
                     r"sent to .{0,30}['‘\"]?working"),
    ("radicalisation", r"radicali[sz]|extremis|\bprevent referral|joining (isis|daesh|a terror)|terroris|proscribed|"
                       r"(going|gone|go) (abroad |overseas )?to fight|support for a (banned|proscribed)"),
    ("immediate_danger", r"in danger|immediate (risk|danger)|\bnot safe\b|unsafe at home|(scared|afraid|frightened) (to go home|of (her|his) (dad|father|mum|mother|uncle|family|brothers?))|"
                         r"threaten(ed|ing|s)? to (hurt|kill|harm)|(will|would|going to) (hurt|kill|harm|beat) (her|him|them|the (kid|child))|"
                         r"hit (her|him) |bruis|injur|violen|abus(e|ed|ing)\b|locked in|not allowed out|left alone|"
                         r"shouting from the window|screaming|blood|outside the house now"),
    ("self_harm", r"self[- ]harm|suicid|kill (herself|himself|themselves)|end (her|his|their) life|overdose|end it (tonight|all)|"
                  r"no one will miss|won'?t be a problem for anyone|giv(en|ing|es) (his|her) .{0,30}away|cuts on (his|her|their) (arms?|legs?|wrists?)|"
                  r"deeper this time|hurting (herself|himself|themselves)|want(s)? to die"),
    # (Curtains shut and post piling up alone is how a family that has moved away looks: CME, not harm.)
    ("unsafe_home", r"house (is )?empty.{0,60}(blood|broken|signs|smashed)|signs of (a )?(struggle|harm|violence)|"
                    r"neglect(ed)?\b.{0,40}(no food|alone|left)|curtains (shut|closed).{0,80}(blood|screaming)"),
)
_STRONG = {"fgm", "forced_marriage", "trafficking", "abduction", "missing_protected", "radicalisation", "self_harm",
           "immediate_danger", "exploitation", "unsafe_home", "missing_from_home"}

# About a particular child, now.
_PARTICULAR = re.compile(
    r"\b(she|he|her|him|his|this (child|pupil|girl|boy)|a (year|yr) ?\d+|our (pupil|student|year|child|girl|boy)|"
    r"one of our|a (girl|boy|child|pupil|student) (in|at|from|who|has|is|was|told)|my (pupil|student|class)|"
    r"[a-z]+'s (mum|mother|dad|father|family|sister|brother)|the (girl|boy|child|pupil|family)|"
    r"(two|three|four|five|six|[2-9]) (of our )?(boys|girls|children|pupils|students|siblings|brothers|sisters|kids))\b"
)
# A question about policy, training, recording or definitions in general.
_GENERAL = re.compile(
    r"\b(policy|policies|guidance|the law|regulations?|training|inset|listed|mentioned|mention|stand for|definition|defined|"
    r"same thing as|advice line|helpline|number (is )?given|what number|which code|attendance code|vulnerable group|"
    r"link between|procedures? for|what (must|should|do|does) (the )?(dsl|school|staff|we) do if|what does it say|"
    r"according to|advice (line|centre|center)|what'?s the number|number for|"
    r"who (do|does|should|must) (the )?(dsl|school|we|i|staff) (contact|tell|notify|inform|call|refer)|"
    # "is there a rule about children who keep going missing…": children in general, not one child
    r"(is|are) there (a|an|any) (rule|rules|threshold|set number|limit|timescale|procedure|process)|"
    r"(children|pupils|young people|students) who|how many (times|episodes|occasions))\b"
)
_QUESTION_START = re.compile(r"^(what|which|how|is|are|does|do|where|who|when|can|should|according|our policy|"
                             r"the .{0,40}(policy|guidance|procedure) (mentions|says|lists|refers|gives|has)|the .{0,30} policy|we'?re planning)")


# Material for staff ("putting together a trafficking awareness slide…") is about the subject, not a child.
_FOR_STAFF = re.compile(r"\b(awareness|training (question|purposes|session|quiz|scenario)|(training|powerpoint|presentation) slides?|slides? for (staff|governors|colleagues)|"
                        r"presentation|briefing|poster|leaflet|staff training|inset|staff meeting|(staff )?handbook|contacts? (list|sheet)|"
                        r"induction (notes|pack|booklet|materials?|session|training)|notes for (new )?staff|"
                        r"(writing|updating|reviewing|putting together|drafting|rewriting) (our|the|a|an) [\w ]{0,30}?"
                        r"(polic(y|ies)|procedures?|flowcharts?|contacts? (file|folder)|procedures? (file|folder)))\b")
# "keeps going missing from home … he's home and in school now": the episode is over; what is asked is the rule.
_BACK_SAFE = re.compile(r"\b(he|she|they)('s|'re| is| are) (now )?(back )?(home|safe|found)\b[^.;!?]{0,30}\b(now|safe|well|in school)\b|"
                        r"\bfound safe\b|\b(is|are|'s|'re) (now )?back (home|in school),? (safe|now)\b|"
                        r"\b(he|she|they)('s|'re| is| are) (now )?back and (settled|safe|well|fine|in school)\b|"
                        # "the police found her on Saturday and she's back at the foster home"
                        r"\b(he|she|they)('s|'re| is| are) (now )?back (at|with|in) (the |her |his |their )?"
                        r"(foster (home|placement|carers?)|placement|children'?s home|care home|family home|home|us|school|class)\b|"
                        # "the police found him safe at a relative's", "she was found at a friend's the next morning"
                        r"\b(police|we|staff|mum|dad|parents?|family|carers?|they|officers) (later |eventually |safely )?found (him|her|them) "
                        r"(safe|well|unharmed|at|in|with)\b|"
                        r"\b(he|she|they) (was|were) (later |eventually |safely )?found (safe|well|unharmed|at|with|the next|the following|later|on)\b|"
                        # "police found her each time and shes fine now"
                        r"\b(police|we|staff|mum|dad|parents?|family|carers?|they|officers) (have |has )?(always |later |eventually |safely )?found (him|her|them) "
                        r"(each|every) time,? and (he|she|they)('s|'re|s| is| are) (now )?(fine|safe|well|ok|okay|alright|all right|back)\b|"
                        # "each time she's turned up within a day"
                        r"\b(he|she|they)('s|'re| has| have)? (always |each time |every time )?turned up (safe|within|at|later|the next|the following|after)\b")
# The writer signing on with their own job ("YOT social worker.", "Social worker asking about …") is
# not a mark on the child: only a social worker *of the child* makes a missing child a protected one.
# Words that say whose worker it is ("Her social worker", "CLA social worker") keep the mark.
_SIGN_ON = re.compile(r"^\W*((i'?m|i am|this is) an? )?(?!(cla|lac|cp|cin|child protection|her|his|their|the child'?s?)\b)"
                      r"([a-z&]+ ){0,2}social worker( here)?(\s*[.:,;-]| asking( about)?\b)")
# …unless the message says a child is missing now: a social worker writing that is reason enough.
_MISSING_NOW = re.compile(r"\b(missing since|has been missing|is missing|gone missing|not been seen|can'?t (find|locate|reach)|"
                          r"disappeared|not turned up|hasn'?t (turned up|come home|been home))\b")
# The writer says outright that no child is at issue (not "not hypothetical: he ran away").
_NOT_LIVE = re.compile(r"(?<!not )(?<!isn't )(?<!not a )\b(a policy question|(rather than|not) (about )?a (live|real|current) case|"
                       r"hypothetical(ly)?|in general terms|a general question)\b|(^|[.!?]\s+)in general,")
# Only a question about children going missing is settled by "not a live case" or "found safe";
# any other named risk still escalates.
_MISSING_KINDS = {"missing_from_home", "missing_protected"}
# Anywhere in the message: another episode is coming ("she says she'll run again tonight").
_RUNS_AGAIN = r"again|tonight|threat\w*|(will|'ll|going to|wants? to) (run|go|leave|disappear)"
# After "found safe": a new episode after the one that ended ("…she has not been seen since").
_MISSING_AFTER = re.compile(rf"\b({_RUNS_AGAIN}|last night|since|not been seen|not seen|hasn'?t (turned up|come home|been home|been seen)|"
                            r"has not (turned up|come home|been home|been seen)|didn'?t come home)\b")


@dataclass(frozen=True)
class Triage:
    at_risk: bool
    indicators: tuple[str, ...]
    reason: str


def triage(message: str) -> Triage:
    folded = fold(message)
    signed_off = _SIGN_ON.sub(" ", folded, count=1)
    t = folded if _MISSING_NOW.search(folded) else signed_off
    found = tuple(name for name, pat in RISKS if re.search(pat, t))
    if not found:
        return Triage(False, (), "no risk indicator")
    # "if a child has been taken abroad" is a hypothetical, not a particular child.
    # So is "if we think a pupil has been taken abroad".
    hypothetical = (r"\b(if|when|whether|where|for) ((we|you|staff|the school|schools?|they|i) (think|suspect|believe|fear|find out|hear|are told|are worried|know)"
                    r"( that)? )?(a|an|any) (child|pupil|girl|boy|student)\b")
    particular = bool(_PARTICULAR.search(re.sub(hypothetical, " ", t)))
    if _NOT_LIVE.search(t) and set(found) <= _MISSING_KINDS and not _MISSING_NOW.search(t):
        return Triage(False, found, "the writer says it is not a live case")
    # A missing episode that is over (the child is back, or found safe) leaves a question about what
    # follows, unless the message goes on to a new one.
    back = _BACK_SAFE.search(t)
    if set(found) <= _MISSING_KINDS and back and not _MISSING_AFTER.search(t, back.end()) and not re.search(rf"\b({_RUNS_AGAIN})\b", t):
        return Triage(False, found, "the missing episode is over")
    # (the question may follow the writer's sign-on: "Social worker asking about the policy: how long…")
    # (or in a later sentence: "Putting together induction notes. Is there an advice line…?")
    asks = bool(_QUESTION_START.search(t)) or bool(_QUESTION_START.search(signed_off.strip())) or \
        any(_QUESTION_START.search(q.strip()) for q in re.findall(r"(?:^|[.!?]\s)([^.!?]*\?)", t))
    if set(found) <= _MISSING_KINDS and not particular and not _MISSING_NOW.search(t) and \
            re.search(r"\b(might|may|could|would|likely to|at risk of) (be )?(go|be|run|going|running) (missing|away)\b", t) and "?" in t and \
            not re.search(r"\b(tonight|today|right now|this (morning|afternoon|evening)|threat\w*)\b", t):
        return Triage(False, found, "a question about a child who might go missing")
    general = (bool(_GENERAL.search(t)) and asks or bool(_FOR_STAFF.search(t))) and not particular
    if general:
        return Triage(False, found, "a general question about policy or recording")
    if particular or set(found) & {"missing_protected", "abduction", "self_harm", "immediate_danger"}:
        return Triage(True, found, "a particular child may be at immediate risk")
    # A risk named without saying who: still escalate, because a miss costs far more than a warning.
    return Triage(bool(set(found) & _STRONG), found, "serious risk indicator")
