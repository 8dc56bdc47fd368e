"""Citations: the ``Source`` type and every quotation the rule module uses.

A ``Source`` names a document (``doc_id``, as in the corpus manifest), a locator a
person can find (``reg 9(1)(g)``, ``Appendix C, Reason for Leaving 9(1)(g)``) and a
``quote``: a verbatim, single-line, contiguous extract of at most about 30 words, so
that the retrieval layer can map it to the indexed chunk that contains it. The
test ``tests/rules/test_quotes_verbatim.py`` checks every quote registered here
against the real document text (after collapsing runs of whitespace).

All quotations live in this one module so that test can see them all; rule modules
refer to them by name (``sources.REG_9_1_G``).
"""

from __future__ import annotations

from dataclasses import dataclass, replace

__all__ = ["Source", "DOCUMENTS", "all_sources", "with_note"]


@dataclass(frozen=True)
class Source:
    """A verbatim citation into one corpus document."""

    doc_id: str
    locator: str
    quote: str
    note: str = ""


#: doc_id -> (title, authority; "England" for legislation)
DOCUMENTS: dict[str, tuple[str, str]] = {
    "uksi-2024-208": (
        "The School Attendance (Pupil Registration) (England) Regulations 2024", "England"),
    "uksi-1997-1970": ("The Education (School Leaving Date) Order 1997", "England"),
    "uksi-1998-1607": ("The Education (Start of Compulsory School Age) Order 1998", "England"),
    "worcestershire-cme-policy-2025": (
        "Children Missing in Education (adopted from WCC), with the LA's School User Guide",
        "Worcestershire"),
    "aspire-academy-cme-policy-2023": ("CME Policy - The Aspire Academy", "Worcestershire"),
    "barking-dagenham-cme-guidance-2019": (
        "Guidance on Children Missing from Education (CME), 3rd Edition",
        "Barking and Dagenham"),
    "riverside-federation-cme-policy": (
        "Children Missing Education Policy - Riverside Federation", "Norfolk"),
    "derbyshire-cromford-cme-policy-2023": (
        "Children Missing Education Policy adopted by Cromford C of E Primary School",
        "Derbyshire"),
}

_REGISTRY: dict[str, Source] = {}


def _s(name: str, doc_id: str, locator: str, quote: str) -> Source:
    if doc_id not in DOCUMENTS:  # pragma: no cover - programming error
        raise ValueError(f"unknown doc_id {doc_id}")
    src = Source(doc_id, locator, quote)
    _REGISTRY[name] = src
    return src


def all_sources() -> dict[str, Source]:
    """Every quotation the module can cite, by constant name."""
    return dict(_REGISTRY)


def with_note(src: Source, note: str) -> Source:
    """The same citation with an explanatory note attached."""
    return replace(src, note=note)


R = "uksi-2024-208"

