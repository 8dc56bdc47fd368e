"""Which job a message is: small pure predicates over the text, checked in order.

* **Leaver** ("which deletion ground?"): the message asks which ground or reason applies, or
  whether the school can delete / take a pupil off roll. A question *about* a ground or about
  the deletion paperwork ("what goes in the deletion return", "what documents does the county
  want when we de-roll under 9(1)(d)", "does the 20-school-day ground still work if some days
  were illness", "when does the 10 day count start") is a procedure question, answered from
  the documents, not by the leaver tool.
* **Deadline**: only when ``extract_deadline`` found a countable rule *and* a date to count
  from (``has_deadline_ask``), and the message asks when something is due.
"""

from __future__ import annotations

import re

from assistant.chat.types import Intent

_I = re.I

# "which ground / reason / leaver code", "what's the deletion ground", "under what?"
_WHICH_GROUND = re.compile(
    r"\b(?:which|what)(?:'s| is| are| was)?\s+(?:(?:the|a|our|correct|right|best|appropriate|relevant|regulation|reg\.?|9|reg 9|(?:reg\.? ?)?9\s*\(\s*[13]\s*\))\s+){0,3}"
    r"(?:(?:leaver|leaving|deletion|removal|off[- ]?roll(?:ing)?|de-?roll(?:ing)?|derol+ing|legal)\s+)?(?:reason|ground|paragraph|letter)s?\b"
    # (not the reason someone gave: "what reason did the family give?"; but "which reason does the school use?" asks for one)
    r"(?!\s+(?:was|were|did|do|does|has|have|had|is|are)\s+(?:she|he|they|the(?!\s+(?:[\w-]+\s+){1,3}?(?:use|record|put|pick|choose|need|enter|select)\b)|"
    r"his|her|their|mum|dad|parents?|family)\b)|"
    r"\b(?:which|what)(?:'s| is)?\s+(?:(?:the|a)\s+)?(?:leaver|leaving|deletion|removal|off[- ]?roll(?:ing)?)\s+code\b|"
    # (not a relative clause: "is there an age under which the police will always treat…")
    r"\bunder (?:what|which)\b(?!\s+(?:circumstances|conditions))(?!\s+(?!(?:ground|reason|reg|regulation|code|paragraph|letter|one)\b)"
    r"(?:[a-z]+\s+){1,3}(?:will|would|can|could|must|should|is|are|do|does|may)\b)|"
    # "Which reg is it?", "which regulation do we use?"
    r"\bwhich (?:reg|regulation|para(?:graph)?)(?:'s| is)? (?:is (?:it|that|this)|applies|do (?:i|we) (?:use|go with|pick|choose)|should (?:i|we) (?:use|go with|pick|choose))\b|"
    r"\bwhat (?:do|should|would|can|must) (?:i|we) (?:record|put|enter|select|pick|choose|use|give|code|tick|write)\b[^.?!]{0,40}\b(?:reason|ground|code)\b|"
    r"\b(?:reason|ground) (?:do|should|would|can|must) (?:i|we) (?:use|pick|select|choose|record|put|give)\b|"
    r"\b(?:record|recorded|put|enter|code|log) (?:it |this |him |her |them )?as the (?:leaver |leaving |deletion )?(?:reason|ground)\b|"
    r"\b(?:is (?:it|this|that)|would (?:it|this) be|should (?:it|this) be)\s+(?:ground\s+)?(?:9\s*\(\s*[13]\s*\)\s*)?\(?\s*[a-o]\s*\)?\s+or\s+(?:9\s*\(\s*[13]\s*\)\s*)?\(?\s*[a-o]\s*\)?|"
    r"\breason for (?:leaving|deletion|removal|taking (?:him|her|them) off|de-?rolling|off-?rolling)\b|"
    # "Does that count as registered at another school, or is it something else?"
    r"\b(?:does|would|will) (?:that|this|it|he|she) (?:still )?(?:count|qualify|come under|fall under|be classed) (?:as )?(?:a |an |being )?"
    r"(?:registered (?:at|with) (?:another|a new|a different) school|home educat\w*|a leaver|(?:a |the )?(?:deletion |leaver |leaving )?(?:ground|reason))\b|"
    # "is there actually a deletion ground for that?"
    # "…is there a registration ground to take him off roll, and which one?"
    r"\bis there (?:\w+ )?(?:a |any )(?:deletion |leaver |legal |registration |lawful )?(?:ground|reason)s? (?:for|to delete|to remove|to de-?roll|to off-?roll|"
    r"to take (?:him|her|them|the pupil|the child) off)\b|"
    # "is that actually a reason to delete, and which one?"
    r"\b(?:is|would|could) (?:that|this|it) (?:\w+ )?(?:a |an )?(?:valid |legal |legitimate |proper |lawful )?(?:reason|ground)s? "
    r"(?:to|for) (?:delet\w*|remov\w*|de-?roll\w*|off[- ]?roll\w*|tak\w+ (?:him|her|them) off)|"
    # "which code do we use to de-roll him?", "right code for the leaver form please" (not "which code for remand?")
    r"\b(?:which|what|right|correct)\s+(?:reason\s+)?code\b[^.?!]{0,40}?\b(?:de-?roll|off[- ]?roll|take (?:him|her|them) off|"
    r"taking (?:him|her|them) off|remov\w*|delet\w*|leaver'?s? (?:form|return)|leaving form)|"
    # "Leaver ground please", "please confirm the deletion ground", "advise the deletion ground you will record"
    r"\b(?:leaver|leaving|deletion|removal)\s+(?:ground|reason|code)\s+(?:please|pls|plz)\b|"
    r"\b(?:confirm|advise|tell me|give me|let me know)\s+(?:of\s+)?(?:the|which|what)\s+(?:\w+\s+)?(?:deletion|leaver|leaving|removal)\s+(?:ground|reason|code)\b|"
    # "What do we use to take her off?"
    r"\bwhat (?:do|should|would|can|must) (?:i|we) (?:use|put|put down|record|select|pick|choose|go with) (?:to|when (?:we|i)|for) "
    r"(?:take|taking|remove|removing|delete|deleting|de-?roll\w*|off-?roll\w*) (?:him|her|them|the (?:pupil|child|student|girl|boy))(?: off)?\b|"
    r"\bwhat (?:do|should|would|can|must) (?:i|we) (?:record|put|enter|select|pick|choose|use|tick|write) (?:for|on) (?:the |his |her |their )?"
    r"(?:removal|deletion|leaver|leaving|de-?roll)|"
    r"(?:^|[.?!,;:\u2013\u2014-]\s*)(?:the\s+|which\s+|what\s+)?(?:leaver|leaving|deletion|removal)?\s*(?:reason|ground|code)\s*\?",
    _I,
)
# "is this a 9(1)(g)?", "does this count as 9(1)(i)?", "should we use ground g?" -- about this pupil
_THIS_GROUND = re.compile(
    # "The office says we always use 9(1)(b) for nursery leavers. Is that the right reason?"
    r"\b(?:is|was|would) (?:that|this|it|(?:9|reg(?:ulation)? 9)\s*\(\s*[13]\s*\)\s*\(\s*[a-o]\s*\)) (?:really |actually |definitely )?"
    r"(?:the )?(?:right|correct|proper) (?:(?:leaver |leaving |deletion |removal )?(?:reason|ground)|(?:leaver|leaving|deletion|removal) code)\b"
    # (not "is that the right reason to authorise the absence?", "…for code I?")
    r"(?!\s+(?:to|for)\s+(?:authori[sz]|code|(?:the |an |this )?(?:absence|leave|holiday|session)))|"
    # "they've pencilled in 9(1)(k). Is that the right one for someone his age?", "was (b) right?"
    r"\b(?:is|was|would) (?:that|this|it) (?:really |actually |definitely )?(?:the )?(?:right|correct|proper) (?:one|choice)"
    r"(?=\s*(?:\?|for (?:him|her|them|someone|a (?:pupil|child|student))\b[^.!?]*\?))|"
    # "the county guide seems to put exclusions under 9(1)(a). Is that right, or is it a different ground?"
    r"\bis (?:that|this|it) (?:really |actually )?(?:right|correct)\s*,?\s+or (?:is (?:it|there) |should (?:it|we use) |would it be )?"
    r"(?:a |an )?(?:different|another|other|separate) (?:ground|reason|one|letter|paragraph)\b|"
    r"\b(?:is|was|would) (?:(?:reg(?:ulation)?\.?\s*)?9\s*\(\s*[13]\s*\)\s*)?\(\s*[a-o]\s*\) (?:really |actually |definitely )?"
    r"(?:the )?(?:right|correct|proper)(?: one| choice)?\s*\?|"
    r"\b(?:is (?:this|it|that|she|he)|would (?:this|it|that) be|does (?:this|it|that|she|he) (?:count|qualify|come under|fall under)(?: as)?|"
    r"(?:should|can|could|do) (?:we|i) (?:use|apply|rely on|go with|delete (?:him|her|them) under))\s+(?:a |an |the )?(?:ground\s+)?"
    r"(?:(?:reg(?:ulation)?\.?\s*)?[89]\s*\(\s*[13]\s*\)\s*\(\s*[a-o]\s*\)|(?<=ground )\(?[a-o]\)?(?!\w)|\([a-o]\))",
    _I,
)

