"""Shared pieces of the evaluation runners: gold data, evidence matching, metrics."""

from __future__ import annotations

import json
import re
from pathlib import Path

from indexer.normalise import clean_inline

DATA = Path(__file__).parent / "data" / "v1"
REPORTS = Path(__file__).parent / "reports"
KS = (1, 3, 5, 10)


def gold_set(argv: list[str] | None) -> tuple[Path, str]:
    """The gold-set folder a runner reads (``--data v2``) and the suffix its reports carry: none
    for v1, whose reports keep their original names; ``-v2`` for the held-out v2 set."""
    import argparse

    parser = argparse.ArgumentParser()
    parser.add_argument("--data", default="v1", help="gold-set version under eval/data/ (default v1)")
    version = parser.parse_args(argv or []).data
    folder = DATA.parent / version
    if not folder.is_dir():
        parser.error(f"no gold set {folder}")
    return folder, "" if version == "v1" else f"-{version}"


def read_jsonl(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def evidence_key(evidence: str) -> str:
    """Evidence is copied from the raw file; compare it as the indexer normalises text."""
    return squash(clean_inline(evidence))


def contains_evidence(text: str, evidence: str) -> bool:
    return evidence_key(evidence) in squash(text)


def first_relevant_rank(ranked_texts: list[tuple[str, str]], doc_id: str | None, evidence: str) -> int | None:
    """1-based rank of the first (doc_id, text) that holds the evidence (any document if doc_id is None)."""
    for rank, (d, text) in enumerate(ranked_texts, 1):
        if (doc_id is None or d == doc_id) and contains_evidence(text, evidence):
            return rank
    return None


def metrics(ranks: list[int | None]) -> dict[str, float]:
    n = len(ranks) or 1
    out = {f"recall@{k}": sum(1 for r in ranks if r is not None and r <= k) / n for k in KS}
    out["mrr"] = sum(1.0 / r for r in ranks if r is not None and r <= 10) / n
    return out


def percentile(values: list[float], q: float) -> float:
    if not values:
        return 0.0
    s = sorted(values)
    i = min(len(s) - 1, max(0, int(round(q / 100 * (len(s) - 1)))))
    return s[i]
