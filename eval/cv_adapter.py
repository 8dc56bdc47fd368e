"""Cross-validate the query adapter's settings on the tuning questions, folds by gold set.

The index's own fitting report gives training figures (every question it is scored on was fitted),
which a map that memorises its questions wins. Here each question is ranked by a map fitted without
its gold set's fold, so a setting is judged on questions phrased by writers the map has not met:
the situation of a held-out set. Dense ranking only, over every chunk (or sentence) the question's
search may return, as the fit itself ranks.

    python -m eval.cv_adapter                     # both maps, the current settings and the candidates below
    python -m eval.cv_adapter --kind chunk --folds 5 --grid '[{"pull_to_identity": 0.003}]'

Writes eval/reports/adapter-cv.{md,json} (the chunk map takes about 40 s a setting on 2 cores,
the sentence map about 4 minutes).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from dataclasses import asdict, fields
from pathlib import Path

import numpy as np

from eval.common import REPORTS

# Compared with the current settings when no --grid is given: the neighbours of the current
# values that session 26's search (pull 0, 0.001, 0.003, 0.01, 0.03; temperature 0.02-0.1; 300 or
# 600 epochs) found best or close.
CANDIDATES = ({"pull_to_identity": 0.01, "temperature": 0.05}, {"pull_to_identity": 0.003, "temperature": 0.03})


def _parse(argv: list[str] | None) -> argparse.Namespace:
    p = argparse.ArgumentParser(prog="python -m eval.cv_adapter", description=__doc__.split("\n\n")[0])
    p.add_argument("--kind", choices=("chunk", "sentence", "both"), default="both", help="which map (default both)")
    p.add_argument("--folds", type=int, default=5, help="folds; a question's fold is its set's number mod this (default 5)")
    p.add_argument("--grid", help="JSON list of AdapterParams overrides to compare with the current settings")
    p.add_argument("--out", type=Path, default=REPORTS / "adapter-cv", help="report path without suffix")
    args = p.parse_args(argv)
    if args.folds < 2:
        p.error("--folds must be at least 2")
    return args


def settings_grid(grid: str | None) -> list[dict]:
    """The current settings ({}) first, then each override to compare; ValueError names a bad entry."""
    from indexer.query_adapter import AdapterParams

    names = {f.name for f in fields(AdapterParams)}
    try:
        asked = json.loads(grid) if grid else list(CANDIDATES)
    except json.JSONDecodeError as exc:
        raise ValueError(f"--grid is not JSON: {exc}") from exc
    if not isinstance(asked, list):
        raise ValueError("--grid must be a JSON list of objects")
    for row in asked:
        if not isinstance(row, dict) or set(row) - names:
            raise ValueError(f"each --grid entry must be an object with keys among {sorted(names)}: {row!r}")
    return [{}, *asked]


def main(argv: list[str] | None = None) -> int:
    args = _parse(argv)
    try:
        grid = settings_grid(args.grid)
    except ValueError as exc:
        print(f"cv_adapter: {exc}", file=sys.stderr)
        return 2

    from assistant.cli import run_index
    from assistant.settings import Settings
    from indexer import query_adapter, tuning
    from indexer.embeddings import MiniLMEmbeddings
    from indexer.glossary import Glossary
    from indexer.retriever import open_retriever

    settings = Settings()
    run_index(settings, quiet=True)
    corpus = settings.corpus_dir
    embeddings = MiniLMEmbeddings()
    r = open_retriever(settings.data_dir, embeddings, Glossary.load(corpus / "glossary.yaml"), query_adapter=False)
    questions = tuning.read_questions(corpus / tuning.TUNING_FILE)
    kinds = ("chunk", "sentence") if args.kind == "both" else (args.kind,)
    rows = []
    for kind in kinds:
        items = tuning.chunk_items(r) if kind == "chunk" else tuning.sentence_items(r)
        if items is None:
            print(f"{kind}: the index has no sentence vectors; skipped", flush=True)
            continue
        lab = tuning.label(r, questions, items)
        qv = tuning.embed_questions(lab.questions, items.query_text, embeddings)
        groups = np.array([tuning.set_number(q.source) for q in lab.questions])
        print(f"{kind}: {len(lab.questions)} questions from {len(set(groups))} sets, {len(items.texts)} items", flush=True)
        for overrides in grid:
            params = query_adapter.AdapterParams(**overrides)
            started = time.perf_counter()
            fitted, plain = query_adapter.cross_validate(qv, items.vectors, lab.positives, lab.allowed, groups, args.folds, params)
            row = {"map": kind, "params": asdict(params), "current": not overrides, "questions": len(fitted.ranks),
                   "mrr": round(fitted.mrr, 4), "recall@1": round(fitted.recall_at(1), 4),
                   "recall@3": round(fitted.recall_at(3), 4), "recall@10": round(fitted.recall_at(10), 4),
                   "no_map_mrr": round(plain.mrr, 4), "no_map_recall@1": round(plain.recall_at(1), 4),
                   "seconds": round(time.perf_counter() - started, 1)}
            rows.append(row)
            print(f"  {_label(row)}: MRR {row['mrr']:.3f}, recall@1 {row['recall@1']:.3f} "
                  f"(no map {row['no_map_mrr']:.3f}) in {row['seconds']:.0f} s", flush=True)
    _write(args.out, rows, args.folds)
    return 0


def _label(row: dict) -> str:
    p = row["params"]
    tag = " (current)" if row["current"] else ""
    return f"pull {p['pull_to_identity']}, temperature {p['temperature']}, {p['epochs']} epochs{tag}"


def _write(out: Path, rows: list[dict], folds: int) -> None:
    out.parent.mkdir(parents=True, exist_ok=True)
    out.with_suffix(".json").write_text(json.dumps({"folds": folds, "rows": rows}, indent=1) + "\n", encoding="utf-8")
    lines = ["# Query adapter, cross-validated by gold set", "",
             f"Each tuning question is ranked by a map fitted without its gold set's fold ({folds} folds by set number), "
             "over every item its search may return (dense ranking only). `python -m eval.cv_adapter` writes this.", "",
             "| Map | Settings | Questions | MRR | Recall@1 | Recall@3 | Recall@10 | No map: MRR | No map: recall@1 | Seconds |",
             "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |"]
    for row in rows:
        lines.append(f"| {row['map']} | {_label(row)} | {row['questions']} | {row['mrr']:.3f} | {row['recall@1']:.3f} | "
                     f"{row['recall@3']:.3f} | {row['recall@10']:.3f} | {row['no_map_mrr']:.3f} | {row['no_map_recall@1']:.3f} | "
                     f"{row['seconds']:.0f} |")
    out.with_suffix(".md").write_text("\n".join(lines) + "\n", encoding="utf-8")


if __name__ == "__main__":
    sys.exit(main())
