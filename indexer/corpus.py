"""The corpus manifest: which documents exist, whose they are and how current they are."""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import yaml

from indexer.errors import ManifestError

KINDS = ("legislation", "LA guidance", "school policy")
NATIONAL = "England"
_DOC_ID = re.compile(r"^[a-z0-9][a-z0-9-]{2,80}$")


@dataclass(frozen=True)
class Document:
    doc_id: str
    title: str
    publisher: str
    authority: str
    kind: str
    source: str  # path relative to the corpus directory
    dated: str | None = None
    review_due: str | None = None
    url: str | None = None
    licence: str | None = None
    notes: str = ""
    superseded_references: tuple[str, ...] = ()
    aliases: tuple[str, ...] = ()  # names staff use for this document or its publisher

    def status(self, today: date) -> str:
        """`review_overdue` once today is past the review date, else `current`."""
        due = _end_of_period(self.review_due)
        return "review_overdue" if due is not None and today > due else "current"

    @property
    def is_legislation(self) -> bool:
        return self.kind == "legislation"


def _end_of_period(value: str | None) -> date | None:
    """'2026-09' means 'by the end of September 2026'; a full date is itself."""
    if not value:
        return None
    parts = [int(p) for p in value.split("-")]
    if len(parts) == 1:
        return date(parts[0], 12, 31)
    if len(parts) == 2:
        return date(parts[0], parts[1], calendar.monthrange(parts[0], parts[1])[1])
    return date(*parts[:3])


@dataclass(frozen=True)
class Manifest:
    root: Path
    documents: tuple[Document, ...] = field(default_factory=tuple)

    @property
    def authorities(self) -> list[str]:
        """Local authorities with documents (legislation's 'England' is not a filter target)."""
        return sorted({d.authority for d in self.documents if d.authority != NATIONAL})

    def get(self, doc_id: str) -> Document | None:
        return next((d for d in self.documents if d.doc_id == doc_id), None)

    def path_of(self, doc: Document) -> Path:
        return self.root / doc.source

    def unlisted_files(self) -> list[Path]:
        """Files under the corpus folder that no manifest entry names (reported, not indexed)."""
        listed = {(self.root / d.source).resolve() for d in self.documents}
        skip = {"manifest.yaml", "glossary.yaml", "tuning_questions.jsonl"}
        out = []
        for p in sorted(self.root.rglob("*")):
            if p.is_file() and p.name not in skip and not p.name.startswith(("LICENCE", "README", ".")):
                if p.resolve() not in listed:
                    out.append(p)
        return out


def load_manifest(corpus_dir: Path) -> Manifest:
    path = corpus_dir / "manifest.yaml"
    if not path.is_file():
        raise ManifestError(f"No manifest at {path}: every corpus needs a manifest.yaml")
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except yaml.YAMLError as exc:
        raise ManifestError(f"{path} is not valid YAML: {exc}") from exc
    entries = raw.get("documents")
    if not isinstance(entries, list):
        raise ManifestError(f"{path} must have a 'documents:' list")
    docs: list[Document] = []
    seen: set[str] = set()
    allowed = set(Document.__dataclass_fields__) | {"original_file"}
    for i, e in enumerate(entries):
        if not isinstance(e, dict):
            raise ManifestError(f"{path}: entry {i + 1} is not a mapping")
        unknown = set(e) - allowed
        if unknown:
            raise ManifestError(f"{path}: entry {i + 1} has unknown keys {sorted(unknown)}")
        missing = [k for k in ("doc_id", "title", "publisher", "authority", "kind", "source") if not e.get(k)]
        if missing:
            raise ManifestError(f"{path}: entry {i + 1} lacks {', '.join(missing)}")
        doc_id = str(e["doc_id"])
        if not _DOC_ID.match(doc_id):
            raise ManifestError(f"{path}: doc_id {doc_id!r} must be lower-case letters, digits and hyphens")
        if doc_id in seen:
            raise ManifestError(f"{path}: doc_id {doc_id!r} appears twice")
        if e["kind"] not in KINDS:
            raise ManifestError(f"{path}: {doc_id} has kind {e['kind']!r}; use one of {', '.join(KINDS)}")
        for key in ("dated", "review_due"):
            if e.get(key) is not None:
                try:
                    _end_of_period(str(e[key]))
                except (ValueError, TypeError) as exc:
                    raise ManifestError(f"{path}: {doc_id} {key} {e[key]!r} is not YYYY-MM or YYYY-MM-DD") from exc
        seen.add(doc_id)
        docs.append(
            Document(
                doc_id=doc_id,
                title=str(e["title"]),
                publisher=str(e["publisher"]),
                authority=str(e["authority"]),
                kind=str(e["kind"]),
                source=str(e["source"]),
                dated=str(e["dated"]) if e.get("dated") else None,
                review_due=str(e["review_due"]) if e.get("review_due") else None,
                url=e.get("url"),
                licence=e.get("licence"),
                notes=str(e.get("notes") or ""),
                superseded_references=tuple(e.get("superseded_references") or ()),
                aliases=tuple(str(a) for a in e.get("aliases") or ()),
            )
        )
    return Manifest(root=corpus_dir, documents=tuple(docs))
