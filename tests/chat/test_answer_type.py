"""A question asking for an amount, a number, a contact or a date is only answered by a passage
holding one (compose.missing_answer_type)."""

from types import SimpleNamespace

import pytest

from assistant.chat.compose import missing_answer_type
from indexer.lexical import tokenize


def passage(text):
    return SimpleNamespace(hit=SimpleNamespace(chunk=SimpleNamespace(text=text, section_path="")))


SAO = "If the child remains out of education, a School Attendance Order (SAO) will be instituted against the parent(s)."


@pytest.mark.parametrize(
    "question, text, missing",
    [
        ("What's the maximum fine a court can give a parent for not complying with an SAO?", SAO, "an amount"),
        ("What's the maximum fine for ignoring an SAO?", "A fine of up to £2,500 may be imposed.", None),
        ("How much is a penalty notice?", SAO, "an amount"),
        ("What are the 2025-26 term dates for schools in Barking?", "until the last Friday in June", "a date"),
        # v29 a2940: the year between "term" and "dates"
        ("norfolk spring term 2027 dates? need them to count a 20 day absence", "After every holiday, including half term, "
         "the parents of any absent children are immediately contacted.", "a date"),
        ("When is half-term?", "Half term begins on 27 October 2025.", None),
        ("What's the CME team's email address?", "Email cme@worcestershire.gov.uk", None),
        ("What's the CME team's email address?", "Contact the CME team.", "an email address"),
        ("worcs virtual school tel no.?", "This includes telephoning all contact numbers.", "a phone number"),
        ("I need to ring the Virtual School - what's their number?", "The Virtual School manages their education.", "a phone number"),
        # v26 a2639: a number to ring, in other words than "phone number"
        ("When a CTF upload goes wrong, is there a DfE helpdesk number we can ring?",
         "Also upload CTF to Lost Pupil Database via S2S.", "a phone number"),
        ("Is there a helpdesk number we can ring?", "Helpdesk: 01905 844440", None),
        ("Which case reference number do we quote when we phone the LA?", "Quote the case reference.", None),
        ("What number of days do we wait before we call the LA?", "Call the LA after 10 days.", None),
        ("B&D virtual school tel no.?", "Virtual School: 020 8227 5851", None),
        ("What's the out-of-hours number for children's social care?", "Contact the duty social worker.", "a phone number"),
        ("What's the out-of-hours number for children's social care?", "Out of hours: 0808 800 5000", None),
        ("What is the number of days allowed?", "Schools should refer children by day 11 at the latest.", None),
        ("What attendance percentage counts as persistently absent?", "The pupil is absent with leave.", "a percentage"),
        ("What attendance percentage counts as persistently absent?", "Pupils below 90% attendance are persistently absent.", None),
        # v28 a2801: a percentage the writer states is not one asked for
        ("SIMS shows him at 100%, but he hasn't been into a lesson. Which form on the portal is it?",
         "This form should be used to notify the Local Authority of the following absences:", None),
        ("Below what % do we have to tell the LA?", "This form should be used to notify the Local Authority.", "a percentage"),
        ("What happens after an SAO?", SAO, None),
        ("What happens after half term if a child hasn't come back?", "contacted immediately", None),
        ("How many hours a week of tuition does the Home Tuition Service give?",
         "2.2 Non-school attendance caused by long term illness or injury (and the involvement of the Home Tuition Service)",
         "a number of hours"),
        ("How many hours of tuition a week?", "Pupils receive five hours of tuition each week.", None),
        ("How many sessions in how many weeks before a penalty notice?", "Penalty notices may be issued for unauthorised absence.",
         "a number of sessions"),
        ("How many days before we refer?", "Schools should refer children by day 11 at the latest.", None),
        ("How many days before we refer?", "If after 20 school days there is still no named school, they are reported to the LA.", None),
        ("How many children were reported missing in Derbyshire?", "Derbyshire has a CME Co-ordinator.", "a number of children"),
        ("How many children were reported missing?", "1,204 children were reported.", None),
        ("What's the minimum number of sessions a school has to be open for in a school year?",
         "This is a change from the 2006 Regulations, in which the minimum period is three years.", "a number of sessions"),
        ("What's the minimum number of sessions a school must meet?", "A school must meet for 380 sessions in a school year.", None),
        ("How many open CME cases did Barking and Dagenham have last month?",
         "They relate to the number of open and closed CME cases per month.", "a number of cases"),
        # v14 a1441: a penalty is answered only by a passage that speaks of one
        ("If a school misses the five day deadline for a new pupil return, what's the penalty? Can the head be fined?",
         "By the end of the fifth day after the day when the name of a registered pupil is entered the proprietor must make a return.",
         "a penalty"),
        ("What are the consequences for parents who ignore the SAO?", "Failure to comply is an offence and may lead to prosecution.", None),
        ("Can parents be fined for term-time holidays?", "Penalty notices may be issued for unauthorised absence.", None),
        # v12 a1236: walking distance is defined only by reference to the Education Act, with no miles
        ("For the Y1 transport code - what counts as walking distance? Is it 2 miles for the little ones and 3 for older kids?",
         "The pupil's home is not within walking distance of the school and no transport has been arranged.", "a distance"),
        ("What counts as walking distance?", "Walking distance is 2 miles for a child under 8 and 3 miles otherwise.", None),
        # v5 a535, v20 a2040: a distance and a sanction asked for in other words
        ("Beyond what distance from home does a child aged eight or over qualify for free transport?",
         "The pupil's home is not within walking distance of the school.", "a distance"),
        ("Beyond what distance does a child qualify for free transport?", "Walking distance is 3 miles for a child aged 8 or over.", None),
        ("What sanction or fine may be imposed on a proprietor who fails to keep the admission register?",
         "The proprietor of every school must make sure the school has an admission register.", "a penalty"),
        ("What sanction may be imposed on a proprietor who fails to keep the register?",
         "Failure to comply is an offence and may lead to prosecution.", None),
        ("Which Act do the regs take the definition of walking distance from?",
         "Walking distance has the meaning given in section 444(5) of the 1996 Act.", None),
    ],
)
def test_missing_answer_type(question, text, missing):
    assert missing_answer_type(question, [passage(text)]) == missing


