"""Routing (assistant/chat/router.py): which job a message is.

``has_deadline_ask`` is computed the way the engine does it, with ``extract_deadline``.
"""

from datetime import date

import pytest

from assistant.chat.extract import extract_deadline
from assistant.chat.router import asks_deletion_among_others, asks_for_documents, asks_only_about_deletion, is_contact_question, is_pupil_story, route
from assistant.chat.types import Intent

TODAY = date(2026, 3, 18)
L, D, P, R = Intent.LEAVER, Intent.DEADLINE, Intent.PROCEDURE, Intent.REFERRAL


def routed(message):
    return route(message, has_deadline_ask=extract_deadline(message, TODAY, None) is not None)


@pytest.mark.parametrize("message, intent", [
    # asking which ground / whether the pupil can be deleted -> the leaver tool
    pytest.param("Year 4 boy has moved to Wales for good. Which deletion ground do we use?", L, id="which-deletion-ground"),
    # v38 a3828 / a3823: checking a ground someone has already chosen for a pupil
    pytest.param("A Year 13 student who turned 18 in the summer has died. The school has pencilled in 9(1)(k). Is that the "
                 "right one for someone his age?", L, id="is-that-the-right-one"),
    pytest.param("One primary used 9(1)(b) for a girl who finished nursery and never came back in September; mum said she "
                 "wouldn't be returning. I thought a different paragraph applied - was (b) right?", L, id="was-b-right"),
    pytest.param("The county told us to send the deletion return within five days. Is that right?", P, id="is-that-right-not-a-ground"),
    # v40 a4026 / a4029: a ground in a guide questioned; "can we?" after the deletion someone wants
    pytest.param("One of our boys was permanently excluded and the review time has run out. The county guide seems to put "
                 "exclusions under 9(1)(a). Is that right, or is it a different ground?", L, id="right-or-a-different-ground"),
    pytest.param("A school in Kent has put our Year 3 boy on their roll. The office wants to take him off ours because he's "
                 "registered somewhere else now. Can we?", L, id="wants-to-take-him-off-can-we"),
    pytest.param("A parent asked for a meeting about her son's reading. Can we?", P, id="can-we-without-a-deletion"),
    # v42 a4227 / a4228: someone's plan for the register put up to be checked
    pytest.param("A family moved to Swansea for good. The school wants to pick 'transferring to another school' on the leaver form. "
                 "Is that right?", L, id="wants-to-pick-on-the-leaver-form"),
    pytest.param("Mum gave the school a letter saying he'd be home educated. The head wants to keep him on roll until our EHE team "
                 "has visited. Is that how it works?", L, id="wants-to-keep-him-on-roll-until"),
    pytest.param("The school wants to use the new attendance codes from September. Is that right?", P, id="plan-not-for-the-register"),
    # v44 a4429
    pytest.param("Dad said he's going to teach his son at home from Monday. Can the office take the boy off the list now?", L,
                 id="can-the-office-take-him-off"),
    # v43 a4325: a choice already made, checked after a comma
    pytest.param("Yr 12 girl who boarded with us left in october. office has picked the over-16 'stopped attending' reason, "
                 "is that right?", L, id="has-picked-the-reason-is-that-right"),
    pytest.param("She is dual registered and the placement has finished. Which ground does the PRU record?", L, id="which-ground-does-the-pru-record"),
    # v34 a3427, a3402: a choice the message sets out; a reason the writer already knows
    pytest.param("Our Year 12 boarder has left for an apprenticeship. The registrar thinks the leaving reason for sixth formers "
                 "is always the general one, but boarders may be treated differently. Which is it?", L, id="which-is-it"),
    pytest.param("Year 3 boy has moved to Portugal. I know which leaving reason it is from the county guide; what else is "
                 "expected of us apart from the leaver form?", P, id="i-know-which-leaving-reason"),
    pytest.param("Every session since is coded O and nobody has been found. Can the school go ahead and remove them on its own?", L,
                 id="go-ahead-and-remove"),
    pytest.param("Her new school confirmed she's on roll. What's the leaving reason?", L, id="whats-the-leaving-reason"),
    pytest.param("Our Year 9 has been sentenced to a DTO. Under what ground can we take him off?", L, id="under-what-ground"),
    pytest.param("26 school days coded O and nobody can find the family. Can we take them off, and under what?", L, id="and-under-what"),
    pytest.param("Reception boy has moved to Hull and won't be back. What should we use to take him off?", L, id="what-to-use-to-take-him-off"),
    pytest.param("Y7 perm ex, the review panel upheld it last week. OK to remove?", L, id="ok-to-remove"),
    pytest.param("Her EHE letter came in on Monday. Can she come off now?", L, id="can-she-come-off"),
    # v27 a2724: "which reason does the school use" asks for one (not "what reason did the family give")
    pytest.param("Polish family moved back to Krakow for good; the Year 2 boy is at a school there. Which reason does the school "
                 "use to take him off?", L, id="which-reason-does-the-school-use"),
    pytest.param("What reason did the family give for moving?", P, id="reason-the-family-gave"),
    pytest.param("What reason does the family give for leaving?", P, id="reason-the-family-gives"),
    # v26 a2626: a code someone proposes for a pupil, checked
    pytest.param("Our nursery has a three-year-old boy; he's moving to a private nursery and won't be back. The office says we "
                 "always use 9(1)(b) for nursery leavers. Is that the right reason?", L, id="is-that-the-right-reason"),
    pytest.param("We used code C for a pupil at a family wedding. Is that the right code?", P, id="right-attendance-code"),
    pytest.param("What reason did the academy give for taking him off roll?", P, id="reason-the-academy-gave"),
    pytest.param("Mum wants him out for a family wedding in term time. Is that the right reason to authorise the absence?", P,
                 id="right-reason-to-authorise"),
    pytest.param("Year 4 boy, the family have emigrated to Canada. Leaver ground please.", L, id="leaver-ground-please"),
    pytest.param("The LA has revoked the SAO for our Y3. Please confirm the deletion ground.", L, id="please-confirm-the-ground"),
    # v20 a2005: "under which" opening a relative clause asks about the policy, not for a ground
    pytest.param("Under our policy, is there an age under which West Mercia Police will always treat a child as missing "
                 "rather than just 'absent'?", P, id="age-under-which-the-police-will"),
    pytest.param("The family have emigrated. Can we take her off roll now?", L, id="can-we-take-her-off-roll"),
    pytest.param("Mum has written to say she'll home educate. Do we delete him?", L, id="do-we-delete"),
    pytest.param("Pupil has been missing for 30 school days, coded O. Can she be removed from the register?", L, id="can-she-be-removed"),
    pytest.param("What reason should we record for a Year 6 who died?", L, id="what-reason-should-we-record"),
    pytest.param("Is it 9(1)(a) or 9(1)(g) when a family moves abroad and the school there has enrolled him?", L, id="is-it-a-or-g"),
    pytest.param("He's in custody. Which reason do I pick?", L, id="which-reason-do-i-pick"),
    pytest.param("Which leaver code is right for a girl whose family moved to Spain?", L, id="which-leaver-code"),
    pytest.param("Is this a 9(1)(g)? They've relocated to Canada.", L, id="is-this-a-named-ground"),
    pytest.param("Year 9, 24 school days coded O, joint enquiries failed. Does this count as 9(1)(i)?", L, id="does-this-count-as"),
    pytest.param("Family gone back to Latvia. Leaver reason?", L, id="terse-leaver-reason"),
    pytest.param("He left for Poland in January. Reason for leaving?", L, id="reason-for-leaving"),
    pytest.param("Our Year 10 was remanded in custody - do we need to take him off?", L, id="do-we-need-to-take-him-off"),
    pytest.param("Mum emailed to say she'll home educate from Friday. Which code do we use to de-roll him?", L, id="which-code-to-de-roll"),
    pytest.param("Dad handed in a letter saying he'll home educate. Right code for the leaver form please - Y8.", L,
                 id="right-code-for-the-leaver-form"),
    pytest.param("He's on their roll now, single reg. What reason code for taking him off?", L, id="reason-code-for-taking-off"),
    pytest.param("A boarder's charges are unpaid and the term has ended. Is that actually a reason to delete, and which one?", L,
                 id="is-that-a-reason-to-delete"),
    pytest.param("A boarder's charges were never paid and the term ended in July. Is there actually a deletion ground for that?", L,
                 id="is-there-a-deletion-ground-for-that"),
    # v37 a3726
    pytest.param("Boarding charges for one of our Year 10 boarders are unpaid. If they're still unpaid at the end of term, is "
                 "there a registration ground to take him off roll, and which one?", L, id="is-there-a-registration-ground-to-take-him-off"),
    # v37 a3717, v23 a2317: what date to record is not a date to count to
    pytest.param("We agreed with dad that a new Year 5 boy would start on Monday 16 November 2026, but he didn't turn up until "
                 "Wednesday 18 November 2026. Which date goes on the admission register as his starting day?", P,
                 id="which-date-goes-on-the-register"),
    pytest.param("New starter's first day is Monday 30 November 2026. Can I put him on the admission register this week?", P,
                 id="yes-no-question-with-a-date-is-procedure"),
    pytest.param("One of our sixth formers died over the weekend. What do we select for the removal from roll?", L,
                 id="what-to-select-for-the-removal"),
    pytest.param("Which code do we use when a pupil is on remand?", P, id="attendance-code-is-not-a-leaver-code"),
    pytest.param("If a pupil disappears and hasn't been seen for 20 days, can the school just take them off roll at that point? "
                 "I've seen this put differently in different policies.", P, id="the-rule-in-general"),
    pytest.param("If a pupil of ours has been missing 20 days, can we take her off roll? She's Year 8 and one of our girls.", L,
                 id="if-but-about-our-pupil"),
    # procedure questions that merely mention deletion or a ground -> the documents
    pytest.param("What has to go on the deletion return to the local authority?", P, id="deletion-return-contents"),
    pytest.param("Which forms does Derbyshire want when we remove a child under 9(1)(g)?", P, id="which-forms-named-ground"),
    pytest.param("Can the 20 school day deletion ground be used if a few sessions were coded I?", P, id="does-named-ground-work"),
    pytest.param("Does the leave of absence ground still apply if the family extended the trip?", P, id="does-leave-ground-apply"),
    pytest.param("When does the ten day count start for the leave ground?", P, id="when-does-count-start"),
    pytest.param("From which day do we count the 20 school days?", P, id="from-which-day-do-we-count"),
    pytest.param("What checks do we have to do before we can take a pupil off roll?", P, id="what-checks-before"),
    pytest.param("How do we delete a pupil who has gone abroad in Norfolk?", P, id="how-do-we-delete"),
    pytest.param("Who do we tell when we take a child off roll?", P, id="who-do-we-tell"),
    pytest.param("What evidence does the LA need for a 9(1)(f) deletion?", P, id="what-evidence-named-ground"),
    pytest.param("Which attendance code do we use for a pupil on remand?", P, id="attendance-code-is-not-leaver-code"),
    pytest.param("What reason did the parents give for the absence?", P, id="reason-the-parents-gave"),
    pytest.param("Explain the 20-day rule.", P, id="explain-rule"),
    pytest.param("What are the grounds for deletion?", P, id="list-of-grounds"),
    pytest.param("What does ground 9(1)(c) mean?", P, id="meaning-of-a-ground"),
    pytest.param("Can we use 9(1)(i) if a few of the days were illness?", P, id="general-use-of-named-ground"),
    pytest.param("Who is the CME officer in Norfolk?", P, id="who-is"),
    # deadlines: only with a countable rule and a date to count from
    pytest.param("New starter added to the admission register on 2/3/2026. When is the new pupil return due?", D, id="deadline-new-pupil"),
    pytest.param("Code N was recorded on Monday 9 March 2026. By what date does it need replacing?", D, id="deadline-code-n"),
    pytest.param("Leave ended on 20 February 2026; on what date do the ten school days run out?", D, id="deadline-leave"),
    pytest.param("Absent since 2 March 2026, coded O. When will he reach 20 school days?", D, id="deadline-absence-20"),
    pytest.param("Born 2 June 2010 - when does compulsory school age end?", D, id="deadline-csa"),
    pytest.param("New Y4 starter is coming to us tomorrow (Monday 23 Nov 2026) and his name goes on the admission register "
                 "first thing. What's the latest date the LA has to have his new starter details from us?", D,
                 id="deadline-name-goes-on-the-register"),
    pytest.param("Y11 girl, DOB 14 July 2011. When exactly does she stop being of compulsory school age?", D,
                 id="deadline-when-exactly"),
    pytest.param("A little girl born 31 August 2021 whose parents never applied for a school place. From what exact date "
                 "was she of compulsory school age?", D, id="deadline-from-what-exact-date"),
    pytest.param("New starter went onto our admission register on Thursday 19 November 2026. What's the latest the council "
                 "can get the starter return from us?", D, id="deadline-whats-the-latest"),
    pytest.param("Auditing last term's registers. A Y5 boy had code N put in on Thursday 30 April 2026. What was the last "
                 "date we had to replace that N by?", D, id="deadline-last-date-in-the-past"),
    pytest.param("Family has emigrated to Portugal for good and the boy is already enrolled at a school over there. Does that "
                 "count as registered at another school or is it something else?", L, id="does-that-count-as-registered-elsewhere"),
    pytest.param("Our Y9 boarder's parents still owe the board and lodging charges for last term. Do the registration rules "
                 "say anything about taking him off the register because of this?", L, id="do-the-rules-say-anything-about-taking-him-off"),
    pytest.param("A Year 9 lad has been dual registered with us and the PRU, and the PRU head is happy for us to take him "
                 "off. Which reg is it?", L, id="which-reg-is-it"),
    pytest.param("Head permanently excluded a Year 10 lad in September and the governors upheld it. Am I OK to remove him "
                 "from roll now under 9(1)(o)?", L, id="am-i-ok-to-remove"),
    pytest.param("Which regulation covers the new pupil return?", P, id="which-regulation-covers-is-procedure"),
    pytest.param("Y10 girl hasn't been in at all since Mon 12 Oct 2026, every session coded O. we want her off roll - can "
                 "we do it now?", L, id="want-her-off-roll-can-we"),
    pytest.param("When is the new pupil return due?", P, id="no-date-no-deadline"),
    # v14 a1415: whether a delay is allowed is a procedure question, though a rule and a date are named
    pytest.param("New Y3 girl is starting with us tomorrow. The office manager wants to wait until Friday to put her on the "
                 "admission register, once all the forms are back. Is that allowed?", P, id="is-that-allowed"),
    pytest.param("When does the 20 school day period end?", P, id="rule-but-no-date"),
    pytest.param("She was off from 2 March 2026. When do we do a home visit?", P, id="date-but-no-countable-rule"),
    pytest.param("New pupil joined on 2 March 2026. What information do we send the LA?", P, id="date-and-rule-but-asks-what"),
    # the leaver tool wins over a date in a leaver question
    pytest.param("We gave leave from 2 to 13 February 2026, ten school days have passed and he hasn't returned; "
                 "joint LA enquiries found nothing. Which ground?", L, id="leaver-with-dates"),
    # referral drafting
    pytest.param("Please draft a CME referral for a Year 5 who has gone missing.", R, id="referral"),
    # a bare register question after the story (facts-v2)
    pytest.param("Y6 has been off 15 school days in a row, all unauthorised; we and the LA can't find the family. Off roll?", L,
                 id="bare-off-roll"),
    pytest.param("Y4 family moved to the other side of town, still 2 miles away and she's still coming in. Do we need a "
                 "deletion?", L, id="need-a-deletion"),
    pytest.param("Off roll? What does that even mean in the guidance?", P, id="off-roll-asked-about-the-words"),
    # facts-v3: "Which 9(3) ground?", "want to know if they can take him off", a bare "Delete?", "EHE is it?"
    pytest.param("Y12 boarder, aged 17, has gone back to Hong Kong for good. Which 9(3) ground?", L, id="which-9-3-ground"),
    pytest.param("Family rehoused up to Newcastle. School want to know if they can take him off now or have to wait.", L,
                 id="want-to-know-if-they-can-take-him-off"),
    pytest.param("Family took Rohan (Y6) out during term without permission - he's been coded G every session since 14 "
                 "September. The LA's CME team and us have made joint enquiries and haven't been able to find out where he is. "
                 "That's way more than 20 school days. Delete?", L, id="bare-delete"),
    pytest.param("Dad handed in a signed note saying Musa in Y5 will be home educated from Thursday. EHE is it?", L,
                 id="ehe-is-it"),
    pytest.param("What does EHE mean? Elective home education, is it?", P, id="a-term-asked-about-is-no-pupil"),
    # v36: "are we required / allowed, or even required, to take him off" asks whether to delete
    pytest.param("One of our Year 7 pupils died suddenly during half term. Are we actually required to remove her from the "
                 "admission register, and does the local authority have to be told formally?", L, id="are-we-required-to-remove"),
    pytest.param("A Year 10 boarder's parents have not paid his boarding charges for the summer term. Are we allowed, or even "
                 "required, to take him off roll?", L, id="allowed-or-even-required"),
    # v41 a4135: "the last of the ten school days"
    pytest.param("We authorised leave for a Year 7 boy and the leave runs until Thursday 26 November 2026. If he isn't back, "
                 "what's the last of the ten school days we count before it can be treated as not returning from leave?", D,
                 id="the-last-of-the-ten-days"),
    # v36: "the earliest date on which he will have reached the twenty-school-day mark"
    pytest.param("A Year 8 boy has not been in since Monday 2 November 2026; every session coded O. I need to know the earliest "
                 "date on which he will have reached the twenty-school-day mark for removal.", D, id="earliest-date"),
    # v52 a5225: a story's dates with a question about the ground only
    pytest.param("We authorised two weeks' leave for a Year 3 boy; the leave ended on Friday 6 November 2026. He hasn't been "
                 "back since and the ten school days after the leave have run out. Which removal reason?", L, id="ground-not-date"),
    pytest.param("We authorised two weeks' leave for a Year 3 boy; the leave ended on Friday 6 November 2026. When do the ten "
                 "school days after the leave run out, and which removal reason then?", D, id="date-and-ground"),
    # v52 a5221: what a named policy says
    pytest.param("Going by Cromford's CME policy: a Year 1 boy hasn't been in since the start of the month. When are we allowed "
                 "to take him off roll?", P, id="going-by-a-named-policy"),
    # session 27, a phrase list written for the purpose: ways of asking for a date the router missed
    pytest.param("A Year 4 girl joined our roll on Tuesday 3 November 2026. What's the cut-off for sending the LA her starter "
                 "details?", D, id="cut-off"),
    pytest.param("She's had an N on the register since Tuesday 17 November 2026. How long can it stay like that?", D,
                 id="how-long-can-it-stay"),
    pytest.param("On 16 November 2026 I entered N in the register for a girl in Year 4. How long until it must be changed?", D,
                 id="how-long-until"),
    pytest.param("Our office added a Year 8 to the register on 2 Nov 2026. Remind me when the LA needs to hear about it by?", D,
                 id="when-by"),
    pytest.param("Took a girl off roll on 10/11/2026 because she's registered elsewhere now. By what date must we tell the "
                 "authority?", D, id="deletion-return-unnamed"),
])
def test_route(message, intent):
    assert routed(message) == intent


