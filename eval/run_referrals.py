"""Referral-drafting evaluation over eval/data/v1/referrals.jsonl.

Each case is drafted through ``POST /v1/referrals/draft`` with a staff API key (configured
in-process, drafts kept in a temporary SQLite file) and its Word export is fetched too. A case is
graded on its gold data: the authority's form is used; every fact the form takes appears in the
draft unchanged; the expected field values are there; the expected missing fields read ``To
complete``; nothing is invented (no date, phone number, e-mail, postcode, UPN or URL that is in
neither the facts nor the corpus, and no fact-sourced value for a fact not given); the
``must_not_contain`` strings and the values of left-out facts are absent; the safeguarding banner
leads exactly when escalation is expected; every citation's quote is verbatim in its chunk.
Writes eval/reports/referrals.{md,json}. Run (the index must be built):
``HF_HUB_OFFLINE=1 .venv/bin/python -m eval.run_referrals`` (or ``make eval``).
"""

from __future__ import annotations

import json
import re
import statistics
import sys
import tempfile
import time
from datetime import date
from io import BytesIO
from pathlib import Path

from eval.common import DATA, REPORTS, percentile, read_jsonl, squash

TODAY = date(2026, 11, 22)  # fixed so the report is reproducible
STAFF_KEY = "eval-staff-key"
CHECKS = ("form", "facts_verbatim", "expected_fields", "missing", "not_invented", "left_out", "escalation",
          "citations_verbatim")
PLACEHOLDERS = ("To complete", "Not given")
TOKENS = {  # things a draft must not make up
    "email": r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+",
    "url": r"https?://\S+",
    "phone": r"(?<![\d/])0\d{2,4} ?\d{3,4} ?\d{3,4}(?![\d/])",
    "postcode": r"\b[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2}\b",
    "date": r"\b\d{4}-\d{2}-\d{2}\b|\b\d{1,2}/\d{1,2}/\d{4}\b",
    "upn": r"\b[A-Z]\d{12}\b",
}


def _compact(text: str) -> str:
    return re.sub(r"\s+", "", text).lower()


def _fact_text(value) -> list[str]:
    """How a given fact must read in the draft: each string (or list item) unchanged, booleans Yes/No."""
    if isinstance(value, bool):
        return ["Yes" if value else "No"]
    return [str(v).strip() for v in value] if isinstance(value, list) else [str(value).strip()]


def own_text(resp: dict) -> str:
    """What the draft itself says: the Markdown without its list of corpus sources."""
    text = resp.get("markdown", "").split("\n## Sources")[0]
    # The draft id is random hex: a run of its digits can look like a phone number.
    return re.sub(r"\*\*Draft:\*\* `[^`]*`", "", text)


