"""Facts for the rule module, read from what staff type.

Each fact family below maps plain wording to one or more ``Facts`` fields (see
``assistant/rules/facts.py``). Only what the message says, or what it necessarily implies,
is set; everything else stays unknown so the rules ask for it rather than assume it. The
patterns are deliberately conservative: a wrong fact is worse than a clarifying question.
So a statement that is negated ("no leave was given"), hedged ("we don't know if she'll come
back") or about someone else ("her grandad died") is not read as the positive fact.

``extract_deadline`` reads a deadline question: a countable rule named in the message and the
date to count from. Without both it returns None (the message is then not a deadline question).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from assistant.chat.dates_text import FoundDate, find_dates, find_school_durations

__all__ = ["Extracted", "extract_facts", "DeadlineAsk", "extract_deadline", "school_year", "age"]

# -- text helpers ------------------------------------------------------------------------------

_NEG_WORD = re.compile(
    r"^(?:no|not|never|without|nothing|none|nor|neither|cannot|nobody|nowhere|\w+n't|"
    r"isnt|wasnt|hasnt|havent|dont|doesnt|didnt|wont|cant|couldnt|arent|werent|hadnt)$", re.I)
_HEDGE_WORD = re.compile(r"^(?:might|may|maybe|perhaps|possibly|if|whether|unsure|unclear|could|would)$", re.I)
_CLAUSE_STOP = re.compile(r"^(?:[,;:()\u2013\u2014-]|but|although|though|however|whereas|because|since)$", re.I)
_TOKEN = re.compile(r"[\w']+|[,;:()\u2013\u2014]|(?<=\s)-(?=\s)")


def _normalise(message: str) -> str:
    return (message.replace("\u2019", "'").replace("\u2018", "'").replace("\u201c", '"')
            .replace("\u201d", '"').replace("\u00a0", " "))


def _sentence_start(t: str, pos: int) -> int:
    cut = max(t.rfind(".", 0, pos), t.rfind("!", 0, pos), t.rfind("?", 0, pos), t.rfind("\n", 0, pos))
    # a full stop inside '9(1)(a).' or 'Mr.' is still a sentence end here; that only makes
    # the look-back shorter, which is the conservative direction.
    return cut + 1


def _words_before(t: str, pos: int, n: int) -> list[str]:
    """Up to ``n`` words before ``pos`` in the same clause (stops at a comma, 'but', ...)."""
    toks = _TOKEN.findall(t[_sentence_start(t, pos):pos])
    out: list[str] = []
    for tok in reversed(toks):
        if _CLAUSE_STOP.match(tok):
            break
        out.append(tok)
        if len(out) >= n:
            break
    return out


def _negated(t: str, pos: int, n: int = 4) -> bool:
    return any(_NEG_WORD.match(w) for w in _words_before(t, pos, n))


def _hedged(t: str, pos: int, n: int = 6) -> bool:
    words = [w.lower() for w in _words_before(t, pos, n)]
    if any(_HEDGE_WORD.match(w) for w in words):
        return True
    joined = " ".join(reversed(words))
    return bool(re.search(r"\b(don't|do not|not) (know|sure)\b|\bno idea\b|\bworried\b|\bfear\b|\bwonder", joined))


def _positive(pattern: str, t: str, *, neg_window: int = 4, hedge: bool = True, flags=re.I) -> list[re.Match[str]]:
    """Matches of ``pattern`` that are not negated (and, if ``hedge``, not hedged) just before."""
    out = []
    for m in re.finditer(pattern, t, flags):
        if _negated(t, m.start(), neg_window):
            continue
        if hedge and _hedged(t, m.start()):
            continue
        out.append(m)
    return out


def _has(pattern: str, text: str, flags=re.I) -> bool:
    return re.search(pattern, text, flags) is not None


def _pos(pattern: str, t: str, **kw: Any) -> bool:
    return bool(_positive(pattern, t, **kw))


def _sentences(t: str) -> list[tuple[int, str]]:
    """(offset, sentence) pairs."""
    out, start = [], 0
    for m in re.finditer(r"(?<=[.!?])\s+(?=[A-Z0-9\"'(])|\n+", t):
        out.append((start, t[start:m.start()]))
        start = m.end()
    out.append((start, t[start:]))
    return [(o, s) for o, s in out if s.strip()]


def _sentences_with(pattern: str, t: str) -> list[tuple[int, str]]:
    return [(o, s) for o, s in _sentences(t) if _has(pattern, s)]


def _iso(d: date) -> str:
    return d.isoformat()


def _shift_year(d: date, years: int) -> date:
    try:
        return d.replace(year=d.year + years)
    except ValueError:  # 29 February
        return d.replace(year=d.year + years, day=28)


@dataclass
class Extracted:
    facts: dict[str, Any] = field(default_factory=dict)
    today: date | None = None  # "it's now 14 October" overrides the clock for this question
    #: Not facts: what a reader would assume when the message is silent (today only "the
    #: pupil is of compulsory school age" when nothing at all is said about age or stage).
    #: A caller may use one only if its answer says it was assumed.
    assumed: dict[str, Any] = field(default_factory=dict)


# -- age and stage -----------------------------------------------------------------------------

_YEAR_NUMBER_WORDS = ("one two three four five six seven eight nine ten eleven twelve thirteen").split()
_SCHOOL_YEAR = re.compile(
    r"(?<![\w-])(?:year|yr)\s*-?\s*(\d{1,2}|" + "|".join(_YEAR_NUMBER_WORDS) + r")(?:s|'s)?\b", re.I)
_SCHOOL_YEAR_SHORT = re.compile(r"(?<![\w-])Y(\d{1,2})(?:s|'s)?\b")
_NOT_A_SCHOOL_YEAR_BEFORE = re.compile(
    r"\b(?:this|last|next|per|each|every|academic|calendar|financial|school|the same|a whole|one)\s*$", re.I)


def school_year(text: str) -> int | None:
    """'Year 8', 'Yr 10', 'year ten', 'Y9', 'our Year 10s' -> the year group (1-13)."""
    text = _normalise(text)
    for m in _SCHOOL_YEAR.finditer(text):
        if _NOT_A_SCHOOL_YEAR_BEFORE.search(text[max(0, m.start() - 20):m.start()]):
            continue
        raw = m.group(1).lower()
        n = int(raw) if raw.isdigit() else _YEAR_NUMBER_WORDS.index(raw) + 1
        if 1 <= n <= 13:
            return n
    for m in _SCHOOL_YEAR_SHORT.finditer(text):
        n = int(m.group(1))
        # Y1-Y7 are also attendance codes ('coded Y5'): accept them only as a year group.
        if n <= 7 and not re.match(r"(?:s|'s)?\s+(?:pupil|girl|boy|student|child|class|lad|son|daughter)",
                                   text[m.end() - (2 if text[m.end() - 1] == "s" else 0):][:20], re.I):
            continue
        if 1 <= n <= 13:
            return n
    return None


_AGE_WORDS = "|".join(w for w in ("two three four five six seven eight nine ten eleven twelve thirteen "
                                  "fourteen fifteen sixteen seventeen eighteen nineteen").split())
_AGE_PATTERNS = (
    re.compile(rf"\b(\d{{1,2}}|{_AGE_WORDS})[- ]?(?:year|yr)s?[- ]?old\b", re.I),
    re.compile(r"\baged?\s+(\d{1,2})\b(?!\s*(?:school|days?|weeks?|months?))", re.I),
    re.compile(r"\b(\d{1,2})\s+years?\s+of\s+age\b", re.I),
    re.compile(r"\b(?:he|she|they|the pupil|the child)(?:'s|'re| is| are)\s+(?:only\s+|now\s+|just\s+)?(\d{1,2})\b"
               r"(?!\s*(?:school|days?|weeks?|months?|years? (?:at|in|with)|%|sessions?|hours?|miles?|minutes?|/|\.\d|st\b|nd\b|rd\b|th\b))",
               re.I),
    re.compile(r"(?<![\w)(])(?<!\d )\((\d{1,2})\)(?!\s*\()"),
)


def age(text: str) -> int | None:
    """'12-year-old', 'aged 12', 'she's 14', 'Year 12 student (17)' -> the age in years."""
    text = _normalise(text)
    for pat in _AGE_PATTERNS:
        for m in pat.finditer(text):
            before = text[max(0, m.start() - 14):m.start()].lower()
            if re.search(r"(reg(ulation)?|para(graph)?|section|s\.|rule|article|art\.?)\s*\d*\s*$", before):
                continue
            raw = m.group(1).lower()
            n = int(raw) if raw.isdigit() else NUMBER_WORD_AGES.get(raw)
            if n is not None and 2 <= n <= 19:
                return n
    return None


NUMBER_WORD_AGES = {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
    "sixteen seventeen eighteen nineteen".split())}