@pytest.mark.parametrize("message, contact", [
    ("Who do we contact about a child missing education?", True),
    ("What's the email address for the CME team?", True),
    ("Which ground do we use?", False),
    ("What are the contact details for the CME team?", True),
    ("Which parent contact details go on a deletion return?", False),  # what the return holds
    ("What contact details have to be recorded in the admission register?", False),
    ("who do i send a CME referral to? need an email asap", True),
    ("Where do we send the referral?", True),
    ("We think a child might not be in education anywhere. Who am I supposed to report that to?", True),
    ("who's the contact for CME concerns?", True),
    ("Who is the contact point for schools in the policy? Is it the same as the helpline?", True),
    ("Who decides when a CME case is closed?", False),
    ("Who do we report a child missing education to?", True),
    ("What do we send to the LA when a pupil leaves?", False),
])
def test_contact_question(message, contact):
    assert is_contact_question(message) is contact


@pytest.mark.parametrize("message, story", [
    pytest.param("Sad news: one of our Y5 pupils died at the weekend. What do we do about the register?", True, id="register-ask"),
    pytest.param("EHE letter received for a Y9 girl, last day Friday. No SAO.", True, id="no-question"),
    pytest.param("Y8 boy has emigrated to Spain. What now?", True, id="what-now"),
    pytest.param("Reception girl, the family have moved to Spain for good. Day pupil. What do we use?", True, id="what-do-we-use"),
    pytest.param("Year 9 boy, family emigrated to Spain for good. What do we use for the CTF?", False, id="what-do-we-use-for-the-ctf"),
    pytest.param("Y8 boy has emigrated to Spain. Who do we tell at the LA?", False, id="whom-to-tell"),
    pytest.param("Family emigrating next month. What info do we need to get off them before they go?", False, id="what-to-get"),
    pytest.param("If a pupil emigrates, what do we do about the register?", False, id="general-case"),
    pytest.param("What is CME?", False, id="no-pupil"),
    # v34 a3415: a question asked without a question mark
    pytest.param("A Year 8 boy has leukaemia and will be off for the rest of term. Our attendance team want to know if there's "
                 "a notification we have to send the council and what it needs to include.", False, id="want-to-know-what-to-send"),
    pytest.param("Y8 boy emigrated to Spain for good. We would like to know what to do about the register.", True,
                 id="want-to-know-about-the-register"),
    pytest.param("A Year 4 boy was due to start on Monday and never turned up. Should his name have gone on their admission register?",
                 False, id="going-on-the-register-is-admission"),
    # asked in other words about the pupil's place on roll
    pytest.param("Our Year 8 boy's family have moved to Spain for good. What happens to his registration?", True, id="his-registration"),
    pytest.param("Our Year 8 girl's family have moved to Spain for good. Does the school still have to keep her registered?", True,
                 id="keep-her-registered"),
    pytest.param("Our Year 8 girl's family have moved to Spain for good. Where does that leave her on the school's register?", True,
                 id="where-does-that-leave-her"),
    pytest.param("Our Year 8 boy's family have moved to Spain for good. Which part of regulation 9 covers this?", True, id="which-part-of-reg-9"),
    pytest.param("yr 9 lad moved to spain for good with mum, not coming back. what happens to his registration?", True, id="yr-9-terse"),
    pytest.param("A 14-year-old's family have emigrated to Australia. What do we do about the register?", True, id="n-year-old"),
    pytest.param("Our Year 8 boy's family have moved to Spain for good. Where do we send his registration details?", False,
                 id="where-to-send-is-still-a-place"),
    # v43 a4338: a request with no question mark and no full stop still asks something
    pytest.param("lbbd - can i get a name and number for the EHE officer, parent wants to speak to someone about home ed", False,
                 id="request-without-punctuation"),
    # v45 a4506 / a4522 / a4542: dictated messages with no question mark ask in clauses that open with a question word
    pytest.param("Year 10 boy off ill for weeks with a long term condition, what evidence am I supposed to get from mum, and is "
                 "there a borough service that can teach him at home", False, id="unmarked-questions-about-evidence"),
    pytest.param("we referred a child as missing months ago and it's still not sorted, where do unresolved cases go, is there "
                 "some kind of panel", False, id="unmarked-question-where-cases-go"),
    pytest.param("yr 9 lad moved to spain for good with mum, not coming back, what happens to his registration", True,
                 id="unmarked-question-about-the-register"),
    pytest.param("Y8 girl, when she moved to spain the family said it was for good. Off roll", True,
                 id="when-opens-a-condition-not-a-question"),
    # facts-v1 f006 / f008: a story's clauses with no subject, or relative ones, ask nothing
    pytest.param("Y12 student not seen for 30 school days. We've phoned, emailed and done a home visit - can't find her or the family.",
                 True, id="cant-find-her-is-no-question"),
    pytest.param("Y8 pupil - there was an SAO for his brother at a different school, which is irrelevant. The LA's order naming us "
                 "has now been amended to name St Aidan's.", True, id="relative-which-is-no-question"),
    pytest.param("Y9 girl, her brother, who is in Y10, has been off too, who do I tell", False, id="relative-who-then-who-asks"),
])
def test_pupil_story(message, story):
    """A story about our pupil asking (at most) about the register: the rule tool may answer it."""
    assert is_pupil_story(message) is story


