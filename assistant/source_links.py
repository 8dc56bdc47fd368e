"""Link the rule module's citations (``Source``: doc_id + locator + verbatim quote) to indexed chunks.

``link_sources(sources, chunks, documents=None, prefer=())`` is pure: it reads nothing and keeps no
state. A quote is looked for in the chunks of its own document only, after collapsing runs of
whitespace on both sides; quotes are copied from the raw files while chunk text is normalised, so the
quote is also tried with its markdown markup removed (``indexer.normalise.clean_inline``).

When a quote occurs in more than one chunk (a phrase repeated in several regulation paragraphs), the
chunk whose paragraph labels or regulation codes match a ``prefer`` code (e.g. the ground decided) is
chosen, then one matching a code named in the citation's locator, then the first in document order;
the other chunks are listed in ``also_in``. A quote found in no chunk keeps ``chunk_id = None``: the
citation is still shown, never dropped or guessed.

``collect_sources(result)`` gathers every ``Source`` inside a rule result (ground, conditions,
actions, deadline and its local variants, timeline items), for ``link_sources``.
"""

from __future__ import annotations

import re
from dataclasses import fields, is_dataclass
from typing import Any, Iterable, Mapping, Sequence

from assistant.rules import DOCUMENTS, Source
from indexer.normalise import clean_inline

__all__ = ["link_sources", "collect_sources", "locator_codes"]

_WS = re.compile(r"\s+")
# "9(1)(b)" / "9(3)" starts a code; ", (c)" or "and (c)" continues with the same regulation/paragraph.
_CODE = re.compile(r"(\d{1,2}\(\d{1,2}\))(\([a-z]{1,4}\))?|(?:,|\band)\s*(\([a-z]{1,4}\))")


def _collapse(text: str) -> str:
    return _WS.sub(" ", text).strip()


def locator_codes(locator: str) -> list[str]:
    """Regulation codes named in a locator, most specific level kept to one letter.

    ``"reg 9(1)(b)(ii), (c)(i), (g)(i)"`` -> ``["9(1)(b)", "9(1)(c)", "9(1)(g)"]``.
    """
    out: list[str] = []
    base: str | None = None
    for m in _CODE.finditer(locator or ""):
        if m.group(1):
            base = m.group(1)
            code = base + (m.group(2) or "")
        elif base is not None:
            code = base + m.group(3)
        else:
            continue
        if code not in out:
            out.append(code)
    return out


def _field(src: Any, name: str) -> Any:
    return src.get(name) if isinstance(src, Mapping) else getattr(src, name, None)


def _chunk_labels(chunk: Any) -> set[str]:
    labels = set(getattr(chunk, "paragraphs", None) or ()) | set(getattr(chunk, "codes", None) or ())
    return {label.replace(" ", "").lower() for label in labels}


def _rank(chunk: Any, wanted: Sequence[str]) -> int:
    """Lower is better: the first wanted code the chunk is labelled with exactly, then one it is
    labelled with more or less specifically (``9(1)(g)`` for ``9(1)``); ``2 * len(wanted)`` if none."""
    labels = _chunk_labels(chunk)
    for i, code in enumerate(wanted):
        if code in labels:
            return 2 * i
        if any(label.startswith(code + "(") or code.startswith(label + "(") for label in labels):
            return 2 * i + 1
    return 2 * len(wanted)


def _doc_meta(doc_id: str, documents: Mapping[str, Any] | None) -> dict[str, str]:
    doc = (documents or {}).get(doc_id)
    if doc is not None:
        return {"title": _field(doc, "title"), "authority": _field(doc, "authority")}
    if doc_id in DOCUMENTS:
        title, authority = DOCUMENTS[doc_id]
        return {"title": title, "authority": authority}
    return {}


def link_sources(
    sources: Iterable[Any],
    chunks: Sequence[Any],
    documents: Mapping[str, Any] | None = None,
    prefer: Iterable[str] = (),
) -> list[dict]:
    """One dict per distinct source, in first-seen order (see the module docstring).

    ``sources`` are rule ``Source`` objects or their JSON form; ``chunks`` are the retriever's
    chunks (``.chunk_id``, ``.doc_id``, ``.text``, optionally ``.paragraphs``/``.codes``/
    ``.section_path``); ``documents`` maps doc_id to something with ``.title``/``.authority``.
    Each result: ``doc_id, locator, quote, chunk_id (None if not found), also_in, section, title,
    authority`` (+ ``note`` when the source has one).
    """
    prefer = [c.replace(" ", "").lower() for c in prefer]
    by_doc: dict[str, list[tuple[Any, str]]] = {}
    out: list[dict] = []
    seen: set[tuple[str, str, str]] = set()
    for src in sources:
        doc_id, locator, quote = _field(src, "doc_id"), _field(src, "locator") or "", _field(src, "quote") or ""
        key = (doc_id, locator, quote)
        if key in seen:
            continue
        seen.add(key)
        if doc_id not in by_doc:
            by_doc[doc_id] = [(c, _collapse(c.text)) for c in chunks if c.doc_id == doc_id]
        needles = {n for n in (_collapse(quote), clean_inline(quote)) if n}
        found = [c for c, text in by_doc[doc_id] if any(n in text for n in needles)]
        wanted = prefer + locator_codes(locator)
        found.sort(key=lambda c: _rank(c, wanted))  # stable: document order breaks ties
        best = found[0] if found else None
        item = {
            "doc_id": doc_id, "locator": locator, "quote": quote,
            "chunk_id": best.chunk_id if best else None,
            "also_in": [c.chunk_id for c in found[1:]],
            "section": getattr(best, "section_path", None) if best else None,
            **_doc_meta(doc_id, documents),
        }
        note = _field(src, "note")
        if note:
            item["note"] = note
        out.append(item)
    return out


def collect_sources(obj: Any) -> list[Any]:
    """Every ``Source`` inside a rule result (dataclasses, lists, tuples), in first-seen order."""
    found: list[Any] = []

    def walk(x: Any) -> None:
        if isinstance(x, Source):
            if x not in found:
                found.append(x)
        elif is_dataclass(x) and not isinstance(x, type):
            for f in fields(x):
                walk(getattr(x, f.name))
        elif isinstance(x, (list, tuple)):
            for item in x:
                walk(item)

    walk(obj)
    return found
