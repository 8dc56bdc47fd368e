"""Whose contact details a question asks for (contacts.subject_words): the words before 'team',
'officer', 'school'… back to the first small word; the asker's own role does not count."""

import pytest

from assistant.chat.contacts import ASKS_STILL_CURRENT, asked_part, asks_for_contact, subject_words


@pytest.mark.parametrize("message, words", [
    ("What's the email address for Derbyshire's Elective Home Education team?", {"derbyshire", "elective", "home", "educat"}),
    ("Who is the CME officer and how do I get hold of them?", {"cme"}),
    ("Need to speak to the virtual school about a PEP. Who's working today and how do I get hold of them?", {"virtual"}),
    ("whats the phone number for suffolk county council's CME team?", {"suffolk", "county", "council", "cme"}),
    # nobody in particular named: any passage giving the details the policy gives will do
    ("our policy tells us to send the concern to a particular team - which email address does it give?", set()),
    ("I'm the attendance officer at the academy. Which phone number does our policy give?", set()),
    ("Our trust runs schools in two areas. Who is the named officer, and what are their contact details?", set()),
    # a direct line is a kind of number, not whose it is
    ("who's the attendance lead at county? need her direct line pls, not the general helpline", {"attendance"}),
    # v16 a1637: both names joined by "or" say whose ("MOD" is in no document, so no passage can answer)
    ("Is there a specific MOD or service children's education team contact we're supposed to use?",
     {"mod", "children", "educat"}),
    ("Who runs the attendance and CME team?", {"attendance", "cme"}),
    # v18 a1838: "contact" names whose too
    ("Is there a particular MOD education contact that we should notify, and what are their details?", {"mod", "educat"}),
    # v17 a1738: whose, named after the detail asked for
    ("what's the phone number for starting point, including out of hours?", {"start", "point"}),
    # v36 a3641: an adviser, and an address named by whose it is
    ("Is there a named Elective Home Education adviser, or an EHE email address, in Norfolk?", {"elective", "home", "educat", "ehe"}),
    # v44 a4404: the asker's own school is not whose details
    ("A boy who lives near our Dagenham school is never in school. Who at the council should I tell?", set()),
    # v43 a4339: whose, named before a bare "email?"
    ("norfolk admissions email?? family just moved in", {"norfolk", "admission"}),
])
def testsubject_words(message, words):
    assert subject_words(message) == words


@pytest.mark.parametrize("message, asks", [
    ("Is that still the right contact?", True),
    ("Has the e-mail address changed?", True),
    ("What's the current email for the CME team?", True),
    ("Does that address still apply, or should concerns go somewhere else?", True),
    ("Is this policy still in force?", False),
    ("Is she being educated elsewhere?", False),
    ("Who do we contact about a missing child?", False),
    # v42 a4248
    ("Aspire's policy says to send CME concerns to an 'edwelfare' email. Is that still where we want schools to send them?", True),
])
def test_asks_whether_a_contact_is_still_current(message, asks):
    assert bool(ASKS_STILL_CURRENT.search(message)) is asks


@pytest.mark.parametrize("message, asks", [
    ("worcs virtual school tel no.?", True),
    # v17 a1737, v19 a1939
    ("what's the email for the elective home education team?", True),
    ("what's the out of hours emergency duty team number for children's social care?", True),
    ("Is there a specific team contact we're supposed to use?", True),
    ("Is there an MOD contact we should notify, and what are their details?", True),
    ("I need to ring the Virtual School about a looked-after pupil - what's their number?", True),
    ("What number do we put in the register for the parent?", False),
    ("Who is the EEVSS Lead (name, please) and what's their direct line?", True),
    # v27 a2706: whether to email, not how to reach anyone
    ("How does a police referral get to the borough's CME officer? Do I need to email them myself?", False),
    ("I need to ring the Virtual School - what is their number?", True),
    ("Who do I need to email about a child missing education in Norfolk?", True),
    ("Which team do I need to email the CME form to?", True),
    ("Do I really need to email them myself?", False),
    # v30 a3040, v33 a3340
    ("What's the contact for the Virtual School team? We've got a looked-after child joining us.", True),
    ("worcs SEND team email? Y6 with an EHCP leaving us", True),
    ("Does the SEND team email parents about it?", False),
    # v34 a3409: a story that tells of phone numbers, asking something else
    ("A Year 1 girl stopped coming; the phone numbers are dead and the house looks empty. What does the county expect us "
     "to have done before we report her?", False),
    ("Can you help? I need the EHE team's phone number.", True),
    # v43 a4338, a4339: terse requests
    ("lbbd - can i get a name and number for the EHE officer, parent wants to speak to someone about home ed", True),
    ("norfolk admissions email?? family just moved in and want an in-year place for yr 4", True),
    ("Can I send the CME form by email?", False),
    ("What goes in the referral email?", False),
    # v44 a4404
    ("I don't think he goes to any school. Who at the council should I tell?", True),
])
def test_terse_and_indirect_requests_for_a_number_ask_for_contact(message, asks):
    assert asks_for_contact(message) is asks


def test_a_team_said_not_to_be_wanted_does_not_name_whose_contact():
    words = subject_words("Derbyshire - what's the phone number for a child without a school place (WASP)? Not the general CME line")
    assert "general" not in words and "cme" not in words


def test_whose_contact_is_read_from_the_asking_sentences_and_the_one_before():
    # v34 a3403: the story's "village first school" says nothing about whose number is wanted
    message = ("I've just taken over attendance at a village first school after our previous officer retired. My head wants me "
               "to speak to whoever leads on attendance at county level. Who is that person and how do I get hold of them? "
               "A direct number would be ideal.")
    part = asked_part(message)
    assert "village" not in part and "whoever leads on attendance" in part and "how do I get hold of them?" in part
    assert "village" not in subject_words(part)
    assert asked_part("EHE team email for Worcs") == "EHE team email for Worcs"  # nothing asked in so many words: all kept
