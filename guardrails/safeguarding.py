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
    ("fgm", r"\bfgm\b|female genital|genital mutilation|\bcut(ting)?\b.{0,40}\b(girls?|her|ceremony|holiday|tradition|summer|visit|back home|abroad)|"
            r"\b(be|being|get|getting|was|been) cut\b|"
            r"(made|become) a woman|circumcis"),
    ("forced_marriage", r"forced (to )?marr|forced marriage|made to marry|married off|marry (her|him) off|"
                        r"\b(will|'ll|going to|is to|are to|has to|have to|to) (be|get) (married|engaged)\b|married to (her|his) cousin|"
                        r"arranged to marry|(wedding|marriage|engaged) .{0,40}\b(abroad|back home|overseas)|"
                        r"(husband|wife) .{0,30}\b(found|chosen|picked)"),
    ("trafficking", r"traffick|modern slavery|being sold|moved around by adults|working for (no|little) money"),
    ("abduction", r"abduct|kidnap|taken abroad|taken out of the country|taken overseas|snatched|"
                  r"(won't|will not|never) (let|bring) (her|him|them) back|against (her|his|their) will|"
                  r"where (no one|nobody|we) (can|will|could) (ever )?find"),
    ("missing_protected", r"(child protection plan|\bcp plan\b|on a plan|subject to a plan|\bcla\b|\blac\b|"
                          r"looked after|in care|foster|social worker|child in need|\bcin\b).{0,120}"
                          r"\b(missing|gone|disappeared|can'?t (find|locate|reach)|not (been )?seen|whereabouts|absent|not turned up|hasn'?t (turned|come))|"
                          r"\b(missing|disappeared|can'?t (find|locate)|not been seen).{0,120}(child protection|\bcp plan|looked after|\bcla\b|\blac\b|in care|social worker)"),
    ("exploitation", r"exploit|county lines|grooming|groomed|\bcse\b|\bcce\b|older (men|man|boyfriend)|"
                     r"drugs? (runs?|running|debt)|sexual(ly)? (abuse|assault)|being used to (carry|sell)"),
    ("radicalisation", r"radicali[sz]|extremis|\bprevent referral|joining (isis|daesh|a terror)|terroris"),
    ("immediate_danger", r"in danger|immediate (risk|danger)|\bnot safe\b|unsafe at home|(scared|afraid|frightened) (to go home|of (her|his) (dad|father|mum|mother|uncle|family))|"
                         r"threaten(ed|ing)? to (hurt|kill|harm)|hit (her|him) |bruis|injur|violen|abus(e|ed|ing)\b"),
    ("self_harm", r"self[- ]harm|suicid|kill (herself|himself|themselves)|end (her|his|their) life|overdose"),
    ("unsafe_home", r"house (is )?empty.{0,60}(blood|broken|signs|smashed)|signs of (a )?(struggle|harm|violence)|neglect(ed)?\b.{0,40}(no food|alone|left)"),
)
_STRONG = {"fgm", "forced_marriage", "trafficking", "abduction", "missing_protected", "radicalisation", "self_harm",
           "immediate_danger", "exploitation", "unsafe_home"}

# About a particular child, now.
_PARTICULAR = re.compile(
    r"\b(she|he|her|him|his|they|their|this (child|pupil|girl|boy)|a (year|yr) ?\d+|our (pupil|student|year|child|girl|boy)|"
    r"one of our|a (girl|boy|child|pupil|student) (in|at|from|who|has|is|was|told)|my (pupil|student|class)|"
    r"[a-z]+'s (mum|mother|dad|father|family|sister|brother)|the (girl|boy|child|pupil|family))\b"
)
# A question about policy, training, recording or definitions in general.
_GENERAL = re.compile(
    r"^(what|which|how|is|are|does|do|where|who) .{0,40}\b(policy|policies|training|listed|list|defin|mean|code|record|"
    r"guidance|procedure|reason children|role of|responsib|awareness|statistics|law say)\b"
)


@dataclass(frozen=True)
class Triage:
    at_risk: bool
    indicators: tuple[str, ...]
    reason: str


def triage(message: str) -> Triage:
    t = fold(message)
    found = tuple(name for name, pat in RISKS if re.search(pat, t))
    if not found:
        return Triage(False, (), "no risk indicator")
    particular = bool(_PARTICULAR.search(t))
    general = bool(_GENERAL.search(t)) and not particular
    if general:
        return Triage(False, found, "a general question about policy or recording")
    if particular or set(found) & {"missing_protected", "abduction", "self_harm", "immediate_danger"}:
        return Triage(True, found, "a particular child may be at immediate risk")
    # A risk named without saying who: still escalate, because a miss costs far more than a warning.
    return Triage(bool(set(found) & _STRONG), found, "serious risk indicator")