# --- regulation 9(1): pupils of compulsory school age --------------------------------
REG_9_1 = _s("REG_9_1", R, "reg 9(1)", "The proprietor of a school must ensure that the name of a pupil of compulsory school age is deleted from the school’s admission register when")
EXPLANATORY_NOTE_ONLY_IF = _s("EXPLANATORY_NOTE_ONLY_IF", R, "Explanatory note", "it can and must be deleted if, and only if, one of the situations described in")
REG_9_1_A = _s("REG_9_1_A", R, "reg 9(1)(a)", "the pupil has been registered at another school, unless")
REG_9_1_A_I = _s("REG_9_1_A_I", R, "reg 9(1)(a)(i)", "a school attendance order naming the school is in force in relation to the pupil")
REG_9_1_A_II = _s("REG_9_1_A_II", R, "reg 9(1)(a)(ii)", "the pupil is a mobile child and the school is their main school")
REG_9_1_A_III = _s("REG_9_1_A_III", R, "reg 9(1)(a)(iii)", "the proprietor has agreed with a person with control of the pupil’s attendance at the other school")
REG_9_1_B = _s("REG_9_1_B", R, "reg 9(1)(b)", "the pupil was admitted to the school for nursery education and")
REG_9_1_B_I = _s("REG_9_1_B_I", R, "reg 9(1)(b)(i)", "they have completed such education and would, if they continued attending the school, be transferred to a reception, or more senior, class at the school")
NO_GROUNDS_WILL_ATTEND = _s("NO_GROUNDS_WILL_ATTEND", R, "reg 9(1)(b)(ii), (c)(i), (g)(i)", "the proprietor does not have reasonable grounds to believe that the pupil will attend the school again")
REG_9_1_C = _s("REG_9_1_C", R, "reg 9(1)(c)", "the pupil is also registered as a pupil at one or more other schools and")
REG_9_1_C_II = _s("REG_9_1_C_II", R, "reg 9(1)(c)(ii)", "the proprietor of each other school where the pupil is registered has consented to the deletion")
NO_SAO = _s("NO_SAO", R, "reg 9(1)(c)(iii), (f)(ii)", "there is no school attendance order naming the school in force in relation to the pupil")
REG_9_1_C_IV = _s("REG_9_1_C_IV", R, "reg 9(1)(c)(iv)", "the pupil is not a mobile child or, if they are, the school is not their main school")
REG_9_1_D = _s("REG_9_1_D", R, "reg 9(1)(d)", "formerly naming the school has been amended by the relevant local authority to substitute the name of the school with that of another school")
REG_9_1_E = _s("REG_9_1_E", R, "reg 9(1)(e)", "has been revoked by the relevant local authority on the ground that arrangements have been made for the pupil to receive suitable education otherwise than at school")
REG_9_1_F = _s("REG_9_1_F", R, "reg 9(1)(f)", "a parent of the pupil has told the proprietor in writing that the pupil will no longer attend the school after a certain day")
REG_9_1_F_I = _s("REG_9_1_F_I", R, "reg 9(1)(f)(i)", "that day has passed")
REG_9_1_G = _s("REG_9_1_G", R, "reg 9(1)(g)", "the pupil no longer normally lives a reasonable distance from the school")
NOT_BOARDER = _s("NOT_BOARDER", R, "reg 9(1)(g)(ii)", "the pupil is not a boarder")
REG_9_5_A = _s("REG_9_5_A", R, "reg 9(5)(a)", "whether a pupil normally lives at a place is not affected by temporary or occasional absences")
REG_9_1_H = _s("REG_9_1_H", R, "reg 9(1)(h)", "the pupil has been given leave of absence and")
REG_9_1_H_I = _s("REG_9_1_H_I", R, "reg 9(1)(h)(i)", "the pupil has not attended the school within the ten school days immediately after the end of the period of leave")
NO_SICKNESS = _s("NO_SICKNESS", R, "reg 9(1)(h)(ii), (i)(ii), 9(3)(c)(ii)", "the proprietor does not have reasonable grounds to believe that the pupil is unable to attend because of sickness or an unavoidable cause")
JOINT_ENQUIRIES = _s("JOINT_ENQUIRIES", R, "reg 9(1)(h)(iii), (i)(iii)", "the proprietor and the local authority have jointly made reasonable efforts to find out the pupil’s location and circumstances but")
JOINT_AA = _s("JOINT_AA", R, "reg 9(1)(h)(iii)(aa), (i)(iii)(aa)", "they have not succeeded")
JOINT_BB = _s("JOINT_BB", R, "reg 9(1)(h)(iii)(bb), (i)(iii)(bb)", "they have succeeded and they agree that there are no reasonable grounds to believe that the pupil will attend the school again")
TWENTY_DAYS = _s("TWENTY_DAYS", R, "reg 9(1)(i), 9(3)(c)", "the pupil has been continuously absent from the school for at least twenty school days and")
REG_9_1_I_I = _s("REG_9_1_I_I", R, "reg 9(1)(i)(i)", "other than the final three rows applied to the pupil at any point during that period")
REG_9_1_J = _s("REG_9_1_J", R, "reg 9(1)(j)", "the pupil is detained under a sentence of detention and the proprietor does not have reasonable grounds to believe that the pupil will attend the school after")
REG_10_14_A = _s("REG_10_14_A", R, "reg 10(14)(a)", "in police detention within the meaning given in section 118(2) and (2A) of the Police and Criminal Evidence Act 1984")
REG_10_14_B = _s("REG_10_14_B", R, "reg 10(14)(b)", "remanded to youth detention accommodation under section 102 of the Legal Aid, Sentencing and Punishment of Offenders Act 2012")
CODE_Y5 = _s("CODE_Y5", R, "reg 10(4), Table 3 (code Y5)", "The pupil is unable to attend because they are in criminal justice detention within")
DIED = _s("DIED", R, "reg 9(1)(k)", "the pupil has died")
# the same words again in 9(3): a pupil over compulsory school age cites the paragraph that applies
DIED_3D = _s("DIED_3D", R, "reg 9(3)(d)", "the pupil has died")
REG_9_1_L = _s("REG_9_1_L", R, "reg 9(1)(l)", "the pupil will be over compulsory school age by the next time the school meets and")
REG_9_1_L_II = _s("REG_9_1_L_II", R, "reg 9(1)(l)(ii)", "the pupil does not meet the academic entry requirements to be transferred to the school’s sixth form")
REG_9_1_M = _s("REG_9_1_M", R, "reg 9(1)(m)", "the pupil is a boarder at the school and")
REG_9_1_M_I = _s("REG_9_1_M_I", R, "reg 9(1)(m)(i)", "the school is a school maintained by a local authority or is an Academy")
REG_9_1_M_II = _s("REG_9_1_M_II", R, "reg 9(1)(m)(ii)", "charges for the pupil’s board and lodging are payable by a parent of the pupil")
REG_9_1_M_III = _s("REG_9_1_M_III", R, "reg 9(1)(m)(iii)", "those charges remain unpaid by the parent at the end of the school term to which they relate")
REG_9_1_N = _s("REG_9_1_N", R, "reg 9(1)(n)", "the pupil has ceased to be a pupil at the school and the school is not")
EXCLUDED = _s("EXCLUDED", R, "reg 9(1)(o)", "the pupil has been permanently excluded from the school")
EXCLUDED_3E = _s("EXCLUDED_3E", R, "reg 9(3)(e)", "the pupil has been permanently excluded from the school")
REG_9_5_C = _s("REG_9_5_C", R, "reg 9(5)(c)", "on disciplinary grounds does not take effect until the responsible body")
REG_9_5_C_I = _s("REG_9_5_C_I", R, "reg 9(5)(c)(i)", "has stated in writing that they do not intend to apply for a review under those Regulations")
REG_9_5_C_II = _s("REG_9_5_C_II", R, "reg 9(5)(c)(ii)", "the time for applying for a review has expired and no review has been applied for in that time")
REG_9_5_C_III_AA = _s("REG_9_5_C_III_AA", R, "reg 9(5)(c)(iii)(aa)", "they have abandoned the review")
REG_9_5_C_III_BB = _s("REG_9_5_C_III_BB", R, "reg 9(5)(c)(iii)(bb)", "the review panel has upheld the responsible body’s decision that the pupil should not be reinstated")
REG_9_5_C_III_CC = _s("REG_9_5_C_III_CC", R, "reg 9(5)(c)(iii)(cc)", "the responsible body has decided that the pupil should not be reinstated")
REG_9_4_MAIN_SCHOOL = _s("REG_9_4_MAIN_SCHOOL", R, "reg 9(4) (main school)", "the school that, during the last 18 months, the child has attended during periods when their parent was not travelling")