def _stage(t: str, dates: list[FoundDate], out: dict[str, Any], implied_csa: bool) -> bool:
    """Compulsory school age: date of birth > a direct statement > year group > age > stage words
    > what the situation necessarily implies (only when nothing else says anything).
    Returns False when the message says something about age that leaves it open (reception,
    aged 5 or 16), True otherwise."""
    for m in re.finditer(r"\b(?:born(?:\s+on)?|d\.?o\.?b\.?|date of birth(?:\s+(?:is|was))?)\s*[:\-]?\s*", t, re.I):
        d = next((d for d in dates if m.end() <= d.start <= m.end() + 4), None)
        if d is not None and d.year_given:
            out["date_of_birth"] = _iso(d.value)
            break
    if "date_of_birth" in out:
        return True
    if _has(r"\b(?:not|isn't|is not|no longer|below|under|over|above|past|beyond) (?:of )?(?:the )?compulsory school age", t):
        out["of_compulsory_school_age"] = False
        return True
    if _pos(r"\b(?:is|are|still) (?:of )?compulsory school age", t):
        out["of_compulsory_school_age"] = True
        return True
    yr = school_year(t)
    if yr is not None:
        out["of_compulsory_school_age"] = yr <= 11
        return True
    if _has(r"\b(?:sixth|6th)[- ]form(?:er)?s? (?:student|pupil|learner)|\b(?:sixth|6th)[- ]former\b|"
            r"\bin (?:our |the |his |her )?(?:sixth|6th) form\b|\bpost[- ]?16 (?:student|pupil|learner)", t):
        out["of_compulsory_school_age"] = False
        return True
    years_old = age(t)
    if years_old is not None:
        if years_old < 5 or years_old >= 17:
            out["of_compulsory_school_age"] = False
            return True
        if 6 <= years_old <= 15:
            out["of_compulsory_school_age"] = True
            return True
        return False  # 5 and 16 depend on the date of birth
    if _pos(r"\bnursery\b", t, hedge=False):
        out["of_compulsory_school_age"] = False
        return True
    if _has(r"\breception\b", t):
        return False  # reception children may be 4 (not yet of compulsory school age) or 5
    if implied_csa:
        out["of_compulsory_school_age"] = True
    return True


# -- the individual fact families --------------------------------------------------------------

_PRONOUN = r"(?:he|she|they|the pupil|the child|the student|him|her|them)"
_RETURN_VERB = r"(?:come back|coming back|return|returning|be back|attend(?:ing)? (?:again|here|us|the school|school)|re-?join)"


def _will_return(t: str, out: dict[str, Any], stage_over: bool) -> None:
    no = [
        rf"\b(?:won't|will not|isn't going to|is not going to|aren't going to|are not going to|not going to)\s+(?:ever\s+)?(?:be\s+)?{_RETURN_VERB}",
        r"\bnot (?:be )?(?:coming|going to come) back\b",
        r"\b(?:has|have) no (?:plans?|intention) (?:of|to) (?:com(?:e|ing) back|return(?:ing)?)",
        r"\bno intention (?:of|to) (?:com(?:e|ing) back|return(?:ing)?)",
        rf"\b(?:no|not any|don't have any|do not have any|haven't (?:got )?any|have no|there are no|there's no)\s+(?:\w+\s+){{0,2}}(?:reason|grounds|indication|sign|suggestion)s?\s+to\s+(?:think|believe|expect|suggest|suspect)\s+(?:that\s+)?(?:{_PRONOUN}(?:'ll| will| would| might)?\s+)?(?:ever\s+)?{_RETURN_VERB}",
        rf"\b(?:don't|do not|doesn't|does not) (?:think|believe|expect) (?:that )?{_PRONOUN}(?:'ll| will| would)? (?:ever )?{_RETURN_VERB}",
        rf"\b(?:don't|do not) expect {_PRONOUN} back\b",
        r"\bnot expected (?:back|to (?:come back|return))\b",
        r"\bleft (?:us |the school |school )?(?:for good|permanently)\b",
        r"\bfor good\b",
        r"\bpermanently\b(?!\s+exclu)",
        r"\bwon't be back\b",
        r"\b(?:is|are|'s|'re) leaving (?:us|the school|our school)\b|\b(?:is|are|'s|'re) leaving (?:us |the school |our school )?(?:\w+ ){0,5}?to (?:be home[- ]educated|go to|start|join|attend|take up|move)\b",
        r"\b(?:has|have) left (?:us|the school|our school)\b(?! (?:for|on) (?:the day|lunch|holiday))",
        r"\b(?:stopped|stop) (?:coming|attending) (?:to us |here )?(?:for good|permanently)",
    ]
    yes = [
        rf"\b(?:will|'ll|is going to|are going to|plans? to|intends? to|wants? to|expects? to)\s+(?:be\s+)?{_RETURN_VERB}",
        r"\b(?:is|are) (?:coming|due) back\b",
        rf"\bexpect(?:s|ed)? {_PRONOUN} (?:back|to (?:come back|return))",
        rf"\b(?:reason|grounds) to (?:think|believe|expect) (?:that )?{_PRONOUN}(?:'ll| will| would) {_RETURN_VERB}",
        r"\bstaying on (?:in|into|at|for) (?:our |the )?(?:sixth|6th) form|\b(?:going|moving) (?:up )?into our (?:sixth|6th) form",
    ]
    no_hits = [m for p in no for m in _positive(p, t, neg_window=3)]
    said_no = bool(no_hits)
    said_yes = any(not any(n.start() <= m.start() < n.end() for n in no_hits)
                   for p in yes for m in _positive(p, t))
    # the destination after school ends: college, a job, an apprenticeship
    if stage_over and _pos(r"\b(?:to (?:go to|start|do|take up|begin)|for|started|starting|begun|taken up|got|moving on to|going to|off to)\s+"
                           r"(?:a |an |the |his |her )?(?:full[- ]time |local |fe )?(?:college|apprenticeship|job|employment|work|training)", t):
        said_no = True
    if _has(r"\b(?:don't|do not|doesn't|does not|haven't got|have not got|has no|have no|without) (?:have )?(?:a |an |any )?(?:sixth|6th)[- ]form\b|\bno (?:sixth|6th)[- ]form\b", t) and stage_over:
        said_no = True
    if said_no and not said_yes:
        out["reasonable_grounds_will_return"] = False
    elif said_yes and not said_no:
        out["reasonable_grounds_will_return"] = True


def _boarder(t: str, out: dict[str, Any]) -> None:
    if _has(r"\b(?:not|isn't|is not|never been|wasn't|was not) (?:a |an )?(?:weekly |full[- ]time |flexi[- ])?boarder\b|"
            r"\bnon[- ]boarder\b|\bday (?:pupil|student|girl|boy)\b|\b(?:doesn't|does not|didn't|did not) board\b", t):
        out["boarder"] = False
    elif _pos(r"\b(?:a|an|our) (?:weekly |full[- ]time |flexi[- ])?boarder\b|\bboards (?:with us|here|at (?:the|our) school)|"
              r"\bboarding (?:pupil|student)\b|\bboarding fees\b|\bboard and lodging\b", t):
        out["boarder"] = True


_FAMILY = (r"(?:mum|mother|mom|dad|father|parent|parents|grand\w*|gran|granny|nan|nana|grandad|grandpa|brother|"
           r"sister|sibling|uncle|aunt|auntie|carer|cousin|relative|friend|step\w*|pet|dog|cat|teacher|baby)")


_RELATIVE = r"(?:mum|mother|mom|dad|father|step\w*|grand\w*|gran|granny|nan|nana|grandad|grandpa|brother|sister|sibling|uncle|aunt|auntie|cousin)"
_PUPIL_TOO = r"\b(?:family|they|she|he|pupil|child|children|kids|student|both|whole|and (?:her|his|the|their))\b"


def _about_someone_else(t: str, pos: int, who: str = _FAMILY) -> bool:
    """'her dad is in prison', 'his brother was sentenced': the fact is not about the pupil."""
    before = " ".join(reversed(_words_before(t, pos, 6)))
    return bool(re.search(rf"\b{who}(?:'s)?\b", before, re.I)) and not re.search(_PUPIL_TOO, before, re.I)


def _died(t: str, out: dict[str, Any]) -> None:
    for m in re.finditer(r"\b(?:died|passed away|has passed|is dead|was killed|been killed|deceased|"
                         r"lost (?:his|her|their) life|(?:sudden|tragic|unexpected) death|date of death|death of)\b", t, re.I):
        before = t[_sentence_start(t, m.start()):m.start()]
        after = t[m.end():m.end() + 30]
        if re.search(rf"\b{_FAMILY}(?:'s)?\W+(?:\w+\W+){{0,3}}$", before, re.I):
            continue  # "her grandad has died", "his mum sadly passed away"
        if m.group(0).lower() == "death of" and re.match(rf"\s+(?:(?:his|her|their|a|the)\s+)?{_FAMILY}", after, re.I):
            continue
        if _negated(t, m.start(), 3) or _hedged(t, m.start()):
            continue
        out["died"] = True
        return


