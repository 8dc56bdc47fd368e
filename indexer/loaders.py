"""Turn a file into lines of raw text, each tagged with its PDF page (None for other formats).

Every failure is a ``DocumentError`` naming the file and the reason, so the build can report it
and carry on with the other documents.
"""

from __future__ import annotations

import zipfile
from dataclasses import dataclass
from pathlib import Path

from indexer.errors import (
    CorruptDocument,
    DocumentTooLarge,
    EmptyDocument,
    EncryptedDocument,
    NotUtf8Text,
    UnsupportedFormat,
)

SUPPORTED = (".txt", ".md", ".pdf", ".docx")


@dataclass(frozen=True)
class RawLine:
    text: str
    page: int | None = None


def load(path: Path, *, max_bytes: int) -> list[RawLine]:
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED:
        raise UnsupportedFormat(str(path), f"unsupported file type {suffix or '(none)'}; use {', '.join(SUPPORTED)}")
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise CorruptDocument(str(path), f"cannot read file: {exc.strerror}") from exc
    if size > max_bytes:
        raise DocumentTooLarge(str(path), f"{size / 1e6:.1f} MB is over the {max_bytes / 1e6:.0f} MB limit")
    if size == 0:
        raise EmptyDocument(str(path), "the file is empty")
    if suffix in (".txt", ".md"):
        lines = _load_text(path)
    elif suffix == ".pdf":
        lines = _load_pdf(path)
    else:
        lines = _load_docx(path)
    if not any(line.text.strip() for line in lines):
        raise EmptyDocument(str(path), "no text found (a scanned PDF needs OCR first)" if suffix == ".pdf" else "no text found")
    return lines


def _load_text(path: Path) -> list[RawLine]:
    data = path.read_bytes()
    head = data[:8192]
    # Binary files renamed .txt: NUL bytes or a high share of control characters.
    controls = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13))
    if b"\x00" in head or controls > len(head) * 0.05:
        raise CorruptDocument(str(path), "binary content, not text")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise NotUtf8Text(
            str(path), f"not UTF-8 text (bad byte at position {exc.start}); re-save the file as UTF-8"
        ) from exc
    return [RawLine(line) for line in text.splitlines()]


def _load_pdf(path: Path) -> list[RawLine]:
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(str(path))
        if reader.is_encrypted:
            try:
                ok = reader.decrypt("")
            except Exception as exc:  # pypdf raises several types for unsupported crypto
                raise EncryptedDocument(str(path), "the PDF is encrypted and cannot be opened") from exc
            if not ok:
                raise EncryptedDocument(str(path), "the PDF is password-protected; save an unprotected copy")
        out: list[RawLine] = []
        for number, page in enumerate(reader.pages, start=1):
            text = page.extract_text() or ""
            out.extend(RawLine(line, number) for line in text.splitlines())
            out.append(RawLine("", number))
        return out
    except EncryptedDocument:
        raise
    except (PdfReadError, ValueError, KeyError, TypeError, OSError, AttributeError) as exc:
        raise CorruptDocument(str(path), f"the PDF cannot be read ({type(exc).__name__}: {exc})") from exc


def _load_docx(path: Path) -> list[RawLine]:
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        document = docx.Document(str(path))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError, OSError) as exc:
        raise CorruptDocument(str(path), f"the Word file cannot be read ({type(exc).__name__})") from exc
    out: list[RawLine] = []
    for para in document.paragraphs:
        style = (para.style.name if para.style is not None else "") or ""
        text = para.text
        if style.startswith("Heading") and style[-1:].isdigit():
            text = "#" * min(int(style[-1]) + 1, 6) + " " + text
        elif style.startswith("Title"):
            text = "# " + text
        elif "List" in style and text.strip():
            text = "- " + text
        out.append(RawLine(text))
        out.append(RawLine(""))
    for table in document.tables:
        for row in table.rows:
            out.append(RawLine("| " + " | ".join(c.text.strip() for c in row.cells) + " |"))
        out.append(RawLine(""))
    return out
