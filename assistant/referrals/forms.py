"""What each authority's referral or leaver notification asks for, as data.

A ``FormSpec`` lists its fields in the order a person fills them in. Every field names the
corpus passage that justifies asking for it (``FieldSpec.source``: doc_id, locator and a
verbatim, single-line quote; ``tests/referrals/test_forms.py`` checks each quote against the
corpus file). A field asks for nothing that its form does not need: data minimisation starts
here, because ``draft.py`` copies into a draft only the facts a form lists.

Field kinds:

* ``fact``   - copied from the case facts the user gives (``name`` is the fact key);
* ``rule``   - computed by ``assistant.rules`` (``leaving_reason``, ``due_by``, ``documents``);
* ``corpus`` - a fixed value taken from the policy itself (``value``, e.g. where to send it).

The statutory deletion return (reg 13(4) of the 2024 Regulations) supplies the identity fields
that every English school must give the LA when a pupil leaves; the authority documents supply
the rest. Where a document names a form without describing it (Norfolk's CME 1) the draft
warns the user to check the authority's current form.
"""

from __future__ import annotations

from assistant.rules import Source

from .spec import REGS, FieldSpec, FormSpec, _address, _f, _ground, _name, _parent, _phone, _src

__all__ = ["FieldSpec", "FormSpec", "FORMS", "forms_for", "get_form", "all_form_sources"]

WORCS = "worcestershire-cme-policy-2025"
DERBYS = "derbyshire-cromford-cme-policy-2023"
NORFOLK = "riverside-federation-cme-policy"
BD = "barking-dagenham-cme-guidance-2019"


# --- Worcestershire: Appendix C (School User Guide) leaver form ------------------------------
WORCESTERSHIRE_LEAVER = FormSpec(
    id="leaver", authority="Worcestershire",
    title="Worcestershire pupil leaver form (In Year Admissions and Transfers)",
    purpose="Tell the LA a pupil is being taken off roll, with the reason for leaving and its documents.",
    basis=(_src(WORCS, "para 6.1", "Have a statutory duty to provide the LA with specific information about all "
                "leavers, no later than the time at which the pupil's name is removed from the register."),),
    fields=(
        _name(),
        _f("date_of_birth", "Date of birth", True, WORCS, "Appendix C, Reason for Leaving 9(3)(a)",
           "For any pupil that is not, or no longer, compulsory school age"),
        _f("year_group", "Year group", True, WORCS, "Appendix C, start/end of the academic year (Example 4)",
           "The last year of education provided by your school is Year 6 and a pupil is leaving Year 5 in July, "
           "then we do need a leaver form submitted."),
        _f("upn", "Unique pupil number (UPN)", False, WORCS, "Appendix C, Reason for Leaving 9(1)(g)",
           "Also upload CTF to Lost Pupil Database via S2S and advise new LA's CME team if appropriate."),
        _address(), _parent(), _phone(),
        _f("school_name", "School making the return", True, WORCS, "Appendix C, When does this information "
           "need to be submitted?", "All schools are required to notify the local authority within"),
        _f("date_left", "Date taken off roll", True, WORCS, "Appendix C, When does this information need to be "
           "submitted?", "of when a pupil's name is added to or taken off the admission register at a "
           "non-standard transition point"),
        _ground(True, WORCS, "Appendix C, How do I know which reason to choose",
                "please ensure you are using the correct reason before completing the form."),
        _f("destination", "Destination school / where the child has gone", True, WORCS,
           "Appendix C, Reason for Leaving 9(1)(a)", "Do not use this option if you do not know the school the "
           "pupil is moving to – instead use reason 9(1)(g) if appropriate."),
        _f("first_day_of_absence", "First day of continuous absence", False, WORCS,
           "Appendix C, Reason for Leaving 9(1)(i)",
           "The pupil has been continuously absent from the school for at least 20 school days"),
        _f("leave_end", "End of agreed leave of absence", False, WORCS, "Appendix C, Reason for Leaving 9(1)(h)",
           "Can also be applicable where pupil return dates from abroad are being postponed or not provided."),
        _f("enquiries_made", "Reasonable enquiries made", True, WORCS, "Appendix C, Absence And Irregular "
           "Attendance Form", "The Local Authority also expects schools to have met their duty to make reasonable "
           "enquiries to establish the whereabouts of a child."),
        _f("documents", "Documents to attach", True, WORCS, "Appendix C, Reasons for Leaving (documents "
           "required)", "A de-rolling checklist", kind="rule"),
        _f("sen_ehcp", "Education, health and care plan (EHCP)", False, WORCS, "Appendix C, Reason for "
           "Leaving 9(3)(a) and 9(3)(c)", "In special cases, LA permission will also be needed eg EHCP, CLA, CP, "
           "CIN children."),
        _f("cp_plan", "Child protection plan", False, WORCS, "Appendix B", "Children identified on CP plans or as CiN"),
        _f("social_worker", "Named social worker", False, WORCS, "para 11.2",
           "A CME Officer will contact the named social worker, at the earliest opportunity, when a CME case is "
           "opened, and the child is already open to social care"),
        _f("safeguarding_concerns", "Safeguarding concerns (summary)", False, WORCS, "para 6.1",
           "should follow established safeguarding referral procedures, as appropriate."),
        _f("due_by", "Send by", True, WORCS, "para 6.1", "no later than the time at which the pupil's name is "
           "removed from the register.", kind="rule", rules=("deletion_return",)),
        _f("send_to", "Send to", True, WORCS, "Appendix C, How do I submit this information?",
           "The forms to submit this information are on the Children's Services Portal entitled 'In Year "
           "Admissions and Transfers'", kind="corpus",
           value="Children's Services Portal: 'In Year Admissions and Transfers'"),
    ),
    notes=(("Worcestershire asks for the reason's documents with the form (usually a de-rolling checklist).",
            _src(WORCS, "Appendix C, Required Documents", "For some leaving reasons we require additional "
                 "documentation to allow us to carry out the correct investigation into the pupil's education.")),),
)


