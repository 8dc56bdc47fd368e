"""Fixtures for the rule-module tests."""

from __future__ import annotations

import pytest

from tests.rules.cme_rules_testlib import DOC_FILES, collapse, doc_path


@pytest.fixture(scope="session")
def doc_texts() -> dict[str, str]:
    return {doc_id: collapse(doc_path(doc_id).read_text(encoding="utf-8")) for doc_id in DOC_FILES}
