"""Answer-level evaluation of the chat (deterministic engine by default).

For each case in eval/data/v1/answers.jsonl (``--data v2`` for the held-out set): action, must-contain facts, grounding (a citation on
the evidence chunk; every quote verbatim), tool and tool result, flags. Reports accuracy per
category, the share of verbatim quotes (must be 100 %) and chat latency through the HTTP stack.
Writes eval/reports/answers{,-v2}.{md,json}. Run: ``make eval``.
"""

from __future__ import annotations

import json
import statistics
import sys
import time
from collections import defaultdict
from datetime import date

from eval.common import REPORTS, evidence_key, gold_set, percentile, read_jsonl, squash

THRESHOLDS = {"answerable_correct": 0.92, "verbatim": 1.0, "p95_ms": 300.0}
TODAY = date(2026, 11, 22)  # fixed so the report is reproducible


def matches(entry: str, text: str) -> bool:
    low = text.lower()
    return any(alt.strip().lower() in low for alt in entry.split("|"))


def grade(case: dict, resp: dict, chunk_text: dict[str, str]) -> dict:
    # A case may accept a second action: a procedure question that also carries a safeguarding
    # signal is rightly escalated, and still has to cite its evidence.
    action_ok = resp["action"] in (case["expected_action"], *case.get("also_accept", ()))
    blob = resp["answer"] + " " + " ".join(resp.get("options") or [])
    facts_ok = all(matches(e, blob) for e in case.get("must_contain", []))
    verbatim = [squash(c["quote"]) in squash(chunk_text.get(c["chunk_id"], "")) for c in resp["citations"]]
    grounded = True
    lead = None  # does the first passage quoted hold the evidence? (None: no evidence to hold)
    if case["expected_action"] == "answered" and case.get("evidence"):
        keys = [evidence_key(e["quote"]) for e in case["evidence"]]
        holds = [any(k in squash(chunk_text.get(c["chunk_id"], "")) for k in keys) for c in resp["citations"]]
        grounded = any(holds)
        lead = bool(holds) and holds[0]
    tool_ok = True
    if case.get("expected_tool"):
        calls = [t for t in resp["tool_calls"] if t["name"].replace("-", "_") in (case["expected_tool"], "compulsory_school_age")]
        tool_ok = bool(calls)
        exp = case.get("expected_result") or {}
        if calls and "ground" in exp:
            tool_ok = any(t["result"].get("code") == exp["ground"] for t in calls)
        if calls and "due" in exp:
            tool_ok = any(exp["due"] in (t["result"].get("due"), t["result"].get("start"), t["result"].get("end")) for t in calls)
    flag_ok = True
    if case["category"] in ("other_authority", "stale_source"):
        flag_ok = case["category"] in resp["flags"]
    if case["expected_action"] == "not_found":
        correct = resp["action"] == "not_found" and not resp["citations"]
    else:
        correct = action_ok and facts_ok and grounded and tool_ok
    return {"id": case["id"], "category": case["category"], "correct": correct, "action_ok": action_ok,
            "facts_ok": facts_ok, "grounded": grounded, "tool_ok": tool_ok, "flag_ok": flag_ok,
            "lead_grounded": lead, "verbatim": verbatim, "action": resp["action"], "flags": resp["flags"]}