def scored_passage(text, dense, section_path=""):
    return SimpleNamespace(hit=SimpleNamespace(chunk=SimpleNamespace(text=text, section_path=section_path)), dense=dense)


@pytest.mark.parametrize("dense, missing", [(0.68, None), (0.61, "a number of days about the question's subject")])
def test_a_count_in_other_words_answers_when_its_meaning_is_close(dense, missing):
    # No rare question word ('refer', 'found') is in the passage, but its meaning matches closely.
    question = "Is there a set number of days before a school has to refer a child who cannot be found?"
    text = "If any pupil does not return after 20 days, they will be reported as missing education."
    assert missing_answer_type(question, [scored_passage(text, dense)], topic={"refer", "found"}) == missing


@pytest.mark.parametrize("text, missing", [
    ("a back-up copy of that register is made at least once a month", None),
    ("a copy of that register is made at least once a month", "a frequency about the question's subject"),
])
def test_a_hyphenated_word_is_the_same_word_joined(text, missing):
    # v24 a2415: "backup" in the question, "back-up" in the regulation
    question = "Do we need to keep a backup of the register, and how often?"
    assert missing_answer_type(question, [scored_passage(text, 0.0)], topic={"backup"}) == missing


@pytest.mark.parametrize(
    "question, text, topic, missing",
    [
        # a time of day is needed for "what time…?"
        ("What time does the Missing Mondays meeting start?", "Missing Mondays is a weekly meeting chaired by the CME Lead Officer.",
         {"missing", "monday", "meet"}, "a time of day"),
        ("What time does the helpline open?", "Attendance Helpline: 01905 844440 (Open 9am-4.30pm daily during term time)",
         {"helplin", "open"}, None),
        # a time limit must stand in a passage about the question's subject…
        ("How soon will the EHE team visit the family?", "A pupil joiner form should be submitted within 5 days of a child being put on roll.",
         {"ehe", "visit", "famili"}, "a time limit about the question's subject"),
        ("How soon will the EHE team visit the family?", "The EHE team will visit the family within 10 school days.",
         {"ehe", "visit", "famili"}, None),
        ("how quickly does the sickness return have to go in?", "A sickness return must be made within 10 school days of the pupil's absence.",
         {"sick", "return"}, None),
        # …and so must a date
        ("When do terms start and finish in 2025/26?", "From 1 September 2014, all children must continue in education or training.",
         {"2025", "26", "finish"}, "a date about the question's subject"),
        ("When does the autumn term start?", "The autumn term starts on 3 September 2025.", {"autumn"}, None),
        # a claimed time limit to check is answered only by one about its subject, the figure itself not counting (v29 a2941)
        ("I was told parents get 15 days to reply to the council's notice before an SAO is made. Is that right?",
         "10 days continuous absence (including if the child is likely to be absent for more than 15 days due to illness)",
         {"15", "reply", "notice", "council"}, "a time limit about the question's subject"),
        ("I was told parents get 15 days to reply to the council's notice before an SAO is made. Is that right?",
         "The notice must give the parent at least 15 days to reply.", {"15", "reply", "notice", "council"}, None),
        # with no rare words to go on, any time limit may be the answer ("…and how long do we have?")
        ("Do we need to send anything, and how long do we have?", "Notify the local authority within five days.", set(), None),
    ],
)
def test_a_time_or_date_must_be_about_the_question(question, text, topic, missing):
    assert missing_answer_type(question, [scored_passage(text, 0.4)], topic=topic) == missing