# --- Derbyshire: CME referral to the CME Co-ordinator, and the CML leaver form ---------------
_DERBYS_REFERRAL_BASIS = _src(DERBYS, "para 5.5", "a CME referral form should be completed and sent to the CME "
                              "Co-ordinator for action to be taken.")
_DERBYS_SEND_TO = _f("send_to", "Send to", True, DERBYS, "section 11.0, Contact Details",
                     "Email cs.cmecoordinators@derbyshire.gov.uk", kind="corpus",
                     value="CME Co-ordinator: cs.cmecoordinators@derbyshire.gov.uk")
_DERBYS_DOB = _f("date_of_birth", "Date of birth", True, DERBYS, "para 3.2",
                 "are children of compulsory school age who are not registered pupils at a school")
_DERBYS_UPN = _f("upn", "Unique pupil number (UPN)", False, DERBYS, "para 4.4",
                 "Use is made of the DfE's central School2School (s2s) database")
_DERBYS_SCHOOL = _f("school_name", "School the child is leaving", True, DERBYS, "para 5.5",
                    "If a pupil ceases to attending a school and their whereabouts or destination school is not known")
_DERBYS_DESTINATION = _f("destination", "Forwarding address / new school (if known)", True, DERBYS, "para 10.1",
                         "the school the child is leaving should obtain both a forwarding address for the child and "
                         "the name and address of the child's new school.")