def main(argv: list[str] | None = None) -> int:
    from fastapi.testclient import TestClient

    from assistant.api.app import create_app
    from assistant.cli import run_index
    from assistant.services import load_services
    from assistant.settings import Settings

    data, suffix = gold_set(argv)
    settings = Settings()
    run_index(settings, quiet=True)
    services = load_services(settings, clock=lambda: TODAY)
    chunk_text = {c.chunk_id: c.text for c in services.retriever.index.chunks}
    cases = read_jsonl(data / "answers.jsonl")
    results, latencies = [], []
    with TestClient(create_app(services=services)) as client:
        client.post("/v1/chat", json={"message": "warm up: what is CME?"})
        clear = getattr(services.embeddings, "clear_cache", lambda: None)
        for case in cases:
            clear()  # only repeats within one turn may come from the query cache
            t = time.perf_counter()
            r = client.post("/v1/chat", json={"message": case["message"], "authority": case.get("authority")})
            latencies.append((time.perf_counter() - t) * 1000)
            assert r.status_code == 200, r.text
            results.append({**grade(case, r.json(), chunk_text), "answer": r.json()["answer"][:400]})

    by_cat: dict[str, list[dict]] = defaultdict(list)
    for res in results:
        by_cat[res["category"]].append(res)
    answerable = [r for r, c in zip(results, cases) if c["expected_action"] != "not_found"]
    quotes = [v for r in results for v in r["verbatim"]]
    summary = {
        "gold": f"eval/data/{data.name}/answers.jsonl",
        "today": TODAY.isoformat(),
        "settings_hash": settings.settings_hash(),
        "index_id": services.retriever.index.index_id,
        "cases": len(cases),
        "query_adapter": "on" if services.retriever.adapter is not None else "off",
        "tuned_on": _tuned_on(settings, data.name, cases),
        "answerable_correct": sum(r["correct"] for r in answerable) / len(answerable),
        # None when the set has no unanswerable cases (v6 measures rule choices only)
        "unanswerable_not_found": (sum(r["correct"] for r in by_cat["unanswerable"]) / len(by_cat["unanswerable"])
                                   if by_cat.get("unanswerable") else None),
        # What a reader sees first: of the cases with evidence, the share whose first citation is on its passage.
        "lead_grounded": _share([r["lead_grounded"] for r in results if r["lead_grounded"] is not None]),
        "verbatim": sum(quotes) / len(quotes) if quotes else 1.0,
        "quotes": len(quotes),
        "per_category": {k: {"n": len(v), "correct": sum(r["correct"] for r in v) / len(v),
                             "flag_ok": sum(r["flag_ok"] for r in v) / len(v)} for k, v in sorted(by_cat.items())},
        "latency": {"p50_ms": statistics.median(latencies), "p95_ms": percentile(latencies, 95)},
    }
    summary["checks"] = {
        "answerable correct >= 92%": summary["answerable_correct"] >= THRESHOLDS["answerable_correct"],
        "quotes verbatim = 100%": summary["verbatim"] >= THRESHOLDS["verbatim"],
        "every unanswerable not_found": summary["unanswerable_not_found"] in (None, 1.0),
        "chat p95 < 300 ms": summary["latency"]["p95_ms"] < THRESHOLDS["p95_ms"],
    }
    REPORTS.mkdir(parents=True, exist_ok=True)
    (REPORTS / f"answers{suffix}.json").write_text(json.dumps({"summary": summary, "results": results}, indent=1), encoding="utf-8")
    (REPORTS / f"answers{suffix}.md").write_text(_markdown(summary, results), encoding="utf-8")
    print(_markdown(summary, results))
    return 0 if all(summary["checks"].values()) else 1


def _share(flags: list[bool]) -> float | None:
    return sum(flags) / len(flags) if flags else None


def _tuned_on(settings, version: str, cases: list[dict]) -> int:
    """How many of this set's cases the query adapter was fitted to (0 for a held-out set)."""
    from indexer.tuning import TUNING_FILE

    path = settings.corpus_dir / TUNING_FILE
    if not path.is_file():
        return 0
    sources = {row["source"] for row in read_jsonl(path)}
    return sum(f"{version}/{c['id']}" in sources for c in cases)


def _markdown(s: dict, results: list[dict]) -> str:
    lines = [
        "# Answer evaluation (deterministic engine)",
        "",
        f"Cases `{s['gold']}`: {s['cases']}; clock fixed at {s['today']}; index `{s['index_id']}`, "
        f"settings `{s['settings_hash']}`. A case is correct when the action matches, every must-contain fact is in "
        "the answer, a citation lands on the evidence chunk, and the expected rule tool gave the expected result.",
        "",
        f"Query adapter {s['query_adapter']}; {s['tuned_on']} of these cases are among the questions it was fitted to"
        + (" (a held-out measurement)." if s["tuned_on"] == 0 else " (training figures for those cases)."),
        "",
        f"- Answerable cases correct: **{s['answerable_correct']:.1%}**",
        "- Unanswerable cases answered `not_found` with no citation: "
        + ("none in this set" if s["unanswerable_not_found"] is None else f"**{s['unanswerable_not_found']:.1%}**"),
        f"- Quotes verbatim: **{s['verbatim']:.1%}** of {s['quotes']}",
        "- First citation on the evidence passage (cases with evidence): "
        + ("none in this set" if s["lead_grounded"] is None else f"**{s['lead_grounded']:.1%}**"),
        f"- `POST /v1/chat` latency (in-process HTTP, 2 cores): p50 {s['latency']['p50_ms']:.0f} ms, p95 {s['latency']['p95_ms']:.0f} ms",
        "",
        "| category | cases | correct | flag raised |",
        "| --- | --- | --- | --- |",
    ]
    lines += [f"| {k} | {v['n']} | {v['correct']:.0%} | {v['flag_ok']:.0%} |" for k, v in s["per_category"].items()]
    lines += ["", "| check | result |", "| --- | --- |"]
    lines += [f"| {k} | {'pass' if ok else 'FAIL'} |" for k, ok in s["checks"].items()]
    lines += ["", "## Failing cases", ""]
    for r in results:
        if not r["correct"]:
            why = [k for k in ("action_ok", "facts_ok", "grounded", "tool_ok") if not r[k]]
            lines.append(f"- `{r['id']}` ({r['category']}, got `{r['action']}`): failed {', '.join(why) or 'not_found check'}")
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
