"""Render a draft payload as a Word document laid out like a form (python-docx).

Order: the safeguarding banner (a red, one-cell table) when there is one; the form title;
authority, status and draft id; a two-column table of label/value (missing values in bold on
a yellow highlight, each value followed by its ``[n]`` source marker); what to check; what was
left out (names only); dates; and the numbered sources with their verbatim quotes.
"""

from __future__ import annotations

from io import BytesIO
from typing import Any, Mapping

from docx import Document
from docx.enum.text import WD_COLOR_INDEX
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt, RGBColor

from .markdown import citation_key, citation_numbers

__all__ = ["render_docx", "DOCX_MEDIA_TYPE"]

DOCX_MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def _shade(cell, hex_fill: str) -> None:
    props = cell._tc.get_or_add_tcPr()
    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), hex_fill)
    props.append(shd)


def _banner(doc, esc: Mapping[str, Any], nums: dict) -> None:
    table = doc.add_table(rows=1, cols=1)
    table.style = "Table Grid"
    cell = table.rows[0].cells[0]
    _shade(cell, "C00000")
    first = cell.paragraphs[0]
    run = first.add_run(esc["banner"])
    run.bold = True
    run.font.size = Pt(12)
    run.font.color.rgb = RGBColor(0xFF, 0xFF, 0xFF)
    for i, step in enumerate(esc.get("steps", []), 1):
        r = cell.add_paragraph().add_run(f"{i}. {step}")
        r.font.color.rgb = RGBColor(0xFF, 0xFF, 0xFF)
    refs = "".join(f"[{nums[citation_key(c)]}]" for c in esc.get("citations", []) if citation_key(c) in nums)
    if refs:
        r = cell.add_paragraph().add_run(f"Sources: {refs}")
        r.italic = True
        r.font.color.rgb = RGBColor(0xFF, 0xFF, 0xFF)
    doc.add_paragraph()


def _meta(doc, p: Mapping[str, Any]) -> None:
    para = doc.add_paragraph()
    items = [("Authority", p.get("authority")), ("Status", p.get("status", "draft")), ("Draft", p.get("draft_id"))]
    if p.get("reviewer"):
        items.append(("Reviewed by", p["reviewer"]))
    for i, (label, value) in enumerate(x for x in items if x[1]):
        if i:
            para.add_run("    ")
        para.add_run(f"{label}: ").bold = True
        para.add_run(str(value))
    if p.get("purpose"):
        para = doc.add_paragraph()
        para.add_run(p["purpose"]).italic = True
    if p.get("review_comment"):
        para = doc.add_paragraph()
        para.add_run("Reviewer's comment: ").bold = True
        para.add_run(str(p["review_comment"]))


def _fields(doc, p: Mapping[str, Any], nums: dict) -> None:
    fields = p.get("fields", [])
    table = doc.add_table(rows=1 + len(fields), cols=2)
    table.style = "Table Grid"
    head = table.rows[0].cells
    for cell, text in zip(head, ("Field", "Value")):
        cell.paragraphs[0].add_run(text).bold = True
        _shade(cell, "D9D9D9")
    for row, f in zip(table.rows[1:], fields):
        label, value = row.cells
        label.paragraphs[0].add_run(f["label"]).bold = True
        run = value.paragraphs[0].add_run(str(f["value"]))
        if f.get("missing"):
            run.bold = True
            run.font.highlight_color = WD_COLOR_INDEX.YELLOW
        c = f.get("citation")
        if c and citation_key(c) in nums:
            ref = value.paragraphs[0].add_run(f" [{nums[citation_key(c)]}]")
            ref.font.size = Pt(8)


def _section(doc, title: str, lines: list[str], style: str = "List Bullet") -> None:
    if not lines:
        return
    doc.add_heading(title, level=2)
    for line in lines:
        doc.add_paragraph(line, style=style)


def render_docx(p: Mapping[str, Any]) -> bytes:
    """The Word document (``.docx`` bytes) for a draft payload."""
    nums = citation_numbers(p)
    doc = Document()
    doc.core_properties.title = str(p.get("form") or "CME referral draft")
    doc.core_properties.author = "CME Assist"
    if p.get("escalation"):
        _banner(doc, p["escalation"], nums)
    doc.add_heading(str(p.get("form")), level=1)
    _meta(doc, p)
    _fields(doc, p, nums)
    labels = {f["name"]: f["label"] for f in p.get("fields", [])}
    _section(doc, "Still to complete", [labels.get(n, n) for n in p.get("missing_fields", [])])
    _section(doc, "Check before sending", list(p.get("warnings", [])))
    if p.get("left_out"):
        _section(doc, "Left out (not needed by this form)", [", ".join(p["left_out"])], "Normal")
    _section(doc, "Dates", [f"{d['due']}: {d['title']}" for d in p.get("deadlines", [])])
    sources = [f"[{i}] {c.get('title') or c['doc_id']}, {c.get('locator', '')}: \"{c['quote']}\""
               + (f" ({c['chunk_id']})" if c.get("chunk_id") else "")
               for i, c in enumerate(p.get("citations", []), 1)]
    _section(doc, "Sources", sources, "Normal")
    buf = BytesIO()
    doc.save(buf)
    return buf.getvalue()