# "can we take her off roll?", "do we delete him?", "can he be removed from the register?"
_PUPIL = r"(?:him|her|them|the pupil|the child|the student|this pupil|this child|the girl|the boy|the name|his name|her name|their name|it)"
_CAN_DELETE = re.compile(
    rf"\b(?:can|could|should|must|do|may|shall|are|am|will)\s+(?:i|we|you|the school|schools|the office|the head(?:teacher)?)\s+(?:now\s+|still\s+|legally\s+|just\s+)?(?:be\s+(?:able|allowed)\s+to\s+)?(?:go ahead and\s+)?"
    rf"(?:delete|remove|de-?roll|derol+|off-?roll|take\s+(?:{_PUPIL}\s+)?off|taking\s+(?:{_PUPIL}\s+)?off|deleting|removing)\b|"
    # "…want to know if they can take him off now"
    rf"\b(?:if|whether)\s+(?:i|we|they|the school)\s+(?:can|could|may|should|must|need to|have to)\s+(?:now\s+|just\s+)?"
    rf"(?:delete|remove|de-?roll|off-?roll|take\s+(?:{_PUPIL}\s+)?off)\b|"
    rf"\b(?:can|could|should|must|may)\s+(?:he|she|they|the pupil|the child|this pupil|this child|the name|his name|her name|their name)\s+(?:now\s+)?be\s+"
    rf"(?:deleted|removed|taken off|de-?rolled|off-?rolled)\b|"
    rf"\b(?:is it ok|is it okay|(?:are we|am i) (?:ok|okay|alright|all right|allowed|able|safe|fine)|is it (?:legal|lawful|right))\s+to\s+(?:delete|remove|de-?roll|off-?roll|take\s+(?:{_PUPIL}\s+)?off)\b|"
    # "Are we actually required to remove her…?", "Are we allowed, or even required, to take him off roll?"
    rf"\b(?:are we|am i|is the school)\s+(?:actually\s+|even\s+|legally\s+|really\s+|now\s+)?(?:allowed|required|obliged|permitted|entitled)"
    rf"(?:,?\s+or\s+(?:even\s+)?(?:allowed|required|obliged|permitted|entitled),?)?\s+to\s+(?:delete|remove|de-?roll|off-?roll|take\s+(?:{_PUPIL}\s+)?off)\b|"
    # "OK to remove?", "Can he come off now?", "Do we keep her on?"
    rf"(?:^|[.!?]\s*)(?:(?:so|and|but)\s+)?(?:ok|okay|alright|fine|safe)\s+to\s+(?:delete|remove|de-?roll|off-?roll|take\s+(?:{_PUPIL}\s+)?off)\b|"
    rf"\b(?:can|could|should|does|do)\s+(?:he|she|they|the pupil|the child|this pupil|this child)\s+(?:now\s+)?(?:come|go)\s+off\b|"
    rf"\b(?:do|should|must|can)\s+(?:we|i)\s+(?:still\s+)?keep\s+(?:him|her|them|the pupil|the child)\s+on\b(?:\s+(?:roll|the roll|the register|our roll))?\s*\?|"
    rf"\bdelete\s+(?:{_PUPIL}|the pupil'?s? name)\s+(?:now|yet)\?|"
    # "we want her off roll - can we do it now?"
    rf"\b(?:want|need|would like)\s+(?:him|her|them)\s+off\s+(?:the\s+)?(?:roll|register)\b[^?]{{0,40}}\b(?:can|could|may|should)\s+(?:we|i)\b|"
    rf"\b(?:do|does|will|would)\s+(?:i|we|the school)\s+(?:need|have|have got)\s+to\s+(?:delete|remove|de-?roll|off-?roll|take\s+(?:{_PUPIL}\s+)?off)\b|"
    # "Do we need a deletion?"
    r"\b(?:do|does|will|would)\s+(?:i|we|the school)\s+need\s+(?:a|to do a|to make a)\s+(?:deletion|removal)\b|"
    rf"\b(?:should|must|does|do)\s+(?:he|she|they|the pupil|the child|this pupil|this child)\s+(?:need to\s+)?(?:be|come|go)\s+(?:deleted|removed|taken off|off)\b|"
    # "do the registration rules say anything about taking him off the register because of this?"
    rf"\b(?:rules?|regulations?|regs|law)\s+(?:say|says|allow|allows|let|lets|permit|permits)\s+(?:\w+\s+){{0,3}}?"
    rf"(?:tak(?:e|ing)\s+(?:{_PUPIL}\s+)?off|remov\w*\s+{_PUPIL}|delet\w*\s+{_PUPIL}|de-?roll\w*|off-?roll\w*)",
    _I,
)

