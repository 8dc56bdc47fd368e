"""Which places a message asks about that the corpus does not cover (another nation's arrangements,
a council whose documents are not held), and which it only mentions as facts of an English case."""

import pytest

from assistant.chat.scoping import Scoping


@pytest.fixture(scope="module")
def scoping(retriever):
    return Scoping(retriever)


@pytest.mark.parametrize("message, outside", [
    pytest.param("What's the procedure for reporting a child missing education in Wales - who do we notify in Cardiff?",
                 True, id="another-nations-procedure"),
    pytest.param("Which Welsh regulations set out the grounds for taking her off the register?", True, id="welsh-regulations"),
    pytest.param("Under Scottish rules, what's the earliest date she can legally leave school?", True, id="scottish-rules"),
    pytest.param("What does Leicestershire County Council say about this?", True, id="a-council-not-held"),
    pytest.param("Who's the CME officer for Leicestershire?", True, id="another-authoritys-officer"),
    pytest.param("Worcs primary here - family have moved over to Herefordshire. What's Herefordshire's CME email?",
                 True, id="another-authoritys-email"),
    pytest.param("The family moved to Leeds last month. What do we need to do about Leeds' new school place?",
                 False, id="a-move-to-another-authority"),
    # v14: a family's trip, a council that opens a sentence, the county council of an authority held
    pytest.param("Family have gone up to Scotland for about three weeks to look after grandad. Can we use the 'doesn't "
                 "live near enough any more' ground?", False, id="a-family-gone-to-scotland"),
    pytest.param("Another council has asked us to check on a girl they think has come to live here. What happens next?",
                 False, id="another-council-opens-the-sentence"),
    pytest.param("Which post in Norfolk County Council is the official lead for CME?", False, id="norfolk-county-council"),
    pytest.param("Our Welsh family has moved back to Powys. Which ground do we use?", False, id="a-welsh-family"),
    # v52 a5216 / v10 a1009: another council in the story is no question about it; one pointed back to is
    pytest.param("A boy was placed with us by Nottingham City Council. Nottingham's SEN officer phoned and told us to just "
                 "take him off. Is that enough, or what do we need before his name comes off?", False, id="a-council-in-the-story"),
    pytest.param("A family has moved to Birmingham and I'd like to give their children missing education team a heads-up. "
                 "Have you got an email address for them?", True, id="a-council-pointed-back-to"),
])
def test_outside_corpus(scoping, message, outside):
    assert scoping.outside_corpus(message) is outside