def _other_school(t: str, out: dict[str, Any]) -> None:
    school = r"(?:school|academy|college|primary|secondary|high school|PRU)"
    registered = [
        rf"\b(?:new|other|another|receiving|next)\s+(?:[\w']+\s+){{0,2}}?{school}\b[^.;!?]{{0,80}}?\b(?:has |have |had )?"
        rf"(?:confirmed|confirm|told us|let us know|informed us|emailed|written|says|said)\b[^.;!?]{{0,60}}?"
        rf"(?:\bon (?:their|its|the) (?:admission )?(?:register|roll)|\bon roll\b|\bregistered\b|\benrolled\b|\badmitted\b|\bstarted\b|\bjoined\b|\battending\b)",
        r"\bon (?:their|its|the new school's|another school's|the other school's) (?:admission )?(?:register|roll)\b",
        r"\bon (?:the )?(?:admission )?(?:register|roll) (?:at|of|with) (?:another|a new|the new|a different|the other|her new|his new|their new)\b",
        r"\bon roll elsewhere\b|\bregistered elsewhere\b",
        r"\b(?:is|are|was|has been|have been|now|got) (?:now )?(?:registered|enrolled|admitted|on roll) (?:at|with|to|by|in) "
        r"(?:another|a new|the new|a different|the other|her new|his new|their new|(?!(?:our|this|the same|your|us)\b)[A-Z][\w']+(?: [A-Z][\w']+)* (?:School|Academy|Primary|High|College))\b",
        rf"\b(?:started|starting|begun|began|joined|attending|now attends|now attending) (?:at |with )?(?:another|a new|the new|a different|her new|his new|their new) {school}",
        r"\bstarted with them\b",
        r"\b(?:have|has|had|they've|they have)?\s*confirm(?:ed|s)? (?:that )?(?:he|she|they|the pupil|the child|[A-Z][a-z]+)(?:'s|'re| is| are| has been| have been| was| were)? "
        r"(?:now )?(?:registered|enrolled|admitted|on (?:their|the|its) (?:admission )?(?:register|roll)|on roll|started)\b",
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
    if _has(r"\bnot (?:yet )?(?:registered|enrolled|on roll|on (?:the )?(?:admission )?register) (?:anywhere|elsewhere|at (?:another|any other|a new|any) school)|"
            r"\bnot on (?:any|another) school'?s? (?:roll|register)\b|\bno (?:other )?school (?:has|have) (?:registered|enrolled|admitted)", t):
        out["registered_at_another_school"] = False
    if _has(r"\bno (?:details|name|information|info|idea) (?:of|about|for|on) (?:a|the|any|her|his|their) (?:new |next )?school|"
            r"\bno (?:new |next )?school (?:details|named|known|given|name)|"
            r"\b(?:don't|do not|doesn't|does not|didn't|did not|haven't|have not) (?:know|been told|tell us|told us|say|said|given us) "
            r"(?:which|what|where|the name of (?:the|her|his|their)|the|about (?:a|any)) (?:new |next |other )?(?:school|academy)|"
            r"\bno idea (?:which|what|where) (?:school|academy)|\b(?:new |next )?school (?:is )?(?:not known|unknown)|"
            r"\bwithout (?:a|any) (?:named|known) school|\bunknown (?:new )?school\b|"
            r"\b(?:haven't|have not|hasn't|has not|didn't|did not) (?:said|say|told us|mentioned) (?:anything )?about (?:a |any )?(?:new )?school", t):
        out["other_school_known"] = False


def _dual(t: str, out: dict[str, Any]) -> None:
    dual = r"\b(?:dual(?:ly)?[- ]?(?:registered|registration|rolled|roll|reg)|also (?:registered|on roll) (?:at|with)|registered (?:with|at) (?:both|us and))"
    if _has(r"\b(?:not|isn't|is not|aren't|are not|wasn't|never) (?:been )?dual(?:ly)?[- ]?(?:registered|rolled)|\bno dual[- ]?(?:registration|roll)", t):
        out["dual_registration_agreed"] = False
        out["also_registered_at_other_schools"] = False
    elif _pos(dual, t):
        out["also_registered_at_other_schools"] = True
        out["dual_registration_agreed"] = True
        consent_neg = (r"\b(?:main|home|other|base|registering|mainstream|host)\s+school(?:s)?\s+(?:has|have)?\s*(?:not|n't|refused|declined|won't|will not)\s*"
                       r"(?:yet\s+)?(?:to\s+)?(?:agree|agreed|consent|consented|given)")
        consent = (r"\b(?:main|home|other|base|registering|mainstream|host)\s+school(?:s)?\s+(?:has |have |had )?(?:now )?(?:\w+ )?"
                   r"(?:agreed|consented|given (?:its |their |written )?(?:consent|agreement|permission)|(?:is|are) happy|signed off)|"
                   r"\bconsent(?:ed)? (?:\w+ )?(?:in writing )?to (?:us |the )?(?:remov|delet|taking)")
        if _has(consent_neg, t):
            out["other_schools_all_consented"] = False
        elif _pos(consent, t):
            out["other_schools_all_consented"] = True


_SAO = r"(?:school attendance order|\bSAO)\b"


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
    other = (r"(?:name[sd]?|naming|to|for|with)\s+(?:a |the )?(?:different|another|other|new|[A-Z][\w']+)\s+(?:\w+\s+)?(?:school|academy)|"
             r"instead of (?:us|ours|our school)|different school|another school|the other school|the new school")
    for s_off, s in _sentences_with(_SAO, t):
        if (_pos(rf"{amend_verb}\b[^.;!?]{{0,40}}{_SAO}", s) or _pos(rf"{_SAO}[^.;!?]{{0,40}}\b(?:has been |was |been |is now )?{amend_verb}\b", s)
                or _pos(rf"{_SAO}[^.;!?]{{0,30}}\bnow names?\b", s)) and _has(other, s):
            out["sao_amended_to_other_school"] = True
        revoke = r"(?:revoked|revoke|withdrawn|withdrew|cancelled|lifted|rescinded)"
        if _pos(rf"\b{revoke}\b[^.;!?]{{0,40}}{_SAO}", s) or _pos(rf"{_SAO}[^.;!?]{{0,40}}\b(?:has been |was |been |is now )?{revoke}\b", s):
            # An LA revokes an order only on the ground that suitable education otherwise than
            # at school has been arranged (Education Act 1996 s. 442).
            out["sao_revoked_for_education_otherwise"] = True
    if (not negated and not out.get("sao_amended_to_other_school") and not out.get("sao_revoked_for_education_otherwise")
            and _pos(rf"{_SAO}\s+(?:\w+\s+){{0,2}}?(?:naming|names|that names|which names|for)\s+(?:us|our school|this school|the school)\b|"
                     rf"\b(?:is|are) (?:subject to|on) an? {_SAO}|{_SAO}\s+(?:is |was )?(?:in force|in place|still in force)", t)):
        out["sao_names_this_school"] = True
    return True


_EHE = (r"\b(?:home[- ]?educat\w*|home[- ]?school\w*|home[- ]ed\b|EHE\b|elective(?:ly)? home|de-?registration (?:letter|form|notice)|"
        r"educat\w* (?:him |her |them |the child |the pupil )?at home|educated otherwise than at school|"
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
    ehe_sents = _sentences_with(_EHE + r"|\bletter\b|\bwrote\b|\bwritten\b|\bemail|\bnotice\b|\bdereg", t)
    text = " ".join(s for _, s in ehe_sents) or t
    written_neg = (r"\b(?:not|nothing|never|no)\s+(?:\w+\s+){0,2}?(?:in writing|written|letter|email)|"
                   r"\b(?:hasn't|has not|haven't|have not|won't|will not|refused to|not yet)\s+(?:\w+\s+){0,2}?(?:put (?:it|this|anything) in writing|written|wrote|sent (?:a|any|us a)|emailed|signed|confirmed (?:it |this )?in writing)|"
                   r"\bonly (?:verbally|told|said|mentioned|on the phone|by phone)|\bverbal(?:ly)? only\b")
    written = (r"\b(?:letter|in writing|written|wrote|writes|writing to|emailed|e-?mail(?:ed)?|signed|note from|"
               r"sent (?:us )?(?:a |an )?(?:note|letter|email|form)|deregistration (?:letter|form)|put (?:it|this) in writing)\b")
    verbal = (r"\b(?:told|tells|said|says|mentioned|rang|rung|phoned|called|verbally|in person|at (?:the )?(?:door|gate|meeting)|"
              r"face to face|over the phone|on the phone|informed us|let us know|spoke|spoken)\b")
    none = (r"\b(?:parents?|mum|dad|mother|father|family|carers?)\s+(?:have|has)(?:n't| not)\s+(?:told|informed|notified|contacted|said anything|spoken)|"
            r"\b(?:heard|found out|learned|learnt) (?:from|through|via) (?:a |another |the )?(?:neighbour|friend|social media|sibling|another parent|rumour)")
    if _has(written_neg, text):
        out["home_education_notice"] = "verbal_only" if _has(verbal, text) or _has(written_neg, text) else "none"
    elif _pos(written, text, neg_window=2, hedge=False):
        out["home_education_notice"] = "written"
    elif _pos(verbal, text, neg_window=2, hedge=False):
        out["home_education_notice"] = "verbal_only"
    elif _has(none, t):
        out["home_education_notice"] = "none"
    # the last day at school the parent named
    for off, s in ehe_sents or [(0, t)]:
        for d in dates:
            if not (off <= d.start < off + len(s)):
                continue
            before = t[max(off, d.start - 40):d.start].lower()
            if re.search(r"(?:last|final) day\w*(?: (?:at|in) school)?(?: (?:is|was|will be|would be|'s|being))?(?: on)?\s*(?:the\s+)?$", before) or \
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


_COUNTRIES = (
    "afghanistan albania algeria america argentina australia austria bangladesh belgium brazil bulgaria "
    "canada china colombia croatia cyprus czechia denmark egypt eritrea estonia ethiopia finland france "
    "germany ghana greece hong kong hungary india indonesia iran iraq ireland israel italy jamaica japan "
    "jordan kenya kosovo kurdistan latvia lebanon libya lithuania malaysia malta mexico moldova morocco "
    "nepal netherlands holland new zealand nigeria norway pakistan philippines poland portugal romania "
    "russia saudi arabia serbia sierra leone slovakia slovenia somalia south africa spain sri lanka sudan "
    "sweden switzerland syria thailand the netherlands the philippines the uae the us the usa the states "
    "dubai turkey uae uganda ukraine usa vietnam yemen zimbabwe zambia").split()
_COUNTRY = r"(?:" + "|".join(sorted({c for c in _COUNTRIES} | {
    "hong kong", "new zealand", "saudi arabia", "sierra leone", "south africa", "sri lanka", "the netherlands",
    "the philippines", "the uae", "the us", "the usa", "the states"}, key=len, reverse=True)) + r")\b"
_UK_FAR = r"(?:scotland|wales|northern ireland)\b"
_TEMPORARY = (r"\b(?:temporar(?:y|ily)|on holiday|for (?:a|the) holiday|for (?:a|an|the) (?:few|couple of|\w+) (?:days|weeks|months)|"
              r"(?:a|an|one|two|three|four|five|six|\d+) (?:days?|weeks?|months?) (?:trip|visit)|extended (?:holiday|visit|trip)|"
              r"visiting (?:family|relatives|grand\w*)|for (?:a|the) (?:wedding|funeral)|until (?:the )?(?:new year|christmas|easter|summer))")
_PERMANENT = r"\b(?:for good|permanently|to live|to settle|emigrat\w*|for the foreseeable future|and (?:are|is) (?:now )?living there)\b"


def _moved(t: str, out: dict[str, Any]) -> None:
    abroad = [
        r"\bemigrat\w*",
        r"\b(?:moved|relocated|moving has happened) (?:back )?(?:abroad|overseas|out of the (?:uk|country))\b",
        rf"\b(?:moved|relocated|emigrated|settled) (?:back )?(?:to|in) {_COUNTRY}",
        r"\bleft the (?:uk|country)\b",
        rf"\b(?:now )?(?:lives?|living|settled|based) (?:permanently )?(?:in|abroad in) {_COUNTRY}",
        rf"\b(?:gone|went|returned|going) (?:back )?(?:abroad|overseas|home|to {_COUNTRY})",
    ]
    moved_abroad = False
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
            if i == 5 and not re.search(_PERMANENT, sentence, re.I):
                continue  # 'went back to Romania' may be a visit; only 'for good', 'to live'
            if re.search(_TEMPORARY, sentence, re.I) and not re.search(_PERMANENT, sentence, re.I):
                out["absence_is_temporary"] = True
                continue
            moved_abroad = True
            break
        if moved_abroad:
            break
    if moved_abroad:
        out["moved_abroad"] = True
        out["moved_away"] = True
    else:
        away = [
            r"\b(?:has |have |had |they've |family's |they've |she's |he's )?moved (?:away|out of (?:the |our )?(?:area|county|borough|city|town|district|region|la|local authority)|house out of)",
            r"\b(?:moved|relocated) (?:house )?to (?:another|a different|the other) (?:area|county|town|city|part of the country|la|local authority|borough|region)",
            rf"\b(?:moved|relocated) (?:house )?to {_UK_FAR}",
            r"\b(?:moved|relocated) (?:house )?to (?!Year\b|Reception\b|Nursery\b|Y\d)[A-Z][\w']*(?:[ -][A-Z][\w']*)*\b(?![ -](?:[A-Z][\w']* )*(?:School|Academy|Primary|High|College|PRU|Infants?|Juniors?)\b)(?!'s\b)",
            r"\b(?:no longer|doesn't|does not|don't|do not) (?:\w+ )?lives? (?:locally|in the area|nearby|near (?:us|the school)|within (?:a )?reasonable distance)",
        ]
        for p in away[:4]:
            hits = _positive(p, t, neg_window=3, flags=re.I if p is not away[3] else 0)
            if p is away[3]:
                hits = [m for m in hits if not re.search(r"(?:school|academy|primary|college|PRU)\b", m.group(0), re.I)]
            hits = [m for m in hits if not _about_someone_else(t, m.start(), _RELATIVE)]
            if hits:
                sent = t
                if re.search(r"\b(?:locally|nearby|round the corner|down the road|in the (?:same )?(?:area|town|village)|within (?:the )?(?:area|borough|town|catchment))\b", sent, re.I) and \
                        not re.search(r"\bno longer\b", sent, re.I):
                    break
                out["moved_away"] = True
                break
        if _has(away[4], t):
            out["moved_away"] = True
            out["lives_within_reasonable_distance"] = False
    if _has(r"\b(?:too|very) far (?:away )?(?:from (?:the |our )?school|to travel|to get (?:here|in|to school))|"
            r"\b(?:\d{2,4}|hundreds of) miles (?:away|from (?:the |our )?school)|\bother end of the country\b|"
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


_LEAVE_POS = (r"\b(?:leave of absence|granted (?:\w+ ){0,2}?leave|gave (?:him |her |them |the pupil )?(?:leave|permission)|"
              r"authoris(?:ed|ation for) (?:the |a |his |her |their )?(?:leave|holiday|trip|absence for)|"
              r"leave (?:was |had been |has been |were )?(?:given|granted|agreed|authorised|approved)|"
              r"approved (?:the |a |his |her |their )?(?:leave|holiday|request)|"
              r"(?:authorised|agreed|approved|exceptional) leave|(?:authorised|agreed|approved) (?:holiday|trip|absence for)|"
              r"period of leave|on leave\b|\b(?:had|was given|were given|has had|took|taken|granted)\s+(?:(?:some|a|an|two|three|\d+|weeks?'?|days?'?|authorised|agreed|approved|extended|exceptional)\s+){0,3}leave\b(?!\s+(?:school|us|the school|early))|(?:his|her|their|the) leave (?:ended|finished|ran out|was until|expired|was due to end))")
_LEAVE_NEG = (r"\bno (?:leave|permission|authorisation)(?: of absence)? (?:was |had been |has been |were )?(?:given|granted|agreed|requested|asked for|authorised|sought)|"
              r"\b(?:without|didn't have|did not have|hadn't|had no|with no|never (?:had|got|asked for|requested)|didn't ask for|did not ask for|didn't request|did not request) (?:any |our |the school's )?(?:leave|permission|authorisation)|"
              r"\bleave (?:was |had been |has been )?(?:refused|declined|not (?:given|granted|authorised|agreed|approved))|"
              r"\b(?:refused|declined|turned down|rejected) (?:the |their |a |his |her )?(?:request for )?(?:leave|holiday request|request for leave|leave request)|"
              r"\bunauthorised (?:holiday|leave|absence|trip|term[- ]time holiday)|"
              r"\b(?:took|taken|take) (?:him|her|them|the child|the pupil) out (?:of school )?without|"
              r"\b(?:we )?(?:didn't|did not|never) (?:authorise|give|grant|agree)\w* (?:it|the (?:holiday|leave|absence|trip)|leave|any leave)|"
              r"\bno leave\b|"
              r"\b(?:request(?:ed|s)?|asked for|applied for|application for)\s+(?:[\w-]+\s+){0,3}?(?:leave|holiday)\b[^.;!?]{0,40}\b(?:declined|refused|rejected|turned (?:it )?down|said no|not (?:granted|authorised|agreed|approved))")


def _leave(t: str, dates: list[FoundDate], out: dict[str, Any], today: date) -> None:
    neg = _has(_LEAVE_NEG, t)
    pos = [m for m in re.finditer(_LEAVE_POS, t, re.I)
           if not _negated(t, m.start(), 3) and not _hedged(t, m.start())
           and not re.search(_LEAVE_NEG, t[max(0, m.start() - 30):m.end() + 5], re.I)]
    if neg and not pos:
        out["leave_of_absence_given"] = False
        out["absent_with_leave_during_run"] = False
        return
    if not pos or neg:
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
        if re.search(r"(?:leave|it|holiday|absence)\s+(?:ended|finished|ran out|expired|was until|ran until|lasted until|ends|end)(?: on)?\s*(?:the\s+)?$|"
                     r"(?:end|last day) of (?:the |his |her |their )?(?:leave|holiday|period of leave)(?: (?:was|is))?(?: on)?\s*(?:the\s+)?$|"
                     r"\b(?:until|till|up to(?: and including)?)\s*(?:the\s+)?$", before):
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
                r"(?:come back|came back|returned|return|been back|attended|turned up|shown up|reappeared|been seen|been in)|"
                r"\bnot (?:been )?back\b|\bno sign of (?:him|her|them)\b|\bfailed to return\b|\b(?:didn't|did not) come back\b")
    came_back = (r"\b(?:came back|come back|returned|attended|was in|were in|has been in)\s+(?:to school\s+)?(?:briefly|for (?:a|one|two|three|\d+) (?:days?|sessions?|mornings?|afternoons?)|on (?:the )?\d)")
    if _has(not_back, t):
        out["attended_within_10_school_days_after_leave"] = False
    elif _pos(came_back, t):
        out["attended_within_10_school_days_after_leave"] = True


_ABSENT = (r"(?:absent|been off|is off|was off|off school|off sick|away from school|out of school|missing(?: from school| from education)?|"
           r"not (?:been )?(?:in|at school|attending|attended|coming in|come in|seen)|hasn't been (?:in|at school|seen)|has not been (?:in|at school|seen)|"
           r"hasn't attended|has not attended|not attended|stopped (?:attending|coming)|no[- ]show|missed|hasn't (?:come|turned up|shown up)|"
           r"has not (?:come|turned up|shown up)|not turned up|not (?:come|came) (?:in|to school))")
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
        if re.search(rf"\b(?:{_ABSENT}|off)\b[^.;!?]{{0,30}}$", before, re.I) or \
                re.search(r"^\s*(?:in a row|running|straight|on the trot|consecutive(?:ly)?)?\s*(?:of (?:continuous |unauthorised |unexplained |unbroken )?absence|absent|off|missed|without (?:attending|coming))", after, re.I) or \
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
                     r"\bfirst (?:day|session) (?:of (?:the )?(?:absence|unexplained absence|unauthorised absence|non-attendance))?\s*(?:was|is|:)?\s*(?:on\s+)?(?:the\s+)?$|"
                     r"\b(?:absent|off|missing|away) from\s*(?:the\s+)?$|\bstopped (?:attending|coming(?: in| to school)?)\s+(?:on|from)\s*(?:the\s+)?$", before, re.I):
            first = d.value
            break
        if re.search(r"\b(?:last (?:attended|seen(?: in school| at school)?|came in|in school|day (?:in|at) school)(?: was)?(?: on)?|"
                     r"(?:not|n't) (?:been )?(?:in|seen|attended|at school|been in school)(?: school)? since)\s*(?:the\s+)?$", before, re.I) or \
                re.search(r"(?:not|n't) (?:been )?(?:in|seen|attended|at school|been in school)(?: school)? since\s*(?:the\s+)?$", before, re.I):
            first = next_school_day(d.value)
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
        if _has(r"\bunauthorised\b|\bwithout (?:leave|permission)\b|\bno leave\b", t) and not _has(r"\bauthorised (?:leave|absence)\b", t.replace("unauthorised", "")):
            out["absent_with_leave_during_run"] = False


_CODE_TOKEN = r"(?:[A-Z]\d?|/|\\)"


def _codes(t: str, out: dict[str, Any]) -> None:
    from assistant.rules.facts import KNOWN_CODES

    found: list[str] = []
    lead = re.compile(r"\b(?i:coded|codes?|marked|recorded|registered|entered|put down|using|used|with|all|only|every session(?: was)?|"
                      r"sessions? (?:were|was|have been|has been)|as|mostly|mainly|some|a few|plus|except)\s+(?i:(?:as|with|down as|an?|the|code|codes|only|all|just|exclusively)\s+)*"
                      rf"({_CODE_TOKEN}(?:'?s)?(?:\s*(?:,|/|and|or|&|then|plus)\s*(?:an?\s+)?{_CODE_TOKEN}(?:'?s)?)*)(?![\w'])")
    trail = re.compile(rf"(?<![\w'])({_CODE_TOKEN}(?:'?s)?(?:\s*(?:,|/|and|or|&)\s*{_CODE_TOKEN}(?:'?s)?)*)\s+codes?\b")
    for pat in (lead, trail):
        for m in pat.finditer(t):
            chunk = m.group(1)
            for tok_m in re.finditer(_CODE_TOKEN, chunk):
                tok = tok_m.group(0)
                after = chunk[tok_m.end():] + t[m.end():m.end() + 12]
                if tok == "I" and re.match(r"\s*(?:think|believe|guess|reckon|am|was|have|had|'m|'ve|'d|know|can|will|would)\b", after):
                    continue
                if tok == "A" and re.match(r"\s+[a-z]", after):
                    continue  # the article 'A', not a code
                if tok in KNOWN_CODES and tok not in found:
                    found.append(tok)
    if _pos(r"\b(?:marked|coded|recorded)\s+(?:as\s+)?(?:ill|illness|sick|sickness)\b|\b(?:some|a few|several) (?:of (?:the|those) )?(?:days|sessions) (?:were|was) (?:illness|sick|ill)\b", t):
        if "I" not in found:
            found.append("I")
    if found and (out.get("continuously_absent") or _has(r"\babsen|\b(?:20|twenty)[- ]school[- ]days?\b|\bsessions?\b", t)):
        out["absence_codes"] = found
        if out.get("continuously_absent") is None:
            out["continuously_absent"] = True


_SICK_NO = (r"\b(?:no|not any|isn't any|is no|there's no|nothing to|not a|without any)\s+(?:\w+\s+){0,1}?(?:suggestion|sign|indication|evidence|reason to (?:think|believe|suspect)|reason|suggest|hint)s?\s+"
            r"(?:at all\s+)?(?:that\s+|of\s+)?(?:(?:he|she|they|the pupil|the child)(?:'s|'re| is| are| was| were)?\s+)?(?:(?:\w+\s+){0,2})?(?:ill|unwell|sick|poorly|illness|sickness|medical|health)|"
            r"\b(?:isn't|is not|aren't|are not|wasn't|was not|not)\s+(?:off\s+)?(?:ill|unwell|sick|poorly)\b|"
            r"\bno (?:known )?(?:illness|sickness|medical (?:reason|issue|issues|condition|evidence|need|needs|problem)|health (?:issue|problem|concern)s?)\b|"
            r"\bnot (?:off )?(?:because of|due to|through|for) (?:illness|sickness|ill health|medical reasons)|"
            r"\b(?:he|she|they)(?:'s|'re| is| are) (?:fit and )?(?:well|healthy)\b|\bno unavoidable cause\b")
_SICK_YES = (r"\b(?:off sick|is ill|are ill|is unwell|is poorly|in hospital|hospitali[sz]ed|(?:has|with|got) (?:a |an )?(?:long[- ]term |serious |chronic |terminal )?(?:illness|medical condition|disease|cancer|injury)|"
             r"mental health (?:crisis|issues?|difficulties|needs)|too (?:ill|unwell|anxious|sick)|(?:can't|cannot|unable to) (?:attend|come in|come to school) (?:because of|due to) (?:illness|ill health|health|medical|anxiety)|"
             r"medical (?:reasons|grounds)|sick note|(?:gp|doctor'?s?|hospital|consultant'?s?) (?:note|letter)|"
             r"unavoidable cause|(?:family )?emergency)")
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


_LA = (r"(?:the |our )?(?:la'?s? cme(?: team| officer| service)?|la|local authority|council|county|borough|cme (?:team|officer|coordinator|co-ordinator|service)|"
       r"la'?s? (?:cme |attendance )?(?:team|officer|service)|local authority'?s? (?:cme )?(?:team|officer)|"
       r"education welfare(?: service| officer| team)?|ews|ewo|attendance (?:team|service|officer)|children missing education (?:team|officer|service))")
_EFFORT = (r"(?:enquir|inquir|efforts|tried|trying|searched|search|checks|checked|looked|visit|calls?\b|called|phon|rang|letters?\b|"
           r"traced|trace|investigat|attempts|contact|everything|emails?\b|emailed|texts?\b|messag|agencies|police|social care|health visitor|neighbours)")
_FAILED = (r"(?:(?:haven't|have not|hasn't|has not|couldn't|could not|can't|cannot|not been able to|unable to|failed to|didn't|did not|still can't|still haven't|yet to)\s+(?:yet\s+)?(?:been able to\s+)?"
           r"(?:find|found|locate|located|trace|traced|track|reach|reached|contact|contacted|establish|find out|work out|get hold of|make contact|get (?:a |any )?(?:response|reply|answer))\b"
           r"(?:\s+(?:him|her|them|the family|the pupil|the child|the parents?|mum|dad|where|out where|anyone|any trace|their whereabouts|contact|a response|anything))?|"
           r"\bgone unanswered|\bno (?:reply|response|answer|trace|success|luck|contact)\b|\bwhereabouts (?:are |is |remain |still )*(?:unknown|not known)|"
           r"\b(?:not|never) (?:been )?(?:found|located|traced)\b|\bgot nowhere\b|\bgetting nowhere\b|\bdr[ae]wn? a blank|\bfound nothing|\bturned up nothing|"
           r"\b(?:came|come) up (?:empty|with nothing|blank)|\bwithout success\b|\bto no avail\b|\bunsuccessful\b|\bno[- ]?one knows where|"
           r"\b(?:don't|do not|doesn't|does not) know where (?:they|the family|she|he|the pupil|the child|the parents)|"
           r"\bno forwarding address\b|\bhouse (?:is |was )?(?:empty|vacant|boarded up)|\bcan't find out where|\bno idea where)")
_FOUND = (r"\b(?:found|located|traced|tracked down|made contact with|spoke (?:to|with)|reached|contacted|got hold of|heard from|confirmed where)\s+"
          r"(?:the family|them|mum|dad|the parents?|him|her|the pupil|the child|the mother|the father)\b")
_LA_AGREES = (rf"\b(?:both|jointly|together)\s+(?:\w+\s+)?agree|\b{_LA}\s+(?:also\s+)?(?:agree[sd]?|is satisfied|are satisfied|concur\w*)|"
              r"\bagreed? (?:with|by) the (?:la|local authority|council|cme team)|\b(?:we|school) and (?:the )?(?:la|local authority|council|cme team) agree")


def _enquiries(t: str, out: dict[str, Any]) -> None:
    sents = [(o, s) for o, s in _sentences(t) if _has(_EFFORT, s) or _has(_FAILED, s) or _has(_FOUND, s)]
    if not sents:
        return
    joint_pat = (rf"\bjoint(?:ly)?\b(?!\s*(?:registration|registered|custody))|\b(?:with|alongside|together with) {_LA}\b|"
                 rf"\b{_LA}\s+and\s+(?:us|we|the school|ourselves)\b|\b(?:we|us|ourselves|the school|school) and {_LA}|\b{_LA}\s+(?:has|have)\s+(?:also\s+)?(?:\w+\s+)?"
                 r"(?:tried|made|done|checked|visited|searched|looked|carried out|been involved|been trying|contacted)|"
                 rf"\b{_LA}\b[^.;!?]{{0,40}}\bwith us\b")
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
                                    r"\bhome visits? (?:was |were |has been |have been )?(?:made|done|carried out)|\b(?:our|the school's) (?:calls|letters|enquiries|efforts|home visits?)", text):
        out["school_enquiries_made"] = True
        if outcome is not None:
            out["school_enquiries_outcome"] = outcome