DERBYSHIRE_REFERRAL = FormSpec(
    id="cme_referral", authority="Derbyshire",
    title="Derbyshire CME referral form (to the CME Co-ordinator)",
    purpose="Refer a pupil whose whereabouts or destination school is not known.",
    basis=(_DERBYS_REFERRAL_BASIS,
           _src(DERBYS, "para 5.1", "Schools should refer children by day 11 at the latest and earlier if there "
                "are concerns identified.")),
    fields=(
        _name(), _DERBYS_DOB,
        _f("year_group", "Year group", False, DERBYS, "para 9.2", "Where a child is in their last year of school "
           "(year 11), school should allow the Elective Home Education Team to consult with the parents prior to "
           "removal."),
        _DERBYS_UPN, _address(), _parent(), _phone(), _DERBYS_SCHOOL,
        _f("first_day_of_absence", "First day of absence", True, DERBYS, "para 5.1",
           "Schools should refer children by day 11 at the latest and earlier if there are concerns identified."),
        _f("date_left", "Date last attended / left", False, DERBYS, "para 5.5",
           "If a pupil ceases to attending a school"),
        _DERBYS_DESTINATION,
        _f("enquiries_made", "Reasonable enquiries made", True, DERBYS, "para 5.5", "Schools, the Local Authority "
           "(and other agencies where necessary) need to act as soon as possible to make reasonable enquiries."),
        _ground(False, DERBYS, "para 8.1", "Children missing should not normally be removed from the school roll "
                "until they have been continuously absent for at least 20 school days"),
        _f("sen_ehcp", "Education, health and care plan (EHCP)", False, DERBYS, "Exceptions for CME (WASP)",
           "Children with EHCPs are not covered by this protocol."),
        _f("cp_plan", "Child protection plan", False, DERBYS, "para 7.1", "has a Child Protection Plan"),
        _f("social_worker", "Social worker / agency involved", False, DERBYS, "para 7.2", "The CME Coordinator "
           "will check that a referral has been made and if not should alert the relevant agency."),
        _f("safeguarding_concerns", "Safeguarding concerns (summary)", False, DERBYS, "para 7.1",
           "is subject to serious concerns about their health, safety or welfare"),
        _f("due_by", "Refer by", True, DERBYS, "para 5.1", "Schools should refer children by day 11 at the latest",
           kind="rule", rules=("derbyshire.cme_referral_day_11",)),
        _DERBYS_SEND_TO,
    ),
)

DERBYSHIRE_CML = FormSpec(
    id="cml", authority="Derbyshire",
    title="Derbyshire Children Missing Leaver form (CML)",
    purpose="Secondary schools, academies, independent and free schools: notify the CME team before removing "
            "a child from roll.",
    basis=(_src(DERBYS, "para 5.3", "notification must be given to the local authority prior to removing a child "
                "from school roll by sending a Children Missing Leaver form (CML) securely to the CME team."),),
    fields=(
        _name(), _DERBYS_DOB, _DERBYS_UPN, _address(), _parent(), _phone(),
        _f("school_name", "School the child is leaving", True, DERBYS, "para 5.3",
           "In the case of secondary schools including academies, independent schools and free schools"),
        _f("date_left", "Date to be removed from roll", True, DERBYS, "para 5.3",
           "notification must be given to the local authority prior to removing a child from school roll"),
        _ground(True, REGS, "reg 13(4)(g)", "are the basis for the deletion of the registered pupil’s name"),
        _DERBYS_DESTINATION,
        _f("sen_ehcp", "Education, health and care plan (EHCP)", False, DERBYS, "Exceptions for CME (WASP)",
           "Children with EHCPs are not covered by this protocol."),
        _f("due_by", "Send by", True, DERBYS, "para 5.3", "prior to removing a child from school roll",
           kind="rule", rules=("derbyshire.cml_leaver_form",)),
        _f("send_to", "Send to", True, DERBYS, "para 5.3", "securely to the CME team.", kind="corpus",
           value="Derbyshire CME team (send securely)"),
    ),
)