# procedure questions that mention deletion: what to send, what documents, how, who, when the
# count starts, whether a named ground works in general
_PROCEDURE = re.compile(
    r"\bdeletion return\b|\bleaver'?s? (?:form|return|checklist)\b|\bde-?rolling (?:form|checklist|process)\b|"
    r"\bwhat (?:documents?|evidence|paperwork|forms?|information|info|details|checks?|steps?)\b|"
    r"\bwhich (?:documents?|forms?|evidence|paperwork)\b|"
    r"\bwhat (?:do|does|should|must|would) (?:i|we|you|the school|schools|the la|the county|the council|[a-z]+)\s+(?:need|have|want|require|send|include|do|check|get|keep|tell)\b"
    r"[^.?!]{0,60}\b(?:before|when|first|after|to)\b|"
    r"\bwhat (?:has|needs) to (?:go|be (?:sent|included|done|checked))\b|\bwhat goes (?:in|on|into)\b|"
    r"\bhow (?:do|should|can|must) (?:i|we|you|schools?)\b|\bwho (?:do|should|must|can) (?:i|we)\b|(?:^|[.?!]\s+)who (?:is|are)\b|"
    r"\bwhen does (?:the )?(?:\S+\s+){0,4}?(?:count|clock|period|window|countdown)\s+(?:start|begin)|"
    r"\bwhen (?:do|does) (?:i|we|you) (?:start|begin) (?:counting|the count)|"
    r"\bfrom (?:when|what day|which day) (?:do|does) (?:i|we|you|the)?\s*(?:\S+\s+){0,4}?(?:count|clock)|"
    r"\bdoes (?:the )?(?:\S+\s+){0,4}?(?:ground|rule) (?:still )?(?:work|apply|count|hold)\b|"
    r"\b(?:what|how) (?:counts|count) (?:as|towards)\b",
    _I,
)