def _custody(t: str, out: dict[str, Any]) -> None:
    not_yet_sentenced = _has(r"\b(?:awaiting|before|until|pending|ahead of|prior to)\s+(?:his |her |their |the )?(?:sentenc\w*|trial|court)|"
                             r"\b(?:not|n't)\s+(?:yet\s+)?(?:been\s+)?sentenced|\byet to be sentenced", t)
    sentence = _positive(r"\b(?:sentenced|custodial sentence|sentence of detention|detention and training order|DTO\b|"
                         r"(?:serving|given|received|got|handed)\s+(?:a |an |his |her |their )?(?:\S+\s+){0,2}?(?:custodial |prison |detention |youth custody )?sentence|"
                         r"youth custody sentence|section (?:250|91|90|92|226|252A|254|259)\b|s\.? ?(?:250|91|259)\b)", t, neg_window=2, hedge=True)
    later_sentenced = _has(r"\b(?:now|since|then|later|subsequently|has since been|was later|has now been|finally)\s+(?:been\s+)?sentenced", t)
    remand = _positive(r"\bremand(?:ed)?\b|\brefused bail\b|\bin custody (?:awaiting|pending|until) (?:trial|sentenc\w*|court)", t, neg_window=2, hedge=False)
    police = _positive(r"\bpolice (?:custody|cell|station)\b|\bheld (?:overnight )?(?:by|at) (?:the )?police\b|\barrested\b|\bin a police cell\b", t,
                       neg_window=2, hedge=False)
    generic = _positive(r"\bin (?:custody|prison|jail|gaol|a young offenders?'? institution|a yoi|a secure training centre|youth custody|youth detention(?: accommodation)?)\b|"
                        r"\bYOI\b|\blocked up\b|\bbehind bars\b|\bdetained\b(?! (?:after|at|during|in) (?:school|lunch|break))", t, neg_window=2, hedge=True)
    generic = [m for m in generic if not _has(r"mental health act|sectioned|\bsection (?:2|3)\b|hospital", t[max(0, m.start() - 40):m.end() + 40])]
    sentence, remand, police, generic = ([m for m in ms if not _about_someone_else(t, m.start())]
                                         for ms in (sentence, remand, police, generic))
    if sentence and (not remand or later_sentenced) and not (not_yet_sentenced and not later_sentenced):
        out["detained"], out["detention_type"] = True, "sentence"
    elif remand and not sentence:
        out["detained"], out["detention_type"] = True, "remand"
    elif police and not sentence and not remand and not generic:
        out["detained"], out["detention_type"] = True, "police"
    elif sentence or remand or generic or police:
        out["detained"] = True


