"""A question asking for an amount, a number, a contact or a date is only answered by a passage
holding one (compose.missing_answer_type)."""

from types import SimpleNamespace

import pytest

from assistant.chat.compose import missing_answer_type


def passage(text):
    return SimpleNamespace(hit=SimpleNamespace(chunk=SimpleNamespace(text=text)))


SAO = "If the child remains out of education, a School Attendance Order (SAO) will be instituted against the parent(s)."


@pytest.mark.parametrize(
    "question, text, missing",
    [
        ("What's the maximum fine a court can give a parent for not complying with an SAO?", SAO, "an amount"),
        ("What's the maximum fine for ignoring an SAO?", "A fine of up to £2,500 may be imposed.", None),
        ("How much is a penalty notice?", SAO, "an amount"),
        ("What are the 2025-26 term dates for schools in Barking?", "until the last Friday in June", "a date"),
        ("When is half-term?", "Half term begins on 27 October 2025.", None),
        ("What's the CME team's email address?", "Email cme@worcestershire.gov.uk", None),
        ("What's the CME team's email address?", "Contact the CME team.", "an email address"),
        ("What happens after an SAO?", SAO, None),
        ("What happens after half term if a child hasn't come back?", "contacted immediately", None),
    ],
)
def test_missing_answer_type(question, text, missing):
    assert missing_answer_type(question, [passage(text)]) == missing
