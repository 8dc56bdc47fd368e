"""Raw lines → blocks (headings, paragraphs, list items, table rows) and one normalised text.

Normalising removes extraction noise only: markup (markdown emphasis, links, HTML bold tags,
escapes), repeated contents tables, hard line wraps and lost bullet glyphs. It never rewrites the
words, so a citation's quote taken from the normalised text reads as the document does. Each
block records its [start, end) offsets into the normalised text; chunks are spans of blocks.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from indexer.contacts import PHONE
from indexer.loaders import RawLine

HEADING, PARA, ITEM, ROW = "heading", "para", "item", "row"

_MD_HEADING = re.compile(r"^(#{1,6})\s+(.*)$")
_LINK = re.compile(r"\[([^\]]*)\]\(([^)]*)\)")
_AUTOLINK = re.compile(r"<((?:https?|mailto):[^>]+)>")
_HTML_TAG = re.compile(r"</?(?:b|strong|i|em|u|br|sup|sub|span|p)\s*/?>", re.I)
_EMPH = re.compile(r"(\*{1,3}|_{2,3})(?=\S)(.+?)(?<=\S)\1")
_STRAY_STARS = re.compile(r"\*{2,3}")
_ESCAPE = re.compile(r"\\+([()\[\]_*#.\-!`])")
_GLYPH_BULLET = re.compile(r"^[\s\uf0b7\uf0a7\uf0d8\uf076\u2022\u25aa\u25cf\u25e6\u2023\u2043\u00b7]+(?=\S)")
_HAS_GLYPH = re.compile(r"^\s*[\uf0b7\uf0a7\uf0d8\uf076\u2022\u25aa\u25cf\u25e6\u2023\u2043\u00b7]")
_MD_BULLET = re.compile(r"^\s*[-*+]\s+(?=\S)")
_NUM_ITEM = re.compile(r"^\s*(\d{1,2})[.)]\s+(?=\S)")
NUMBERED_TITLE_WORDS = 16
# A longer numbered line with a finite verb is a paragraph that lost its full stop ("7.3 The EEVSS Lead
# is responsible for the oversight of CME policy"), not a title.
_FINITE_VERB = re.compile(r"\b(?:is|are|was|were|must|will|should|shall|can|may|might|has|have|had|does|do|did|needs?)\b", re.I)
_SECTION_NUM = re.compile(r"^(\d{1,2}(?:\.\d{1,2})+|\d{1,2}\.)\s*(?=\S)")
_NAMED_HEADING = re.compile(r"^(Section|Appendix|Part|Annex|Schedule)\s+[\dA-Z]+\b", re.I)
_TOC_REF = re.compile(r"\b\d{1,2}\s+\d{1,2}\.\d{1,2}\b")
_TOC_TAIL = re.compile(r"(\t|\s{2,})\d{1,3}\s*$")
_REG_CODE = re.compile(r"\b\d{1,2}\(\d{1,2}\)(?:\([a-z]{1,2}\))+")
_SENTENCE_END = re.compile(r"[.!?:;]['’\")]*$")
_WS = re.compile(r"[ \t\u00a0]+")


@dataclass
class Block:
    kind: str
    text: str
    level: int = 0  # headings: depth; items: nesting (0 = top)
    page: int | None = None
    label: str = ""  # paragraph number ("9.3"), regulation code ("9(1)(g)") or list number
    bold: bool = False
    start: int = 0
    end: int = 0
    line: int = 0  # first source line (1-based), for people checking against the original


@dataclass
class NormalisedDoc:
    text: str
    blocks: list[Block] = field(default_factory=list)


def strip_front_matter(lines: list[RawLine]) -> list[RawLine]:
    if lines and lines[0].text.strip() == "---":
        for i in range(1, min(len(lines), 200)):
            if lines[i].text.strip() == "---":
                return [RawLine("", ln.page) for ln in lines[: i + 1]] + lines[i + 1 :]
    return lines


def clean_inline(text: str) -> str:
    """Remove markup but keep every word; collapse whitespace."""
    text = _HTML_TAG.sub("", text)
    text = _ESCAPE.sub(r"\1", text)
    text = _AUTOLINK.sub(r"\1", text)

    def link(m: re.Match[str]) -> str:
        label, url = m.group(1).strip(), m.group(2).strip()
        if url.startswith("http") and label and label != url and not label.startswith("http"):
            return f"{label} ({url})"
        return label or url

    text = _LINK.sub(link, text)
    text = _EMPH.sub(r"\2", text)
    text = _EMPH.sub(r"\2", text)
    text = _STRAY_STARS.sub("", text)
    text = text.replace("\t", " ")
    return _WS.sub(" ", text).strip()


def _is_toc_line(raw: str) -> bool:
    if _MD_HEADING.match(raw.strip()):
        return False
    if len(_TOC_REF.findall(raw)) >= 2:
        return True
    stripped = raw.strip()
    if _TOC_TAIL.search(raw) and len(stripped.split()) <= 14 and not stripped.endswith("."):
        return True
    # Lines of only numbers, dots, tabs and bullets (leftover table-of-contents columns), but not
    # a phone number on a line of its own under a contact's name.
    return bool(stripped) and not re.search(r"[A-Za-z]{2}", stripped) and not PHONE.search(stripped)


_CONTENTS = re.compile(r"^\s*(contents|table of contents|index)\s*$", re.I)
_LEADING_LABEL = re.compile(r"^[-*\s]*((Section|Appendix|Part)\s+\d+\s*[:\-\u2013]?|\d{1,2}(\.\d{1,2})*\.?)\s*", re.I)


def _contents_lines(lines: list[RawLine]) -> set[int]:
    """Line numbers of a contents table, which PDF/Word extraction often smears into fragments."""
    cleaned = [re.sub(r"^[-*+]\s+", "", clean_inline(ln.text)) for ln in lines]
    out: set[int] = set()
    for i, raw in enumerate(lines):
        if not _CONTENTS.match(raw.text):
            continue
        out.add(i + 1)
        for j in range(i + 1, len(lines)):
            text = cleaned[j]
            if not text:
                continue
            body = _LEADING_LABEL.sub("", text)
            words = text.split()
            rest_of_doc = cleaned[j + 1 :]
            tocish = (
                "\t" in lines[j].text
                or re.search(r"(^|\s)\d{1,3}(\.\d{1,2})?(\s|$)", body) is not None
                or (len(words) >= 20 and not _SENTENCE_END.search(text))
                or (len(words) <= 3 and not re.search(r"\d", text))
                or text in rest_of_doc
                or (re.match(r"^\s*[-*+]\s", lines[j].text) is not None and len(words) <= 16)
            )
            if not tocish:
                break
            out.add(j + 1)
    return out


def _whole_line_bold(raw: str) -> bool:
    s = raw.strip()
    s = re.sub(r"^#+\s*", "", s)
    return bool(re.fullmatch(r"(<b>.*</b>|\*{2,3}[^*].*[^*]\*{2,3}|_{2,3}.+_{2,3})", s)) and len(s) < 160


def _classify(raw: str) -> tuple[str, str, int, str, bool]:
    """Return (kind, text, level, label, bold) for one non-blank line."""
    m = _MD_HEADING.match(raw.strip())
    if m:
        return HEADING, clean_inline(m.group(2)), len(m.group(1)), "", _whole_line_bold(raw)
    if raw.lstrip().startswith("|"):
        return ROW, clean_inline(raw), 0, "", False
    bold = _whole_line_bold(raw)
    indent = len(raw) - len(raw.lstrip(" "))
    if _MD_BULLET.match(raw) or _HAS_GLYPH.match(raw):
        body = _GLYPH_BULLET.sub("", _MD_BULLET.sub("", raw, count=1), count=1)
        text = clean_inline(body)
        return ITEM, text, indent // 2, "", False
    text = clean_inline(raw)
    if bold and len(text.split()) <= 16 and not text.endswith("."):
        return HEADING, text, 0, "", True
    words = text.split()
    sec = _SECTION_NUM.match(text)
    # Numbered titles run long ("3.2 Removing a child's name from the roll of a school"); a numbered
    # paragraph ends as a sentence does.
    if (sec and len(words) <= NUMBERED_TITLE_WORDS and not _SENTENCE_END.search(text) and words[1:2] and words[1][:1].isupper()
            and (len(words) <= 8 or not _FINITE_VERB.search(text))):
        return HEADING, text, 0, sec.group(1).rstrip("."), False
    if _NAMED_HEADING.match(text) and len(words) <= 14 and not text.endswith("."):
        return HEADING, text, 0, "", False
    num = _NUM_ITEM.match(text)
    if num and not sec:
        return ITEM, text, indent // 2, num.group(1), False
    if sec:
        return PARA, text, 0, sec.group(1).rstrip("."), False
    return PARA, text, 0, "", False


def normalise(lines: list[RawLine]) -> NormalisedDoc:
    lines = strip_front_matter(lines)
    nonblank = [ln.text for ln in lines if ln.text.strip()]
    # A PDF-style hard-wrapped document: many long lines ending mid-sentence.
    wrapped = sum(1 for t in nonblank if 60 <= len(t.rstrip()) <= 130 and not _SENTENCE_END.search(t.rstrip()))
    hard_wrapped = bool(nonblank) and wrapped / len(nonblank) > 0.3

    toc = _contents_lines(lines)
    blocks: list[Block] = []
    last_md_level = 1
    last_bold_level: int | None = None
    for lineno, ln in enumerate(lines, start=1):
        raw = ln.text.rstrip("\n")
        if not raw.strip() or re.fullmatch(r"\s*\|?\s*:?-{3,}.*", raw):
            continue
        if lineno in toc or _is_toc_line(raw):
            continue
        kind, text, level, label, bold = _classify(raw)
        if kind == PARA and hard_wrapped and (raw.startswith(" ") and raw[1:2].isupper() or text.endswith(";")):
            kind = ITEM  # a PDF list whose bullet glyphs were lost
        if not text:
            continue
        prev = blocks[-1] if blocks else None
        if prev is not None and _continues(prev, kind, text, raw, hard_wrapped):
            prev.text = f"{prev.text} {text}"
            continue
        if kind == HEADING:
            if _MD_HEADING.match(raw.strip()):
                if bold and last_bold_level is not None and level >= last_md_level:
                    last_bold_level = level
                last_md_level = level
                if bold:
                    last_bold_level = level
            elif bold:
                level = last_bold_level if last_bold_level is not None else min(last_md_level + 1, 6)
                last_bold_level = level
            else:
                level = 2 if not label or "." not in label else 3
                last_bold_level = None
            codes = _REG_CODE.findall(text)
            if codes and not label:
                label = codes[0]
        blocks.append(Block(kind, text, level, ln.page, label, bold, line=lineno))

    # Lay the blocks out as one text; list items and rows sit on consecutive lines.
    parts: list[str] = []
    pos = 0
    for i, b in enumerate(blocks):
        if i:
            sep = "\n" if b.kind in (ITEM, ROW) and blocks[i - 1].kind in (ITEM, ROW, PARA) else "\n\n"
            parts.append(sep)
            pos += len(sep)
        b.start, b.end = pos, pos + len(b.text)
        parts.append(b.text)
        pos = b.end
    return NormalisedDoc("".join(parts), blocks)


def _continues(prev: Block, kind: str, text: str, raw: str, hard_wrapped: bool) -> bool:
    """Is this line the rest of the previous block, broken by the extractor?"""
    if prev.kind not in (PARA, ITEM) or kind != PARA:
        return False
    if _SENTENCE_END.search(prev.text):
        return False
    first = text[:1]
    if first.islower() or first in "(&":
        return True
    # Hard-wrapped PDFs also break before capitalised words ("The authority's / CME strategy").
    return hard_wrapped and len(prev.text) >= 60 and not prev.text.endswith(("—", "-"))