def _end_of_csa(t: str, out: dict[str, Any], yr: int | None, years_old: int | None) -> bool:
    """9(1)(l): a Year 11 (or 16-year-old) leaving at the end of compulsory schooling."""
    final_year = yr == 11 or (yr is None and years_old == 16) or _has(r"\bend of (?:compulsory school age|compulsory schooling)\b", t)
    if not final_year:
        return False
    leaving = (r"\b(?:leav(?:e|es|ing)|finish(?:es|ing|ed)?|left)\b[^.;!?]{0,40}?\b(?:end of (?:year 11|y11|june|july|the (?:summer )?term|the (?:school |academic )?year|term|the summer)|"
               r"in (?:june|july|the summer)|after (?:(?:his|her|their) )?(?:gcses|exams)|this summer|at the end of)|"
               r"\bfinish(?:es|ing|ed)? (?:year 11|y11|school|(?:his|her|their) gcses|(?:his|her|their) exams|compulsory school)|"
               r"\bschool leaving (?:date|age)\b|\b(?:leav(?:e|es|ing)|going|moving on|off) (?:us )?(?:to (?:go to|start|do|join|attend|take up)|for) "
               r"(?:a |an |the |his |her )?(?:local |fe |sixth[- ]form )?(?:college|apprenticeship|training|work|a job|employment|job)")
    if _pos(leaving, t, neg_window=3) and not _has(_EHE, t) and not out.get("moved_abroad"):
        out["over_csa_by_next_school_day"] = True
    if _has(r"\b(?:doesn't|does not|didn't|did not|won't|will not|hasn't|has not|not going to)\s+(?:meet|get|have|achieve|make)\s+(?:the\s+)?(?:\w+\s+)?(?:grades|entry requirements|requirements)|"
            r"\bnot (?:got|achieved|met) the (?:\w+ )?(?:grades|entry requirements|requirements)", t):
        out["meets_sixth_form_entry_requirements"] = False
    elif _pos(r"\b(?:meets|met|has|got|achieved)\s+(?:the\s+)?(?:sixth[- ]form\s+)?(?:entry\s+)?(?:grades|requirements)\b", t, neg_window=2):
        out["meets_sixth_form_entry_requirements"] = True
    return True


