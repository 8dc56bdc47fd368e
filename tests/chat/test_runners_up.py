"""Near-best passages from other chunks join an answer (compose.runners_up): reworded questions
often rank the passage that answers second or third."""

from types import SimpleNamespace

import pytest

from assistant.chat.compose import Scored, runners_up, select


def unit(chunk, score, heading=False):
    return SimpleNamespace(hit=chunk, score=score, is_heading=heading)


A, B, C, D, E = (SimpleNamespace(name=n, chunk=SimpleNamespace(chunk_id=n)) for n in "ABCDE")
# Chunk A again, as another search's hit: the same chunk, so never a runner-up to itself.
A2 = SimpleNamespace(name="A2", chunk=SimpleNamespace(chunk_id="A"))


@pytest.mark.parametrize(
    "units, chosen, max_units, ratio, expected",
    [
        # one passage per chunk: the best unit of each other chunk, in score order
        ([(A, 1.0), (A, 0.95), (B, 0.9), (C, 0.8)], [0], 4, 0.7, [2, 3]),
        # below the ratio of the best: left out
        ([(A, 1.0), (B, 0.75), (C, 0.65)], [0], 4, 0.7, [1]),
        # headings are never quoted on their own
        ([(A, 1.0), (B, 0.9, True), (B, 0.8), (C, 0.5)], [0], 4, 0.7, [2]),
        # at most max_units passages in all, counting those already chosen
        ([(A, 1.0), (B, 0.99), (C, 0.98), (D, 0.97), (E, 0.96)], [0], 4, 0.7, [1, 2, 3]),
        ([(A, 1.0), (B, 0.99), (C, 0.98), (D, 0.97)], [0, 1], 3, 0.7, [2]),
        # a chunk already quoted (e.g. for another part of the message) is not quoted again
        ([(A, 1.0), (B, 0.9), (C, 0.85)], [0, 1], 4, 0.7, [2]),
        # the best alone when nothing else comes close
        ([(A, 1.0), (B, 0.3)], [0], 4, 0.7, []),
        # chunks are told apart by id, not by which search found them
        ([(A, 1.0), (A2, 0.95), (B, 0.9)], [0], 4, 0.7, [2]),
    ],
)
def test_runners_up(units, chosen, max_units, ratio, expected):
    us = [unit(*u) for u in units]
    scored = Scored(us, us[0], 0.5)
    got = runners_up(scored, [us[i] for i in chosen], max_units=max_units, ratio=ratio)
    assert got == [us[i] for i in expected]


def test_select_keeps_its_tighter_defaults():
    # The core selection (what the answer-type check sees) is still three passages at 0.8 of the best.
    us = [unit(A, 1.0), unit(B, 0.85), unit(C, 0.75), unit(D, 0.74)]
    assert select(Scored(us, us[0], 0.5)) == us[:2]


def passage(authority, score, heading=False):
    hit = SimpleNamespace(document=SimpleNamespace(authority=authority), chunk=SimpleNamespace(chunk_id=f"{authority}-{score}"))
    return SimpleNamespace(hit=hit, score=score, is_heading=heading)


def no_map(message):
    return {}


NO_MAP = SimpleNamespace(_chunk_closeness=no_map)  # an answerer without the learnt query map


def test_a_comparison_gives_each_source_a_second_passage_when_it_scores_close_to_the_best():
    from assistant.chat.procedure import SIDE_RUNNER_UP_RATIO, ProcedureAnswerer

    w1, w2, b1, b2, b3, n1 = (passage("Worcestershire", 1.0), passage("Worcestershire", 0.9), passage("Barking", 0.95),
                              passage("Barking", 0.85, heading=True), passage("Barking", 0.6), passage("Norfolk", 0.82))
    assert 0.6 < SIDE_RUNNER_UP_RATIO <= 0.82
    scored = Scored([w1, w2, b1, b2, b3, n1], w1, 0.5)
    extra = ProcedureAnswerer._side_runners_up(NO_MAP, [w1, b1], scored, "What does each council say about it?")
    # Worcestershire's second passage joins; Barking's next is a heading and its one after scores too
    # low; Norfolk is not in the comparison.
    assert extra == [w2]


def test_a_comparison_asking_for_a_count_takes_each_sources_second_passage_holding_one():
    from assistant.chat.procedure import SIDE_RUNNER_UP_RATIO, TYPED_SECOND_RATIO, ProcedureAnswerer

    def said(authority, score, text):
        p = passage(authority, score)
        p.text = text
        return p

    d1 = said("Derbyshire", 1.0, "Children missing should not be removed from the roll until 20 days have passed.")
    d2 = said("Derbyshire", 0.95, "CME pupils are categorised in the following way.")
    d3 = said("Derbyshire", 0.92, "Schools should refer children by day 11 at the latest.")
    d4 = said("Derbyshire", 0.5, "Weekly returns are sent within 5 days.")
    assert SIDE_RUNNER_UP_RATIO <= 0.95 and TYPED_SECOND_RATIO <= 0.92 and 0.5 < TYPED_SECOND_RATIO
    scored = Scored([d1, d2, d3, d4], d1, 0.5)
    # The near-best sentence without a count gives way to the one holding "day 11"; without a count
    # asked for, the near-best one joins as before.
    assert ProcedureAnswerer._side_runners_up(NO_MAP, [d1], scored, "After how many days must a school refer?") == [d3]
    assert ProcedureAnswerer._side_runners_up(NO_MAP, [d1], scored, "Who must a school refer to?") == [d2]


def test_a_lower_scoring_second_passage_joins_when_the_learnt_map_puts_its_chunk_as_near():
    from assistant.chat.procedure import SIDE_CLOSE_RUNNER_UP_RATIO, SIDE_RUNNER_UP_RATIO, ProcedureAnswerer

    w1, w2, b1, b2 = (passage("Worcestershire", 1.0), passage("Worcestershire", 0.65), passage("Barking", 0.95),
                      passage("Barking", 0.66))
    assert SIDE_CLOSE_RUNNER_UP_RATIO <= 0.65 < SIDE_RUNNER_UP_RATIO
    scored = Scored([w1, w2, b1, b2], w1, 0.5)
    # Worcestershire's second chunk is nearer the question through the map than its first; Barking's is not.
    close = {w1.hit.chunk.chunk_id: 0.5, w2.hit.chunk.chunk_id: 0.6, b1.hit.chunk.chunk_id: 0.7, b2.hit.chunk.chunk_id: 0.4}
    mapped = SimpleNamespace(_chunk_closeness=lambda message: close)
    assert ProcedureAnswerer._side_runners_up(mapped, [w1, b1], scored, "What does each council say?") == [w2]
    # Without the map only the near-best rule applies.
    assert ProcedureAnswerer._side_runners_up(NO_MAP, [w1, b1], scored, "What does each council say?") == []
