"""Named registers, forms and teams in a question, checked against what the corpus names."""

import pytest

from assistant.chat.named_things import fold, named_things, unknown_things

CORPUS = fold(
    "Children missing education (CME) and children not in school (CNIS) are at risk.\n"
    "## **Pupil Leaving Information**\n"
    "escalated into WCC's 'Missing Mondays' weekly strategic meetings\n"
    "The Family Front Door is the initial point of contact.\n"
    "a Multi-Agency Referral Form (MARF) should be submitted\n"
    "the Children's Services Portal entitled 'In Year Admissions and Transfers'\n"
    "information is received (on a CME 1) that a child who has a statement\n"
    "the CME Assistant will refer the details on a CME 3 form to the\n"
    "All stakeholders have a responsibility for CME\n\n2.4 The Department for Children\n"
    "statutory guidance from the Department for Education (DfE)\n"
)


@pytest.mark.parametrize(
    "message, expected",
    [
        ("What goes on the new Children Not in School register?", [("Children Not in School", "register")]),
        ("What's Birmingham City Council's CME team email?", []),  # the owner is not the name; CME is an acronym
        ("Worcestershire's Family Front Door team number?", [("Family Front Door", "team")]),
        ("Where is the Childrens Services Portal?", [("Childrens Services", "Portal")]),
        ("Who does the LA CME team report to?", []),  # acronyms are not a name
        ("What does the Inclusion Team do?", []),  # one title-case word is not a name
        ("Which form do we send?", []),
        ("Can Jayden Smith return to school next week?", []),  # a verb, and a person's name
        ("Should Amira Khan register with the new school?", []),
        ("What Happens When A Child Moves Abroad And Does Not Return?", []),  # Title Case throughout
    ],
)
def test_named_things_found_in_a_question(message, expected):
    assert named_things(message) == expected


@pytest.mark.parametrize(
    "message, unknown",
    [
        # Only the lower-case phrase is in the corpus: nothing names such a register.
        ("What information will parents give for the new Children Not in School register?", ["Children Not in School register"]),
        # Written with the same capitals, it is a proper name there: its form is that section's form.
        ("What goes on the Pupil Leaving Information form?", []),
        # The noun a few words after the name.
        ("Who chairs the Missing Mondays meeting?", []),
        # A team is usually called by its name alone.
        ("How do I contact the Family Front Door team?", []),
        # Hyphens and apostrophes fold away.
        ("Do I fill in the Multi Agency Referral Form?", []),
        ("Where is the Childrens Services Portal?", []),
        ("What is the Pupil Tracking System?", ["Pupil Tracking System"]),
        # Staff name their own school; no policy need mention it.
        ("Is Oakfield Primary School allowed to delete a pupil?", []),
        # The corpus says "CME referral form": initials stand for the leading words.
        ("Where do I send the Children Missing Education Referral Form?", []),
        # A shorter tail of the name is what the corpus uses.
        ("When is the Worcestershire Missing Mondays meeting?", []),
        # Forms known by a code: the corpus has CME 1 and CME 3, not CME 2.
        ("What is the CME 2 form for, and who does it get sent to?", ["CME 2 form"]),
        ("Who gets the CME 3 form?", []),
        ("Do I use the CME-1 form?", []),
        # A government body named by its office (v42 a4241): the corpus names the DfE, not the MoD.
        ("Who do I contact at the Ministry of Defence to check on a forces family?", ["Ministry of Defence"]),
        ("Does the Department for Education say how long to keep registers?", []),
    ],
)
def test_unknown_things_are_the_ones_no_document_names(message, unknown):
    assert unknown_things(message, CORPUS) == unknown


def test_a_question_about_a_register_no_document_names_is_not_found(client):
    r = client.post("/v1/chat", json={"message": "What information will parents have to give for the new Children Not in School register?"})
    body = r.json()
    assert body["action"] == "not_found" and body["citations"] == []
    assert "Children Not in School register" in body["answer"]


def test_whom_to_contact_at_a_body_no_document_names_is_not_found_rather_than_asked_for_an_authority(client):
    r = client.post("/v1/chat", json={"message": "A forces family may have been posted abroad. Who do I contact at the Ministry of "
                                                 "Defence to check whether the children have started at a school overseas?"})
    body = r.json()
    assert body["action"] == "not_found" and body["citations"] == []
    assert "Ministry of Defence" in body["answer"] and "Ministry of Defence ," not in body["answer"]


@pytest.mark.parametrize("message, acronym", [
    ("What does EEVSS stand for in the Worcestershire CME policy?", "EEVSS"),
    ("Derbyshire's policy mentions the ACRE leadership team. What does ACRE stand for?", "ACRE"),
    ("what does cmj mean", "CMJ"),
    ("What is FAP short for?", "FAP"),
    ("It mentions the 'SEWO'. What does SEWO actually stand for, and who is that?", "SEWO"),  # v38 a3836
    ("Colleagues keep saying a child is 'WASP'. What does that stand for?", None),  # "that" is not the acronym
    ("What does the term home education mean?", None),
    ("What does the LA do next?", None),
])
def test_a_question_asking_what_an_acronym_stands_for(message, acronym):
    from assistant.chat.named_things import asked_expansion
    assert asked_expansion(message) == acronym


@pytest.mark.parametrize("acronym, text, spelled", [
    ("WASP", "a child is Without A School Place (WASP) when", True),
    ("S2S", "Schools use the School to School (S2S) system", True),
    ("MASH", "the Multi-Agency Safeguarding Hub (MASH) decides", True),
    ("CCAS", "a potential CCAS (Children who Can't Attend School) Panel case", True),
    ("EHCP", "children who have an Education Health Care Plan (EHCP)", True),
    ("WASP", "Children who are WASP are tracked weekly.", False),
    ("EEVSS", "7.3 The EEVSS Lead is responsible for the oversight of CME policy", False),
    ("ACRE", "The ACRE leadership team have oversight", False),
])
def test_an_acronym_is_spelled_out_only_beside_its_letters(acronym, text, spelled):
    from assistant.chat.named_things import spelled_out
    assert spelled_out(acronym, text) is spelled


@pytest.mark.parametrize("message", [
    # v44 a4437, a4440: money asked about in words no document uses
    "A 15-year-old who's been out of school for over a year wants to sit GCSEs next summer. Who pays the exam entry fees?",
    "A girl who's been out of school for months is about to start with us. Can the family get help from the council with buying uniform?",
])
def test_a_question_about_money_no_document_mentions_is_not_found(client, message):
    body = client.post("/v1/chat", json={"message": message}).json()
    assert body["action"] == "not_found" and body["citations"] == []


def test_money_named_only_in_the_story_or_boarding_fees_do_not_count(services):
    procedure = services.chat.procedure
    # the question asks whom to tell, not about money
    assert not procedure._asks_uncovered_resource("Dad says they can't pay for the bus any more. Who do we tell?")
    # "boarding fees" are the regulations' board and lodging charges
    assert not procedure._asks_uncovered_resource("If the parents never pay the boarding fees, what happens at the end of term?")
    assert procedure._asks_uncovered_resource("Who pays the exam entry fees?")