# --- regulation 9(2): special schools ----------------------------------------------
REG_9_2 = _s("REG_9_2", R, "reg 9(2)", "became a registered pupil at that school under arrangements made by a local authority")
REG_9_2_A = _s("REG_9_2_A", R, "reg 9(2)(a)", "the proprietor of that school must ensure that the pupil’s name is not deleted from the school’s admission register unless")
REG_9_2_B = _s("REG_9_2_B", R, "reg 9(2)(b)", "the local authority who made those arrangements have given their consent to the deletion")
REG_9_2_C = _s("REG_9_2_C", R, "reg 9(2)(c)", "have refused their consent but the Secretary of State has directed that the pupil’s name be deleted")

# --- regulation 9(3): pupils not of compulsory school age ---------------------------
REG_9_3 = _s("REG_9_3", R, "reg 9(3)", "The proprietor of a school must ensure that the name of a pupil who is not of compulsory school age is deleted from the admission register when")
REG_9_3_A = _s("REG_9_3_A", R, "reg 9(3)(a)", "the pupil is not a boarder and the proprietor does not have reasonable grounds to believe that they will attend the school again")
REG_9_3_B = _s("REG_9_3_B", R, "reg 9(3)(b)", "the pupil is a boarder and has ceased to be a pupil at the school")
REG_9_3_C_I = _s("REG_9_3_C_I", R, "reg 9(3)(c)(i)", "the pupil was not absent with leave at any point during that period")
REG_9_3_C_III = _s("REG_9_3_C_III", R, "reg 9(3)(c)(iii)", "the proprietor has made reasonable efforts to find out the pupil’s location and circumstances but")
REG_9_3_C_BB = _s("REG_9_3_C_BB", R, "reg 9(3)(c)(iii)(bb)", "has succeeded and has no reasonable grounds to believe that the pupil will attend the school again")