def grade(case: dict, resp: dict, chunk_text: dict[str, str], corpus: str = "", export: str = "") -> dict:
    """Per-check pass/fail for one case, with a reason for every failed check."""
    facts = {k: v for k, v in case["facts"].items() if v not in (None, "", [])}
    fields = {f["name"]: f for f in resp.get("fields", [])}
    why: dict[str, list[str]] = {k: [] for k in CHECKS}
    if resp.get("authority") != case["authority"] or case["authority"] not in resp.get("form", ""):
        why["form"].append(f"got {resp.get('authority')!r} / {resp.get('form')!r}")
    for name, f in fields.items():
        if f["source"] != "facts":
            continue
        if name in facts:
            lost = [t for t in _fact_text(facts[name]) if t not in f["value"]]
            if lost:
                why["facts_verbatim"].append(f"{name}: {lost[0]!r} not in {f['value']!r}")
        elif f["value"] not in PLACEHOLDERS and not (name == "address" and f["value"] == facts.get("postcode")):
            why["not_invented"].append(f"{name} = {f['value']!r} but no such fact was given")
    if "postcode" in facts and "address" in fields and facts["postcode"] not in fields["address"]["value"]:
        why["facts_verbatim"].append(f"postcode {facts['postcode']!r} not in the address")
    for name, want in case.get("expected_fields", {}).items():
        f = fields.get("leaving_reason" if name == "leaver_ground" else name)
        got = (f["value"] + (" " + f["label"] if f["value"] == "Yes" else "")) if f else ""
        if name == "leaver_ground":
            got += " " + str((resp.get("leaver") or {}).get("code") or "")
        if f is None:
            why["expected_fields"].append(f"{name}: not on the form")
        elif not any(alt.strip().lower() in got.lower() for alt in want.split("|")):
            why["expected_fields"].append(f"{name}: expected {want!r}, got {f['value']!r}")
    for name in case.get("expected_missing", []):
        if name not in resp.get("missing_fields", []) or fields.get(name, {}).get("value") != "To complete":
            why["missing"].append(f"{name} not reported 'To complete'")
    why["missing"] += [f"{n} was given but reported missing" for n in resp.get("missing_fields", []) if n in facts]
    allowed = _compact(json.dumps(case["facts"], ensure_ascii=False) + corpus + " ".join(
        [d.get("due", "") for d in resp.get("deadlines", [])] +
        [f["value"] for f in fields.values() if f["source"] == "rules"]))
    for kind, rx in TOKENS.items():
        for tok in sorted(set(re.findall(rx, own_text(resp)))):
            if _compact(tok) not in allowed:
                why["not_invented"].append(f"{kind} {tok!r} is in neither the facts nor the corpus")
    everything = (json.dumps(resp, ensure_ascii=False) + "\n" + export).lower()
    why["left_out"] += [f"contains {s!r}" for s in case.get("must_not_contain", []) if s.lower() in everything]
    for name in resp.get("left_out", []):
        if isinstance(facts.get(name), (str, list)):
            why["left_out"] += [f"left-out {name} value {t!r} appears" for t in _fact_text(facts[name])
                                if len(t) > 3 and t.lower() in (own_text(resp) + export).lower()]
    esc = resp.get("escalation")
    if bool(esc) != bool(case.get("expect_escalation")):
        why["escalation"].append(f"expected escalation={case.get('expect_escalation')}, got "
                                 f"{esc['flags'] if esc else None}")
    elif esc and not resp.get("markdown", "").startswith(f"> **{esc['banner']}"):
        why["escalation"].append("the safeguarding banner does not lead the draft")
    cites = list(resp.get("citations", [])) + [f["citation"] for f in fields.values() if f.get("citation")]
    cites += (esc or {}).get("citations", [])
    for c in cites:
        if squash(c["quote"]) not in squash(chunk_text.get(c.get("chunk_id") or "", "")):
            why["citations_verbatim"].append(f"{c['doc_id']} {c.get('locator')}: quote not in chunk {c.get('chunk_id')}")
    checks = {k: not v for k, v in why.items()}
    return {"id": case["id"], "authority": case["authority"], "form_id": resp.get("form_id"),
            "passed": all(checks.values()), "checks": checks,
            "reasons": {k: sorted(set(v)) for k, v in why.items() if v},
            "missing_fields": resp.get("missing_fields", []), "left_out_names": resp.get("left_out", []),
            "escalation_flags": esc["flags"] if esc else None, "leaver": (resp.get("leaver") or {}).get("outcome")}


def docx_text(data: bytes) -> str:
    import docx

    d = docx.Document(BytesIO(data))
    return "\n".join([p.text for p in d.paragraphs] + [c.text for t in d.tables for row in t.rows for c in row.cells])


