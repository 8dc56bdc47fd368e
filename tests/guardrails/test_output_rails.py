import pytest

from guardrails.output import Context, apply, contacts_in_corpus, dates_from_tools, real_grounds

CORPUS = "Email: cme@worcestershire.gov.uk Tel: 01905 843204 see https://www.legislation.gov.uk/uksi/2024/208"


@pytest.mark.parametrize(
    "answer, fires",
    [
        pytest.param("Ring 01905 843204 [1]", [], id="phone-in-corpus"),
        pytest.param("Ring 01905 999999 [1]", ["contacts_in_corpus"], id="invented-phone"),
        pytest.param("Email someone@example.org", ["contacts_in_corpus"], id="invented-email"),
        pytest.param("Use ground 9(1)(z).", ["real_grounds"], id="no-such-ground"),
        pytest.param("Older documents call this 8(1)(h).", [], id="old-ground-labelled"),
        pytest.param("Use ground 9(3)(f).", ["real_grounds"], id="no-such-ground-in-9-3"),
        # v25 a2518: a provision quoted by its number is not a deletion ground
        pytest.param("reg 9(5)(a): (a) whether a pupil normally lives at a place is not affected by temporary or occasional "
                     "absences; [1]", [], id="a-definition-paragraph-quoted"),
        pytest.param("Due 2025-11-12.", [], id="date-from-tool"),
        pytest.param("Due 2025-11-13.", ["dates_from_tools"], id="date-not-from-tool"),
    ],
)
def test_each_check(answer, fires):
    ctx = Context(tool_results=[{"due": "2025-11-12"}], quotes=[], corpus_text=CORPUS)
    assert apply(answer, ctx).fired == fires


def test_lead_ground_must_equal_the_rule_result():
    ctx = Context(tool_results=[{"kind": "ground", "code": "9(1)(g)"}])
    assert real_grounds("**Use deletion ground 9(1)(a): Registered elsewhere.**", ctx)
    assert not real_grounds("**Use deletion ground 9(1)(g): Moved away.**", ctx)


def test_repair_drops_only_the_offending_line():
    ctx = Context(tool_results=[], quotes=[], corpus_text=CORPUS)
    out = apply("Good line [1]\nCall 0800 000 0000 now\nAnother good line [2]", ctx)
    assert out.answer == "Good line [1]\nAnother good line [2]" and out.fired == ["contacts_in_corpus"]
    assert not contacts_in_corpus("Tel: 01905 843204", ctx) and not dates_from_tools("no dates", ctx)


def test_redacting_filter_keeps_argument_shape_for_access_logs():
    import logging

    from assistant.logs import RedactingFilter
    from guardrails.pii import PIIDetector

    record = logging.LogRecord("uvicorn.access", logging.INFO, __file__, 1, '%s - "%s %s HTTP/%s" %d',
                               ("127.0.0.1:5000", "GET", "/?q=WR5 2NP", "1.1", 200), None)
    assert RedactingFilter(PIIDetector(use_presidio=False)).filter(record)
    assert len(record.args) == 5 and record.args[4] == 200
    assert "WR5 2NP" not in record.getMessage() and "GET" in record.getMessage()
