"""Messages that ask two things are split into their questions (compose.question_parts)."""

import pytest

from assistant.chat.compose import asking_sentences, question_parts


@pytest.mark.parametrize(
    "message, parts",
    [
        ("Who is the LA designated officer, and who do they report to?",
         ["Who is the LA designated officer", "who do they report to Who is the LA designated officer"]),
        ("What is CME? Who decides when a case closes?", ["What is CME", "Who decides when a case closes"]),
        # "and when?" has no words of its own to search on: it borrows the question before it.
        ("Do we need to tell the LA, and when?", ["Do we need to tell the LA", "when Do we need to tell the LA"]),
        # A part with fewer than two words of its own to search on borrows those of the part before.
        ("What's the latest we can leave it before referring her, and is there a form?",
         ["What's the latest we can leave it before referring her",
          "is there a form What's the latest we can leave it before referring her"]),
        ("Which of the Virtual School contacts is working today, and what's her number?",
         ["Which of the Virtual School contacts is working today",
          "what's her number Which of the Virtual School contacts is working today"]),
        ("Who do I contact first and does the CME coordinator need telling as well?",
         ["Who do I contact first", "does the CME coordinator need telling as well"]),
        ("She has left and is living abroad with her mum - which ground?", ["She has left and is living abroad with her mum - which ground?"]),
        # A remark after the question is not a question of its own; the question is also searched alone.
        ("Does the Family Front Door have an email address? I only need the email, not the phone line.",
         ["Does the Family Front Door have an email address? I only need the email, not the phone line.",
          "Does the Family Front Door have an email address"]),
        # One question with "and" inside it stays whole.
        ("How long before a pupil is taken off roll and reported to the LA?",
         ["How long before a pupil is taken off roll and reported to the LA?"]),
    ],
)
def test_question_parts(message, parts):
    assert question_parts(message) == parts


def test_each_question_of_a_two_part_message_is_answered(client):
    body = client.post("/v1/chat", json={
        "message": "Who is Norfolk's LA designated officer for children missing education, and who do they report to?",
        "authority": "Norfolk"}).json()
    assert body["action"] == "answered"
    assert "Attendance and Exclusions Strategy Manager" in body["answer"]
    assert "Leadership Team" in body["answer"]  # the second question's answer, from the next section


@pytest.mark.parametrize(
    "message, ask",
    [
        ("Worcs primary here. Family have moved abroad. Is there anything else county want from us on S2S?",
         "Is there anything else county want from us on S2S?"),
        ("First question? Some context. The real question?", "The real question?"),
        ("family at our school are emigrating next month. what info am i meant to get off them?",
         "what info am i meant to get off them?"),
        ("Is there anything else county want from us on S2S?", None),  # one sentence: nothing to separate
        ("Family have moved abroad. We have done the checklist.", None),  # no sentence asks
    ],
)
def test_asking_sentence(message, ask):
    # the last sentence that asks, which is tried first
    assert (asking_sentences(message) or [None])[0] == ask


def test_every_asking_sentence_is_tried_last_first():
    message = ("Parent is asking for 2 weeks out in February for a party. Who does she need to see about it? and "
               "realistically are we going to say yes?")
    assert asking_sentences(message) == ["and realistically are we going to say yes?", "Who does she need to see about it?"]
