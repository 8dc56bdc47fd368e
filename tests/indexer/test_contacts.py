"""Contact details as the corpus writes them (indexer.contacts)."""

import pytest

from indexer.contacts import CONTACT_DETAIL, PHONE


@pytest.mark.parametrize(
    "text, phone, contact",
    [
        ("Attendance Helpline: 01905 844440 (Open 9am-4.30pm)", True, True),
        ("Phone: 020 8227 2151", True, True),
        ("A child without a school place (WASP), Tel: 01629 532 817", True, True),
        ("Email: accessattendance@lbbd.gov.uk", False, True),
        ("within 5 days of a child being put on roll", False, False),
        ("UPN A123456789012", False, False),
        ("regulation 9(1)(g) from 1 September 2024", False, False),
    ],
)
def test_phone_and_contact_patterns(text, phone, contact):
    assert bool(PHONE.search(text)) is phone
    assert bool(CONTACT_DETAIL.search(text)) is contact
