"""Leaver stories through the chat: are the rule module's facts read right, and is the ground right?

Each case in eval/data/facts-v1/cases.jsonl (``--data facts-v2`` for the held-out file) is a staff
message asking which deletion ground applies, with the facts a careful reader would take from it
and the ground those facts decide (null when a deciding fact is missing). The message goes through
``POST /v1/chat`` as a user would send it; the facts are the arguments of its ``leaver_reason`` tool
call. Reported: the share of stated facts read with the right value, facts read that the story does
not state (possible false facts), and the share of grounds right (a null case is right when the
chat asks or finds no ground rather than naming one). Writes eval/reports/facts-v1.{md,json}.
"""

from __future__ import annotations

import json
import sys
from collections import Counter, defaultdict
from datetime import date

from eval.common import DATA, REPORTS, read_jsonl

TODAY = date(2026, 11, 22)  # the stories were written for this day


def _same(expected, got) -> bool:
    if isinstance(got, list):
        got = tuple(got)
    if isinstance(expected, list):
        expected = tuple(expected)
    return expected == got


def grade(case: dict, resp: dict) -> dict:
    calls = [t for t in resp["tool_calls"] if t["name"] == "leaver_reason"]
    args = dict(calls[-1]["arguments"]) if calls else {}
    result = calls[-1]["result"] if calls else {}
    args.pop("authority", None)
    right = [k for k, v in case["facts"].items() if k in args and _same(v, args[k])]
    wrong = [k for k, v in case["facts"].items() if k in args and not _same(v, args[k])]
    missed = [k for k in case["facts"] if k not in args]
    extra = [k for k in args if k not in case["facts"]]
    code = result.get("code") if result.get("kind") == "ground" else None
    ground_ok = code == case["ground"] if case["ground"] else (bool(calls) and code is None)
    return {"id": case["id"], "ground": case["ground"], "got": code, "kind": result.get("kind"),
            "routed": bool(calls), "ground_ok": ground_ok, "right": right, "wrong": wrong,
            "missed": missed, "extra": extra}


def main(argv: list[str] | None = None) -> int:
    import argparse

    from fastapi.testclient import TestClient

    from assistant.api.app import create_app
    from assistant.cli import run_index
    from assistant.services import load_services
    from assistant.settings import Settings

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", default="facts-v1", help="case folder under eval/data/ (default facts-v1)")
    version = parser.parse_args(argv).data
    cases = read_jsonl(DATA.parent / version / "cases.jsonl")
    settings = Settings()
    run_index(settings, quiet=True)
    services = load_services(settings, clock=lambda: TODAY)
    results = []
    with TestClient(create_app(services=services)) as client:
        for case in cases:
            r = client.post("/v1/chat", json={"message": case["message"]})
            assert r.status_code == 200, r.text
            results.append(grade(case, r.json()))

    stated = sum(len(c["facts"]) for c in cases)
    per_ground: dict[str, list[bool]] = defaultdict(list)
    for res in results:
        per_ground[res["ground"] or "null"].append(res["ground_ok"])
    summary = {
        "cases": f"eval/data/{version}/cases.jsonl",
        "today": TODAY.isoformat(),
        "n": len(cases),
        "ground_correct": sum(r["ground_ok"] for r in results) / len(results),
        "routed_to_leaver_tool": sum(r["routed"] for r in results) / len(results),
        "facts_stated": stated,
        "facts_read_right": sum(len(r["right"]) for r in results) / stated,
        "facts_read_wrong": sum(len(r["wrong"]) for r in results),
        "facts_missed": sum(len(r["missed"]) for r in results),
        "facts_not_stated_but_read": sum(len(r["extra"]) for r in results),
        "missed_by_field": dict(Counter(k for r in results for k in r["missed"]).most_common()),
        "wrong_by_field": dict(Counter(k for r in results for k in r["wrong"]).most_common()),
        "per_ground": {g: {"n": len(v), "correct": sum(v) / len(v)} for g, v in sorted(per_ground.items())},
    }
    REPORTS.mkdir(parents=True, exist_ok=True)
    (REPORTS / f"{version}.json").write_text(json.dumps({"summary": summary, "results": results}, indent=1), encoding="utf-8")
    md = _markdown(summary, results)
    (REPORTS / f"{version}.md").write_text(md, encoding="utf-8")
    print(md)
    return 0


def _markdown(s: dict, results: list[dict]) -> str:
    lines = [
        f"# Leaver stories: facts and grounds ({s['cases']})",
        "",
        f"{s['n']} staff messages through `POST /v1/chat`, today {s['today']}.",
        "",
        f"- Ground right (a null case is right when the chat asks or finds no ground): **{s['ground_correct']:.1%}**",
        f"- Routed to the leaver tool: {s['routed_to_leaver_tool']:.1%}",
        f"- Stated facts read with the right value: **{s['facts_read_right']:.1%}** of {s['facts_stated']}; "
        f"read with a wrong value: {s['facts_read_wrong']}; missed: {s['facts_missed']}",
        f"- Facts read that the story does not state: {s['facts_not_stated_but_read']} (some are implied, e.g. a "
        "year group implies compulsory school age; each is worth a look)",
        "",
        "| Ground | Cases | Right |",
        "| --- | --- | --- |",
        *(f"| {g} | {v['n']} | {v['correct']:.0%} |" for g, v in s["per_ground"].items()),
        "",
        "Missed facts by field: " + (", ".join(f"{k} {n}" for k, n in s["missed_by_field"].items()) or "none"),
        "",
        "Wrong values by field: " + (", ".join(f"{k} {n}" for k, n in s["wrong_by_field"].items()) or "none"),
        "",
        "## Cases with the wrong ground",
        "",
        *(f"- `{r['id']}`: expected {r['ground'] or 'no ground yet'}, got {r['got'] or r['kind'] or 'no tool call'}"
          + (f"; missed {', '.join(r['missed'])}" if r["missed"] else "")
          + (f"; wrong {', '.join(r['wrong'])}" if r["wrong"] else "")
          for r in results if not r["ground_ok"]),
    ]
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
