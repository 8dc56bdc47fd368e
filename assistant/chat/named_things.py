"""Named schemes, registers, forms and teams a question asks about, and whether the corpus has them.

A question about "the new Children Not in School register" retrieves passages that mention children
not in school, and those passages can look like an answer. If no document names that register at all,
the honest reply is that the documents do not cover it, whatever the sentence scores say.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Nouns that make a capitalised name into a thing someone could look up. A register, form or act is
# a different thing from its namesake ("the Children Not in School register" is not the phrase
# "children not in school"), so the corpus must name it with its noun.
DEFINING = ("register", "form", "database", "scheme", "act", "bill", "protocol", "portal", "code", "tool",
            "app", "website", "fund", "grant", "programme", "return", "order")
# A team or service is usually called by its name alone ("contact the Family Front Door").
# (Not "school": staff name their own school, which no policy need mention.)
GENERIC = ("team", "service", "panel", "hub", "system", "board", "unit", "helpline", "meeting", "line")
HEADS = tuple(h + s for h in DEFINING + GENERIC for s in ("s", ""))
_JOIN = r"(?:in|of|and|for|the|not|to|&)"
_CAP = r"(?:[A-Z][\w'’-]*)"
# Two or more capitalised words (small joining words allowed between), then a head noun in lower case.
_NAMED = re.compile(
    rf"(?<![\w'’-])((?:{_CAP}\s+(?:{_JOIN}\s+)*){{1,6}}{_CAP})\s+((?i:{'|'.join(HEADS)}))\b"
)
# Forms and returns known by a code: "the CME 2 form" (the corpus has CME 1 and CME 3).
_CODED = re.compile(r"(?<![\w'’-])([A-Z]{2,6}[ -]?\d{1,3}[A-Za-z]?)\s+((?i:forms?|returns?|registers?))\b")
# A government body named by its office: "the Ministry of Defence", "the Department for Work and Pensions".
_BODY = re.compile(r"(?<![\w'’-])((?:Ministry|Department|Office|Agency|Directorate) (?:of|for) (?:the )?[A-Z][\w'’-]*"
                   r"(?:,? (?:and )?[A-Z][\w'’-]*){0,3})")
# "Can Jayden Smith return to school?": the noun is a verb here, and the name a person's.
_AS_VERB = re.compile(r"\s+(?:to|with|at|for|from|in|on|into|back|home|the|a|an|her|his|their|him|them|us|me|it|this|that)\b", re.I)
MAX_NAMES = 3
_QUESTION_START = {"what", "which", "who", "when", "where", "why", "how", "is", "are", "do", "does", "can",
                   "should", "will", "the", "a", "an", "our", "my", "we", "i", "if", "please", "tell"}


def named_things(message: str) -> list[tuple[str, str]]:
    """(name, head noun) pairs such as ("Children Not in School", "register")."""
    out: list[tuple[str, str]] = []
    rest = [w for w in message.split()[1:] if w != "I"]
    if len(rest) >= 7 and sum(1 for w in rest if w[:1].isupper()) >= 0.6 * len(rest):
        return out  # Title Case Throughout: capitals say nothing about names
    for m in _NAMED.finditer(message):
        if len(out) >= MAX_NAMES:
            break
        if _AS_VERB.match(message, m.end()):
            continue
        words = m.group(1).split()
        # A sentence's first word is capitalised anyway: "What Children Not in School register..."
        while words and re.sub(r"['’]s$", "", words[0].lower()) in _QUESTION_START:
            words = words[1:]
        # The owner is not part of the name: "Worcestershire's Family Front Door team".
        owners = [i for i, w in enumerate(words) if re.search(r"['’]s$", w)]
        if owners:
            words = words[owners[-1] + 1:]
        # Acronyms ("LA CME team") are common nouns here; a name needs two title-case words.
        if sum(1 for w in words if re.match(r"[A-Z][a-z]", w)) >= 2:
            out.append((" ".join(words), m.group(2)))
    for m in _BODY.finditer(message):
        if len(out) < MAX_NAMES:
            out.append((m.group(1), ""))
    for m in _CODED.finditer(message):
        # ("return" can be a verb: "can PE 2 return to…"; "form" and "register" here cannot.)
        if len(out) < MAX_NAMES and not (m.group(2).lower().startswith("return") and _AS_VERB.match(message, m.end())):
            out.append((re.sub(r"(?<=[A-Z])-(?=\d)", " ", m.group(1)), m.group(2)))
    return out


def _stem(word: str) -> str:
    return word[:-1] if word.endswith("s") and len(word) > 3 else word


def _fold(text: str) -> str:
    """Apostrophes and hyphens vary in how people type a name ("Childrens Services", "Multi Agency
    Referral Form"); compare without them."""
    return re.sub(r"[-–—/]", " ", re.sub(r"['’]", "", text))


@dataclass(frozen=True)
class Folded:
    """The corpus text prepared once for name look-ups: as written, and lower-cased."""

    cased: str
    lower: str


def fold(corpus_text: str) -> Folded:
    cased = _fold(corpus_text)
    return Folded(cased, cased.lower())


def corpus_names(corpus: Folded, name: str, head: str, *, window: int = 4) -> bool:
    """Does the corpus name this thing? Yes when it writes the name with the same capitals (it is a
    proper name there: "Pupil Leaving Information" is a heading, so "the Pupil Leaving Information
    form" is that section's form); when the name is a team or service's; or when the name is followed
    within a few words by the noun ("'Missing Mondays' weekly strategic meetings"). "children not in
    school (CNIS)" in lower case does not name a "Children Not in School register"."""
    return any(_names(corpus, variant, head, window) for variant in _variants(_fold(name)))


def _variants(name: str) -> list[str]:
    """The name, its shorter tails ("Missing Mondays" for "Worcestershire Missing Mondays"), and the
    name with its leading words as initials ("CME Referral" for "Children Missing Education
    Referral"), each still with two words."""
    words = name.split()
    out = [" ".join(words[i:]) for i in range(len(words) - 1)]
    caps = [w for w in words if w[:1].isupper()]
    for k in range(2, len(caps) + 1):
        lead = words.index(caps[k - 1]) + 1
        out.append(" ".join(["".join(w[0] for w in words[:lead] if w[:1].isupper()), *words[lead:]]))
    return out


def _names(corpus: Folded, name: str, head: str, window: int) -> bool:
    if re.search(rf"(?<!\w){_words(name)}(?!\w)", corpus.cased):
        return True
    words, head = _words(name.lower()), head.lower()
    if _stem(head) in GENERIC and re.search(rf"(?<!\w){words}(?!\w)", corpus.lower):
        return True
    pattern = rf"(?<!\w){words}(?!\w)[\W_]*(?:\S+\s+){{0,{window}}}?[\W_]*{re.escape(_stem(head))}s?\b"
    return re.search(pattern, corpus.lower) is not None


def _words(name: str) -> str:
    # (Words of one name are not split by a paragraph break, and "CME 2" is not the start of "2.4".)
    return r"(?:[ \t]+|\n(?!\s*\n))".join(re.escape(w) for w in name.split()) + r"(?![.,]\d)"


def unknown_things(message: str, corpus: Folded) -> list[str]:
    """The named things in the message that no document names, as written in the message."""
    return [f"{name} {head}".strip() for name, head in named_things(message) if not corpus_names(corpus, name, head)]


# "What does EEVSS stand for?" is answered only where a document spells the letters out.
_ASKS_EXPANSION = re.compile(
    r"\b(?i:what) (?i:does|do|did|is|'s|might) (?i:the |an? )?(?i:acronym |abbreviation |initials )?['\"‘“]?"
    r"(?!(?i:that|this|it|they|these|those|the|term|word|phrase)\b)([A-Za-z][A-Za-z0-9&]{1,6})['\"’”]?"
    r"(?i: (?:team|group|panel|lead|service))? (?i:actually |really |exactly |even )?(?i:stand for|mean|short for)\b|"
    r"\b([A-Z][A-Z0-9&]{1,6}) (?:stands? for|is short for)\b")
# Small words an expansion may skip or use ("Without A School Place", "School to School").
_SKIPPABLE = {"and", "of", "the", "for", "from", "in", "on", "to", "with", "a", "an", "at", "by", "&", "who", "is", "are", "not"}


def asked_expansion(message: str) -> str | None:
    """The acronym whose meaning the message asks for, upper-cased, or None."""
    m = _ASKS_EXPANSION.search(message)
    if m is None:
        return None
    acr = (m.group(1) or m.group(2)).upper()
    return acr if len(acr) >= 2 and re.search(r"[A-Z]", acr) else None


def _spells(letters: str, words: list[str]) -> bool:
    """Do the words, from the first, spell the letters by their initials (small words optional)?"""
    def go(i: int, j: int) -> bool:
        if i == len(letters):
            return True
        if j == len(words):
            return False
        w = words[j].lower()
        want = letters[i].lower()
        hit = w[0] == want or want == "2" and w in ("to", "two") or want == "&" and w in ("and", "&")
        if hit and go(i + 1, j + 1):
            return True
        return w in _SKIPPABLE and j > 0 and go(i, j + 1)
    return go(0, 0)


def spelled_out(acronym: str, corpus_text: str) -> bool:
    """Does the text spell the acronym out beside it ("Without A School Place (WASP)", "WASP -
    Without a School Place")? Words up to 90 characters before or after an occurrence are tried."""
    for m in re.finditer(rf"(?<![\w]){re.escape(acronym)}(?![\w])", corpus_text, re.I):
        # (hyphenated words count word by word: "Multi-Agency Safeguarding Hub")
        before = re.findall(r"[\w&'’]+", corpus_text[max(0, m.start() - 90):m.start()])
        after = re.findall(r"[\w&'’]+", corpus_text[m.end():m.end() + 90])
        n = len(acronym) + 4
        if any(_spells(acronym, before[k:]) for k in range(max(0, len(before) - n), len(before))) or \
                _spells(acronym, after[:n]):
            return True
    return False
