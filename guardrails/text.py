"""Text normalisation shared by the rails: undo the usual obfuscations before matching."""

from __future__ import annotations

import re
import unicodedata

_LEET = str.maketrans({"0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t", "@": "a", "$": "s", "!": "i"})


def fold(text: str) -> str:
    """Lower-case, accents off, zero-width characters out, whitespace collapsed."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch) and ch not in "\u200b\u200c\u200d\ufeff")
    return re.sub(r"\s+", " ", text.lower()).strip()


def deobfuscate(text: str) -> str:
    """'I g n o r e', 'ign0re', 'i.g.n.o.r.e' → 'ignore' (for injection matching only)."""
    t = fold(text)
    # Single characters separated by spaces or dots ("i g n o r e", "i.g.n.o.r.e") become one word.
    t = re.sub(r"(?:(?<=\s)|^)(?:[a-z0-9@$!][\s.\-_*]){3,}[a-z0-9@$!](?=\s|$)",
               lambda m: re.sub(r"[\s.\-_*]", "", m.group(0)), t)
    words = [w.translate(_LEET) if re.search(r"[a-z]", w) and re.search(r"[0-9@$!]", w) else w for w in t.split()]
    return " ".join(words)
