"""The 2006 deletion grounds (SI 2006/1751 reg 8) and their 2024 equivalents.

Many school policies and forms still use the 2006 letters: "8(1)(h)" is now 9(1)(i).
``map_2006_ground`` translates one reference; ``find_old_ground_references`` spots them
(and a few tell-tale 2006 phrases) in a piece of text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .errors import UnknownRule

__all__ = ["OldGroundMapping", "OldGroundReference", "map_2006_ground", "find_old_ground_references"]


@dataclass(frozen=True)
class OldGroundMapping:
    old: str
    new: tuple[str, ...]
    note: str


@dataclass(frozen=True)
class OldGroundReference:
    text: str
    start: int
    end: int
    old: str | None
    new: tuple[str, ...]
    note: str


_MAP: dict[str, tuple[tuple[str, ...], str]] = {
    "8(1)(a)": (("9(1)(d)", "9(1)(e)"),
                "School attendance order: another school substituted is now 9(1)(d); order "
                "revoked for education otherwise is now 9(1)(e)."),
    "8(1)(b)": (("9(1)(a)",), "Registered at another school is now 9(1)(a)."),
    "8(1)(c)": (("9(1)(c)",), "Dual registration, other school(s) consenting, is now 9(1)(c)."),
    "8(1)(d)": (("9(1)(f)",), "Parent's written notice of education otherwise (home education) is now 9(1)(f)."),
    "8(1)(e)": (("9(1)(g)",), "No longer living a reasonable distance away is now 9(1)(g)."),
    "8(1)(f)": (("9(1)(h)",), "Not back within 10 school days after leave is now 9(1)(h); joint "
                              "enquiries with the LA are still required."),
    "8(1)(g)": ((), "The medical ground (certified unlikely to be fit to attend before the end of "
                    "compulsory school age) was abolished in 2024 and has no equivalent. Keep the "
                    "pupil on roll, code I, and make a sickness return (reg 13(9))."),
    "8(1)(h)": (("9(1)(i)",), "20 school days' continuous absence is now 9(1)(i); since 2024 every "
                              "session must be coded G, N or O and the LA may have to agree."),
    "8(1)(i)": (("9(1)(j)",), "Custody is now 9(1)(j): a sentence of detention, with no four-month "
                              "minimum. Remand does not count."),
    "8(1)(j)": (("9(1)(k)",), "Died is now 9(1)(k)."),
    "8(1)(k)": (("9(1)(l)",), "Ceasing to be of compulsory school age is now 9(1)(l)."),
    "8(1)(l)": (("9(1)(n)",), "Left a non-maintained, non-Academy school is now 9(1)(n)."),
    "8(1)(m)": (("9(1)(o)",), "Permanently excluded is now 9(1)(o)."),
    "8(1)(n)": (("9(1)(b)",), "Nursery pupil not moving up to reception is now 9(1)(b)."),
    "8(1)(o)": (("9(1)(m)",), "Boarding charges unpaid is now 9(1)(m)."),
    "8(2)": (("9(2)",), "Special school placements arranged by an LA are now reg 9(2): LA consent "
                        "unless ground (d), (e), (k) or (o) applies, or a Secretary of State direction."),
    "8(3)(a)": (("9(3)(a)", "9(3)(b)"), "Not of compulsory school age and ceased to attend is now "
                                        "9(3)(a) (non-boarder) or 9(3)(b) (boarder)."),
    "8(3)(b)": (("9(3)(c)",), "Not of compulsory school age, 20 school days' absence is now 9(3)(c)."),
    "8(3)(c)": (("9(3)(d)",), "Not of compulsory school age, died is now 9(3)(d)."),
    "8(3)(d)": (("9(3)(a)",), "Nursery pupil not of compulsory school age is now covered by 9(3)(a)."),
    "8(3)(e)": (("9(3)(e)",), "Not of compulsory school age, permanently excluded is now 9(3)(e)."),
    "9": (("9(1)(a)", "9(1)(c)", "9(4)"),
          "The 2006 traveller-children rule (reg 9) is now part of 9(1)(a)(ii), 9(1)(c)(iv) and the "
          "'main school' definition in 9(4)."),
}

_REF = re.compile(
    r"(?<!section )(?<!s\. )(?<!s\.)(?<!s )(?:\breg(?:ulation)?\.?\s*)?\b8\s*\(\s*([123])\s*\)\s*(?:\(\s*([a-o])\s*\)|([a-o])\b)?",
    re.IGNORECASE,
)
_ONE = re.compile(
    r"^\s*(?:reg(?:ulation)?\.?\s*)?(?:(9)|8\s*[(.]?\s*([123])\s*[).]?\s*[(.]?\s*([a-o])?\s*\)?)\s*$",
    re.IGNORECASE,
)


def map_2006_ground(ref: str) -> OldGroundMapping:
    """Map a 2006 reference such as ``"8(1)(h)"`` (or ``"reg 8(1) (h)"``) to 2024."""
    m = _ONE.match(str(ref))
    if not m:
        raise UnknownRule(f"'{ref}' is not a ground of the 2006 Regulations (write it like 8(1)(h)).")
    if m[1]:
        key = "9"
    else:
        key = f"8({m[2]})" + (f"({m[3].lower()})" if m[3] else "")
    if key not in _MAP:
        raise UnknownRule(f"'{ref}' is not a ground of the 2006 Regulations (write it like 8(1)(h)).")
    new, note = _MAP[key]
    return OldGroundMapping(old=key, new=new, note=note)


# Phrases only the old law used: (pattern, the 2024 provisions now covering it, note).
_PHRASES: tuple[tuple[re.Pattern, tuple[str, ...], str], ...] = (
    (re.compile(r"Pupil Registration\)\s*\(England\)\s*Regulations\s*2006", re.I), (),
     "The 2006 Regulations were revoked on 19 August 2024; the grounds are now in reg 9 of the "
     "2024 Regulations (SI 2024/208), with different letters."),
    (re.compile(r"(?:more than|not less than|at least)\s+(?:four|4)\s+months", re.I), ("9(1)(j)",),
     "A four-month minimum for custody was the 2006 rule; since 2024 any sentence of detention "
     "counts (9(1)(j)), and remand never does."),
    (re.compile(r"school medical officer", re.I), (),
     "The 2006 medical ground (8(1)(g)) was abolished in 2024."),
    # The 2016 amendments added a duty to tell the LA of each new pupil within five days.
    (re.compile(r"\b(?:inform|notify|tell)\b[^.]{0,60}\bwithin (?:5|five) (?:school )?days\b[^.]{0,40}\b(?:enrol|admit|join|start)\w*", re.I),
     ("13(1)",),
     "Telling the LA of each new pupil within five days (the 2016 amendments) is now the new pupil "
     "return: by the end of the fifth day after the pupil's name is entered in the admission register "
     "(reg 13(1) of the 2024 Regulations)."),
    # The same amendments' two duties, as a county guide tells them ("from 1st September 2016, the
    # Government introduced 2 new statutory requirements … notify the LA when a pupil leaves/joins …").
    (re.compile(r"\b(?:from|since) (?:the )?1(?:st)? September 2016\b[^.]{0,80}\b(?:statutory )?(?:requirements?|duty|duties)\b|"
                r"\bnotify the (?:LA|local authority) when a pupil (?:joins|leaves) the school outside (?:of )?the normal time", re.I),
     ("13(1)", "13(4)"),
     "The duties to tell the LA of pupils joining or leaving outside the normal times (introduced from "
     "September 2016) are now the new pupil return and the deletion return (reg 13(1) and 13(4) of the "
     "2024 Regulations)."),
    # The 2006 wording of the Year 11 leaver: "ceased to attend … before compulsory school leaving age,
    # and neither he/she nor his/her parent has indicated the intention to continue".
    (re.compile(r"\bceased to attend\b[^.]{0,80}\bbefore (?:the )?(?:compulsory )?school leaving age\b", re.I),
     ("9(1)(l)",),
     "A pupil leaving before the end of compulsory schooling without saying they will stay on is now "
     "9(1)(l): over compulsory school age by the next time the school meets, and not expected to "
     "attend the sixth form (or not meeting its entry requirements)."),
)


def find_old_ground_references(text: str) -> tuple[OldGroundReference, ...]:
    """Spot 2006 ground references and 2006-only phrases in ``text``, in order."""
    found: list[OldGroundReference] = []
    for m in _REF.finditer(text):
        letter = m[2] or m[3]
        key = f"8({m[1]})" + (f"({letter.lower()})" if letter else "")
        if key not in _MAP:
            continue
        new, note = _MAP[key]
        found.append(OldGroundReference(m[0], m.start(), m.end(), key, new, note))
    for pattern, now, note in _PHRASES:
        for m in pattern.finditer(text):
            found.append(OldGroundReference(m[0], m.start(), m.end(), None, now, note))
    return tuple(sorted(found, key=lambda r: r.start))