@pytest.mark.parametrize(
    "question, text, topic, missing",
    [
        # "how often / at what interval" needs a stated frequency about the subject ("every school" is not one)
        ("How often does the CCAS panel meet?", "Schools can tick the box to flag a potential CCAS case to every school.",
         {"ccas", "panel", "meet"}, "a frequency"),
        ("How often does the CCAS panel meet?", "The CCAS panel meets monthly.", {"ccas", "panel", "meet"}, None),
        ("What interval has the Secretary of State set for attendance returns?",
         "Attendance is monitored weekly to identify any pupils not in school.", {"interv", "secretari", "state"},
         "a frequency about the question's subject"),
        # a web address
        ("whats the web address for SchoolsNet?", "Forms and guidance are published on Derbyshire SchoolsNet.", {"schoolsnet"},
         "a web address"),
        ("whats the web address for SchoolsNet?", "SchoolsNet: https://schoolsnet.derbyshire.gov.uk/forms", {"schoolsnet"}, None),
        # v20 a2038: "is there a link or a portal?" asks for a web address
        ("Where do I get hold of the CME 1 form? Is there a link or a portal?", "details on a CME 1 form are sent to the team",
         {"cme"}, "a web address"),
        # a fine asked for as "what fine…"
        ("What fine can a school face for a wrong admission register?", "The register must be kept in accordance with the regulations.",
         set(), "an amount"),
        # miles and minutes are counts
        ("How many miles counts as walking distance?", "Walking distance has the meaning given in section 444(5).", set(), "a number of miles"),
        ("How many minutes can the register stay open?", "The register is taken at the start of each session.", set(), "a number of minutes"),
        ("How many times a day is the register taken?", "at the beginning of each morning session and once during each afternoon session",
         set(), None),
        ("How many times a day is the register taken?", "The register is taken at the start of each session.", set(), "a number of times"),
        # v16 a1636: a maximum length of time is a time limit
        ("Is there a maximum length of time a part-time timetable can run before it is reviewed?",
         "the pupil should temporarily be educated on a part-time basis", {"timet", "review"}, "a time limit about the question's subject"),
        ("Is there a maximum length of time a part-time timetable can run before it is reviewed?",
         "A part-time timetable must be reviewed within 6 weeks.", {"timet", "review"}, None),
    ],
)
def test_frequencies_web_addresses_fines_and_distances(question, text, topic, missing):
    assert missing_answer_type(question, [scored_passage(text, 0.4)], topic=topic) == missing


