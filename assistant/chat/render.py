"""Turn rule-tool results into answer text with citations to the exact words they rest on.

The rule result leads (ground, due date, how it was counted); each statement that rests on a
document ends with a marker whose citation quotes that document verbatim.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from assistant.chat.citations import squash
from assistant.chat.types import Citation
from assistant.source_links import link_sources
from indexer.chunker import Chunk
from indexer.normalise import clean_inline
from indexer.retriever import HybridRetriever


def fmt_date(iso: str | None) -> str:
    if not iso:
        return ""
    d = date.fromisoformat(iso)
    return f"{d.strftime('%A')} {d.day} {d.strftime('%B %Y')} ({iso})"


class SourceLinker:
    """Find the indexed chunk holding a rule source's verbatim quote."""

    def __init__(self, retriever: HybridRetriever, today: date) -> None:
        self.r = retriever
        self.today = today
        self.citations: list[Citation] = []
        self._by_doc: dict[str, list[Chunk]] = {}
        for c in retriever.index.chunks:
            self._by_doc.setdefault(c.doc_id, []).append(c)

    def cite(self, source: dict[str, Any] | None) -> str:
        """' [n]' for a source that resolves to a chunk, '' otherwise."""
        if not source or not source.get("quote"):
            return ""
        doc_id = source.get("doc_id", "")
        # The same quote→chunk matching as the tools API (it prefers the paragraph the locator names).
        linked = link_sources([source], self._by_doc.get(doc_id, []))[0]
        chunk = self.r.chunk(linked["chunk_id"]) if linked["chunk_id"] else None
        if chunk is None:
            return ""
        text = squash(chunk.text)
        quote = next(q for q in (squash(clean_inline(source["quote"])), squash(source["quote"])) if q in text)
        for existing in self.citations:
            if existing.chunk_id == chunk.chunk_id and existing.quote == quote:
                return f" [{existing.n}]"
        doc = self.r.index.documents[doc_id]
        n = len(self.citations) + 1
        self.citations.append(Citation(
            n=n, chunk_id=chunk.chunk_id, doc_id=doc_id, title=doc.title, authority=doc.authority,
            section=chunk.section_path, quote=quote, text=chunk.text, dated=doc.dated, status=doc.status(self.today),
        ))
        return f" [{n}]"

    def cite_all(self, sources: list[dict] | None, limit: int = 2) -> str:
        marks = []
        for s in (sources or [])[:limit]:
            m = self.cite(s)
            if m and m not in marks:
                marks.append(m)
        return "".join(marks)


def render_ground(r: dict, link: SourceLinker) -> str:
    lines = [f"**Use deletion ground {r['code']}: {r['title']}.** {r['meaning']}{link.cite_all(r.get('sources'))}"]
    if r.get("gateway"):
        lines.append(f"Because the pupil is at a special school placed by the local authority, regulation {r['gateway']} also applies.")
    met = [c for c in r.get("conditions", []) if c["status"] == "met"]
    unknown = [c for c in r.get("conditions", []) if c["status"] == "unknown"]
    if met:
        lines.append("\nConditions met on what you told me:")
        lines += [f"- {c['text']}{link.cite(c.get('source'))}" for c in met]
    if unknown:
        lines.append("\nConfirm before deleting:")
        lines += [f"- {c['text']}{link.cite(c.get('source'))}" for c in unknown]
    if r.get("la_agreement_required") or r.get("joint_enquiries_required"):
        need = []
        if r.get("joint_enquiries_required"):
            need.append("joint reasonable enquiries by the school and the local authority")
        if r.get("la_agreement_required"):
            need.append("the local authority's agreement")
        lines.append(f"\nThis ground needs {' and '.join(need)}.")
    if r.get("actions"):
        lines.append("\nWhat to send:")
        for a in r["actions"]:
            due = f" Due: {a['due_text']}" + (f" ({a['due']})." if a.get("due") else ".") if a.get("due_text") else ""
            who = "" if a.get("statutory") else f" ({a.get('authority') or 'local'} procedure)"
            lines.append(f"- **{a['title']}**{who}: {a['detail']}{due}{link.cite_all(a.get('sources'))}")
    for note in r.get("notes", []):
        lines.append(f"\nNote: {note}")
    return "\n".join(lines)


def render_no_ground(r: dict, link: SourceLinker) -> str:
    lines = ["**No deletion ground applies yet on these facts: keep the pupil on the register.**"]
    lines += [f"- {reason}" for reason in r.get("reasons", [])]
    if r.get("not_before"):
        lines.append(f"\nThe earliest a ground could be met is {fmt_date(r['not_before'])}.")
    if r.get("what_to_do_instead"):
        lines.append("\nWhat to do instead:")
        lines += [f"- {w}" for w in r["what_to_do_instead"]]
    marks = link.cite_all(r.get("sources"), limit=3)
    if marks:
        lines.append(f"\nThe grounds are set out in regulation 9.{marks}")
    return "\n".join(lines)


def render_deadline(r: dict, link: SourceLinker) -> str:
    lines = [f"**{r['title']}: due {fmt_date(r['due'])}.**{link.cite_all(r.get('sources'), limit=1)}",
             "", r["explanation"]]
    if r.get("skipped"):
        skipped = ", ".join(f"{fmt_date(d).split(' (')[0]} ({why})" for d, why in r["skipped"][:8])
        more = f" and {len(r['skipped']) - 8} more" if len(r["skipped"]) > 8 else ""
        lines.append(f"Days not counted: {skipped}{more}.")
    if r.get("basis_note"):
        lines.append(r["basis_note"])
    for v in r.get("local_variants", []):
        lines.append(f"\n**{v['title']}** (local procedure, not statute): due {fmt_date(v['due'])}. "
                     f"{v['explanation']}{link.cite_all(v.get('sources'), limit=1)}")
    return "\n".join(lines)


def render_csa(r: dict, link: SourceLinker) -> str:
    lines = [
        f"**Compulsory school age starts on {fmt_date(r['start'])}** (education is required from the "
        f"{r['education_from_term']}).{link.cite_all(r.get('sources'), limit=3)}",
        f"**It ends at the end of {fmt_date(r['end'])}**, the school leaving date (last Friday in June) "
        f"that applies to a 16th birthday on {fmt_date(r['sixteenth_birthday']).split(' (')[0]}."
        f"{link.cite_all([x for x in r.get('sources', []) if x.get('doc_id') == 'uksi-1997-1970'], limit=1)}",
        "", r["explanation"],
    ]
    lines += [f"Note: {n}" for n in r.get("notes", []) + r.get("flags", [])]
    return "\n".join(lines)
