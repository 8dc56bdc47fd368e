"""A linear map for query vectors, learnt from staff questions labelled with the passage that answers them.

all-MiniLM-L6-v2 was trained on general web text: a question in staff's words ("she's been off since
half term and nobody answers the door") lands nearer passages that share its words than the passage
that answers it. With a fixed corpus and a few hundred labelled questions, a 384 x 384 matrix applied
to the query vector (the chunk vectors stay as they are, so nothing is re-embedded) moves questions
towards their answers. The matrix starts at the identity and is pulled back towards it, so a question
unlike any labelled one is moved little.

Pure: arrays in, arrays out. Training is a full-batch softmax over every chunk the question's
search may return (hundreds, so no sampling is needed), which is deterministic on one machine.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

import numpy as np


@dataclass(frozen=True)
class AdapterParams:
    # Chosen by cross-validation by gold set (python -m eval.cv_adapter, eval/reports/adapter-cv.md).
    # With a few hundred questions (session 10: train v1-v15, test v16-v19) a pull of 0.01 was best:
    # 0.1 and 1.0 kept the map too near the identity, 0.003 was no better. With 2078 questions
    # (session 26, 5 folds) a looser map and a sharper softmax generalise better: chunk MRR 0.884 at
    # (0.01, 0.05), 0.906 at (0.003, 0.05), 0.913 at (0.003, 0.03), 0.920 at (0.001, 0.03), 0.908 at
    # (0, 0.05); sentence MRR 0.844, 0.865, 0.872, 0.877. 600 epochs gave the same as 300.
    pull_to_identity: float = 0.001
    temperature: float = 0.03
    epochs: int = 300
    learning_rate: float = 1e-3


@dataclass(frozen=True)
class Ranks:
    """Where the first answering chunk ranks for each question (1 = top)."""

    ranks: tuple[int, ...]

    @property
    def mrr(self) -> float:
        return float(np.mean([1.0 / r for r in self.ranks])) if self.ranks else 0.0

    def recall_at(self, k: int) -> float:
        return float(np.mean([r <= k for r in self.ranks])) if self.ranks else 0.0


def apply(matrix: np.ndarray | None, vector) -> np.ndarray:
    """The adapted, unit-length query vector (the vector itself, normalised, when there is no matrix)."""
    q = np.asarray(vector, dtype=np.float32)
    if matrix is not None:
        q = matrix @ q
    norm = float(np.linalg.norm(q))
    return q / norm if norm > 0 else q


def rank_answers(queries: np.ndarray, chunks: np.ndarray, positives: list[list[int]], allowed: np.ndarray,
                 matrix: np.ndarray | None = None) -> Ranks:
    """Rank every allowed chunk for each query by cosine and report where its first answer comes."""
    q = queries if matrix is None else queries @ matrix.T
    q = q / np.maximum(np.linalg.norm(q, axis=1, keepdims=True), 1e-12)
    sims = np.where(allowed, q @ chunks.T, -np.inf)
    out = []
    for row, pos in zip(sims, positives):
        best = max(row[p] for p in pos)
        out.append(int(np.sum(row > best)) + 1)
    return Ranks(tuple(out))


def train(queries: np.ndarray, chunks: np.ndarray, positives: list[list[int]], allowed: np.ndarray,
          params: AdapterParams = AdapterParams(), progress: Callable[[int, int], None] | None = None) -> np.ndarray:
    """Learn W so that normalise(W q) ranks a question's answering chunks first among those allowed.

    ``queries``: n x d unit vectors; ``chunks``: m x d unit vectors; ``positives[i]``: the chunk rows
    that answer question i (at least one, each allowed for it); ``allowed``: n x m, the chunks
    question i's search may return. Loss: softmax cross-entropy with every answering chunk counted
    as correct, plus ``pull_to_identity`` times the squared distance of W from the identity.
    """
    import torch

    if len(queries) != len(positives) or allowed.shape != (len(queries), len(chunks)):
        raise ValueError("queries, positives and allowed must describe the same questions and chunks")
    if any(not pos or not all(allowed[i, p] for p in pos) for i, pos in enumerate(positives)):
        raise ValueError("every question needs at least one answering chunk its search may return")
    d = chunks.shape[1]
    q = torch.tensor(np.asarray(queries, dtype=np.float32))
    c = torch.tensor(np.asarray(chunks, dtype=np.float32))
    ok = torch.tensor(allowed)
    answer = torch.zeros_like(ok)
    for i, pos in enumerate(positives):
        answer[i, pos] = True
    eye = torch.eye(d)
    w = eye.clone().requires_grad_(True)
    opt = torch.optim.Adam([w], lr=params.learning_rate)
    very_low = -1e9  # a masked logit: exp() of it is 0, and no gradient flows through it
    for epoch in range(params.epochs):
        aq = q @ w.T
        aq = aq / aq.norm(dim=1, keepdim=True).clamp_min(1e-12)
        logits = ((aq @ c.T) / params.temperature).masked_fill(~ok, very_low)
        fit = torch.logsumexp(logits.masked_fill(~answer, very_low), 1) - torch.logsumexp(logits, 1)
        loss = -fit.mean() + params.pull_to_identity * ((w - eye) ** 2).sum()
        opt.zero_grad()
        loss.backward()
        opt.step()
        if progress and ((epoch + 1) % 10 == 0 or epoch + 1 == params.epochs):
            progress(epoch + 1, params.epochs)
    return w.detach().numpy().astype(np.float32)


def cross_validate(queries: np.ndarray, chunks: np.ndarray, positives: list[list[int]], allowed: np.ndarray,
                   groups: np.ndarray, folds: int, params: AdapterParams = AdapterParams()) -> tuple[Ranks, Ranks]:
    """Ranks of each question's first answer under a map fitted without its group's fold, and with no map.

    ``groups``: one integer a question (its gold set's number), so questions written together are
    never split between fitting and testing: a set's siblings phrase alike, and splitting them would
    flatter the map. Fold ``k`` holds the groups whose number leaves ``k`` when divided by ``folds``."""
    fold = np.asarray(groups) % folds
    fitted, plain = [], []
    for k in range(folds):
        test = np.where(fold == k)[0]
        train_rows = np.where(fold != k)[0]
        if not len(test) or not len(train_rows):
            continue
        w = train(queries[train_rows], chunks, [positives[i] for i in train_rows], allowed[train_rows], params)
        fitted += rank_answers(queries[test], chunks, [positives[i] for i in test], allowed[test], w).ranks
        plain += rank_answers(queries[test], chunks, [positives[i] for i in test], allowed[test]).ranks
    return Ranks(tuple(fitted)), Ranks(tuple(plain))
