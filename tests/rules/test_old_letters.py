from __future__ import annotations

import pytest

from assistant.rules import UnknownRule, find_old_ground_references, map_2006_ground


@pytest.mark.parametrize("old, new", [
    pytest.param("8(1)(a)", ("9(1)(d)", "9(1)(e)"), id="a-sao"),
    pytest.param("8(1)(b)", ("9(1)(a)",), id="b"),
    pytest.param("8(1)(c)", ("9(1)(c)",), id="c"),
    pytest.param("8(1)(d)", ("9(1)(f)",), id="d"),
    pytest.param("8(1)(e)", ("9(1)(g)",), id="e"),
    pytest.param("8(1)(f)", ("9(1)(h)",), id="f"),
    pytest.param("8(1)(g)", (), id="g-abolished"),
    pytest.param("reg 8(1)(h)", ("9(1)(i)",), id="h-with-reg"),
    pytest.param("8 (1) (i)", ("9(1)(j)",), id="i-spaced"),
    pytest.param("8(1)(j)", ("9(1)(k)",), id="j"),
    pytest.param("8(1)(k)", ("9(1)(l)",), id="k"),
    pytest.param("8(1)(l)", ("9(1)(n)",), id="l"),
    pytest.param("8(1)(m)", ("9(1)(o)",), id="m"),
    pytest.param("8(1)(n)", ("9(1)(b)",), id="n"),
    pytest.param("8(1)(o)", ("9(1)(m)",), id="o"),
    pytest.param("8(2)", ("9(2)",), id="special-school"),
    pytest.param("8(3)(b)", ("9(3)(c)",), id="3b"),
    pytest.param("8(1)H", ("9(1)(i)",), id="no-brackets-upper"),
])
def test_map(old: str, new: tuple[str, ...]) -> None:
    m = map_2006_ground(old)
    assert m.new == new and m.note


def test_medical_ground_is_abolished() -> None:
    assert "abolished" in map_2006_ground("8(1)(g)").note


@pytest.mark.parametrize("bad", [pytest.param("8(1)(z)", id="bad-letter"), pytest.param("9(1)(a)", id="new-code"),
                                 pytest.param("", id="empty")])
def test_unknown(bad: str) -> None:
    with pytest.raises(UnknownRule):
        map_2006_ground(bad)


def test_spots_references_in_text() -> None:
    text = ("We removed him under 8(1)(h) after 20 days; custody for more than four months is needed. "
            "Section 8(3)(a) of the 1996 Act is about age. See the Education (Pupil Registration) "
            "(England) Regulations 2006.")
    refs = find_old_ground_references(text)
    assert [r.old for r in refs] == ["8(1)(h)", None, None]
    assert refs[0].new == ("9(1)(i)",)
    assert "four months" in refs[1].text and "2006" in refs[2].text
    assert refs[1].new == ("9(1)(j)",) and refs[2].new == ()


@pytest.mark.parametrize("text, now", [
    ("Are in custody for a period of more than four months due to a final court order", ("9(1)(j)",)),
    ("in custody for at least 4 months", ("9(1)(j)",)),
    ("Schools must inform the Admissions Team, within 5 days, of every child they enrol.", ("13(1)",)),
    ("notify the local authority within five days when a pupil joins", ("13(1)",)),
    # v38 a3848, a3850: a county guide's 2016 duties; a school policy's 2006 Year 11 leaver
    ("As such, from 1st September 2016, the Government introduced 2 new statutory requirements upon all schools", ("13(1)", "13(4)")),
    ("Notify the LA when a pupil leaves the school outside of the normal time of transfer.", ("13(1)", "13(4)")),
    ("Have ceased to attend the school before compulsory school leaving age, and neither he/she nor his/her parent has "
     "indicated the intention to continue", ("9(1)(l)",)),
    ("The office moved on 1st September 2016 to a new building.", None),
    ("Pupils may be absent for more than four weeks.", None),
])
def test_phrases_of_the_old_law_name_the_provision_now(text, now) -> None:
    refs = find_old_ground_references(text)
    assert (refs[0].new if refs else None) == now