def _exclusion(t: str, out: dict[str, Any]) -> None:
    perm = _positive(r"\bpermanent(?:ly)?[- ]exclu\w*|\bperm(?:anent)?[- ]?ex\b|\bPEX\b|\bexpelled\b|\bexcluded permanently\b|"
                     r"\bpermanent exclusion\b", t, neg_window=2, hedge=True)
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
              r"decided not to|do not intend to|don't intend to|not intending to|no intention (?:of|to)|do not wish to|don't want to)")
    verbs = r"(?:apply|applying|ask|asking|request|requesting|seek|seeking|go for|pursue|pursuing|lodge|lodging|challenge|appeal)"
    if _has(r"\b(?:reinstat\w+)\b", t) and not _has(r"\b(?:not|n't|declin\w*|refus\w*|decided against|against)\s+(?:\w+\s+){0,2}?reinstat", t):
        out["exclusion_status"] = "reinstated"
    elif _has(r"\b(?:review|irp|panel)\s+(?:\w+\s+){0,3}?(?:withdrawn|abandoned|dropped)|\bwithdr[ae]w\w* (?:\w+ ){0,2}?(?:application|request|review)", t):
        out["exclusion_status"] = "review_abandoned"
    elif _has(r"\breconsider\w*\b", t) and _has(r"\b(?:not|n't|declin\w*|refus\w*|decided against|against)\s+(?:\w+\s+){0,2}?reinstat", t):
        out["exclusion_status"] = "reconsidered_not_reinstated"
    elif _has(r"\b(?:independent )?review panel\s+(?:has\s+|have\s+)?(?:upheld|confirmed|agreed with|backed|supported|decided not to (?:recommend|direct|quash))|"
              r"\b(?:irp|independent review|the review)\s+(?:\w+\s+){0,2}?(?:upheld|confirmed|backed)|\breview (?:was |has been )?upheld", t):
        out["exclusion_status"] = "review_upheld"
    elif _has(rf"\b(?:writ\w*|letter|email\w*|signed|in writing)\b[^.;!?]{{0,80}}\b{refuse}\s+(?:\w+\s+)?{verbs}\b[^.;!?]{{0,20}}{review}|"
              rf"\b{refuse}\s+(?:\w+\s+)?{verbs}\b[^.;!?]{{0,20}}{review}[^.;!?]{{0,40}}\b(?:in writing|by letter|by email|written)", t):
        out["exclusion_status"] = "no_review_stated_in_writing"
    elif _has(r"\b(?:deadline|time limit|time|15 school days|fifteen school days|window)\s+(?:\w+\s+){0,6}?(?:has\s+|have\s+)?(?:passed|expired|run out|gone by|lapsed|ended)|"
              rf"\bno (?:application|request) (?:for|to) {review}\b[^.;!?]{{0,30}}\b(?:made|received|lodged|within|in time)|"
              rf"\b(?:didn't|did not|never|failed to)\s+{verbs}\s+(?:for\s+)?{review}\b[^.;!?]{{0,30}}\b(?:in time|within|by the deadline)|"
              rf"\bno {review} (?:was |has been )?(?:requested|sought|applied for|lodged)\b[^.;!?]{{0,30}}\b(?:in time|within|by the deadline|and the)", t):
        out["exclusion_status"] = "review_deadline_passed"
    elif _has(rf"\b(?:awaiting|waiting for|pending)\s+{review}|\b{review}\s+(?:is\s+)?(?:pending|due|booked|scheduled|next week|coming up|hearing)|"
              rf"\b(?:have|has|had)\s+(?:\w+\s+)?(?:applied|asked|requested)\s+(?:for\s+)?{review}|\bstill (?:within|in) the (?:15|fifteen)|"
              r"\bstill (?:time|able) to (?:apply|ask|request)|\bgovern\w+ (?:board )?(?:haven't|have not|has not|hasn't) (?:yet )?(?:met|considered|reviewed)", t):
        out["exclusion_status"] = "pending"


