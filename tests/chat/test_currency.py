"""Replaced instruments named in a quoted passage's own words (compose.superseded_in)."""

import pytest

from assistant.chat.compose import PUPIL_REGISTRATION_2006, superseded_in


@pytest.mark.parametrize("text, expected", [
    ("2.2 The Education (Pupil Registration) (England) Regulations 2006 can be found on the GOV.UK legislation website",
     [PUPIL_REGISTRATION_2006]),
    ("(Section 5. The Education (Pupil Registration) (England) (Amendment) Regulations 2016)", [PUPIL_REGISTRATION_2006]),
    ("See below for link to Statutory Guidance Children Missing Education 2016 for further information.",
     ["2016 CME statutory guidance"]),
    ("See also Children Missing Education - Statutory Guidance for Local Authorities (Department for Education (2015)",
     ["2015 CME statutory guidance"]),
    # not replaced instruments: an Act, a date, the current Regulations
    ("The Education and Inspections Act 2006 placed a new duty on all local authorities", []),
    ("As such, from 1st September 2016, the Government introduced 2 new statutory requirements upon all schools", []),
    ("These Regulations may be cited as the School Attendance (Pupil Registration) (England) Regulations 2024", []),
])
def test_superseded_in(text, expected):
    assert superseded_in(text) == expected