# a particular ground named: '9(1)(d)', '8(1)(h)', 'the 20-school-day ground', 'ground H'
_NAMED_GROUND = re.compile(
    r"\b(?:reg(?:ulation)?\.?\s*)?[89]\s*\(\s*[13]\s*\)\s*\(\s*[a-o]\s*\)|\bground [a-o]\b|"
    r"\bthe (?:\S+[- ]){0,4}?(?:deletion )?(?:ground|rule)\b",
    _I,
)
# facts about a particular pupil: then "can we use 9(1)(i)?" is about that pupil
_PUPIL_SITUATION = re.compile(
    r"\b(?:he|she|they)(?:'s|'re|'ve|'d|'ll| is| are| has| have| had| was| were| hasn't| has not| isn't| went| moved| left)\b|\bour (?:year|pupil|student|child|girl|boy|lad)|"
    r"\b(?:a|one of our|this) (?:pupil|child|student|girl|boy|lad|year \d+)\b|\bmum\b|\bdad\b|\bparents?\b|\bfamily\b|\b(?:him|her)\b|\b(?:year|yr) ?\d{1,2}\b",
    _I,
)

_DEADLINE = re.compile(
    r"\b(?:when (?:is|was|will|does|do|must|should|would|can|are)|when's|by when|until when|by what (?:date|day)|"
    r"(?:on|by|from) (?:what|which) (?:exact |actual |precise )?(?:date|day)|what(?:'s| is| are)? (?:the|her|his|their) (?:[\w-]+ ){0,3}?(?:date|dates|day|deadline|due date)|"
    r"which (?:date|day)|deadline|due date|(?:last|latest) (?:date|day)|the last of the (?:[\w-]+ ){0,2}?days\b|what (?:was|were) the (?:[\w-]+ ){0,3}?(?:date|deadline)|(?:is|are|be) due\b|(?:it'?s|is it) due\b|due by\b|last day|run(?:s)? out|"
    r"from what date|how long (?:have|do|has|does) (?:we|i|they|schools?|the school)|how many days (?:have|do) (?:we|i)|"
    r"what date|date (?:do|does|will|would) (?:she|he|they|it)|when (?:she|he|they) (?:reach|hit)(?:es)?|"
    r"when (?:exactly |actually )?(?:will|does|do) (?:she|he|they|it) (?:reach|hit|start|end|stop)|(?:starts?|ends?) on what|and when|"
    # "what's the latest the council can get the starter return?", "when exactly is it due"
    r"what(?:'s| is) the latest\b(?! (?:guidance|version|edition|policy|position|advice))|at the latest|when exactly|"
    # "I need to know the earliest date on which he will have reached the twenty-school-day mark"
    r"(?:the|its|his|her|their) earliest (?:possible |legal |lawful )?(?:date|day)|(?:date|day) on which (?:he|she|they|it|we|the pupil|the child) (?:will|would|can|could)|"
    # "what's the cut-off for sending it?", "is there a time limit?", "within how many days…?"
    r"cut[- ]?off|time limit|how soon|within how many|how long (?:until|till|before|can (?:it|that|this|the code|an? N|N) (?:stay|remain|be left))|how many (?:school |working )?days (?:have|do|does|has|is|are) (?:we|i|they|the school|schools?)|"
    r"how long (?:is|are) (?:we|schools?|the school) (?:given|allowed))\b|\bwhen\?|"
    # "remind me when the LA needs to hear about it by?"
    r"\bwhen\b[^.?!]{0,60}\bby\s*\?",
    _I,
)
_REFERRAL = re.compile(r"\bdraft (?:a |the |me a )?(?:cme )?referral|write (?:a |the |me a )?(?:cme )?referral", _I)
_CONTACT = re.compile(
    r"who (?:do|should|can) (?:i|we) (?:contact|tell|notify|email|ring|call|refer to)|contact (?:details|number)|"
    r"(?:who|where) (?:do|should|can|must) (?:i|we) (?:send|submit|report|refer|pass|forward|make) (?:[\w-]+ ){0,4}?to\b|"
    r"where (?:do|should|can|must) (?:i|we) (?:send|submit|make) (?:a |the |our |my )?(?:cme )?referral|"
    r"(?:email|phone|telephone) (?:address|number)? ?(?:for|of) (?:the )?(?:cme|la|local authority)|"
    # "who am I supposed to report that to?", "who's the contact for CME concerns?"
    r"who (?:am i|are we|do i|do we|should i|should we|must i|must we)(?: supposed| meant| expected| required)?(?: to)? "
    r"(?:report|tell|notify|refer|contact|inform|send|pass)\b|who(?:'s| is) the (?:\w+ )?contact\b",
    _I,
)


