"""Write the corpus's tuning questions (corpus/tuning_questions.jsonl) from studied gold sets.

Every answerable case with evidence becomes a question labelled with the words of its answer;
retrieval rows too. The index build fits its query adapter to them (indexer/tuning.py). A held-out
set must never be used: its score would then say nothing about questions the system has not seen,
so those sets are refused.

    python -m eval.tuning_set                 # every studied set, v1 … (not the held-out ones)
    python -m eval.tuning_set --sets v1,v4    # only these
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from eval.common import DATA, read_jsonl
from indexer.tuning import TUNING_FILE

# Written blind and kept for one measurement; refused as tuning data. (v22–v44, each read after its
# held-out measurement, became tuning data in session 24: refitted with them, the unread v45–v51 gained.
# v45 followed in session 25, v52 in session 26.)
HELD_OUT = ("v46", "v47", "v48", "v49", "v50", "v51", "v53", "v54", "v55", "v56", "v57")
OUT = Path(__file__).resolve().parent.parent / "corpus" / TUNING_FILE


def studied_sets() -> list[str]:
    found = [p.name for p in DATA.parent.iterdir() if p.is_dir() and p.name.startswith("v")]
    return sorted((s for s in found if s not in HELD_OUT), key=lambda s: int(s[1:]))


def questions_of(version: str) -> list[dict]:
    folder = DATA.parent / version
    rows = []
    answers = folder / "answers.jsonl"
    if answers.is_file():
        for case in read_jsonl(answers):
            if case["expected_action"] == "answered" and case.get("evidence"):
                rows.append({"question": case["message"], "authority": case.get("authority"),
                             "quotes": [e["quote"] for e in case["evidence"]], "source": f"{version}/{case['id']}"})
    retrieval = folder / "retrieval.jsonl"
    if retrieval.is_file():
        for case in read_jsonl(retrieval):
            rows.append({"question": case["question"], "authority": case.get("authority"),
                         "quotes": [case["evidence"]], "source": f"{version}/{case['id']}"})
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sets", help="comma-separated gold sets (default: every set but the held-out ones)")
    parser.add_argument("--out", type=Path, default=OUT, help=f"where to write (default {OUT})")
    args = parser.parse_args(argv)
    sets = args.sets.split(",") if args.sets else studied_sets()
    held = [s for s in sets if s in HELD_OUT]
    if held:
        parser.error(f"{', '.join(held)} held out: a held-out set must not tune the system it measures")
    missing = [s for s in sets if not (DATA.parent / s).is_dir()]
    if missing:
        parser.error(f"no gold set {', '.join(missing)} under {DATA.parent}")
    rows = [row for s in sets for row in questions_of(s)]
    args.out.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    print(f"{len(rows)} tuning questions from {', '.join(sets)} -> {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