# --- Norfolk (Riverside Federation): report to the LA ------------------------------------------
NORFOLK_REPORT = FormSpec(
    id="cme1", authority="Norfolk",
    title="Norfolk: report of a child missing education to the LA (CME 1)",
    purpose="Report a pupil who has not returned after 20 days, or who left without a named school.",
    basis=(_src(NORFOLK, "section 1, Procedure", "Any pupil leaving the school without a named school being "
                "identified will also be reported to"),
           _src(NORFOLK, "section 1, Procedure", "If any pupil does not return after 20 days, they will be reported "
                "as missing education and taken off")),
    fields=(
        _name(),
        _f("date_of_birth", "Date of birth", True, NORFOLK, "section 6, Definition of CME",
           "Any child of compulsory school age (5-16) who is not on a school roll being educated otherwise"),
        _f("address", "Last known address (with postcode)", True, NORFOLK, "section 10",
           "If a child cannot be identified as having registered at a school and an address in Norfolk is included"),
        _parent(), _phone(),
        _f("school_name", "Reporting school", True, NORFOLK, "section 13",
           "failed to report a child as CME, the local authority will write to the school/academy requesting"),
        _f("first_day_of_absence", "First day of absence", True, NORFOLK, "section 1, Procedure",
           "If any pupil does not return after 20 days, they will be reported as missing education and taken off"),
        _f("leave_end", "Expected return date (leave)", False, NORFOLK, "section 1, Procedure",
           "In all cases parents are asked to provide a return date and if"),
        _f("date_left", "Date left", False, NORFOLK, "section 1, Procedure",
           "If after 20 days there is still no named school, the children will be reported to the LA as"),
        _f("destination", "Named destination school (if any)", True, NORFOLK, "section 1, Procedure",
           "Any pupil leaving the school without a named school being identified will also be reported to"),
        _f("enquiries_made", "Reasonable enquiries made", True, NORFOLK, "section 13",
           "It is expected that schools and academies will have carried out all reasonable enquiries within their"),
        _ground(False, NORFOLK, "section 1, Procedure",
                "If any pupil does not return after 20 days, they will be reported as missing education and taken off"),
        _f("sen_ehcp", "Statement / EHCP", False, NORFOLK, "section 10",
           "Plan (EHCP) has been removed from roll the CME1 will be shared with SEN Centre of Excellence"),
        _f("social_worker", "Children's Services / agency involved", False, NORFOLK, "section 10",
           "colleagues within Children’s Services or other agencies will be checked and recorded by the"),
        _f("safeguarding_concerns", "Safeguarding concerns (summary)", False, NORFOLK, "section 14",
           "However, it is appropriate to escalate the concerns to consider potential risks to the child."),
        _f("due_by", "Report by", True, NORFOLK, "section 1, Procedure",
           "If any pupil does not return after 20 days, they will be reported as missing education and taken off",
           kind="rule", rules=("norfolk.riverside_report_20_days", "norfolk.riverside_no_named_school_20_days")),
        _f("send_to", "Send to", True, NORFOLK, "section 9", "The Attendance and Exclusions Strategy Manager is "
           "the LA designated officer for Children Missing", kind="corpus",
           value="Norfolk LA: the Attendance and Exclusions Strategy Manager (LA designated officer for CME)"),
    ),
    notes=(("The Riverside policy names the CME 1 only in passing: check Norfolk's current form before sending.",
            _src(NORFOLK, "section 10", "information is received (on a CME 1) that a child who has a statement or "
                 "Education Health Care")),
           ("The CME 3 is the LA's own form (its CME Assistant refers an address to the Attendance Team); "
            "schools do not complete it.",
            _src(NORFOLK, "section 10", "in the enquiry paperwork, the CME Assistant will refer the details on a "
                 "CME 3 form to the"))),
)