# --- regulation 10: attendance codes ---------------------------------------------------
REG_10_7 = _s("REG_10_7", R, "reg 10(7)", "reasonable steps are taken to establish the circumstances of the pupil’s absence and that the register is amended within five school days")
REG_10_9_B = _s("REG_10_9_B", R, "reg 10(9)(b)", "if the circumstances have not been established, the code N is to be replaced with the code O")
REG_10_10 = _s("REG_10_10", R, "reg 10(10)", "If a school session is cancelled, the proprietor must ensure that that fact is recorded in the attendance register by entering the code Y4")

# --- regulation 13: returns -----------------------------------------------------------
REG_13_1 = _s("REG_13_1", R, "reg 13(1)", "By the end of the fifth day after the day when the name of a registered pupil")
REG_13_2_A = _s("REG_13_2_A", R, "reg 13(2)(a)", "they are placed, on admission, in the school’s most junior class")
REG_13_2_B = _s("REG_13_2_B", R, "reg 13(2)(b)", "their starting day is the first day of the school year")
REG_13_4 = _s("REG_13_4", R, "reg 13(4)", "is deleted from the admission register of a school the proprietor of the school must make a return to the local authority (a “deletion return”)")
REG_13_4_G = _s("REG_13_4_G", R, "reg 13(4)(g)", "are the basis for the deletion of the registered pupil’s name")
REG_13_5_A = _s("REG_13_5_A", R, "reg 13(5)(a)", "their name is deleted from the admission register of the school at or after the end of the final term of the school year")
REG_13_5_B = _s("REG_13_5_B", R, "reg 13(5)(b)", "they are in the school’s most senior class when their name is deleted")
REG_13_7 = _s("REG_13_7", R, "reg 13(7)(b)", "has been absent from the school for a continuous period of at least ten school days")
REG_13_8 = _s("REG_13_8", R, "reg 13(8)", "The proprietor must make attendance returns at whatever intervals it has agreed with the local authority")
REG_13_9 = _s("REG_13_9", R, "reg 13(9)(b)(i)", "will be unable to attend because of sickness for at least 15 consecutive school days")
REG_13_10 = _s("REG_13_10", R, "reg 13(10)", "The proprietor must make a sickness return as soon as possible after the conditions in")

# --- compulsory school age orders ------------------------------------------------------
SLD_ORDER = _s("SLD_ORDER", "uksi-1997-1970", "art 2", "The school leaving date for 1998 and for successive years shall be the last Friday in June.")
CSA_ORDER_A = _s("CSA_ORDER_A", "uksi-1998-1607", "art 2(a)", "31st August and 31st December shall be prescribed days for 1998 and successive years; and")
CSA_ORDER_B = _s("CSA_ORDER_B", "uksi-1998-1607", "art 2(b)", "31st March shall be a prescribed day for 1999 and successive years.")
# the Order's explanatory note names all three days in one sentence
CSA_NOTE = _s("CSA_NOTE", "uksi-1998-1607", "explanatory note", "The days prescribed are 31st August, 31st December and 31st March starting with 31st August 1998.")

