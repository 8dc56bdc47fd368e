"""Age and stage facts: year group, age in years, date of birth and compulsory school age."""

from __future__ import annotations

import re
from typing import Any

from assistant.chat.dates_text import FoundDate
from assistant.chat.extract.dates import _iso
from assistant.chat.extract.text import _has, _normalise, _pos, _sentence_start

# -- age and stage -----------------------------------------------------------------------------

_YEAR_NUMBER_WORDS = ("one two three four five six seven eight nine ten eleven twelve thirteen").split()
_SCHOOL_YEAR = re.compile(
    r"(?<![\w-])(?:year|yr)\s*-?\s*(\d{1,2}|" + "|".join(_YEAR_NUMBER_WORDS) + r")(?:s|'s)?\b", re.I)
_SCHOOL_YEAR_SHORT = re.compile(r"(?<![\w-])[Yy](\d{1,2})(?:s|'s)?\b")
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
        # ("their Y3 won't be back", "parents of a Y5" name a pupil; "coded as a Y5" does not)
        # ("a parent-funded Y5 placement": one hyphenated word may come between)
        owned = re.search(r"\b(?:our|their|my|a|an)\s*(?:\w+-\w+\s+)?$", text[max(0, m.start() - 24):m.start()], re.I) and \
            not re.search(r"\b(?:cod\w*|mark\w*|record\w*|us\w*|enter\w*|put)\s+(?:\w+\s+)?(?:as\s+)?(?:a|an)\s*$",
                          text[max(0, m.start() - 30):m.start()], re.I)
        # "Musa in Y5", "Oliver (Y4)": a pupil's class
        owned = owned or re.search(r"[a-z]\s+in\s+$|\w\s*\(\s*$", text[max(0, m.start() - 24):m.start()], re.I) and \
            not re.search(r"\b(?:cod\w*|mark\w*|record\w*|enter\w*|put)\s+(?:\w+\s+)?in\s+$", text[max(0, m.start() - 30):m.start()], re.I)
        if owned and re.match(r"\s+(?:place|places|entry|admission|application|intake|transfer)\b", text[m.end():], re.I):
            owned = None  # "they'll apply for a Y1 place next year" is not the pupil's year now
        if n <= 7 and not owned and not re.match(r"(?:s|'s)?\s+(?:pupil|girl|boy|student|child|class|lad|son|daughter)",
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
    # "reception girl, she's only four, doesn't turn five till spring" (a word, then the clause ends:
    # "they're three siblings" counts children)
    re.compile(rf"\b(?:he|she|they|the pupil|the child)(?:'s|'re| is| are)\s+(?:only\s+|now\s+|just\s+|still\s+)?({_AGE_WORDS})\b"
               r"(?=\s*(?:[,.;:!?)]|$|and\b|but\b|so\b|(?:years? old)\b))", re.I),
    re.compile(r"(?<![\w)(])(?<!\d )\((\d{1,2})\)(?!\s*\()"),
    # "she only turned four in June"
    re.compile(rf"\b(?:turned|turns|has turned|had turned)\s+({_AGE_WORDS}|\d{{1,2}})\b(?!\s*(?:school|days?|weeks?|months?|%|sessions?|/|\.\d))", re.I),
    # "(DOB June 2022, so still 4)"
    re.compile(r"\b(?:so|and|but|is|she's|he's|they're)\s+(?:still|only)\s+(\d{1,2})\b"
               r"(?!\s*(?:school|days?|weeks?|months?|years? (?:at|in|with)|%|sessions?|hours?|miles?|minutes?|times?|of\b|more|left|/|\.\d|st\b|nd\b|rd\b|th\b))",
               re.I),
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
    # "she'll be over compulsory school age by September" is the future: a Year 11 is of
    # compulsory school age now (and that sentence is what 9(1)(l) turns on).
    for m in re.finditer(r"\b(?:not|isn't|is not|no longer|below|under|over|above|past|beyond) (?:of )?(?:the )?(?:compulsory )?school age", t, re.I):
        if "compulsory" not in m.group(0).lower() and not re.match(r"\s*(?:by|before|when|at)\b", t[m.end():]):
            continue
        sentence = t[_sentence_start(t, m.start()):m.end() + 40]
        if re.search(r"\b(?:will|'ll|would) be\b|\bby (?:then|september|the time|next|the start|the autumn)\b|\bwhen (?:we|the school) (?:reopen|next meet|come back)", sentence, re.I):
            continue
        out["of_compulsory_school_age"] = False
        return True
    if _pos(r"\b(?:is|are|'s|'re|still|is now|are now|'s now) (?:of )?compulsory school age", t):
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
    if _has(r"\b11\s*(?:-|\u2013|to)\s*18\b|\b(?:school|academy|college) with (?:a |its own )?(?:sixth|6th) form\b", t):
        return False  # a school with a sixth form: the pupil may be past compulsory school age
    if implied_csa:
        out["of_compulsory_school_age"] = True
    return True
