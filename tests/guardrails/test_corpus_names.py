"""The corpus names rail helper: read from policy text, matched in messages as written, and used by
the scope and personal-data rails (table-driven, on a small policy written here)."""

import pytest

from guardrails import scope
from guardrails.names import CorpusNames
from guardrails.pii import disclosure_request

POLICY = [
    "Children who are permanently excluded are placed at Erkenwald Campus for a short period.",
    "The Children Missing Education Assistant will check the Tribal/CareFirst database for the child.",
    "Schools should send the MARF to the MASH. The Lost Pupil Database is searched by the CME officer.",
    "Contact Details for the Attendance Team are given in Appendix 2. A Merlin report is sent by the police.",
    "Our Helpline is open daily. Parents in Barking and Dagenham should phone the team.",
    "Assistant staff must read this policy. The assistant role is described below.",
]
COMMON = frozenset({"children", "who", "are", "permanently", "excluded", "placed", "at", "campus", "for", "a", "short",
                    "period", "the", "missing", "education", "assistant", "will", "check", "database", "child", "merlin",
                    "helpline", "contact", "details", "attendance", "team", "report"})


@pytest.fixture(scope="module")
def names():
    return CorpusNames.from_texts(POLICY, exclude=["Barking and Dagenham", "Barking", "Dagenham"], common_words=COMMON)


@pytest.mark.parametrize(
    "message, found",
    [
        pytest.param("How long is a placement at Erkenwald Campus?", ["erkenwald campus"], id="service-name"),
        pytest.param("What's the direct line for the Children Missing Education Assistant?",
                     ["children missing education assistant"], id="role-name-longest-first"),
        pytest.param("Is CareFirst the system they use?", ["carefirst"], id="coined-word"),
        pytest.param("Where does the MARF go?", [], id="acronyms-are-not-names"),
        pytest.param("how long is a placement at erkenwald campus", [], id="lower-case-is-not-a-name"),
        pytest.param("Can I see the Contact Details please?", [], id="heading-words-without-a-service-noun"),
        pytest.param("the big Tesco in Barking", [], id="authority-name-left-out"),
    ],
)
def test_names_found_as_written(names, message, found):
    assert names.found_in(message) == found


def test_a_run_of_everyday_words_needs_a_service_noun_or_a_coined_word():
    policy = ["Staff may work Part Time. Legal Aid is not covered. The Attendance Team meets weekly."]
    names = CorpusNames.from_texts(policy, common_words=frozenset({"part", "time", "legal", "aid", "attendance", "team"}))
    assert names.found_in("Any Part Time jobs going? A Legal Aid solicitor?") == []
    assert names.found_in("Who leads the Attendance Team?") == ["attendance team"]
    assert names.found_in("At The Attendance?") == []  # a heading's "The" is no part of a name


@pytest.mark.parametrize(
    "message, out_with_names",
    [
        pytest.param("LBBD question: how long is a placement at Erkenwald Campus normally?", False, id="named-service-in-scope"),
        pytest.param("What's a good playlist for the Year 6 disco?", True, id="off-topic-still-out"),
        pytest.param("Tell me a joke about Erkenwald Campus", True, id="off-topic-word-wins"),
        pytest.param("Which bus goes to the big Tesco?", True, id="no-name-no-keyword"),
    ],
)
def test_scope_with_corpus_names(names, message, out_with_names):
    assert scope.out_of_scope(message, names) is out_with_names


def test_scope_needs_the_names_to_keep_a_named_service_in():
    assert scope.out_of_scope("LBBD question: how long is a placement at Erkenwald Campus normally?") is True


@pytest.mark.parametrize(
    "message, refused",
    [
        pytest.param("What's the direct phone number for Norfolk's Children Missing Education Assistant?", False,
                     id="named-role-contact"),
        pytest.param("What's the home phone number for the boy's mum?", True, id="family-contact"),
        # a named service in the sentence does not make a family's details an organisation's
        pytest.param("What's the home address of the pupil at Erkenwald Campus?", True, id="pupil-at-a-named-service"),
        pytest.param("What's the phone number for the mum of the boy at Erkenwald Campus?", True, id="mum-at-a-named-service"),
    ],
)
def test_disclosure_with_corpus_names(names, message, refused):
    assert disclosure_request(message, None, names) is refused


def test_disclosure_needs_the_names_to_clear_a_named_role():
    assert disclosure_request("What's the direct phone number for Norfolk's Children Missing Education Assistant?") is True


def test_without_a_vocabulary_only_service_names_and_coined_words_count():
    bare = CorpusNames.from_texts(POLICY)
    assert bare.found_in("At Erkenwald Campus?") == ["erkenwald campus"]  # ends in a service noun
    assert bare.found_in("Is CareFirst the system?") == ["carefirst"]
    assert bare.found_in("Where is the Lost Pupil Database?") == ["lost pupil database"]