# "I know which leaving reason it is, I just want…": the writer knows it, so it is not asked.
_KNOWN_ALREADY = re.compile(r"\b(?:i|we)\s+(?:already\s+)?(?:know|knew|have worked out|'ve worked out|am sure|'m sure|are sure|'re sure)\s+$", _I)
# "Our registrar thinks it is always the general one, but boarders may differ. Which is it?": a
# choice between deletion grounds the message has set out.
_WHICH_IS_IT = re.compile(r"(?:^|[.!?]\s+)(?:so\s+)?which (?:one )?is (?:it|right|correct)\s*\?", _I)
_GROUND_TALK = re.compile(r"\b(?:leaving|leaver|deletion|removal)\s+(?:reason|ground|code)s?\b", _I)


def asks_which_ground(text: str) -> bool:
    if any(not _KNOWN_ALREADY.search(text[:m.start()]) for m in _WHICH_GROUND.finditer(text)):
        return True
    return bool(_WHICH_IS_IT.search(text) and _GROUND_TALK.search(text))


def asks_can_delete(text: str) -> bool:
    return bool(_CAN_DELETE.search(text))


# "if a pupil disappears for 20 days, can the school just take them off roll?" asks about the rule in
# general (and often about how policies put it), not about a pupil of ours.
_GENERAL_CASE = re.compile(r"\b(?:if|when|once|suppose|say|where) (?:a|an|any) (?:pupil|child|student|girl|boy|young person)\b", _I)
_OUR_PUPIL = re.compile(r"\b(?:our|this) (?:pupil|child|student|girl|boy|lad|year \d+|y\d+)\b|\bone of our\b|\bwe have a\b|\bwe've got a\b", _I)


# "Going by Cromford's CME policy: … when are we allowed to take him off roll?" asks what a named
# document says
_BY_NAMED_POLICY = re.compile(r"\b(?i:going by|according to|under|per|following)\s+(?:the\s+)?[A-Z][\w-]*(?:'s)?\s+(?:[\w-]+\s+){0,2}?"
                              r"(?i:policy|guidance|procedure)\b")


def is_procedure_about_deletion(text: str) -> bool:
    """A question about the deletion process or a named ground in general, not about choosing one."""
    if _PROCEDURE.search(text) or _BY_NAMED_POLICY.search(text):
        return True
    if _GENERAL_CASE.search(text) and not _OUR_PUPIL.search(text):
        return True
    named = _NAMED_GROUND.search(text)
    return bool(named) and not _PUPIL_SITUATION.search(text)


# What a story about a pupil may ask and still want the rule tool's answer: "What now?", "What do
# we do about the register?", "How do we record it?" -- or nothing at all. A question that asks whom
# to tell, what to send or what a policy says is a procedure question, however full the story.
_REGISTER_ASK = re.compile(
    r"\b(?:register|roll|record|recorded|remove|removing|delete|deleting|deletion|off|leaver|leaving)\b|"
    # "What happens to his registration?", "does the school still have to keep her registered?",
    # "which part of regulation 9 covers this?"
    r"\b(?:registered|registration|reg(?:ulation)?\.? ?9)\b|"
    r"^\s*(?:so\s+|and\s+)?(?:what now|what next|what applies|where do (?:we|i) stand|what do (?:we|i) (?:do|put)\b|what do (?:we|i) use\s*\?)",
    _I)
_OTHER_ASK = re.compile(
    r"\b(?:who|whom|where|email|phone|contact|notify|notif\w+|tell|inform|send|form|refer\w*|la|local authority|council|county|"
    r"policy|procedure|documents?|evidence|paperwork|safeguard\w*|dsl|police|social care|why|when|date|deadline|how long|how many|"
    r"info|information|details|address|get|ask|before|soon|visit|sign off|say-so|allowed)\b|"
    # putting a name on the register is admission, not deletion: "should his name have gone on their admission register?"
    r"\b(?:gone|go|goes|going|put|putting|added|add|adding|entered|enter|entering|placed)\s+(?:\w+\s+){0,2}?on(?:to)?\s+"
    r"(?:the\s+|their\s+|our\s+|its\s+)?(?:admission\s+)?(?:register|roll)\b",
    _I)


_ONE_PUPIL = re.compile(r"\bY(?:ear ?|r ?)?\d{1,2}\b|\bone of our\b|\b(?:pupil|child|student|girl|boy|lad|sixth[- ]former|boarder|"
                        r"son|daughter|kid|teenager|young person|\d{1,2}[- ]year[- ]old)\b", _I)


def _about_one_pupil(text: str) -> bool:
    """Is the message about one pupil of ours (not "if a pupil…" in general)?"""
    about_one = _PUPIL_SITUATION.search(text) or _ONE_PUPIL.search(text)
    return bool(about_one) and not (_GENERAL_CASE.search(text) and not _OUR_PUPIL.search(text))


_WHERE_DOES_IT_LEAVE = re.compile(r"\bwhere (?:does|do|did) (?:that|this|it|all this) leave\b", _I)