# --- Worcestershire (LA policy adopted by a school, with Appendix C user guide) -----
W = "worcestershire-cme-policy-2025"
WORCS_LEAVER_INFO = _s("WORCS_LEAVER_INFO", W, "para 6.1", "Have a statutory duty to provide the LA with specific information about all leavers, no later than the time at which the pupil's name is removed from the register.")
WORCS_JOINER_5_DAYS = _s("WORCS_JOINER_5_DAYS", W, "Appendix C, Pupil Joining Information", "A pupil joiner form should be submitted within 5 days of a child being put on roll.")
WORCS_NOTIFY_ADDED_OR_TAKEN_OFF = _s("WORCS_NOTIFY_ADDED_OR_TAKEN_OFF", W, "Appendix C, When does this information need to be submitted?", "of when a pupil's name is added to or taken off the admission register at a non-standard transition point")
WORCS_PORTAL = _s("WORCS_PORTAL", W, "Appendix C, How do I submit this information?", "The forms to submit this information are on the Children's Services Portal entitled 'In Year Admissions and Transfers'")
WORCS_DEROLLING = _s("WORCS_DEROLLING", W, "Appendix C, Reasons for Leaving (documents required)", "A de-rolling checklist")
WORCS_A_UNKNOWN_SCHOOL = _s("WORCS_A_UNKNOWN_SCHOOL", W, "Appendix C, Reason for Leaving 9(1)(a)", "Do not use this option if you do not know the school the pupil is moving to – instead use reason 9(1)(g) if appropriate.")
WORCS_D_LETTER = _s("WORCS_D_LETTER", W, "Appendix C, Reason for Leaving 9(1)(d)", "Copy of Letter from the Local Authority amending the school attendance order")
WORCS_E_LETTER = _s("WORCS_E_LETTER", W, "Appendix C, Reason for Leaving 9(1)(e)", "Copy of Letter from the Local Authority revoking the school attendance order")
WORCS_F_LETTER = _s("WORCS_F_LETTER", W, "Appendix C, Reason for Leaving 9(1)(f)", "A letter from parents declaring their wish to EHE/EOTAS their child")
WORCS_F_EXIT_FORM = _s("WORCS_F_EXIT_FORM", W, "Appendix C, Reason for Leaving 9(1)(f)", "EHE exit form (where completed)")
WORCS_G_CTF = _s("WORCS_G_CTF", W, "Appendix C, Reason for Leaving 9(1)(g)", "Also upload CTF to Lost Pupil Database via S2S and advise new LA's CME team if appropriate.")
WORCS_G_ABROAD = _s("WORCS_G_ABROAD", W, "Appendix C, Reason for Leaving 9(1)(g)", "For any pupil that is transferring to a school out of the country.")
WORCS_LA_MUST_AGREE = _s("WORCS_LA_MUST_AGREE", W, "Appendix C, Reason for Leaving 9(1)(h) and 9(1)(i)", "The LA must agree that this reason is appropriate before it can be used.")
WORCS_O_HEADING = _s("WORCS_O_HEADING", W, "Appendix C, Reasons for Leaving (permanent exclusion entry)", "For any pupil that has been permanently excluded from the school – to include independent schools.")
WORCS_O_LIST = _s("WORCS_O_LIST", W, "Appendix C, How do I know which reason to choose", "The pupil has been permanently excluded (including independent schools)")
WORCS_O_LETTER = _s("WORCS_O_LETTER", W, "Appendix C, Reason for Leaving (permanent exclusion)", "Copy of Permanent Exclusion Letter")
WORCS_3A_LETTER = _s("WORCS_3A_LETTER", W, "Appendix C, Reason for Leaving 9(3)(a)", "copy of Parent letter declaring they no longer wish their child/yp to attend")
WORCS_3_SPECIAL = _s("WORCS_3_SPECIAL", W, "Appendix C, Reason for Leaving 9(3)(a) and 9(3)(c)", "In special cases, LA permission will also be needed eg EHCP, CLA, CP, CIN children.")
WORCS_3C_LETTER = _s("WORCS_3C_LETTER", W, "Appendix C, Reason for Leaving 9(3)(c)", "copy/details of correspondence and unanswered place at risk letter.")
WORCS_ABSENCE_10_DAYS = _s("WORCS_ABSENCE_10_DAYS", W, "Appendix C, Absence And Irregular Attendance Form", "10 days continuous absence (including if the child is likely to be absent for more than 15 days due to illness/injury)")

# --- The Aspire Academy (a Worcestershire school) ---------------------------------------
A = "aspire-academy-cme-policy-2023"
ASPIRE_DAY1 = _s("ASPIRE_DAY1", A, "Procedure for absence, without contact from parents/carers, step 1", "day of absence, if no contact is received from parents/carers, SMS sent to notify the parents/carers of absence")
ASPIRE_DAY2 = _s("ASPIRE_DAY2", A, "Procedure for absence, without contact from parents/carers, step 2", "day of absence with no contact – step 1 is repeated and if still no contact a safe and well home visit is carried by a member of staff.")
ASPIRE_DAY3 = _s("ASPIRE_DAY3", A, "Procedure for absence, without contact from parents/carers, steps 3-4", "day of absence we have still had no contact and unsuccessful home visits the pupil will be reported missing to the police.")
ASPIRE_DAY5 = _s("ASPIRE_DAY5", A, "Procedure for absence, with contact from parents/carers", "Where a pupil has been absent for 5 consecutive days from school on 5")
ASPIRE_STRATEGY = _s("ASPIRE_STRATEGY", A, "Strategy Meeting", "If the child has not been traced within 5 working days a Strategy Meeting should be convened.")
ASPIRE_ABSENCE_10_DAYS = _s("ASPIRE_ABSENCE_10_DAYS", A, "Notifying the local authority of pupil absence", "10 days continuous absence (including if the child is likely to be absent for more than 15 days due to illness/injury)")
ASPIRE_INFORMS_LA = _s("ASPIRE_INFORMS_LA", A, "Children Missing Education", "The Aspire Academy informs the local authority of any student who is going to be deleted from the admission register where they:")
ASPIRE_FOUR_MONTHS = _s("ASPIRE_FOUR_MONTHS", A, "Children Missing Education", "Are in custody for a period of more than four months due to a final court order")

