"""Requests for someone's contact details, read from the wording of a message: whether it asks how
to reach a person or team, whose details it wants, and whether it asks if a contact is still current.
Pure functions over text; the procedure answerer decides what to quote."""

from __future__ import annotations

import re

from assistant.chat.router import NOT_A_CONTACT_ASK
from indexer.lexical import tokenize

ASKING_WORDS = set(tokenize("who what how where email e-mail address phone telephone number contact details get hold touch "
                             "reach ring call speak them him her their "
                             # the frame of a 'how many / how long' question names no topic
                             "once many much before after long soon quickly often sent send get got give given"))
# "Is that still the right contact?", "has the e-mail changed?": a contact's currency is asked about.
ASKS_STILL_CURRENT = re.compile(
    r"\b(?:still (?:the )?(?:right|correct|current|valid|in use|working|the same|appl(?:y|ies)|stands?)|(?:is|are) (?:that|this|it|they) still where\b|should (?:concerns|it|they|referrals|this) go (?:somewhere else|elsewhere)|(?:up to date|current|latest|new) "
    r"(?:e-?mail|address|number|contact|phone)|(?:e-?mail|address|number|contact|phone)\w* (?:has |have )?changed)\b", re.I)
# What an e-mail asked for is for, not whose it is: "the referral email?" asks for no team's address.
_EMAIL_FOR = ("referral", "referrals", "concern", "concerns", "enquiry", "enquiries", "general")
_REACH = re.compile(r"\b(?:get hold of|get in touch|contact (?:them|him|her|details|number)|reach (?:them|him|her)|"
                    r"how (?:do|can|should) (?:i|we) (?:contact|email|ring|phone|call)|e-?mail address|(?:phone|telephone) number|"
                    r"(?:tel|phone|telephone)\.? ?nos?|(?:need|want|have) to (?:ring|call|phone|e-?mail)|"
                    r"what(?:'s| is) (?:their|his|her|its) (?:phone |telephone |contact )?number|direct (?:line|dial|number)|"
                    # "is there a specific … team contact we're supposed to use?"
                    r"contacts? (?:we|i|schools)(?:'re| are)? (?:supposed|meant|expected|required|should|can|could|need)\b|"
                    # "…that we should notify, and what are their details?"
                    r"what are (?:their|his|her|its) (?:contact )?details|"
                    # "what's the email for the EHE team?", "the duty team number for social care?"
                    r"what(?:'s| is) (?:the |their |its )?(?:e-?mail|phone number|telephone number|contact number|number|tel\.?)(?: address)? (?:for|of)\b|"
                    r"\b(?:team|service|desk)(?:'s)? (?:phone |telephone |contact )?number\b|"
                    # "what's the contact for the Virtual School team?", "worcs SEND team email?"
                    r"what(?:'s| is| are) (?:the |their |its )?contacts? (?:details )?(?:for|at)\b|"
                    # "Who at the council should I tell?"
                    r"who (?:at|in|from) (?:the )?(?:council|la|local authority|county|borough)(?:'s)?(?: [\w-]+)? (?:do|should|can|must|would) (?:i|we) "
                    r"(?:contact|tell|notify|e-?mail|ring|call|speak to|inform|let know)\b|"
                    # "who can I speak to at the county for advice?"
                    r"who (?:can|could|do|should) (?:i|we) (?:speak|talk) (?:to|with)\b|"
                    r"\b(?:team|service|officer|office|desk|department|dept)(?:'s)? e-?mail(?: address)?\s*\?|"
                    # "norfolk admissions email??" (not "can I send it by email?")
                    r"(?<![\w-])(?!(?:by|via|through|over|an|a|the|on|in|per|using|your|my|" + "|".join(_EMAIL_FOR) + r")\s)[a-z][\w-]+ e-?mail(?: address)?\s*\?+|"
                    # "can i get a name and number for the EHE officer"
                    r"\bnames? and (?:phone |contact |telephone )?(?:number|e-?mail))", re.I)
_NOT_A_PERSON = re.compile(r"\bget hold of (?:(?:the|a|an|our|their|his|her|any|some|copies of|a copy of)\s+)?(?:[\w'-]+\s+){0,3}?"
                           r"(?:forms?|guidance|notes|documents?|policy|policies|templates?|copy|copies|checklists?|leaflets?)\b", re.I)


_SUBJECT = re.compile(r"((?:[\w'’-]+\s+){1,4}?)(?:team|service|school|officer|co-?ordinator|coordinator|manager|lead|unit|contact|"
                      # "a named Elective Home Education adviser", "an EHE email address"
                      r"helpline|line|centre|center|panel|hub|front door|department|board|advis[eo]r|e-?mail (?:address|inbox)|inbox|mailbox|"
                      # "norfolk admissions email??" (whose; not what it is for: "the referral email?")
                      + "".join(f"(?<!{w} )" for w in _EMAIL_FOR) + r"e-?mail(?=\s*\?))\b", re.I)  # ("our trust runs schools": not one)