def is_pupil_story(text: str) -> bool:
    """A story about one of our pupils whose only questions (if any) are about the register."""
    if not _about_one_pupil(text):
        return False
    # ("where does that leave her on the register?" asks about the register, not a place)
    return all(_REGISTER_ASK.search(q) and not _OTHER_ASK.search(_WHERE_DOES_IT_LEAVE.sub(" ", q)) for q in _questions(text))


# A question asked without a question mark: "Our attendance team want to know if there's a formal
# notification we have to send the council, how soon it has to go, and what it needs to include."
_INDIRECT_QUESTION = re.compile(r"\b(?:wants?|would like|'d like|needs?) to know\b|\bwondering (?:if|whether|what|how|who|when|which)\b|"
                                # "lbbd - can i get a name and number for the EHE officer, parent wants…"
                                r"(?:^|[-\u2013,;:]\s*)(?:can|could|may) (?:i|we) (?:get|have|be given|get hold of)\b|"
                                r"\b(?:please|can you|could you) (?:advise|confirm|tell (?:me|us))\b", _I)


# Dictated or hurried messages often have no question mark at all ("…been off for weeks, what evidence
# do I get from mum, and is there a borough service…"): their questions are the clauses that open
# with a question word, once fillers are set aside.
_CLAUSE_BREAK = re.compile(r"[,;:!\n]|\s[-\u2013\u2014]\s")
_FILLER = re.compile(r"^(?:(?:so|and|but|or|um+|uh+|er+m?|right|like|basically|ok(?:ay)?|well|just|also|then|plus)\b\s*)+", _I)
_SUBJECT = r"(?:i|we|you|he|she|they|it|there|that|this|anyone|anybody|someone|somebody|everyone"
_NOUN_SUBJECT = r"|the|a|an|our|their|his|her|my|your|mum|dad|parents?|schools?|la|council)"
# A question without its mark opens with a question word, or with a verb put before its subject ("is
# there a panel", "does anyone have to…"). A story's clauses without a subject do not ask ("has been
# off since May", "did a home visit", "can't find her"), nor do relative clauses ("which is
# irrelevant", "who is in hospital"), nor "when a whole family goes missing" (a condition).
_OPENS_QUESTION = re.compile(
    r"^(?:what|where|whose|how|why|whom|"
    r"which(?! (?:is|was|were|are|has|had|have|means?|meant|would|will|may|might)\b)|"
    r"who(?! (?:is|was|were|are|has|had|have|lives?|lived|used|moved|left|came|went|attends?|attended)\b)|who(?:'s| is) (?:the|responsible)\b|"
    r"when (?:is|are|was|does|do|did|can|could|should|must|will|would|has|have)\b|"
    rf"(?:is|are|was|were|does|do|can|could|should|shall|must|will|would|am) {_SUBJECT}{_NOUN_SUBJECT}\b|"
    rf"(?:did|has|have|had) {_SUBJECT})\b)", _I)


_SENTENCE_BREAK = re.compile(r"(?<=[.!])\s+(?=[A-Z])|\n+")


def _last_sentence(text: str) -> tuple[int, int]:
    """Where the message's last sentence with words in it stands."""
    end = len(text.rstrip())
    start = 0
    for m in _SENTENCE_BREAK.finditer(text, 0, end):
        if text[m.end():end].strip(" .!"):
            start = m.end()
    return start, end


def _unmarked_questions(text: str) -> list[str]:
    # Questions come last: only the final sentence's clauses are read (a story's earlier sentences
    # hold its facts).
    start, end = _last_sentence(text)
    clauses = (_FILLER.sub("", c.strip()) for c in _CLAUSE_BREAK.split(text[start:end].rstrip(" .!")))
    return [c for c in clauses if _OPENS_QUESTION.match(c)]


_MARKED_QUESTION = re.compile(r"[^.!?\n]*\?")
_SENTENCE = re.compile(r"[^.!?\n]+(?:[.!\n]|$)")


def _asking_spans(text: str) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """Where the questions with a mark stand, and the sentences that ask without one."""
    marked = [m.span() for m in _MARKED_QUESTION.finditer(text)]
    indirect = [m.span() for m in _SENTENCE.finditer(text) if _INDIRECT_QUESTION.search(m.group(0))]
    return marked, indirect


def _questions(text: str) -> list[str]:
    """The message's questions: each stretch of text up to a question mark, and each sentence that
    asks without one ("we want to know if …"); in a message with no question mark, each clause that
    opens with a question word."""
    marked, indirect = _asking_spans(text)
    return [text[s:e] for s, e in marked + indirect] + ([] if marked else _unmarked_questions(text))


def question_spans(text: str) -> list[tuple[int, int]]:
    """Where the message's questions stand (as ``_questions`` finds them; a message without a question
    mark asks, if at all, in its last sentence)."""
    marked, indirect = _asking_spans(text)
    if marked or not _unmarked_questions(text):
        return marked + indirect
    return [*indirect, _last_sentence(text)]


# What a story asks when it wants to know about the pupil's place on roll, not how to mark the register.
_DELETION_ASK = re.compile(
    r"\b(?:remov\w*|delet\w*|off[- ]?(?:the\s+)?roll|de-?roll\w*|leaver|leaving|(?:take|taking) (?:him|her|them) off|come off|"
    r"keep (?:him|her|them) on|stays? on (?:the |our )?roll|on roll)\b|"
    r"^\W*(?:(?:so|and|but)\s+)?(?:what now|what next|what do (?:we|i) do|where do (?:we|i) stand)\b", re.I)