REFERRAL = ("The county will respond to every CME referral made using the online form. "
            "The school should also make a home visit. A joiner form should be submitted within 5 days of a child being put on roll.")
RESPOND = "How soon does the county respond once we've sent a referral?"
ALLOCATION = "How long can a child sit on the allocation list?"
SOCIAL_WORKER = "If the child already has a social worker, what am I supposed to do, and how soon?"


@pytest.mark.parametrize("question, topic_word, text, section_path, missing", [
    # v17 a1740: the passage holds a time limit, but for another step than the one asked about
    (RESPOND, "respond", REFERRAL, "", "a time limit about the question's subject"),
    (RESPOND, "respond", REFERRAL + " The county will respond within 10 school days.", "", None),
    # the sentence before, or the heading, may name the subject
    (ALLOCATION, "allocation", "The Admissions Officer checks the allocation list. If on list for 20 days, escalate.", "", None),
    (ALLOCATION, "allocation", "If on list for 20 days, escalate to the Admissions Manager.", "Allocation list", None),
    (ALLOCATION, "allocation", "If on list for 20 days, escalate to the Admissions Manager.", "", "a time limit about the question's subject"),
    # v38 a3802: "at the earliest opportunity" says how soon
    (SOCIAL_WORKER, "worker", "A CME Officer will contact the named social worker, at the earliest opportunity, when a case is opened.", "", None),
    (SOCIAL_WORKER, "worker", "A CME Officer will contact the named social worker when a case is opened.", "",
     "a time limit about the question's subject"),
])
def test_a_time_limit_must_share_a_sentence_with_the_subject(question, topic_word, text, section_path, missing):
    topic = set(tokenize(topic_word))
    assert missing_answer_type(question, [scored_passage(text, 0.4, section_path)], topic=topic) == missing


KEEP = "How long do we have to keep a family on the missing list if we hear nothing more?"


@pytest.mark.parametrize("texts, words, missing", [
    # the first passage holds a time limit in a sentence sharing an everyday word of the question ("list")
    (["Families notified by other authorities stay on the list for two years."], "keep list hear", None),
    (["Families notified by other authorities stay on the list for two years."], "", "a time limit about the question's subject"),
    # …but not when the time limit's sentence shares none of them
    (["Joiner forms go to the admissions team. A joiner form is sent within 5 days."], "keep list hear",
     "a time limit about the question's subject"),
    # …and only the first passage, the best-scored, counts
    (["The team keeps the list.", "Families stay on the list for two years."], "keep list hear",
     "a time limit about the question's subject"),
])
def test_a_time_limit_in_the_first_passage_may_share_an_everyday_word(texts, words, missing):
    topic = set(tokenize("nothing more"))  # the rare words, which no passage holds
    assert missing_answer_type(KEEP, [scored_passage(t, 0.3) for t in texts], topic=topic,
                               words=set(tokenize(words))) == missing


def test_a_fine_is_answered_only_by_a_passage_that_speaks_of_one():
    # v41 a4140: reg 13(6) says when independent schools make returns, not what failing to costs
    question = "Independent school: what's the fine if we don't send the council our new pupil and deletion returns?"
    returns = "If the local authority ask the proprietor of a school to make deletion returns, the proprietor must make them."
    assert missing_answer_type(question, [scored_passage(returns, 0.4)]) == "a penalty"
    assert missing_answer_type(question, [scored_passage("Failing to make the returns is an offence and the proprietor "
                                                         "may be fined.", 0.4)]) is None


CP_FILE = "How many days do I have to get her child protection file to their DSL?"


