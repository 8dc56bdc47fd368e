"""The deletion grounds of regulation 9 of SI 2024/208, as data.

``GROUNDS[code]`` gives the title, a plain-English meaning, the 2006 letter it
replaced (for old letters and forms) and the regulation text it rests on.
"""

from __future__ import annotations

from dataclasses import dataclass

from . import sources as S
from .sources import Source

__all__ = ["GroundInfo", "GROUNDS", "CSA_ORDER", "NOT_CSA_ORDER", "SPECIAL_SCHOOL_EXCEPTIONS"]


@dataclass(frozen=True)
class GroundInfo:
    code: str
    title: str
    meaning: str
    old_2006: str | None
    source: Source


def _g(code, title, meaning, old, source) -> tuple[str, GroundInfo]:
    return code, GroundInfo(code, title, meaning, old, source)


GROUNDS: dict[str, GroundInfo] = dict([
    _g("9(1)(a)", "Registered at another school",
       "The pupil is now on another school's admission register. It does not apply if a school "
       "attendance order names this school, if the pupil is a mobile child and this is their main "
       "school, or if dual registration has been agreed.", "8(1)(b)", S.REG_9_1_A),
    _g("9(1)(b)", "Nursery pupil not moving up to reception",
       "The pupil was admitted for nursery education, has finished it and would move up to "
       "reception, but the school has no reasonable grounds to believe they will attend again.",
       "8(1)(n)", S.REG_9_1_B),
    _g("9(1)(c)", "Dual-registered pupil who will not attend again",
       "The pupil is also registered at other schools, will not attend this one again, and every "
       "other school has consented to the deletion (and no SAO names this school; not the main "
       "school of a mobile child).", "8(1)(c)", S.REG_9_1_C),
    _g("9(1)(d)", "School attendance order amended to name another school",
       "The local authority that served the school attendance order has amended it to name "
       "another school instead of this one.", "8(1)(a)", S.REG_9_1_D),
    _g("9(1)(e)", "School attendance order revoked: education otherwise than at school",
       "The local authority that served the school attendance order has revoked it because "
       "suitable education otherwise than at school has been arranged.", "8(1)(a)", S.REG_9_1_E),
    _g("9(1)(f)", "Elective home education (parent's written notice)",
       "A parent has told the school in writing that the pupil will be educated otherwise than "
       "at school after a certain day; that day has passed and no SAO names this school.",
       "8(1)(d)", S.REG_9_1_F),
    _g("9(1)(g)", "No longer lives a reasonable distance from the school",
       "The pupil no longer normally lives within a reasonable distance (for example they have "
       "moved away or abroad), is not a boarder, and the school has no reasonable grounds to "
       "believe they will attend again.", "8(1)(e)", S.REG_9_1_G),
    _g("9(1)(h)", "Not back within 10 school days after leave of absence",
       "After authorised leave the pupil has not attended within the next 10 school days, there "
       "is no reason to think illness or an unavoidable cause is the reason, and the school and "
       "the local authority have jointly tried to find the pupil.", "8(1)(f)", S.REG_9_1_H),
    _g("9(1)(i)", "Continuously absent for 20 school days",
       "The pupil has been absent for at least 20 school days in a row, every session coded G, N "
       "or O, there is no reason to think illness or an unavoidable cause is the reason, and the "
       "school and the local authority have jointly tried to find the pupil.", "8(1)(h)",
       S.TWENTY_DAYS),
    _g("9(1)(j)", "Detained under a sentence of detention",
       "The pupil is serving a sentence of detention and the school has no reasonable grounds to "
       "believe they will come back afterwards. Remand and police detention do not count.",
       "8(1)(i)", S.REG_9_1_J),
    _g("9(1)(k)", "Died", "The pupil has died.", "8(1)(j)", S.DIED),
    _g("9(1)(l)", "Over compulsory school age by the next time the school meets",
       "The pupil reaches the end of compulsory school age before the school next meets and "
       "either will not attend again or does not meet the sixth-form entry requirements.",
       "8(1)(k)", S.REG_9_1_L),
    _g("9(1)(m)", "Boarding charges unpaid at the end of term",
       "A boarder at a maintained school or Academy whose parent's board and lodging charges are "
       "still unpaid at the end of the term they relate to.", "8(1)(o)", S.REG_9_1_M),
    _g("9(1)(n)", "Left an independent or non-maintained school",
       "The pupil has stopped being a pupil at a school that is neither maintained by a local "
       "authority nor an Academy (an independent or non-maintained special school).", "8(1)(l)",
       S.REG_9_1_N),
    _g("9(1)(o)", "Permanently excluded",
       "The pupil has been permanently excluded and the exclusion has taken effect: no review "
       "sought in writing, the review deadline passed, or the review process ended without "
       "reinstatement.", "8(1)(m)", S.EXCLUDED),
    _g("9(3)(a)", "Not of compulsory school age: will not attend again",
       "A pupil who is not of compulsory school age and not a boarder, whom the school has no "
       "reasonable grounds to believe will attend again.", "8(3)(a)", S.REG_9_3_A),
    _g("9(3)(b)", "Not of compulsory school age: boarder who has left",
       "A boarder who is not of compulsory school age and has ceased to be a pupil.", "8(3)(a)",
       S.REG_9_3_B),
    _g("9(3)(c)", "Not of compulsory school age: 20 school days of continuous absence",
       "A pupil not of compulsory school age absent for at least 20 school days in a row, never "
       "with leave, not for illness or an unavoidable cause, after the school's own reasonable "
       "efforts to find them (no local authority involvement required).", "8(3)(b)",
       S.TWENTY_DAYS),
    _g("9(3)(d)", "Not of compulsory school age: died", "The pupil has died.", "8(3)(c)", S.DIED_3D),
    _g("9(3)(e)", "Not of compulsory school age: permanently excluded",
       "The pupil has been permanently excluded and the exclusion has taken effect.", "8(3)(e)",
       S.EXCLUDED_3E),
])

#: order of preference when several grounds are met (most specific first; (d)/(e)
#: before (a) because 9(1)(a)(i) excludes SAO cases - a design choice, not law)
CSA_ORDER = ("9(1)(k)", "9(1)(o)", "9(1)(d)", "9(1)(e)", "9(1)(j)", "9(1)(f)", "9(1)(a)",
             "9(1)(c)", "9(1)(b)", "9(1)(l)", "9(1)(m)", "9(1)(n)", "9(1)(g)", "9(1)(h)",
             "9(1)(i)")
NOT_CSA_ORDER = ("9(3)(d)", "9(3)(e)", "9(3)(c)", "9(3)(b)", "9(3)(a)")
SPECIAL_SCHOOL_EXCEPTIONS = frozenset({"9(1)(d)", "9(1)(e)", "9(1)(k)", "9(1)(o)"})