def _school_type(t: str, out: dict[str, Any]) -> None:
    """The type of *our* school (said in the first person), never the type of the new school."""
    we = r"(?:\bwe(?:'re| are)|\bi (?:work|teach) (?:at|in)|\bour school is|(?:^|[.!?]\s+)as)\s+(?:an?\s+)?"
    if _has(rf"{we}non[- ]maintained special school|\bour non[- ]maintained special school", t):
        out["school_type"] = "non_maintained_special"
    elif _has(rf"{we}(?:independent|private|fee[- ]paying)(?: school)?\b|\bour (?:independent|private|fee[- ]paying) school\b", t):
        out["school_type"] = "independent"
    elif _has(rf"{we}(?:academy|free school)\b|\bour academy\b", t):
        out["school_type"] = "academy"
    elif _has(rf"{we}(?:la[- ]maintained|maintained|community|foundation|voluntary[- ](?:aided|controlled))(?: school)?\b", t):
        out["school_type"] = "maintained"
    if out.get("school_type") in ("independent", "non_maintained_special") and \
            _pos(r"\b(?:has left|left us|left the school|withdr[ae]wn?|withdrew|no longer (?:a pupil|attends|on roll)|leaving us|gave notice|given notice)\b", t, neg_window=2):
        out["ceased_to_be_pupil"] = True


def _nursery(t: str, out: dict[str, Any]) -> None:
    if not _pos(r"\bnursery\b", t, neg_window=2, hedge=False):
        return
    if _has(r"\b(?:moving|going|moved|gone|transfer\w*) to (?:a |another |the |her new |his new )?(?:private |local )?nursery\b", t) and \
            not _has(r"\b(?:our|in the|in our|from our|from the) nursery\b", t):
        return
    out["admitted_for_nursery"] = True
    if _pos(r"\b(?:moving|going|move|moved|going up|move up|moving up) (?:up )?(?:in)?to reception|\bstart(?:ing|s)? (?:in )?reception|"
            r"\b(?:finished|completed|finishing|completing) (?:\w+ )?nursery|\bend of (?:\w+ )?nursery", t):
        out["nursery_completed_moving_to_reception"] = True


def _boarding_fees(t: str, out: dict[str, Any]) -> None:
    if _pos(r"\b(?:boarding|board and lodging|board & lodging)\s+(?:fees|charges|costs)\b[^.;!?]{0,40}\b(?:unpaid|outstanding|not (?:been )?paid|owed|in arrears)|"
            r"\b(?:hasn't|has not|haven't|have not|not)\s+(?:been\s+)?paid\s+(?:the\s+|their\s+|his\s+|her\s+)?(?:boarding|board and lodging)\s+(?:fees|charges)|"
            r"\bunpaid (?:boarding|board and lodging) (?:fees|charges)", t, neg_window=1) and \
            _has(r"\bend of (?:the )?(?:\w+ )?term\b|\bterm (?:has )?ended\b|\bterm is over\b", t):
        out["board_and_lodging_unpaid_at_end_of_term"] = True
        out.setdefault("boarder", True)


def _mobile(t: str, out: dict[str, Any]) -> bool:
    if _has(r"\b(?:not|isn't|is not|aren't|are not|wasn't|never been|not from)\s+(?:a |an )?(?:traveller|gypsy|roma|mobile|showm[ae]n|travelling|bargee)s?\b(?:\s+(?:child|family|pupil|families))?|"
            r"\b(?:family|parents?)\s+(?:aren't|are not|isn't|is not)\s+(?:travellers?|a travelling family|mobile)|"
            r"\bhas a (?:fixed|permanent|settled) (?:address|abode|home)", t):
        out["mobile_child"] = False
        return False
    if _pos(r"\bmobile child\b|\bno fixed abode\b[^.;!?]{0,60}\btravel\w* (?:for|with) (?:work|the fair|the circus|the business)", t, neg_window=2):
        out["mobile_child"] = True
        if _has(r"\b(?:we(?:'re| are)|this is|our school is)\s+(?:\w+\s+)?(?:his|her|their|the)\s+main school", t):
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


# -- the whole message -------------------------------------------------------------------------

def _now_override(t: str, today: date) -> tuple[date | None, tuple[int, int] | None]:
    """'It's now 14 October', 'today is 3/11/2025', 'as of today (14 Oct)' -> that date."""
    m = re.search(r"\b(?:it'?s|it is|today is|today's date is|the date is|as of today,?|we(?:'re| are) now (?:on|at))\s+(?:now\s+)?(?:the\s+)?|"
                  r"\bnow\s+(?=\d)", t, re.I)
    if not m:
        return None, None
    for d in find_dates(t, today):
        if 0 <= d.start - m.end() < 14:
            return d.value, (d.start, d.end)
    return None, None