# --- Barking and Dagenham -------------------------------------------------------------
B = "barking-dagenham-cme-guidance-2019"
BD_SLD_WORDING = _s("BD_SLD_WORDING", B, "para 1.2", "until the last Friday before the last Monday in June of the academic year in which they achieve the age of 16")
BD_ADMISSIONS_5_DAYS = _s("BD_ADMISSIONS_5_DAYS", B, "para 4.4", "Schools must inform the Admissions Team, within 5 days, of every child they enrol.")
BD_REMOVAL_PROCEDURE = _s("BD_REMOVAL_PROCEDURE", B, "para 3.2", "Children on roll at Barking and Dagenham schools can only be removed from the roll by following the:")
BD_INFORM_CME_OFFICER = _s("BD_INFORM_CME_OFFICER", B, "para 4.3", "any agency or individual in contact with the child is expected to inform the CME Officer")
BD_NO_DESTINATION = _s("BD_NO_DESTINATION", B, "para 3.1", "However, some children leave school with no known education destination.")
BD_ALLOCATION_20_DAYS = _s("BD_ALLOCATION_20_DAYS", B, "Appendix 3", "If child is on list for 20 days – Admissions Officer to escalate to Admissions Manager for investigation.")
BD_LONG_TERM_6_MONTHS = _s("BD_LONG_TERM_6_MONTHS", B, "para 6.2", "Cases that are open for 6 months or more are classed as long-term CME.")

# --- Riverside Federation (Norfolk) ---------------------------------------------------
N = "riverside-federation-cme-policy"
RIVERSIDE_20_DAYS = _s("RIVERSIDE_20_DAYS", N, "section 1, Procedure", "If any pupil does not return after 20 days, they will be reported as missing education and taken off")
RIVERSIDE_NO_NAMED_SCHOOL = _s("RIVERSIDE_NO_NAMED_SCHOOL", N, "section 1, Procedure", "Any pupil leaving the school without a named school being identified will also be reported to")
RIVERSIDE_20_DAYS_NO_SCHOOL = _s("RIVERSIDE_20_DAYS_NO_SCHOOL", N, "section 1, Procedure", "If after 20 days there is still no named school, the children will be reported to the LA as")

# --- Derbyshire (county policy adopted by Cromford C of E Primary) -------------------
D = "derbyshire-cromford-cme-policy-2023"
DERBYS_DAY_11 = _s("DERBYS_DAY_11", D, "para 5.1", "Schools should refer children by day 11 at the latest and earlier if there are concerns identified.")
DERBYS_CML = _s("DERBYS_CML", D, "para 5.3", "notification must be given to the local authority prior to removing a child from school roll by sending a Children Missing Leaver form (CML) securely to the CME team.")
DERBYS_CMJ = _s("DERBYS_CMJ", D, "para 5.4", "using the Children Missing joiners form (CMJ) within 5 days of placing the child on roll.")
DERBYS_CME_REFERRAL = _s("DERBYS_CME_REFERRAL", D, "para 5.5", "a CME referral form should be completed and sent to the CME Co-ordinator for action to be taken.")
DERBYS_20_DAYS = _s("DERBYS_20_DAYS", D, "para 8.1", "Children missing should not normally be removed from the school roll until they have been continuously absent for at least 20 school days")
DERBYS_EHE = _s("DERBYS_EHE", D, "para 9.1", "the school should inform the LA's Elective Home Education Team (EHE) prior to removal.")
DERBYS_OUTSIDE_ENGLAND = _s("DERBYS_OUTSIDE_ENGLAND", D, "para 10.1", "If this information cannot be obtained within a reasonable timescale following the move, the child should be referred to CME.")
DERBYS_2006 = _s("DERBYS_2006", D, "para 2.2", "The Education (Pupil Registration) (England) Regulations 2006 can be found on the")
