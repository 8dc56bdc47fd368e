"""Where the asker works, read from how a message names its own authority.

"Our Norfolk school", "DSL in Barking and Dagenham", "Worcs admissions:" say where the asker works,
not that the answer lies in that authority's documents; "Norfolk's Virtual School" asks about
Norfolk's own. The engine uses this to decide whether a clearly better passage from another
authority may answer a scoped question.
"""

from __future__ import annotations

import re
from functools import lru_cache

_ROLE = (r"(?:dsl|deputy dsl|designated safeguarding lead|attendance (?:officer|lead|manager)|office manager|head(?:teacher)?|"
         r"head of \w+|teacher|senco|ewo|education welfare officer|cme (?:officer|lead|co-?ordinator)|officer|lead|manager|"
         r"admissions|school|academy|primary|secondary|trust|federation|setting|team|worker|governor|clerk|la|local authority|council)")

# Words of a question, which a role's description never starts with ("Who is the CME officer in …?")
_ASKING = r"(?:who|whom|what|which|where|when|why|how|is|are|was|were|do|does|did|can|could|should|would|will|the|a|an)"


@lru_cache(maxsize=32)
def _patterns(names: tuple[str, ...]) -> tuple[re.Pattern, re.Pattern]:
    alts = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
    mention = re.compile(rf"(?<![\w&])(?:{alts})(?![\w&])", re.I)
    own = re.compile(
        # "our Norfolk school", "we're a Barking and Dagenham academy"
        rf"\b(?:our|a|an|at (?:a|an|our)|we(?:'re| are) (?:a|an))\s+(?:{alts})\s+(?:primary |secondary |junior |infant )?"
        rf"(?:school|academy|primary|secondary|trust|federation)\b|"
        # "Derbyshire CME co-ordinator here"
        rf"(?<![\w&])(?:{alts})\s+(?:[\w-]+\s+){{0,3}}?here\b|"
        # "DSL in Barking and Dagenham. …", "Police school liaison officer in Norfolk.", "I'm an attendance
        # officer at a Worcs …", "I work in Derbyshire"
        # (but "who is the CME officer in Derbyshire?" asks about Derbyshire's own officer)
        rf"(?:^|[.!?]\s+|\b(?:i'm|i am|we're|we are|as)\s+(?:a |an |the )?)(?:(?!{_ASKING}\b)[\w-]+\s+){{0,3}}?{_ROLE}\s+(?:in|at|for)\s+(?:{alts})(?![\w&])|"
        rf"\b(?:i|we)\s+(?:work|am based|are based)\s+(?:in|at|for)\s+(?:{alts})(?![\w&])|"
        # "our CME procedure in Norfolk", "our attendance policy for Worcs"
        rf"\bour\s+(?:[\w-]+\s+){{0,3}}?(?:in|for)\s+(?:{alts})(?![\w&])|"
        # a sign-on at the start: "Worcs admissions: …", "Derbyshire school - …", "Norfolk LA. …",
        # "Derbyshire admissions query: …"
        rf"^\s*(?:{alts})\s+(?:[\w-]+\s+){{0,2}}?{_ROLE}(?:\s+(?:query|question|enquiry|here))?\s*[:\-\u2013\u2014.,]",
        re.I,
    )
    return mention, own


def only_where_asker_works(message: str, names: tuple[str, ...]) -> bool:
    """Does every mention of the authority (by any of ``names``) say where the asker works?"""
    if not names:
        return False
    mention, own = _patterns(tuple(sorted(set(names))))
    mentions = list(mention.finditer(message))
    owned = list(own.finditer(message))
    return bool(mentions) and all(any(o.start() <= m.start() < o.end() for o in owned) for m in mentions)
