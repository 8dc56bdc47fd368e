from pathlib import Path

import pytest

from indexer.errors import UnknownAuthority
from indexer.glossary import Glossary
from indexer.lexical import tokenize


def test_regulation_codes_are_single_tokens():
    toks = tokenize("What does 9(1)(g) mean? See regulation 13 (7).")
    assert "reg_9_1_g" in toks and "reg_13_7" in toks and "g" not in toks


@pytest.mark.parametrize(
    "query, label",
    [
        pytest.param("what does 9(1)(g) mean", "9(1)(g)", id="9(1)(g)"),
        pytest.param("ground 9(1)(i) conditions", "9(1)(i)", id="9(1)(i)"),
        pytest.param("old ground 8(1)(h)", "9(1)(i)", id="2006-code-mapped"),
        pytest.param("regulation 13(7) attendance return", "13(7)", id="13(7)"),
    ],
)
def test_exact_codes_put_their_paragraph_in_the_top_two(retriever, query, label):
    hits = retriever.search(query, k=5)
    top = hits[:2]
    assert any(label in h.chunk.paragraphs or label in h.chunk.codes for h in top), [h.chunk.chunk_id for h in hits]
    legislation = [h for h in hits if h.chunk.doc_id == "uksi-2024-208"]
    assert legislation and label in legislation[0].chunk.paragraphs


def test_authority_filter_scopes_results(retriever):
    hits = retriever.search("who do I tell when a child leaves without a school place", k=8, authority="derbyshire")
    assert hits and {h.document.authority for h in hits} == {"Derbyshire"}
    both = retriever.search("who to tell", k=20, authority="Derbyshire", include_national=True)
    assert {h.document.authority for h in both} <= {"Derbyshire", "England"}


def test_unknown_authority_lists_the_known_ones(retriever):
    with pytest.raises(UnknownAuthority) as err:
        retriever.search("anything", authority="Kent")
    assert err.value.known == ["Barking and Dagenham", "Derbyshire", "Norfolk", "Worcestershire"]


def test_glossary_expands_acronyms_both_ways():
    g = Glossary(acronyms={"EHE": "elective home education"}, old_codes={"8(1)(h)": ["9(1)(i)"]})
    assert "elective home education" in g.expand("Parent wants EHE")
    assert "EHE" in g.expand("they chose Elective Home Education")
    assert "9(1)(i)" in g.expand("is 8(1)(h) still used")
    assert g.expand("nothing to expand") == "nothing to expand"


def test_glossary_synonyms_add_the_other_phrases_of_a_group_that_matches_as_whole_words():
    g = Glossary(synonyms=(("persistent absence", "persistent absences", "poor attender"), ("snow day", "session is cancelled")))
    out = g.expand("Do we report persistent absences?")
    # "persistent absence" is inside "persistent absences" but not as a whole phrase: it is added, not counted as used
    assert "persistent absence;" in out and "poor attender" in out and "persistent absences;" not in out
    assert "session is cancelled" not in out
    assert g.expand("a snowday") == "a snowday"  # no group matches
    assert g.expand("snow day") == "snow day (session is cancelled)"


def test_procedure_question_finds_its_passage(retriever):
    hits = retriever.search("Derbyshire form to send before removing a child from roll", k=5)
    assert any("Children Missing Leaver form (CML)" in h.chunk.text for h in hits)


@pytest.mark.parametrize(
    "text, same_as",
    [
        ("within five school days", "within 5 school days"),
        ("on the first day", "on the 1st day"),
        ("sick", "sickness"),
        ("illness", "ill"),
        ("ten days", "10 day"),
    ],
)
def test_numbers_and_plain_word_forms_tokenise_alike(text, same_as):
    assert tokenize(text) == tokenize(same_as)


def test_names_that_only_scope_are_removed_from_the_query(retriever):
    assert retriever.without_names("Who is Norfolk's designated officer for CME?") == "Who is designated officer for CME?"
    assert "Barking" not in retriever.without_names("who manages looked-after children in Barking and Dagenham")
    # A query that is nothing but a name keeps it (there would be nothing left to search for).
    assert retriever.without_names("Worcestershire") == "Worcestershire"