@pytest.mark.parametrize("question, text, missing", [
    # v40 a4040: a time limit for a joiners form is no time limit for a child protection file
    (CP_FILE, "Joiner returns are sent to the CME team using the CMJ form within 5 days of placing the child on roll.",
     "a time limit for sending the file"),
    (CP_FILE, "The child protection file must be sent to the new school's DSL within 5 school days of the pupil leaving.", None),
])
def test_a_time_limit_for_sending_a_thing_must_name_it(question, text, missing):
    assert missing_answer_type(question, [scored_passage(text, 0.4, "")], topic=set(tokenize("roll file"))) == missing


@pytest.mark.parametrize("question, sentence, holds", [
    ("After how many days must a school refer?", "Schools should refer children by day 11 at the latest.", True),
    ("After how many days must a school refer?", "CME pupils are categorised in the following way.", False),
    ("How soon must the return arrive?", "It must be sent within 5 days of placing the child on roll.", True),
    ("What's the email address for the CME team?", "Email cme@example.gov.uk", True),
    # v43 a4311: where forms are "kept" asks for the place they are published
    ("cant find the CME referral form or the CML anywhere, where are they kept?", "All forms will be published on SchoolsNet.", True),
    ("cant find the CME referral form or the CML anywhere, where are they kept?", "The CML is sent to the CME team.", False),
    # v43 a4347: "before … or is after ok?" wants when the thing is done against the removal
    ("do we have to tell the LA before we take a pupil off roll or is after ok?",
     "notification must be given to the local authority prior to removing a child from school roll", True),
    ("do we have to tell the LA before we take a pupil off roll or is after ok?",
     "please ensure you are using the correct reason before completing the form.", False),
    # v43 a4341: "mins" is minutes
    ("how many mins after the start of the session can the register stay open?", "The register closes 30 minutes after it opens.", True),
    ("how many mins after the start of the session can the register stay open?", "Every entry is preserved for six years.", False),
])
def test_answer_type_says_what_a_sentence_must_hold(question, sentence, holds):
    from assistant.chat.compose import answer_type

    assert bool(answer_type(question).search(sentence)) is holds


def test_a_question_asking_for_no_kind_of_fact_has_no_answer_type():
    from assistant.chat.compose import answer_type

    assert answer_type("Who is the named CME officer?") is None


TABLE = ("Erkenwald Campus\tFor children of a timid nature who may have experienced bullying.\n"
         "Seabrook Campus (Positive Returns)\tFor children identified as requiring respite. This is a 6-week placement.")


@pytest.mark.parametrize("named, missing", [
    ((), None),  # without the name, any time limit in the table would do
    (("erkenwald campus",), "a time limit about the question's subject"),
    (("seabrook campus",), None),
])
def test_a_fact_asked_about_a_named_service_stands_beside_its_name(named, missing):
    # v27 a2741: the six weeks are Seabrook's, so they do not answer how long an Erkenwald placement is
    question = "How long is a placement at Erkenwald Campus?"
    assert missing_answer_type(question, [scored_passage(TABLE, 0.0)], topic={"placement"}, named=named) == missing
    # the first passage's everyday words do not stand in for the name (the table's first passage shares "placement")
    assert missing_answer_type(question, [scored_passage(TABLE, 0.0)], topic={"placement"}, named=named,
                               words=set(tokenize("placement long"))) == missing