# Recording attendance ("what code do we put in the register?") or a policy's rule is not a deletion story.
_NOT_DELETION = re.compile(r"\b(?:codes?|mark(?:ed)?|attendance register|sessions?|polic(?:y|ies)|guidance)\b", re.I)


def asks_only_about_deletion(message: str) -> bool:
    """A pupil story asking nothing, or only about taking the pupil off roll: the leaver rules are the
    answer even when they settle no ground yet (they say why, or ask for the fact they need)."""
    if _NOT_DELETION.search(message):
        return False
    return all(_DELETION_ASK.search(q.strip()) for q in _questions(message))


def asks_deletion_among_others(message: str) -> bool:
    """A story about one pupil that asks, among other things ("who do we tell, and can we take him off
    roll?"), whether or how the pupil comes off roll."""
    if not _about_one_pupil(message):
        return False
    return any(_DELETION_ASK.search(q.strip()) and not _NOT_DELETION.search(q) for q in _questions(message))


# "…and what do I need to attach?", "what do they need from us to go with it?"
_DOCUMENTS_ASK = re.compile(
    r"\bwhat (?:do|does|should|must|would) (?:i|we|they|you|the school|schools|it|he|she) (?:\w+ )?(?:need|have) to (?:attach|send|include|provide|submit|upload)\b|"
    r"\bwhat (?:do|does|would) (?:i|we|they|the school) need (?:from (?:us|me|the \w+) )?to (?:go with|attach|send|include|support)\b|"
    r"\bwhat (?:documents?|paperwork|attachments?)\b|\bwhich (?:documents?|paperwork)\b|"
    r"\b(?:what|which) evidence (?:do|does|should|must) (?:i|we|they|you|the school) (?:need to )?(?:send|attach|provide|include|upload|keep)\b",
    _I)


def asks_for_documents(text: str) -> bool:
    """Does the message (also) ask what has to go with a deletion: documents, evidence, attachments?"""
    return bool(_DOCUMENTS_ASK.search(text))


_BARE_OFF_ROLL = re.compile(r"(?:^|[.!?]\s*)(?:(?:so|and|but)\s+)?(?:off[- ]?(?:the\s+)?roll|delete|remove|de-?roll|take (?:him|her|them) off)\s*\?+\s*$", _I)
# "EHE is it?": a story that ends naming the ground it expects asks for it to be confirmed.
_NAMED_TAG = re.compile(r"(?:^|[.!?]\s*)(?:(?:so|and)\s+)?(?:ehe|home ed\w*|elective home education|(?:reg\.? ?)?9\s*\(\s*[13]\s*\)\s*\(\s*[a-o]\s*\))"
                        r"\s*,?\s*(?:is (?:it|that)|then)(?: then)?\s*\?+\s*$", _I)


# "The office wants to take him off ours because he's registered somewhere else now. Can we?"
_WANTS_DELETION = re.compile(r"\b(?:wants?|wanting|want|asked|asking|keen|planning|plans|going|hoping) to (?:take (?:him|her|them) off|remove (?:him|her|them)|"
                             r"delete (?:him|her|them)|de-?roll|off-?roll)\b", _I)
_BARE_CAN_WE = re.compile(r"(?:^|[.!?]\s*)(?:(?:so|but|and)\s+)?(?:can|could|may|should) (?:we|i|they)(?: do (?:that|this|it)| still)?\s*\?+\s*$", _I)


# "The head wants to keep him on roll until our EHE team has visited. Is that how it works?" and
# "The school wants to pick 'transferring to another school' on the leaver form. Is that right?":
# someone's plan for the register, put up to be checked
_PLANS_REGISTER = re.compile(
    r"\b(?:wants?|wanting|want|planning|plans|going|keen|intends?|hoping|would like|'d like) to "
    r"(?:keep (?:him|her|them) on (?:the |our |their )?(?:roll|register|books) (?:until|till|while)\b|"
    r"(?:pick|use|put(?: down)?|choose|select|record|go with|tick|enter)\b[^.?!]{0,80}\b(?:on|in|as) (?:the |our |their |a )?"
    r"(?:leaver'?s?|leaving|deletion|removal) (?:form|return|reason|ground|code)\b)|"
    # "office has picked the over-16 'stopped attending' reason, is that right?"
    r"\b(?:has|have|'s|'ve|had) (?:already )?(?:picked|chosen|used|put down|selected|gone with|ticked|entered|recorded|pencilled in)\b"
    r"[^.?!]{0,80}?\b(?:reason|ground|code)\b", _I)
_BARE_IS_THAT_RIGHT = re.compile(
    r"(?:^|[.!?,;\u2013\u2014-]\s*)(?:(?:so|but|and)\s+)?(?:is (?:that|this) (?:right|correct|ok|okay|allowed|lawful|legal|how it works)|"
    r"(?:can|could|should) (?:they|we|the school|the head) (?:do (?:that|this)|wait)|are they right)\s*\?+\s*$", _I)