def main() -> int:
    from fastapi.testclient import TestClient
    from pydantic import SecretStr

    from assistant.api.app import create_app
    from assistant.services import load_services
    from assistant.settings import ApiKey, AuthSettings, Settings, StorageSettings

    cases = read_jsonl(DATA / "referrals.jsonl")
    headers = {"Authorization": f"Bearer {STAFF_KEY}"}
    results, latencies = [], []
    with tempfile.TemporaryDirectory(prefix="cme-eval-referrals-") as tmp:
        settings = Settings(storage=StorageSettings(db_path=Path(tmp) / "referrals.sqlite3"),
                            auth=AuthSettings(keys=[ApiKey(key=SecretStr(STAFF_KEY), user="eval", roles=["staff"])]))
        services = load_services(settings, clock=lambda: TODAY)
        if services.retriever is None:
            print(f"The index is not ready ({services.load_error}); build it first: make index", file=sys.stderr)
            return 2
        chunk_text = {c.chunk_id: c.text for c in services.retriever.index.chunks}
        corpus = "\n".join(chunk_text.values())
        with TestClient(create_app(services=services)) as client:
            client.post("/v1/referrals/draft", json={"authority": "Norfolk", "facts": {}}, headers=headers)  # warm up
            for case in cases:
                t = time.perf_counter()
                r = client.post("/v1/referrals/draft", json={"authority": case["authority"], "facts": case["facts"]},
                                headers=headers)
                latencies.append((time.perf_counter() - t) * 1000)
                assert r.status_code == 200, r.text
                resp = r.json()
                d = client.get(f"/v1/referrals/{resp['draft_id']}/docx", headers=headers)
                assert d.status_code == 200, d.text
                results.append(grade(case, resp, chunk_text, corpus, docx_text(d.content)))
            store = getattr(client.app.state, "referral_store", None)
            if store is not None:
                store.close()

    n = len(results)
    summary = {
        "today": TODAY.isoformat(),
        "settings_hash": settings.settings_hash(),
        "index_id": services.retriever.index.index_id,
        "cases": n,
        "cases_passed": sum(r["passed"] for r in results) / n,
        "per_check": {k: sum(r["checks"][k] for r in results) / n for k in CHECKS},
        "latency": {"p50_ms": statistics.median(latencies), "p95_ms": percentile(latencies, 95)},
    }
    summary["checks"] = {f"{k} = 100%": v == 1.0 for k, v in summary["per_check"].items()}
    REPORTS.mkdir(parents=True, exist_ok=True)
    (REPORTS / "referrals.json").write_text(json.dumps({"summary": summary, "results": results}, indent=1,
                                                       ensure_ascii=False), encoding="utf-8")
    md = _markdown(summary, results)
    (REPORTS / "referrals.md").write_text(md, encoding="utf-8")
    print(md)
    return 0 if all(summary["checks"].values()) else 1


def _markdown(s: dict, results: list[dict]) -> str:
    lines = [
        "# Referral drafting evaluation",
        "",
        f"Cases `eval/data/v1/referrals.jsonl`: {s['cases']}, drafted through `POST /v1/referrals/draft` (staff key) "
        f"and exported with `GET /v1/referrals/{{id}}/docx`; clock fixed at {s['today']}; index `{s['index_id']}`, "
        f"settings `{s['settings_hash']}`.",
        "",
        f"- Cases passing every check: **{s['cases_passed']:.1%}**",
        f"- `POST /v1/referrals/draft` latency (in-process HTTP): p50 {s['latency']['p50_ms']:.0f} ms, "
        f"p95 {s['latency']['p95_ms']:.0f} ms",
        "",
        "| check | pass rate | result |",
        "| --- | --- | --- |",
    ]
    lines += [f"| {k} | {v:.0%} | {'pass' if v == 1.0 else 'FAIL'} |" for k, v in s["per_check"].items()]
    lines += ["", "| case | authority | form id | " + " | ".join(CHECKS) + " |", "| --- " * (len(CHECKS) + 3) + "|"]
    for r in results:
        marks = " | ".join("ok" if r["checks"][k] else "**x**" for k in CHECKS)
        lines.append(f"| `{r['id']}` | {r['authority']} | {r['form_id']} | {marks} |")
    lines += ["", "## Failing cases", ""]
    for r in results:
        for check, reasons in r["reasons"].items():
            lines.append(f"- `{r['id']}` {check}: {'; '.join(reasons)}")
    if all(r["passed"] for r in results):
        lines.append("None.")
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    sys.exit(main())