def extract_facts(message: str, today: date) -> Extracted:
    """Facts stated (or necessarily implied) in ``message``, as a mapping for ``facts_from_mapping``."""
    t = _normalise(message)
    override, span = _now_override(t, today)
    ref = override or today
    dates = [d for d in find_dates(t, ref) if span is None or not (d.start == span[0])]
    out: dict[str, Any] = {}

    yr, years_old = school_year(t), age(t)
    _mobile(t, out)
    sao_exists = _sao(t, out)
    ehe = _home_education(t, dates, out)
    _moved(t, out)
    _leave(t, dates, out, ref)
    _absence(t, dates, out, ref)
    _died(t, out)
    _other_school(t, out)
    _dual(t, out)
    _custody(t, out)
    _exclusion(t, out)
    _school_type(t, out)
    _nursery(t, out)
    _boarder(t, out)
    _boarding_fees(t, out)
    _special_school(t, out)

    stage_over = (yr is not None and yr >= 11) or (years_old is not None and years_old >= 16) or \
        _has(r"\b(?:sixth|6th)[- ]form(?:er)?\b|\bpost[- ]?16\b|\bend of (?:year 11|compulsory)", t)
    _end_of_csa(t, out, yr, years_old)
    _will_return(t, out, stage_over)
    _enquiries(t, out)

    # What the situation necessarily implies about compulsory school age (used only when the
    # message says nothing about age or stage): school attendance orders (EA 1996 s. 437),
    # pupil referral units (s. 19(2)), elective home education (s. 7) and children missing
    # education (s. 436A) all concern children of compulsory school age, and so do enquiries
    # made jointly with the local authority (9(1)(h), (i)).
    implied = (sao_exists or (ehe and out.get("home_education_intended") is True)
               or out.get("joint_enquiries_made") is True or out.get("mobile_child") is True
               or _has(r"\b(?:PRU|pupil referral unit)\b", t)
               or _has(r"\bCME\b|\bchild(?:ren)? missing (?:from )?education\b", t))
    open_age = not _stage(t, dates, out, implied)
    assumed = {}
    if not open_age and "of_compulsory_school_age" not in out and "date_of_birth" not in out:
        assumed["of_compulsory_school_age"] = True

    if out.get("detention_type") and not out.get("detained"):
        out["detained"] = True
    if override is not None and out.get("first_day_of_absence") and "continuous_absence_school_days" not in out:
        from assistant.rules.school_calendar import count_school_days

        first = date.fromisoformat(out["first_day_of_absence"])
        if first < override <= today:
            out["continuous_absence_school_days"] = count_school_days(first - timedelta(days=1), override - timedelta(days=1))
    return Extracted(out, override, assumed)


# -- deadlines ---------------------------------------------------------------------------------

@dataclass(frozen=True)
class DeadlineAsk:
    tool: str  # "deadline" or "compulsory_school_age"
    args: dict


_CSA_WORDS = (r"\bcompulsory school age\b|\bCSA\b|\bstatutory school age\b|\bschool leaving (?:date|age)\b|"
              r"\b(?:leave|start|finish) (?:compulsory )?school\b|\bleaving age\b|\bcompulsory education\b")
_DOB_WORDS = r"\bborn\b|\bdate of birth\b|\bd\.?o\.?b\.?\b|\bbirthday\b"


def _rule_for(t: str) -> str | None:
    """The countable rule a message names, or None."""
    code_n = (_has(r"\bcodes?\s+N\b|\bcoded\s+(?:as\s+)?N\b|\bN\s+codes?\b|\ban\s+N\b|\bthe\s+N\b(?!\w)", t, 0)
              or _has(r"\bcode n\b|\bcoded (?:as )?n\b", t)
              or _has(r"\b(?:marked|recorded|entered|put)\s+(?:him |her |them |the pupil |the child |it )?(?:as |with |down as )?(?:an? )?N\b", t, 0))
    if code_n and _has(r"\b(?:replace|replaced|change|changed|amend|amended|resolve|resolved|update|sort|establish|by when|by what date|"
                       r"last day|how long|deadline|when|due|until|expire|run out)\b", t):
        return "code_n_5_school_days"
    if _has(r"\bnew pupil return\b|\bjoiner'?s? (?:return|form|notification)\b|\bnew (?:starter|joiner)s? (?:return|form|notification)\b|"
            r"\b(?:entered|added|put|went|placed|registered)\s+(?:(?!codes?\b|marks?\b)\w+\s+){0,3}?(?:on|onto|in|into|to)\s+(?:the |our )?(?:admission )?(?:register|roll)\b|"
            r"\b(?:name|names)\s+(?:was |were )?(?:entered|added)\b", t) or (
            _has(r"\b(?:joined|started|admitted|enrolled)\b", t)
            and _has(r"\b(?:return|tell|notify|inform|let)\b[^.;!?]{0,30}\b(?:la|local authority|council)\b|\breturn\b", t)):
        return "new_pupil_return"
    if _has(r"\bdeletion return\b|\bleaver'?s? return\b", t) and _has(r"\b(?:deleted|removed|took|taken|came off|off roll)\b", t):
        return "deletion_return"
    leave = _has(r"\bleave\b", t) and not _has(r"\bleave school\b|\bleaving\b(?! of absence)", t)
    if leave and _has(r"\b(?:10|ten)[- ](?:school[- ])?days?\b|\b9\s*\(\s*1\s*\)\s*\(\s*h\s*\)|\bleave[- ]of[- ]absence (?:deletion )?ground\b", t):
        return "leave_10_school_days"
    absence = _has(r"\babsen|\boff\b(?!\s+(?:roll|the register))|\bmissing\b|\bnot (?:been )?(?:in|attended|attending)|\bhasn't (?:been in|attended)|\bcoded\b|\bunexplained\b|\bnon[- ]attendance\b", t)
    if _has(r"\bsickness return\b", t) or (_has(r"\b(?:15|fifteen)[- ](?:school[- ])?days?\b", t) and _has(r"\bsick|\bill\b|\billness|\bcode I\b|\bcoded I\b|\bmedical", t)):
        return "sickness_return_15_school_days"
    if (_has(r"\b(?:20|twenty)[- ](?:school[- ])?days?\b|\b9\s*\(\s*[13]\s*\)\s*\(\s*[ic]\s*\)|\b20[- ]day rule\b", t)) and absence:
        return "absence_20_school_days"
    if _has(r"\battendance return\b", t) or (_has(r"\b(?:10|ten)[- ](?:continuous |consecutive )?(?:school[- ])?days?\b", t) and absence):
        return "attendance_return_10_school_days"
    return None


def _start_date(rule: str, t: str, dates: list[FoundDate]) -> date | None:
    from assistant.rules.school_calendar import next_school_day

    if not dates:
        return None

    def near(cue: str, window: int = 45) -> FoundDate | None:
        for d in dates:
            if re.search(cue + r"[^.;!?]{0,%d}$" % window, t[max(0, d.start - window - 40):d.start], re.I):
                return d
        return None

    if rule == "leave_10_school_days":
        for d in dates:
            before = t[max(0, d.start - 45):d.start]
            if re.search(r"(?:due|expected|supposed|meant) (?:back|to return|to come back)(?: to school| at school)?(?: from (?:his |her |their |the )?(?:[\w-]+ )?(?:leave(?: of absence)?|holiday|trip))?(?: on)?\s*(?:the\s+)?$", before, re.I):
                return d.value - timedelta(days=1)
        d = near(r"\b(?:ended|ends|end|finished|finishes|ran out|runs out|expired|last day|until|till|to)\b", 30)
        return (d or dates[-1]).value
    if rule in ("absence_20_school_days", "attendance_return_10_school_days", "sickness_return_15_school_days"):
        for d in dates:
            before = t[max(0, d.start - 50):d.start]
            if re.search(r"(?:\blast (?:attended|seen|came in|in school)|(?:\bnot|n't) (?:been )?(?:in|seen|attended)(?: school)? since)(?: was)?(?: on)?\s*(?:the\s+)?$", before, re.I):
                return next_school_day(d.value)
        d = near(r"\b(?:since|from|first day|first|began|started|starting|off|absent)\b", 40)
        return (d or dates[0]).value
    if rule == "new_pupil_return":
        d = near(r"\b(?:entered|added|put|went|placed|registered|joined|started|admitted|enrolled|register|roll)\b", 40)
        return (d or dates[0]).value
    if rule == "code_n_5_school_days":
        d = near(r"\b(?:N|recorded|marked|entered|put|went in|coded)\b", 40)
        return (d or dates[0]).value
    return dates[0].value


def extract_deadline(message: str, today: date, authority: str | None) -> DeadlineAsk | None:
    """A deadline question: a countable rule named, and the date to count from. Else None."""
    t = _normalise(message)
    override, span = _now_override(t, today)
    dates = [d for d in find_dates(t, override or today) if span is None or d.start != span[0]]
    if _has(_CSA_WORDS, t) and _has(_DOB_WORDS, t):
        dob = next((d for d in dates if d.year_given and re.search(_DOB_WORDS + r"[^.;!?]{0,20}$", t[max(0, d.start - 40):d.start], re.I)), None)
        dob = dob or next((d for d in dates if d.year_given), None)
        if dob:
            return DeadlineAsk("compulsory_school_age", {"date_of_birth": dob.value.isoformat()})
        return None
    rule = _rule_for(t)
    if rule is None:
        return None
    start = _start_date(rule, t, dates)
    if start is None:
        return None
    args = {"rule_id": rule, "start": start.isoformat()}
    if authority:
        args["authority"] = authority
    return DeadlineAsk("deadline", args)
