"""The learnt sentence map may move the quote's start to an earlier sentence of the chosen chunk
(compose._earlier_answer), never to a later one or to another chunk."""

from types import SimpleNamespace

import numpy as np
import pytest

from assistant.chat import compose

E1, E2, E3 = np.eye(3, dtype=np.float32)
TO_E2 = np.outer(E2, E1)  # maps the question (E1) onto the earlier sentence's vector
TO_E3 = np.outer(E3, E1)  # … onto the later sentence's
A, B = SimpleNamespace(chunk=SimpleNamespace(chunk_id="A")), SimpleNamespace(chunk=SimpleNamespace(chunk_id="B"))


def units(first_hit=A, first_heading=False):
    # chosen = the middle sentence: it shares the question's words (dense 1.0, best score)
    specs = [(first_hit, 0, E2, 0.6, first_heading), (A, 50, E1, 1.0, False), (A, 100, E3, 0.6, False)]
    return [SimpleNamespace(hit=h, start=s, vector=v, score=sc, dense=float(v @ E1), is_heading=hd)
            for h, s, v, sc, hd in specs]


@pytest.mark.parametrize("adapter, first_hit, first_heading, expected", [
    (None, A, False, 1),                   # no map: the first choice stands
    (np.eye(3, dtype=np.float32), A, False, 1),  # a map that changes nothing
    (TO_E2, A, False, 0),                  # the map prefers the earlier sentence: taken
    (TO_E3, A, False, 1),                  # it prefers a later one: not taken
    (TO_E2, B, False, 1),                  # the earlier sentence is in another chunk
    (TO_E2, A, True, 1),                   # or is a heading
])
def test_earlier_answer(adapter, first_hit, first_heading, expected):
    us = units(first_hit, first_heading)
    assert compose._earlier_answer(us[1], us, E1, adapter) is us[expected]


def test_the_rule_stated_before_the_sentence_sharing_the_questions_words_is_quoted(client):
    # v19 a1905: the Strategy Meeting sentence comes just before "Members of the meeting will need
    # to consider…", which shares more of the question's words and was quoted alone.
    from tests.chat.test_chat_api import chat

    body = chat(client, "Aspire policy question: if a missing child still hasnt been found after about a week, is there "
                        "a point where a multi-agency meeting gets called?")
    assert body["action"] == "answered"
    assert "within 5 working days a Strategy Meeting should be convened" in body["citations"][0]["quote"]