_GENERIC = set(tokenize("a an the our your their his her its this that which what particular right correct relevant local named direct "
                        "specific same other any each for to of in at with about from my we i us who whose is are"))


_FOR_SUBJECT = re.compile(r"\b(?:e-?mail(?: address)?|(?:phone |telephone |contact )?number|contact details) for (?:the |a )?((?:[\w'’-]+ ?){1,4})", re.I)


def _naming(word: str) -> list[str]:
    """The tokens of a word that can be part of whose name; none for a small word or a word of
    asking ("the", "their", "email"), where the name ends."""
    toks = tokenize(word)
    return [] if set(toks) & (_GENERIC | ASKING_WORDS) else toks


def subject_words(message: str) -> set[str]:
    """The words naming whose contact details are asked for: the modifiers of 'team', 'officer',
    'school', 'helpline'… ("Elective Home Education team" → elective, home, education)."""
    out: set[str] = set()
    for m in _SUBJECT.finditer(message):
        words = m.group(1).split()
        kept: list[str] = []
        while words:  # the modifiers right before the noun, back to the first small word
            if words[-1].lower() in ("or", "and", "&", "/") and len(words) > 1:
                words.pop()  # "the MOD or service children's education team": both name whose
                continue
            toks = _naming(words[-1])
            if not toks:
                break
            kept.extend(toks)
            words.pop()
        before = message[: m.start()] + " ".join(words)
        if re.search(r"\b(?:i'?m|i am|as|we'?re|we are)\s+(?:the|a|an)?\s*$", before, re.I):
            continue  # "I'm the attendance officer": who is asking, not whose details
        if re.search(r"\b(?:not|rather than|instead of)\s+(?:the|a|an|their|our)?\s*$", before, re.I):
            continue  # "not the general CME line": whose details are not wanted
        if re.search(r"\b(?:our|my)\s*$", before, re.I) and re.match(r"\s*school\b", message[m.end(1):], re.I):
            continue  # "near our Dagenham school": the asker's own school, not whose details
        out |= set(kept)
    # "the phone number for Starting Point": whose, named after the detail asked for
    for m in _FOR_SUBJECT.finditer(message):
        for w in m.group(1).split():
            toks = _naming(w)
            if not toks:
                break
            out |= set(toks)
    return out


# "Do I need to email them myself?" asks whether to, not how: a yes/no question of its own.
_WHETHER_TO = re.compile(r"^\W*(?:do|does|should|must|would|will) (?:i|we|you|they|the school|schools|it|he|she) "
                         r"(?:\w+ )?(?:need|have|want) to (?:ring|call|phone|e-?mail)\b[^.?!]*\?", re.I)


def asks_for_contact(message: str) -> bool:
    """How to reach a person or team (not "which contact details go on a return?", nor "where do I
    get hold of the county's CME forms?", nor "do I need to email them myself?")."""
    reach = [m for m in _REACH.finditer(message)
             if not _WHETHER_TO.match(message[_sentence_start(message, m.start()):]) and _asked(message, m.start())]
    return bool(reach) and not NOT_A_CONTACT_ASK.search(message) and not _NOT_A_PERSON.search(message)


# A sentence that asks for something without a question mark: "I need the EHE team's number."
_REQUESTING = re.compile(r"\b(?:need|want|looking for|please|send me|give me|can you|could you|would like)\b", re.I)


def _asks(sentence: str) -> bool:
    """A question or a request, as against a sentence that only tells."""
    return sentence.rstrip().endswith("?") or bool(_REQUESTING.search(sentence))


def _asked(message: str, at: int) -> bool:
    """Is the sentence around ``at`` a question or a request? In a message that asks something, a
    sentence that only tells ("the phone numbers are dead and the house looks empty") asks for no
    contact."""
    if "?" not in message:
        return True
    start = _sentence_start(message, at)
    end = re.search(r"[.?!](?:\s|$)", message[at:])
    return _asks(message[start: at + end.end()] if end else message[start:])


def _sentence_start(text: str, at: int) -> int:
    ends = [m.end() for m in re.finditer(r"[.?!]\s+", text[:at])]
    return ends[-1] if ends else 0


def asked_part(message: str) -> str:
    """The sentences that ask (questions and requests), each with the sentence before it, which may
    say whom "them" means ("…speak to whoever leads on attendance at county level. Who is that
    person and how do I get hold of them?"). The story around them does not say whose details are
    wanted. A message that asks nothing in so many words is all kept."""
    if "?" not in message:
        return message
    sentences = [m.group(0) for m in re.finditer(r"[^.?!]+(?:[.?!]+|$)", message)]
    keep: set[int] = set()
    for i, sentence in enumerate(sentences):
        if _asks(sentence):
            keep |= {i - 1, i} if i else {i}
    return " ".join(sentences[i].strip() for i in sorted(keep))
