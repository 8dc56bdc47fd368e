"""Fit the learnt sentence ranker (assistant/chat/sentence_ranker.json) to studied gold sets.

Each answerable procedure-type case with evidence is searched as the chat searches it; every
candidate sentence is labelled by whether the passage the composer would quote from it holds the
case's evidence. A logistic model over the composer's own signals (sentence_ranker.FEATURES) is
fitted to those labels. Held-out sets are refused as training data; ``--test`` measures on sets
left out of the fit, against the hand-weighted score.

The studied sets are also the query maps' tuning questions, and on its own tuning questions a map
ranks the answer first almost every time (MRR 0.999): signals read through it would teach the model
to trust it far more than it deserves on a question it has not met. So by default each set's
candidates are found with maps fitted without that set's fold (``--cross-fit``, folds by set number
as in eval/cv_adapter.py), which is how every staff question the chat gets meets them.

    python -m eval.fit_sentence_ranker                          # every studied set; writes the weights
    python -m eval.fit_sentence_ranker --sets v1,v2 --test v22,v23 --dry-run
"""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path
from typing import Callable

import numpy as np

from eval.common import DATA, evidence_key, read_jsonl, squash
from eval.tuning_set import HELD_OUT, studied_sets

CATEGORIES = ("procedure", "other_authority", "stale_source", "multi_authority")  # answered from passages


def candidates(engine, sets: list[str]) -> list[tuple[str, np.ndarray, np.ndarray, list]]:
    """(case id, features, labels, units) for every case whose search finds at least one sentence."""
    from assistant.chat import compose

    out = []
    for version in sets:
        for case in read_jsonl(DATA.parent / version / "answers.jsonl"):
            if case["expected_action"] != "answered" or not case.get("evidence") or case["category"] not in CATEGORIES:
                continue
            message = case["message"]
            scope = case.get("authority") or engine.scoping.mentioned_authority(message)
            scored = engine.procedure.candidates(message, scope)
            if not scored.units:
                continue
            keys = [evidence_key(e["quote"]) for e in case["evidence"]]
            labels = []
            for u in scored.units:
                start, end = compose.window(u, scored.units)
                quoted, own = squash(u.hit.chunk.text[start:end]), squash(u.text)
                # the quote holds the evidence, or the sentence is a substantial part of it
                labels.append(any(k in quoted or (len(own) > 30 and own in k) for k in keys))
            out.append((f"{version}/{case['id']}", scored.features, np.array(labels, dtype=float), scored.units))
    return out


def cross_fitted_candidates(engine, sets: list[str], questions: list, folds: int,
                            progress: Callable[[str], None] = lambda _line: None) -> list[tuple[str, np.ndarray, np.ndarray, list]]:
    """``candidates`` of each set, found with query maps fitted to the tuning ``questions`` outside
    its fold (a set's fold is its number mod ``folds``). The retriever's own maps are put back after."""
    from indexer import query_adapter, tuning

    r = engine.procedure.r
    fitting = []  # per map: its items, labelled questions, their vectors and folds
    for items in (tuning.chunk_items(r), tuning.sentence_items(r)):
        lab = None if items is None else tuning.label(r, questions, items)
        if lab is None or not lab.questions:
            fitting.append(None)
            continue
        qv = tuning.embed_questions(lab.questions, items.query_text, r.embeddings)
        fitting.append((items, lab, qv, np.array([tuning.set_number(q.source) % folds for q in lab.questions])))
    own = (r.adapter, r.sentence_adapter)
    out = []
    try:
        for k in range(folds):
            fold_sets = [s for s in sets if tuning.set_number(s) % folds == k]
            if not fold_sets:
                continue
            maps = []
            for f in fitting:
                rows = None if f is None else np.where(f[3] != k)[0]
                if rows is None or not len(rows):
                    maps.append(None)
                    continue
                items, lab, qv, _ = f
                maps.append(query_adapter.train(qv[rows], items.vectors, [lab.positives[i] for i in rows], lab.allowed[rows]))
            r.adapter, r.sentence_adapter = maps
            found = candidates(engine, fold_sets)
            progress(f"  fold {k + 1} of {folds}: {len(found)} questions from {', '.join(fold_sets)}")
            out += found
    finally:
        r.adapter, r.sentence_adapter = own
    return out


def first_right(rows, choose) -> tuple[int, int]:
    """Questions whose chosen sentence's quote holds the evidence, and questions in all. (The
    answers' own figure, the first citation on the evidence passage, is in the answer reports.)"""
    right = sum(bool(y[choose(x, units)]) for _, x, y, units in rows)
    return right, len(rows)


