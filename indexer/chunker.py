"""Blocks → chunks that keep headings, numbered paragraphs and regulation paragraphs together.

A chunk's ``text`` is always ``normalised_text[start:end]``, so any quote taken from it is a
verbatim quote of the document. The heading path is kept beside the text (and prepended only for
embedding), which keeps chunks inside all-MiniLM-L6-v2's 256-word-piece window.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from indexer.normalise import HEADING, ITEM, PARA, ROW, Block, NormalisedDoc

REG_CODE = re.compile(r"\b(\d{1,2})\((\d{1,2})\)((?:\([a-z]{1,2}\))+)")
_SENTENCE = re.compile(r"(?<=[.!?;])\s+(?=[A-Z(\"'‘“])")
_ENUM = re.compile(r"^\((\d{1,2}|[a-z]{1,4})\)\s")
_ROMAN = ("i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii")
_SKIP_SECTIONS = ("Footnotes", "Editorial notes")


@dataclass(frozen=True)
class ChunkingParams:
    max_words: int = 150
    version: str = "v6"  # bump when the algorithm changes, so old indexes are not reused


@dataclass
class Chunk:
    chunk_id: str
    doc_id: str
    ordinal: int
    text: str
    section_path: str
    start: int
    end: int
    page: int | None = None
    paragraphs: list[str] = field(default_factory=list)
    codes: list[str] = field(default_factory=list)  # regulation codes this chunk is about or names

    def embed_text(self, title: str) -> str:
        return f"{title}\n{self.section_path}\n{self.text}"


def words(text: str) -> int:
    return len(text.split())


def normalise_code(code: str) -> str:
    """'9 (1) (g)' / '9(1)(G)' → '9(1)(g)'."""
    return re.sub(r"\s+", "", code).lower()


def find_codes(text: str) -> list[str]:
    return list(dict.fromkeys(normalise_code(m.group(0)) for m in REG_CODE.finditer(text)))


class _Builder:
    def __init__(self, doc_id: str, norm: NormalisedDoc, params: ChunkingParams) -> None:
        self.doc_id, self.norm, self.params = doc_id, norm, params
        self.chunks: list[Chunk] = []

    def emit(self, blocks: list[Block], path: str, labels: list[str], codes: list[str] | None = None) -> None:
        if not blocks or all(b.kind == HEADING for b in blocks):
            return
        # Split a run of blocks into pieces under max_words; a single long block splits by sentence.
        piece: list[tuple[int, int]] = []
        count = 0
        spans: list[tuple[int, int]] = []
        for b in blocks:
            for s, e in self._block_spans(b):
                n = words(self.norm.text[s:e])
                if piece and count + n > self.params.max_words:
                    spans.append((piece[0][0], piece[-1][1]))
                    piece, count = [], 0
                piece.append((s, e))
                count += n
        if piece:
            spans.append((piece[0][0], piece[-1][1]))
        page = next((b.page for b in blocks if b.page is not None), None)
        for s, e in spans:
            text = self.norm.text[s:e]
            ordinal = len(self.chunks)
            found = find_codes(text)
            self.chunks.append(
                Chunk(
                    chunk_id=f"{self.doc_id}--{ordinal:04d}",
                    doc_id=self.doc_id,
                    ordinal=ordinal,
                    text=text,
                    section_path=path,
                    start=s,
                    end=e,
                    page=page,
                    paragraphs=list(dict.fromkeys(labels)),
                    codes=list(dict.fromkeys((codes or []) + found)),
                )
            )

    def _block_spans(self, b: Block) -> list[tuple[int, int]]:
        if words(b.text) <= self.params.max_words:
            return [(b.start, b.end)]
        spans, pos = [], 0
        for m in _SENTENCE.finditer(b.text):
            spans.append((b.start + pos, b.start + m.start()))
            pos = m.end()
        spans.append((b.start + pos, b.end))
        # Sentences longer than the window are cut at word boundaries.
        out: list[tuple[int, int]] = []
        for s, e in spans:
            while words(self.norm.text[s:e]) > self.params.max_words:
                cut = s
                for _ in range(self.params.max_words):
                    nxt = self.norm.text.find(" ", cut + 1, e)
                    if nxt == -1:
                        break
                    cut = nxt
                out.append((s, cut))
                s = cut + 1
            out.append((s, e))
        return out


def chunk_policy(doc_id: str, norm: NormalisedDoc, params: ChunkingParams) -> list[Chunk]:
    builder = _Builder(doc_id, norm, params)
    stack: list[Block] = []
    current: list[Block] = []

    def path() -> str:
        return " > ".join(h.text for h in stack)

    def labels() -> list[str]:
        return [h.label for h in stack if h.label] + [b.label for b in current if b.kind == PARA and b.label]

    def heading_codes() -> list[str]:
        return [normalise_code(h.label) for h in stack if REG_CODE.fullmatch(h.label or "")]

    for b in norm.blocks:
        if b.kind == HEADING:
            builder.emit(current, path(), labels(), heading_codes())
            while stack and stack[-1].level >= b.level:
                stack.pop()
            stack.append(b)
            current = [b]  # the heading opens its section's first chunk
            continue
        if current and current[-1].kind != HEADING:
            n = sum(words(x.text) for x in current)
            # A chunk stays on one PDF page, so its page number is exact for citations.
            if n + words(b.text) > params.max_words or (b.page is not None and b.page != current[-1].page):
                builder.emit(current, path(), labels(), heading_codes())
                current = []
        current.append(b)
    builder.emit(current, path(), labels(), heading_codes())
    return builder.chunks


def _enum_kind(token: str, top_kind: str | None, opens_list: bool, expected: dict[str, str]) -> str:
    if token.isdigit():
        return "num"
    if opens_list:
        return {"a": "alpha", "i": "roman", "aa": "dbl"}.get(token, "alpha")
    for kind in ("dbl", "roman", "alpha"):
        if expected.get(kind) == token:
            return kind
    if len(token) == 2 and token[0] == token[1] and token != "ii":
        return "dbl"
    return "roman" if token in _ROMAN and len(token) > 1 else "alpha"


def _next(kind: str, token: str) -> str:
    if kind == "alpha":
        return chr(ord(token) + 1)
    if kind == "roman":
        i = _ROMAN.index(token) if token in _ROMAN else -1
        return _ROMAN[i + 1] if 0 <= i < len(_ROMAN) - 1 else ""
    if kind == "dbl":
        c = chr(ord(token[0]) + 1)
        return c + c
    return str(int(token) + 1)


def chunk_legislation(doc_id: str, norm: NormalisedDoc, params: ChunkingParams) -> list[Chunk]:
    """One chunk per regulation paragraph: reg 9(1)(g) with its (i), (ii)… is one chunk."""
    builder = _Builder(doc_id, norm, params)
    part = ""  # "" for the body; "Sch 1" inside a schedule
    title = ""  # the heading above the regulation number
    reg = ""
    stack: list[tuple[str, str]] = []  # (kind, token)
    group: list[Block] = []
    group_label = ""
    group_path = ""
    skipping = False
    prev_text = ""

    def flush() -> None:
        nonlocal group
        if group:
            codes = [group_label] if re.fullmatch(r"\d{1,2}\(\d{1,2}\)(\([a-z]{1,2}\))*", group_label) else []
            builder.emit(group, group_path, [group_label] if group_label else [], codes)
        group = []

    for b in norm.blocks:
        if b.kind == HEADING:
            flush()
            if b.level <= 2:
                skipping = b.text.startswith(_SKIP_SECTIONS)
                part = "Sch " + b.text.split()[1] if b.text.startswith("Schedule") else ""
                title, reg, stack = b.text, "", []
                if not part and not b.text.startswith(("Schedule",)) and b.level == 2:
                    group_path, group_label = b.text, ""
            elif b.text.isdigit():
                reg, stack = b.text, []
            else:
                title, reg, stack = b.text, "", []
            prev_text = ""
            continue
        if skipping:
            continue
        prefix = f"{part} para {reg}" if part else reg
        head = f"{part} " if part else ""
        m = _ENUM.match(b.text) if b.kind in (ITEM, PARA) else None
        if m and reg:
            token = m.group(1)
            opens = prev_text.rstrip().endswith(("—", ":", "-"))
            expected = {k: _next(k, t) for k, t in stack}
            kind = _enum_kind(token, stack[-1][0] if stack else None, opens, expected)
            if kind == "num":
                stack = [("num", token)]
            elif opens:
                stack.append((kind, token))
            else:
                while stack and stack[-1][0] != kind:
                    stack.pop()
                if stack:
                    stack[-1] = (kind, token)
                else:
                    stack = [(kind, token)]
            depth_label = prefix + "".join(f"({t})" for _, t in stack)
            # A new chunk starts at every numbered paragraph and every lettered sub-paragraph.
            if kind in ("num", "alpha") and not any(k == "alpha" for k, _ in stack[:-1]):
                flush()
                group_label = depth_label
                group_path = f"{head}Regulation {reg} — {title}" if reg else title
                group_path = f"{group_path} > {depth_label}" if depth_label else group_path
        elif b.kind in (PARA,) and not group:
            group_label = prefix
            group_path = (f"{head}Regulation {reg} — {title}" if reg else title) or group_path
        elif b.kind in (PARA,) and reg and not m and group and group[-1].kind == ROW:
            pass
        if not group and not group_path:
            group_path = title
        group.append(b)
        prev_text = b.text
    flush()
    return _merge_paragraphs(builder.chunks, norm, params)


_REGULATION_KEY = re.compile(r"^(.*?\d{1,2})(?:\(|$)")
_PARAGRAPH_KEY = re.compile(r"^(.*?\d{1,2}\(\d{1,2}\))")


def _merge_paragraphs(chunks: list[Chunk], norm: NormalisedDoc, params: ChunkingParams) -> list[Chunk]:
    """Put short provisions back together: a whole regulation when it fits ("2 — Extent and
    application", (1) and (2)), else each numbered paragraph with its sub-paragraphs ("(9) ... a
    sickness return if—", "(a) ...", "(b) ..."), since a lead-in split from the condition it
    introduces ranks above it. Anything too long keeps one chunk per sub-paragraph."""
    out: list[Chunk] = []

    def emit(part: list[Chunk], whole_regulation: bool) -> None:
        first, last = part[0], part[-1]
        path = first.section_path
        if whole_regulation and len(part) > 1 and " > " in path:
            path = path.rsplit(" > ", 1)[0]  # the regulation, not its first paragraph
        ordinal = len(out)
        out.append(Chunk(
            chunk_id=f"{first.doc_id}--{ordinal:04d}", doc_id=first.doc_id, ordinal=ordinal,
            text=norm.text[first.start : last.end], section_path=path,
            start=first.start, end=last.end, page=first.page,
            paragraphs=list(dict.fromkeys(p for c in part for p in c.paragraphs)),
            codes=list(dict.fromkeys(x for c in part for x in c.codes)),
        ))

    def fits(part: list[Chunk]) -> bool:
        return words(norm.text[part[0].start : part[-1].end]) <= params.max_words

    for reg in _runs(chunks, _REGULATION_KEY):
        if fits(reg):
            emit(reg, True)
            continue
        for para in _runs(reg, _PARAGRAPH_KEY):
            for part in ([para] if fits(para) else [[c] for c in para]):
                emit(part, False)
    return out


def _runs(chunks: list[Chunk], pattern: re.Pattern) -> list[list[Chunk]]:
    """Consecutive chunks whose first paragraph label shares the pattern's key (same page, in order)."""
    def key(c: Chunk) -> str | None:
        m = pattern.match(c.paragraphs[0]) if c.paragraphs else None
        return m.group(1) if m else None

    runs: list[list[Chunk]] = []
    for c in chunks:
        prev = runs[-1][-1] if runs else None
        if prev is not None and key(c) is not None and key(c) == key(prev) and c.page == prev.page and c.start >= prev.end:
            runs[-1].append(c)
        else:
            runs.append([c])
    return runs
