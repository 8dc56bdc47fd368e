"""BM25 over chunk text + heading path, with regulation codes kept as single tokens.

``9(1)(g)`` would otherwise tokenise to "9", "1", "g" and match every regulation; we fold it into
one token ``reg_9_1_g`` (and its parent ``reg_9_1``) on both the index and the query side.
"""

from __future__ import annotations

import re
from functools import lru_cache

import bm25s
import numpy as np

_CODE = re.compile(r"\b(\d{1,2})\s*\((\d{1,2})\)((?:\s*\([a-z]{1,2}\))*)", re.I)
_WORD = re.compile(r"[a-z0-9]+(?:['’][a-z]+)?")
STOPWORDS = frozenset(
    """a an and are as at be been being but by can could did do does for from had has have he her his
    i if in into is it its may me might must my no not of on or our shall she should so such than
    that the their them then there these they this those to was we were what when where which who
    whom why will with would you your do i'm im""".split()
)


def code_tokens(text: str) -> list[str]:
    out = []
    for m in _CODE.finditer(text):
        reg, para = m.group(1), m.group(2)
        letters = re.findall(r"\(([a-z]{1,2})\)", m.group(3).lower())
        out.append(f"reg_{reg}_{para}")
        if letters:
            out.append(f"reg_{reg}_{para}_" + "_".join(letters))
    return out


# Numbers are written both ways ("five days", "5 days"; "first day", "1st day"): fold words to digits.
_NUMBERS = {w: str(i) for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
    "seventeen eighteen nineteen twenty".split())}
_NUMBERS |= {"thirty": "30", "forty": "40", "fifty": "50", "sixty": "60", "ninety": "90", "hundred": "100"}
_NUMBERS |= {"first": "1st", "second": "2nd", "third": "3rd", "fourth": "4th", "fifth": "5th", "sixth": "6th",
             "seventh": "7th", "eighth": "8th", "ninth": "9th", "tenth": "10th", "eleventh": "11th", "twelfth": "12th"}


def tokenize(text: str) -> list[str]:
    return list(_tokens(text))


# A turn scores the same corpus sentences again and again (each search, each authority): their
# tokens are kept rather than re-stemmed (that was ~15 ms of a turn's ~150 ms). The corpus's
# sentences, headings and quotes come to about 2,500 texts; each message adds a few more.
@lru_cache(maxsize=8192)
def _tokens(text: str) -> tuple[str, ...]:
    low = text.lower()
    codes = code_tokens(low)
    low = _CODE.sub(" ", low)
    words = [w.replace("’", "'") for w in _WORD.findall(low)]
    words = [w[:-2] if w.endswith("'s") else w for w in words]
    words = [_NUMBERS.get(w, w) for w in words]
    return tuple([_stem(w) for w in words if w not in STOPWORDS] + codes)


def _stem(word: str) -> str:
    # A light suffix-stripper: enough to match "enquiries"/"enquiry", "deleted"/"deletion".
    if word.endswith("ness") and len(word) >= 7:
        return word[:-4]  # illness, sickness, awareness
    for suffix, repl in (("ies", "y"), ("ing", ""), ("ed", ""), ("ion", ""), ("es", ""), ("s", "")):
        if len(word) > len(suffix) + 3 and word.endswith(suffix):
            return word[: -len(suffix)] + repl
    if len(word) == 4 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]  # days, ways, logs
    return word


class BM25Index:
    def __init__(self, texts: list[str], k1: float = 1.2, b: float = 0.75) -> None:
        self._model = bm25s.BM25(k1=k1, b=b)
        corpus = [tokenize(t) or ["_empty_"] for t in texts]
        self._model.index(bm25s.tokenization.Tokenized(*_vocab(corpus)), show_progress=False)
        self._vocab = _vocab(corpus)[1]
        self.size = len(texts)
        self._df: dict[str, int] = {}
        for doc in corpus:
            for tok in set(doc):
                self._df[tok] = self._df.get(tok, 0) + 1

    def idf(self, token: str) -> float:
        """Smoothed inverse document frequency; unseen terms count as rare."""
        import math

        df = self._df.get(token, 0)
        return math.log(1 + (self.size - df + 0.5) / (df + 0.5))

    def scores(self, query: str) -> np.ndarray:
        ids = [self._vocab[t] for t in tokenize(query) if t in self._vocab]
        if not ids:
            return np.zeros(self.size, dtype=np.float32)
        return self._model.get_scores(ids)


def _vocab(corpus: list[list[str]]) -> tuple[list[list[int]], dict[str, int]]:
    vocab: dict[str, int] = {}
    ids = [[vocab.setdefault(t, len(vocab)) for t in doc] for doc in corpus]
    return ids, vocab