@pytest.mark.parametrize("message, documents", [
    ("Which reason do I pick and what do I need to attach?", True),
    ("What do they need from us to go with it?", True),
    ("What paperwork goes with a deletion?", True),
    ("What do I have to go with for the ground?", False),  # "go with" as "choose"
    ("Which ground is it, and what evidence of illness does the rule need?", False),
])
def test_asks_for_documents(message, documents):
    assert asks_for_documents(message) is documents


@pytest.mark.parametrize("message, only", [
    ("Y7 boy is on roll at Westfield now but the SAO names us and is still in force.", True),  # no question at all
    ("Y9 dual registered with us and the PRU. Can we take him off?", True),
    ("Year 10 lad remanded into youth detention. What code do we put in the register for him?", False),
    ("Y9 dual registered with us and the PRU. Who do we tell at the LA?", False),
])
def test_asks_only_about_deletion(message, only):
    assert asks_only_about_deletion(message) is only


@pytest.mark.parametrize("message, asks", [
    ("Family have moved back to Romania for good. Who do we need to tell, and can we take him off roll?", True),
    ("Our Year 9 has moved to Wales. What does the county need from us before we remove her?", True),
    ("Family have moved back to Romania for good. Who do we need to tell?", False),
    # a general question, or one about marking the register, is not a story asking about deletion
    ("If a pupil moves abroad, who do we tell and can we take them off roll?", False),
    ("He has been off for a week. Which code do we mark him with, and who do we tell?", False),
])
def test_asks_deletion_among_others(message, asks):
    assert asks_deletion_among_others(message) is asks
