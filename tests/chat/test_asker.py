"""Where the asker works, read from how the message names its authority (chat.asker)."""

import pytest

from assistant.chat.asker import only_where_asker_works

NAMES = {
    "Norfolk": ("Norfolk",),
    "Worcestershire": ("Worcestershire", "Worcs"),
    "Barking and Dagenham": ("Barking and Dagenham", "LBBD", "B&D"),
    "Derbyshire": ("Derbyshire", "Derbys"),
}


@pytest.mark.parametrize("authority, message, own", [
    ("Norfolk", "I'm writing the safeguarding section of our Norfolk school's staff handbook.", True),
    ("Derbyshire", "New office manager at a Derbyshire primary here. Where are the forms?", True),
    ("Barking and Dagenham", "DSL in Barking and Dagenham. When a missing pupil turns up, how soon do the police check?", True),
    ("Norfolk", "Police school liaison officer in Norfolk. Is there anything saying the police should be brought in?", True),
    ("Worcestershire", "Worcs admissions: a family never turned up to enrol. Who do we escalate to?", True),
    ("Norfolk", "We're putting together a contacts list for our CME procedure in Norfolk. Is there a number?", True),
    ("Derbyshire", "I work in Derbyshire. Who do I tell?", True),
    # asking about the authority's own arrangements
    ("Norfolk", "What's the phone number for Norfolk's Virtual School?", False),
    ("Worcestershire", "How often does Worcestershire check the CME database?", False),
    ("Barking and Dagenham", "DSL in Barking and Dagenham. What does Barking and Dagenham's guidance say about MASH?", False),
    ("Derbyshire", "Who is the CME contact in Derbyshire?", False),
    ("Derbyshire", "Who is the CME officer in Derbyshire?", False),
    ("Worcestershire", "I'm an attendance officer in Worcs. Who do I escalate to?", True),
    ("Norfolk", "Which school should we contact?", False),  # no mention at all
    # v9 a943, v12 a1243: a sign-on naming the asker's own service
    ("Derbyshire", "Derbyshire admissions query: a child's been allocated a place but never turns up. Who escalates it?", True),
    ("Norfolk", "Norfolk LA. We keep a running list of families other councils have flagged to us.", True),
    ("Norfolk", "Norfolk LA's CME policy - what does it say?", False),
])
def test_only_where_asker_works(authority, message, own):
    assert only_where_asker_works(message, NAMES[authority]) is own
