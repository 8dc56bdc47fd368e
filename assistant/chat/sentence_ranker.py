"""The learnt choice of the passages an answer quotes and leads with: a logistic model over signals the
composer already computes, fitted to studied staff questions and the passages that answer them.

The hand-weighted score (shared rare words, closeness in meaning, chunk rank) was set by eye, and
refitting those same signals changes nothing (523 against 521 of 795 first choices right,
leave-sets-out). What it leaves out is how each retriever ranked the chunk (through the learnt
query map) and the sentence's closeness through the learnt sentence map. With those, the best
sentence's quote holds the evidence for 131 of 184 questions of v22-v27 (held out of both maps and
of this fit) against 114 by hand.

The hand score still decides whether anything answers, whose answer it is and what passes the
answer-type check. The ranker then adds the passage it favours when the hand's choices left it
out (compose.learnt_extra, learnt_side_extra) and puts the one it rates best first
(compose.lead_first). On v22-v27 (held out of the fit, but the sets its use was designed on): 3
more of 300 answers right, none lost, and the first citation on the evidence passage in 138 of 184
answers against 123. On v28 and v29, never read: no graded answer changed, and 63 first citations
on the evidence of 84 against 62.

Refitted in session 27 to every studied set (1239 questions, v1-v45 and v52) with each set's
candidates found through query maps fitted without its fold (``--cross-fit``, the default): on
candidates found that way, a fit leaving each fold out put the evidence first for 1071 of 1395
questions against 1052 for these weights, but end to end only 17 of 2750 answers changed (none
gained, 2 lost on studied sets), so these weights were kept.

The weights live in ``sentence_ranker.json`` beside this module, written by
``python -m eval.fit_sentence_ranker`` with a note of what they were fitted to. The features are
computed here and nowhere else, so the fitting script and the answer engine cannot disagree.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from indexer.corpus import NATIONAL

if TYPE_CHECKING:  # compose imports this module
    from assistant.chat.compose import Unit

WEIGHTS_FILE = Path(__file__).with_name("sentence_ranker.json")
RETRIEVERS = ("bm25", "code", "dense", "sentence")  # the hit's rank under each, where it had one

FEATURES = (
    "lex", "dense", "mapped",  # rare words shared, closeness in meaning, closeness through the sentence map
    "lex_gap", "dense_gap", "mapped_gap",  # each less the best of this question's candidates
    "chunk_rank", "heading", "typed", "fits", "national", "hit_score",
    *(f"{r}_rank" for r in RETRIEVERS),
)


def features(units: list[Unit], mapped: np.ndarray | None, typed: list[bool], fits: list[bool]) -> np.ndarray:
    """One row per unit, in FEATURES order. ``mapped``: the query through the sentence map (None
    without one: the plain closeness stands in). ``typed``: the unit holds the kind of fact the
    question asks for; ``fits``: the composer's own answer-type preference matched it."""
    lex = np.array([u.lex for u in units])
    dense = np.array([u.dense for u in units])
    closer = np.array([float(u.vector @ mapped) if mapped is not None and u.vector is not None else u.dense
                       for u in units])
    hit_score = np.array([u.hit.score for u in units])
    top = float(hit_score.max()) or 1.0
    cols = [lex, dense, closer, lex - lex.max(), dense - dense.max(), closer - closer.max(),
            np.array([1.0 / (1 + u.hit_rank) for u in units]),
            np.array([float(u.is_heading) for u in units]),
            np.array(typed, dtype=float), np.array(fits, dtype=float),
            np.array([float(u.hit.document.authority == NATIONAL) for u in units]),
            hit_score / top]
    cols += [np.array([1.0 / (1 + u.hit.ranks[r]) if r in u.hit.ranks else 0.0 for u in units]) for r in RETRIEVERS]
    return np.column_stack(cols)


@dataclass(frozen=True)
class SentenceRanker:
    mean: np.ndarray
    scale: np.ndarray
    coef: np.ndarray
    intercept: float

    def scores(self, x: np.ndarray) -> np.ndarray:
        """Each unit's chance of being the one to quote, 0..1 (compared only with the chances of the
        same scoring: compose.Scored.own)."""
        z = ((x - self.mean) / self.scale) @ self.coef + self.intercept
        return 1.0 / (1.0 + np.exp(-z))

    def to_json(self, note: dict) -> str:
        return json.dumps({"features": list(FEATURES), "mean": self.mean.round(6).tolist(),
                           "scale": self.scale.round(6).tolist(), "coef": self.coef.round(6).tolist(),
                           "intercept": round(float(self.intercept), 6), "note": note}, indent=1)


@lru_cache(maxsize=4)
def load(path: Path = WEIGHTS_FILE) -> SentenceRanker | None:
    """The fitted ranker, or None when there is no weights file or it was fitted to other features
    (the composer then falls back to its hand-weighted score)."""
    if not path.is_file():
        return None
    raw = json.loads(path.read_text(encoding="utf-8"))
    if tuple(raw.get("features", ())) != FEATURES:
        return None
    return SentenceRanker(np.array(raw["mean"]), np.array(raw["scale"]), np.array(raw["coef"]), float(raw["intercept"]))