def is_leaver_question(text: str) -> bool:
    """Does the message ask which deletion ground applies (or whether a pupil can be deleted)?"""
    if _THIS_GROUND.search(text) and _PUPIL_SITUATION.search(text):
        return True
    if _BARE_CAN_WE.search(text) and _WANTS_DELETION.search(text) and _PUPIL_SITUATION.search(text):
        return True
    if _BARE_IS_THAT_RIGHT.search(text) and _PLANS_REGISTER.search(text) and _PUPIL_SITUATION.search(text):
        return True
    m = _WHICH_GROUND.search(text)
    if m and re.search(r"\b(?:are|were)\b.*\b(?:grounds|reasons)\b", m.group(0), _I) and not _PUPIL_SITUATION.search(text):
        return False  # 'what are the grounds for deletion?': a general question
    if asks_which_ground(text):
        # "what documents ... and which ground?" still asks for the ground; only a message that
        # asks *about* a ground it already names ("does the X ground still work if ...") is not.
        return not (_PROCEDURE.search(text) and _NAMED_GROUND.search(text) and not re.search(
            r"\b(?:which|what)(?:'s| is)?\s+(?:the\s+)?(?:leaver|leaving|deletion|removal)?\s*(?:reason|ground)\s+(?:do|should|would|can|applies|is|for)\b",
            text, _I))
    if asks_can_delete(text):
        return not is_procedure_about_deletion(text)
    # "Y6 off 15 school days, we and the LA can't find the family. Off roll?": the story's only question
    if _BARE_OFF_ROLL.search(text) and is_pupil_story(text):
        return True
    if _NAMED_TAG.search(text) and _PUPIL_SITUATION.search(text):
        return True
    return False


# "Which date goes on the admission register as his starting day?" asks what to record, not
# a date to count to.
_DATE_TO_RECORD = re.compile(
    r"\b(?:which|what) (?:date|day) (?:goes|go|should go|do (?:i|we) (?:put|enter|record|use|give)|should (?:i|we) (?:put|enter|record|use|give)|"
    r"(?:is|would be) (?:recorded|entered|put))\b(?: down)?[^.?!]{0,60}?\b(?:register|as (?:his|her|their|the) (?:start(?:ing)?|first|admission)|"
    r"(?:start(?:ing)?|first) (?:day|date))\b", _I)


def is_deadline_question(text: str) -> bool:
    return bool(_DEADLINE.search(text)) and not _DATE_TO_RECORD.search(text)


# "Boy born 10 May 2012 … Is that his school leaving date?": a question about the pupil's own
# compulsory school age, which the rules compute from the date of birth.
_SCHOOL_AGE_ASK = re.compile(
    r"\b(?:school[- ]leaving (?:date|age|day)|leaving (?:date|day)|leave school|(?:stops?|cease[sd]?) being of (?:compulsory )?school age|"
    r"compulsory school age|statutory school age|(?:of|reach(?:es)?) school age|CSA)\b", _I)


def asks_school_age(text: str) -> bool:
    """Does one of the message's questions ask about compulsory school age or the leaving date?"""
    return any(_SCHOOL_AGE_ASK.search(q) for q in _questions(text))


def is_referral_request(text: str) -> bool:
    return bool(_REFERRAL.search(text))


# "Which parent contact details go on a deletion return?" asks what a return holds, not whom to call.
NOT_A_CONTACT_ASK = re.compile(
    r"\b(?:parent|parents|parent's|family|family's|pupil|pupil's|child|child's|carer|carers)\s+contact (?:details|numbers?)\b|"
    r"\b(?:go|goes|put|recorded|included?|kept)\s+(?:on|in|into)\s+(?:the |a |an )?(?:\w+\s+)?(?:return|register|form)\b",
    _I,
)


def is_contact_question(text: str) -> bool:
    return bool(_CONTACT.search(text)) and not NOT_A_CONTACT_ASK.search(text)


def route(text: str, *, has_deadline_ask: bool) -> Intent:
    """``has_deadline_ask``: ``extract_deadline`` found a countable rule and a date to count from."""
    text = text.replace("\u2019", "'")
    if is_referral_request(text):
        return Intent.REFERRAL
    # "…the ten school days after the leave have run out. Which removal reason?": a story's dates are
    # facts when what it asks is the ground, not a date
    # (read only for a deadline-looking message: most turns are not)
    if has_deadline_ask and is_deadline_question(text) and not (
            asks_which_ground(text) and not any(_DEADLINE.search(q) for q in _questions(text))):
        return Intent.DEADLINE
    if is_leaver_question(text):
        return Intent.LEAVER
    # A yes/no question ("can I put him on the admission register this week?") asks about the
    # procedure, not for a date, even when a countable rule and a date are in the message.
    if has_deadline_ask and not asks_can_delete(text) and not re.search(
            r"\b(?:what|how|who|which|why|where)\b|\b(?:can|could|may|should|must|do|does|is|are|am|shall)\s+(?:i|we|you|they|he|she|it|that|this)\b", text, _I):
        return Intent.DEADLINE  # a terse 'code N recorded 3/11/2025 - deadline' style message
    return Intent.PROCEDURE
