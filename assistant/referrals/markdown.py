"""Render a draft payload (``draft.to_payload`` plus ``draft_id``/``status``) as Markdown.

Pure and deterministic. The layout follows the form: safeguarding banner first, then the
title, the authority and status, a two-column table of label/value with ``[n]`` source markers,
what is still to complete, warnings, what was left out (names only), deadlines and the numbered
sources with their verbatim quotes.
"""

from __future__ import annotations

from typing import Any, Mapping

__all__ = ["render_markdown", "citation_numbers", "citation_key"]


def citation_key(c: Mapping[str, Any]) -> tuple:
    return (c.get("doc_id"), c.get("locator"), c.get("quote"))


def citation_numbers(payload: Mapping[str, Any]) -> dict[tuple, int]:
    """(doc_id, locator, quote) -> 1-based number, in the order of ``payload['citations']``."""
    return {citation_key(c): i for i, c in enumerate(payload.get("citations") or [], 1)}


def _cell(text: Any) -> str:
    return str(text).replace("|", "\\|").replace("\n", "<br>")


def _status_line(p: Mapping[str, Any]) -> str:
    parts = [f"**Authority:** {p.get('authority')}", f"**Status:** {p.get('status', 'draft')}"]
    if p.get("draft_id"):
        parts.append(f"**Draft:** `{p['draft_id']}`")
    if p.get("reviewer"):
        parts.append(f"**Reviewed by:** {p['reviewer']}")
    return " · ".join(parts)


def render_markdown(p: Mapping[str, Any]) -> str:
    nums = citation_numbers(p)
    out: list[str] = []
    esc = p.get("escalation")
    if esc:
        out.append(f"> **{esc['banner']}**")
        out.append(">")
        out += [f"> {i}. {step}" for i, step in enumerate(esc["steps"], 1)]
        refs = "".join(f"[{nums[citation_key(c)]}]" for c in esc.get("citations", []) if citation_key(c) in nums)
        if refs:
            out.append(f">\n> Sources: {refs}")
        out.append("")
    out += [f"# {p.get('form')}", "", _status_line(p), ""]
    if p.get("purpose"):
        out += [f"_{p['purpose']}_", ""]
    if p.get("review_comment"):
        out += [f"**Reviewer's comment:** {p['review_comment']}", ""]
    out += ["| Field | Value |", "| --- | --- |"]
    for f in p.get("fields", []):
        value = f"**{f['value']}**" if f.get("missing") else _cell(f["value"])
        ref = f" [{nums[citation_key(f['citation'])]}]" if f.get("citation") and citation_key(f["citation"]) in nums else ""
        out.append(f"| {_cell(f['label'])} | {value}{ref} |")
    out.append("")
    labels = {f["name"]: f["label"] for f in p.get("fields", [])}
    if p.get("missing_fields"):
        out += ["## Still to complete", ""] + [f"- {labels.get(n, n)}" for n in p["missing_fields"]] + [""]
    if p.get("warnings"):
        out += ["## Check before sending", ""] + [f"- {w}" for w in p["warnings"]] + [""]
    if p.get("left_out"):
        out += ["## Left out (not needed by this form)", "", ", ".join(p["left_out"]), ""]
    if p.get("deadlines"):
        out += ["## Dates", ""] + [f"- {d['due']}: {d['title']}" for d in p["deadlines"]] + [""]
    if p.get("citations"):
        out += ["## Sources", ""]
        for i, c in enumerate(p["citations"], 1):
            where = f" ({c['chunk_id']})" if c.get("chunk_id") else ""
            out.append(f"{i}. {c.get('title') or c['doc_id']}, {c.get('locator', '')}{where}: \"{c['quote']}\"")
        out.append("")
    return "\n".join(out)