@pytest.mark.parametrize(
    "question, text, topic, missing",
    [
        # v30 a3039 / v31 a3137: a login is asked for, not what the portal holds
        ("How do we get a login for the Children's Services Portal?",
         "The forms to submit this information are on the Children's Services Portal.", {"portal"}, "how to get access"),
        ("How do we get a login for the portal?", "Schools request a portal account from the admissions team.", {"portal"}, None),
        # v33 a3337: where to download a form wants a place, and an e-mail address's domain is not one
        ("norfolk - where do i download a blank CME 1 form from?",
         "the CME Assistant will refer the details on a CME 3 form to csattendance@norfolk.gov.uk", {"cme"}, "a place to download it"),
        ("Where can I download the CML form?", "All forms will be published on Derbyshire SchoolsNet.", {"cml"}, None),
        # v30 a3041: "a form or an email for it?" — about the service asked after
        ("How do we refer a pupil to the Home Tuition Service? Is there a form or an email for it?",
         "This can be achieved by referring the child to the borough's Home Tuition Service.", {"tuit", "servic"},
         "a form or an email address"),
        ("How do we refer a pupil to the Home Tuition Service? Is there a form or an email for it?",
         "Email: accessattendance@lbbd.gov.uk", {"tuit", "servic"}, "a form or an email address about the question's subject"),
        ("Is there a form or an email for the Home Tuition Service?",
         "Referrals to the Home Tuition Service are made on the HTS1 form.", {"tuit", "servic"}, None),
        # v33 a3338: the counted thing ("weeks") is not a subject word of its own
        ("managed move - how many weeks can the trial run before he goes on the new school's roll?",
         "5.4 Weekly returns are required, and joiners must be notified within 5 weeks.", {"week", "trial", "move"},
         "a number of weeks about the question's subject"),
        ("managed move - how many weeks can the trial run?", "A managed move trial runs for 6 weeks.", {"week", "trial", "move"}, None),
        # v31 a3109: "how long" may be answered by the end of a state
        ("Norfolk: how long is a CME case tracked?", "Explain how children will be tracked and monitored until they are reengaged.",
         {"track"}, None),
        ("By when must a CME case be tracked?", "Explain how children will be tracked and monitored until they are reengaged.",
         {"track"}, "a time limit about the question's subject"),
    ],
)
def test_access_downloads_forms_and_counts(question, text, topic, missing):
    assert missing_answer_type(question, [scored_passage(text, 0.4)], topic=topic) == missing


def unit(text, doc_id, score, heading=False):
    return SimpleNamespace(hit=SimpleNamespace(chunk=SimpleNamespace(text=text, section_path="", doc_id=doc_id)),
                           text=text, score=score, is_heading=heading, dense=0.4)


def test_a_download_place_is_taken_from_the_chosen_documents_runners_up():
    from assistant.chat.compose import unit_holding_asked
    chosen = [unit("Notification must be given by sending a CML form to the CME team.", "derbyshire", 0.9)]
    place = unit("All forms and guidance will be published on Derbyshire SchoolsNet.", "derbyshire", 0.5)
    elsewhere = unit("The forms are on the Children's Services Portal.", "worcestershire", 0.8)
    scored = SimpleNamespace(units=[*chosen, elsewhere, place])
    question = "Where do I download the CML form from?"
    assert unit_holding_asked(question, chosen, scored) is place
    assert unit_holding_asked(question, chosen, SimpleNamespace(units=[*chosen, elsewhere])) is None
    assert unit_holding_asked("Who receives the CML form?", chosen, scored) is None


def test_a_count_is_taken_from_a_runner_up_only_when_it_scores_nearly_as_well():
    # v45 a4521 and v13 a1313
    from assistant.chat.compose import unit_holding_asked
    chosen = [unit("Within 24 hours of the child's return, the police will inform all relevant agencies.", "aspire", 0.48)]
    count = unit("If the child has been missing 3 or more times within a 90 day period, a Single Assessment follows.", "aspire", 0.42)
    question = "Is there a point where a proper assessment kicks in, like after a set number of times?"
    assert unit_holding_asked(question, chosen, SimpleNamespace(units=[*chosen, count], best=chosen[0])) is count
    far = unit(count.text, "aspire", 0.30)
    assert unit_holding_asked(question, chosen, SimpleNamespace(units=[*chosen, far], best=chosen[0])) is None


@pytest.mark.parametrize("question, asks", [
    ("What code do we use for a pupil at an interview?", True),
    ("How should his absence be coded while he's in there?", True),
    # v34 a3414
    ("Mum asked beforehand. Is there a particular code for this, and does it matter that she asked?", True),
    # v35 a3519
    ("Mum is worried it'll go down as unauthorised. How should we record these sessions?", True),
    # v41 a4113
    ("Most are dual registered. What does each school put in the register for the days the pupil is at the other one?", True),
    # v40 a4013, a4014, a4016
    ("What goes in the register for the afternoons he isn't expected in?", True),
    ("Can we agree to it, and what would the filming days be coded as?", True),
    ("The office has put them down as C, authorised. Is that the right code?", True),
    ("How should we record the enquiries we have made?", False),
    ("Is there a code of practice on this?", False),
    ("Is there a particular form for this?", False),
])
def test_a_register_code_is_asked_for(question, asks):
    from assistant.chat.compose import asks_code

    assert asks_code(question) is asks