# --- Barking and Dagenham: referral to the CME Officer ---------------------------------------
BARKING_DAGENHAM_REFERRAL = FormSpec(
    id="cme_referral", authority="Barking and Dagenham",
    title="Barking and Dagenham CME referral (to the CME Officer)",
    purpose="Inform the CME Officer of a child who has left or stopped attending with no known education "
            "destination.",
    basis=(_src(BD, "para 4.3", "any agency or individual in contact with the child is expected to inform the "
                "CME Officer"),
           _src(BD, "para 3.1", "However, some children leave school with no known education destination.")),
    fields=(
        _f("child_name", "Name of child", True, BD, "Appendix 4 (CME case form)", "Name of child:"),
        _f("date_of_birth", "Date of birth", True, BD, "para 1.2",
           "This guidance document is for children of compulsory school age."),
        _f("year_group", "Year group", True, BD, "para 4.3",
           "the nearest school to the home address with a vacancy in the child's year group will be allocated"),
        _f("upn", "Unique pupil number (UPN)", False, BD, "para 3.1",
           "Schools use the School to School (S2S) system to notify each other of, and to track, transfers."),
        _f("address", "Last known address (with postcode)", True, BD, "Appendix 4 (CME case form)",
           "Last known address:"),
        _f("parent_name", "Parent/carer", True, BD, "para 4.3", "the parent(s) will be invited to enrol their child"),
        _phone(),
        _f("school_name", "School last attended", True, BD, "Appendix 4 (CME case form)", "School last attended:"),
        _f("first_day_of_absence", "First day of absence", False, BD, "para 5.8",
           "schools and attendance officers must explore further when a child is absent from school without "
           "notification by the parent or carer"),
        _f("date_left", "Date left / stopped attending", True, BD, "para 3.1",
           "However, some children leave school with no known education destination."),
        _f("destination", "Where does the child receive education?", True, BD, "para 3.1 (Appendix 1)",
           "It is imperative that all agencies ask the key question of the families they are working with: "
           "\"Where do the children receive education\"?"),
        _f("enquiries_made", "Enquiries made by the school", True, BD, "para 5.8",
           "it is imperative that schools undertake robust enquiries to try and confirm the reason for the absence."),
        _ground(False, BD, "para 3.2", "Children on roll at Barking and Dagenham schools can only be removed from "
                "the roll by following the:"),
        _f("sen_ehcp", "Education, health and care plan (EHCP)", False, BD, "para 4.5",
           "The CME Officer will work closely with the Education Health Care Team (EHCT) regarding any children "
           "with an EHCP who is not in education."),
        _f("social_worker", "Allocated social worker", False, BD, "Section 5",
           "the allocated social worker for the child"),
        _f("safeguarding_concerns", "Safeguarding concerns (summary)", False, BD, "para 5.8",
           "Any safeguarding concerns, linked to children being absent from school, should be discussed with the "
           "MASH team."),
        _f("send_to", "Send to", True, BD, "para 3.1 (contact)", "Email: accessattendance@lbbd.gov.uk",
           kind="corpus", value="CME Officer: accessattendance@lbbd.gov.uk"),
    ),
)

FORMS: dict[str, tuple[FormSpec, ...]] = {
    "Worcestershire": (WORCESTERSHIRE_LEAVER,),
    "Derbyshire": (DERBYSHIRE_REFERRAL, DERBYSHIRE_CML),
    "Norfolk": (NORFOLK_REPORT,),
    "Barking and Dagenham": (BARKING_DAGENHAM_REFERRAL,),
}


def forms_for(authority: str) -> tuple[FormSpec, ...]:
    """The forms of a canonical authority name (the first is the default)."""
    return FORMS.get(authority, ())


def get_form(authority: str, form_id: str | None = None) -> FormSpec | None:
    forms = forms_for(authority)
    if not forms:
        return None
    if form_id is None:
        return forms[0]
    return next((f for f in forms if f.id == form_id), None)


def all_form_sources() -> list[Source]:
    """Every quotation the form specs use (for the verbatim test)."""
    out: list[Source] = []
    for forms in FORMS.values():
        for form in forms:
            out += list(form.basis) + [f.source for f in form.fields] + [s for _, s in form.notes if s]
    return out
