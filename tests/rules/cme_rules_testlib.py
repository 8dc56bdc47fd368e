"""Shared helpers for the rule-module tests (imported by conftest and the tests)."""

from __future__ import annotations

import re
from datetime import date, timedelta
from pathlib import Path

from assistant.rules import SchoolCalendar

MAIN = Path(__file__).resolve().parents[2]
SHARED = Path("/work/shared")

#: doc_id -> file name (as in the corpus manifest) and fallback location
DOC_FILES = {
    "uksi-2024-208": ("uksi-2024-208.md", SHARED / "legislation"),
    "uksi-1997-1970": ("uksi-1997-1970.md", SHARED / "legislation"),
    "uksi-1998-1607": ("uksi-1998-1607.md", SHARED / "legislation"),
    "worcestershire-cme-policy-2025": ("000_bbfb079f1ec8ebe6.txt", SHARED / "policies"),
    "aspire-academy-cme-policy-2023": ("001_a7f8ba7f9a9e4b7a.txt", SHARED / "policies"),
    "barking-dagenham-cme-guidance-2019": ("002_e0f19c1c146ffac1.txt", SHARED / "policies"),
    "riverside-federation-cme-policy": ("003_2c281576a6b5b241.txt", SHARED / "policies"),
    "derbyshire-cromford-cme-policy-2023": ("004_09576c872eb4e63f.txt", SHARED / "policies"),
}


def _manifest_sources() -> dict[str, str]:
    manifest = MAIN / "corpus" / "manifest.yaml"
    if not manifest.exists():
        return {}
    import yaml

    data = yaml.safe_load(manifest.read_text(encoding="utf-8")) or {}
    return {d["doc_id"]: d["source"] for d in data.get("documents", []) if "source" in d}


def doc_path(doc_id: str) -> Path:
    """The document's text: the corpus copy if present (per its manifest), else /work/shared."""
    name, fallback = DOC_FILES[doc_id]
    source = _manifest_sources().get(doc_id)
    candidates = ([MAIN / "corpus" / source] if source else []) + [
        MAIN / "corpus" / "documents" / name, fallback / name]
    for path in candidates:
        if path.exists():
            return path
    raise FileNotFoundError(f"no text found for {doc_id}: tried {candidates}")


def collapse(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def autumn_2025_calendar() -> SchoolCalendar:
    """Autumn term 2025 (3 Sep - 19 Dec) with half term 27-31 Oct and one INSET day."""
    return SchoolCalendar(
        terms=((date(2025, 9, 3), date(2025, 10, 24)), (date(2025, 11, 3), date(2025, 12, 19))),
        closures=((date(2025, 11, 21), "INSET day"),),
        name="Test School",
    )


def multi_year_calendar() -> SchoolCalendar:
    """Six terms a year, 2024-2031, with one INSET day per half term (for property tests)."""
    terms, closures = [], []
    for y in range(2024, 2031):
        for a, b in ((date(y, 9, 4), date(y, 10, 25)), (date(y, 11, 4), date(y, 12, 19)),
                     (date(y + 1, 1, 6), date(y + 1, 2, 14)), (date(y + 1, 2, 24), date(y + 1, 4, 4)),
                     (date(y + 1, 4, 22), date(y + 1, 5, 23)), (date(y + 1, 6, 2), date(y + 1, 7, 22))):
            terms.append((a, b))
            closures.append(a + timedelta(days=7))
    return SchoolCalendar(terms=tuple(terms), closures=tuple(closures), name="Generated")