def test_a_code_table_quote_shows_each_code_before_its_row():
    from assistant.chat.compose import rows_as_codes
    quote = ("| The pupil is unable to attend because of sickness. | I |\n"
             "| The pupil is unable to attend because of a lack of access arrangements. | Q |")
    assert rows_as_codes(quote) == ("- code I: The pupil is unable to attend because of sickness.\n"
                                    "- code Q: The pupil is unable to attend because of a lack of access arrangements.")
    prose = "(7) If, at the time the register is taken, the code N is used | not a row"
    assert rows_as_codes(prose) == prose


@pytest.mark.parametrize("question, text, missing", [
    # v13 a1303, v14 a1437: the time a step is allowed, answered only by a time limit beside that step
    ("Once we've sent a CME referral, how many working days does the LA have to respond to us or make a home visit?",
     "A CME referral form should be completed and sent to the CME Co-ordinator within 5 days.", "a time limit to respond"),
    ("Once we've sent a CME referral, how many working days does the LA have to respond to us?",
     "A CME referral form should be sent to the CME Co-ordinator, who will respond within 10 working days.", None),
    ("How many school days does the parent have to ask for an independent review panel?",
     "Governors must meet within 15 school days of the exclusion.", "a time limit to ask for a review"),
    ("Within how many school days must the governors meet to consider reinstatement?",
     "Governors must meet within 15 school days of the exclusion.", None),
    ("How many working days before the county gets back to the school?",
     "The form is sent within 5 days of the absence.", "a time limit to respond"),
    # v41 a4144: a time limit for enrolment notices is no time limit for a referral
    ("How many days missing before we must refer a pupil to the CME officer?",
     "Schools must inform the Admissions Team, within 5 days, of every child they enrol.", "a time limit to refer"),
    ("How many days missing before we must refer a pupil to the CME officer?",
     "Schools should refer children by day 11 at the latest.", None),
    # v25 a2540, v27 a2739: "if agreed leave of absence" is no consent; "give or refuse it" asks for one
    ("How many days does the LA have to give or refuse consent?",
     "Absent for more than 20 days: see 9(1)(i) (if agreed leave of absence then see 9(1)(h)).", "a time limit to consent"),
    ("When we ask the placing LA's consent to take a child off roll, how many days does the LA have to give or refuse it?",
     "The LA must reply to the school within 10 school days of the request.", "a time limit to consent"),
    ("How many days does the LA have to give or refuse it?", "The LA must refuse or give consent within 10 school days.", None),
    # a step named with no time limit asked for, or a time asked for no named step, is left to the other checks
    ("How many days do we have to send the CML?", "Send the CML within 5 days.", None),
    ("Does the LA respond to referrals?", "The LA will consider every referral.", None),
])
def test_the_time_allowed_for_a_step_stands_beside_that_step(question, text, missing):
    assert missing_answer_type(question, [scored_passage(text, 0.4)]) == missing


def test_asked_where_a_referral_goes_the_route_in_is_preferred_to_what_follows_it():
    from assistant.chat.compose import _ROUTE_IN

    asks, has = _ROUTE_IN
    assert asks.search("our trust has schools in worcs and derbys - who is the first place to go for a safeguarding referral in each?")
    assert asks.search("If I'm worried about a child's safety, where does the safeguarding referral go in each one?")
    assert not asks.search("Who is the CME coordinator?")
    assert has.search("7.1 The designated safeguarding person will immediately contact the Children's Services through starting point")
    assert not has.search("7.2 A subsequent referral should be made to the CME Coordinator on the same day.")