def fit(rows, c: float):
    from sklearn.linear_model import LogisticRegression

    from assistant.chat.sentence_ranker import FEATURES, SentenceRanker

    train = [r for r in rows if r[2].any()]  # a question none of whose candidates answers teaches nothing
    x = np.vstack([r[1] for r in train])
    y = np.concatenate([r[2] for r in train])
    # Headings are never chosen (compose.learnt_extra, lead_first): they would only teach the model their text's score.
    keep = x[:, FEATURES.index("heading")] == 0
    x, y = x[keep], y[keep]
    mean, scale = x.mean(axis=0), x.std(axis=0)
    scale[scale < 1e-6] = 1.0  # a feature constant in training (headings are left out) adds nothing
    # Balanced: a question has one or two right sentences among dozens.
    model = LogisticRegression(C=c, max_iter=5000, class_weight="balanced").fit((x - mean) / scale, y)
    return SentenceRanker(mean, scale, model.coef_[0], float(model.intercept_[0])), len(train), len(y)


def main(argv: list[str] | None = None) -> int:
    from assistant.chat import sentence_ranker

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sets", help="comma-separated gold sets to fit to (default: every studied set)")
    parser.add_argument("--test", help="comma-separated gold sets to measure on, not fitted to")
    parser.add_argument("--cross-fit", type=int, default=5, metavar="FOLDS",
                        help="find each set's candidates with query maps fitted without its fold (default 5; 0: the index's own maps)")
    parser.add_argument("--c", type=float, default=1.0, help="inverse regularisation strength (default 1.0)")
    parser.add_argument("--out", type=Path, default=sentence_ranker.WEIGHTS_FILE, help="where to write the weights")
    parser.add_argument("--dry-run", action="store_true", help="measure only; write nothing")
    args = parser.parse_args(argv)
    sets = args.sets.split(",") if args.sets else studied_sets()
    held = [s for s in sets if s in HELD_OUT]
    if held:
        parser.error(f"{', '.join(held)} held out: a held-out set must not tune the system it measures")
    if args.cross_fit == 1 or args.cross_fit < 0:
        parser.error("--cross-fit must be 0 (off) or at least 2 folds")
    tests = args.test.split(",") if args.test else []
    missing = [s for s in (*sets, *tests) if not (DATA.parent / s / "answers.jsonl").is_file()]
    if missing:
        parser.error(f"no answers.jsonl for {', '.join(missing)} under {DATA.parent}")

    from assistant.cli import run_index
    from assistant.services import load_services
    from assistant.settings import Settings

    settings = Settings()
    run_index(settings, quiet=True)
    services = load_services(settings, clock=date.today)
    engine = services.require_chat()
    if args.cross_fit:
        from indexer import tuning

        print(f"finding candidates with query maps fitted without each set's fold ({args.cross_fit} folds)", flush=True)
        tuning_questions = tuning.read_questions(settings.corpus_dir / tuning.TUNING_FILE)
        rows = cross_fitted_candidates(engine, sets, tuning_questions, args.cross_fit, progress=lambda line: print(line, flush=True))
    else:
        rows = candidates(engine, sets)
    ranker, questions, units = fit(rows, args.c)

    def hand(_x, units):
        return max(range(len(units)), key=lambda i: units[i].score)

    def learnt(x, units):
        chances = ranker.scores(x)
        return max((i for i, u in enumerate(units) if not u.is_heading), key=lambda i: chances[i], default=0)

    print(f"fitted to {questions} questions ({units} candidate sentences) from {', '.join(sets)}")
    note = {"fitted_to": sets, "questions": questions, "sentences": units, "c": args.c, "cross_fit": args.cross_fit,
            "fitted_on": date.today().isoformat()}
    for label, part in (("fitted", rows), ("unseen", candidates(engine, tests) if tests else [])):
        if not part:
            continue
        (was, n), (now, _) = first_right(part, hand), first_right(part, learnt)
        print(f"  best-scored sentence's quote holds the evidence, {label} sets: {now} of {n} learnt, {was} by hand")
        note[f"first_right_{label}"] = {"sets": sets if label == "fitted" else tests, "learnt": now, "hand": was, "of": n}
    if not args.dry_run:
        args.out.write_text(ranker.to_json(note) + "\n", encoding="utf-8")
        print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