@pytest.mark.parametrize(
    "query, codes",
    [
        ("For the leave-of-absence deletion ground, when does the 10 day count start?", ["9(1)(h)"]),
        ("when is the sickness return due", ["13(9)"]),
        ("what goes on a code n", ["10(7)"]),
        ("a code for n", []),  # a phrase with a one-letter word stays exact
        ("leave of absence for a holiday", []),  # no "ground": not the deletion ground
        # regular-expression topics: two words far apart name the paragraph
        ("When a pupil comes off roll, what has to go to the LA in the return?", ["13(4)"]),
        ("Dad says she won't return. Which ground for taking her off roll?", []),  # 'return' as a verb
        ("She'll be off sick for about a month after an operation. Do I need to send the local authority anything?", ["13(9)"]),
        ("She was off sick yesterday; which code do we use?", []),
        # v30 a3045, v31 a3147: twenty days of absence, in the words staff use, is the 9(1)(i) test
        ("Can we take a pupil off roll once they've been absent for 20 days?", ["9(1)(i)"]),
        ("before taking a pupil off roll after 20 days of unexplained absence", ["9(1)(i)"]),
        ("He was off for 20 days last year with flu, and is back now.", []),
    ],
)
def test_topic_phrases_allow_one_extra_word(query, codes):
    assert Glossary.load(Path(__file__).parents[2] / "corpus" / "glossary.yaml").topic_codes(query) == codes


@pytest.mark.parametrize(
    "query, abroad",
    [
        ("They are moving to Poland next week", True),
        ("family relocating to Sri Lanka", True),
        ("moved to Ireland in the summer", True),
        ("moved to Northern Ireland in the summer", False),  # still in the UK
        ("the usual process for a new pupil", False),
    ],
)
def test_a_named_country_abroad_adds_moving_abroad(query, abroad):
    g = Glossary.load(Path(__file__).parents[2] / "corpus" / "glossary.yaml")
    assert ("moving abroad" in g.expand(query).lower()) is abroad


def test_a_long_query_is_embedded_for_dense_search_without_its_acronyms_spelt_out(retriever):
    from indexer.retriever import LONG_QUERY_WORDS

    short = "Is EHE a reason to take a Norfolk pupil off roll?"
    assert "elective home education" in retriever.dense_text(short).lower() and "Norfolk" not in retriever.dense_text(short)
    long = " ".join(["The parents wrote to us again about the same thing."] * (LONG_QUERY_WORDS // 10 + 1)) + " " + short
    assert len(long.split()) >= LONG_QUERY_WORDS
    assert retriever.dense_text(long) == retriever.without_names(long)
    # The query adapter is fitted to every question spelt out, long ones too.
    assert "elective home education" in retriever.spelt_out(long).lower()


def test_spell_out_replaces_acronyms_with_their_long_forms():
    g = Glossary.load(Path(__file__).parents[2] / "corpus" / "glossary.yaml")
    assert g.spell_out("Derbys VS phone number? CLA pupil") == "Derbys virtual school phone number? children looked after pupil"
    assert g.spell_out("nothing to spell") == "nothing to spell"


def test_dense_search_is_exact_over_the_vectors_stored_in_chroma(retriever):
    # The chunk vectors come back from the Chroma collection; the dense list is the exact top-n by
    # cosine, so it is the same in every process (Chroma's approximate HNSW query was not).
    import numpy as np

    ids = [c.chunk_id for c in retriever.index.chunks]
    got = retriever.collection.get(ids=ids, include=["embeddings"])
    stored = dict(zip(got["ids"], got["embeddings"]))
    m = np.asarray([stored[i] for i in ids], dtype=np.float32)
    m /= np.linalg.norm(m, axis=1, keepdims=True)
    query = "a pupil has not come back after the holidays and we cannot find the family"
    # the query vector as dense search uses it: through the index's query adapter
    q = np.asarray(retriever.embeddings.embed_query(query), dtype=np.float32) @ retriever.adapter.T
    want = list(np.argsort(-(m @ (q / np.linalg.norm(q))), kind="stable")[:30])
    assert [i for i, _ in retriever._dense(query, 30, None, False, retriever._scope_mask(None, False))] == want
    scoped = retriever._dense(query, 30, "Derbyshire", True, retriever._scope_mask("Derbyshire", True))
    assert scoped and {retriever.index.chunks[i].doc_id.split("-")[0] for i, _ in scoped} <= {"derbyshire", "uksi"}


def test_a_store_that_cannot_return_vectors_is_searched_through_its_query(retriever):
    from indexer.retriever import HybridRetriever

    class QueryOnly:  # a collection whose get() fails, as a remote store might
        def __init__(self, inner):
            self.inner = inner

        def get(self, **kw):
            raise RuntimeError("no vectors from this store")

        def query(self, **kw):
            return self.inner.query(**kw)

    r = HybridRetriever(retriever.index, retriever.embeddings, QueryOnly(retriever.collection), retriever.glossary)
    assert r._vectors is None
    assert r.search("who do I tell when a child leaves without a school place", k=5, authority="Derbyshire")


def test_an_expanded_query_is_remembered_and_unchanged():
    g = Glossary.load(Path(__file__).parents[2] / "corpus" / "glossary.yaml")
    first = g.expand("what is EHE?")
    assert first == g.expand("what is EHE?") and "elective home education" in first
    assert g.expand("what is EHE?", synonyms=False) == Glossary.load(
        Path(__file__).parents[2] / "corpus" / "glossary.yaml")._expand("what is EHE?", False)
