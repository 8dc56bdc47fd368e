"""Every quotation the rule module can cite is verbatim in its document.

The documents are read here (never by the rule module): from corpus/documents/<file>
when the corpus is present, else from /work/shared. Both sides are compared after
collapsing runs of whitespace to single spaces.
"""

from __future__ import annotations

import dataclasses
from datetime import date

import pytest

from assistant import rules
from assistant.rules import Facts, Source, all_sources

from tests.rules.cme_rules_testlib import DOC_FILES, collapse

SOURCES = all_sources()


def _walk_sources(obj, found):
    if isinstance(obj, Source):
        found.append(obj)
    elif dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        for f in dataclasses.fields(obj):
            _walk_sources(getattr(obj, f.name), found)
    elif isinstance(obj, (list, tuple)):
        for x in obj:
            _walk_sources(x, found)
    return found


def test_every_doc_id_is_known() -> None:
    assert {s.doc_id for s in SOURCES.values()} <= set(DOC_FILES)
    assert set(rules.DOCUMENTS) == set(DOC_FILES)


@pytest.mark.parametrize("name", sorted(SOURCES))
def test_quote_is_verbatim_single_line_and_short(name: str, doc_texts: dict[str, str]) -> None:
    src = SOURCES[name]
    assert "\n" not in src.quote, "quotes must be a single line"
    assert len(src.quote.split()) <= 32, "quotes must be at most about 30 words"
    assert src.locator, "every citation needs a locator"
    assert collapse(src.quote) in doc_texts[src.doc_id], f"{name} not found in {src.doc_id}"


def _sample_results():
    t = date(2025, 3, 10)
    yield rules.decide_leaver_reason(Facts(of_compulsory_school_age=True, permanently_excluded=True,
                                           exclusion_status="review_upheld", authority="Worcestershire"), today=t)
    yield rules.decide_leaver_reason(Facts(of_compulsory_school_age=True, moved_abroad=True,
                                           reasonable_grounds_will_return=False, authority="Derbyshire"), today=t)
    yield rules.decide_leaver_reason(Facts(of_compulsory_school_age=True, detained=True,
                                           detention_type="remand"), today=t)
    for rule in rules.list_rules():
        yield rules.compute_deadline(rule.id, date(2025, 9, 8))
    yield rules.compulsory_school_age(date(2010, 8, 30))
    yield rules.case_timeline(rules.Case(authority="Barking and Dagenham", date_of_entry=date(2025, 9, 8),
                                         first_day_of_absence=date(2025, 10, 1)))


def test_every_source_in_results_is_registered_and_verbatim(doc_texts: dict[str, str]) -> None:
    registered = set(SOURCES.values())
    seen = []
    for result in _sample_results():
        seen += _walk_sources(result, [])
    assert seen
    for src in seen:
        plain = dataclasses.replace(src, note="")
        assert plain in registered, f"unregistered citation: {src}"
        assert collapse(src.quote) in doc_texts[src.doc_id]
