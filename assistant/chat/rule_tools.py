"""LangChain tools over the pure rule module (``assistant.rules``).

``build_rule_tools(today=...)`` returns four ``StructuredTool``s - ``leaver_reason``,
``deadline``, ``compulsory_school_age`` and ``case_timeline`` - each with a pydantic
argument schema and each returning a JSON-able dict. The clock is injected
(``today`` is a callable), so the tools stay deterministic under test. A ``RuleError``
becomes ``{"error": {"code": ..., "message": ...}}`` rather than an exception, so the
chat can show the message to the user.
"""

from __future__ import annotations

from dataclasses import fields
from datetime import date
from typing import Any, Callable, Literal, Optional

from langchain_core.tools import StructuredTool
from pydantic import BaseModel, ConfigDict, Field, create_model

from assistant import rules
from assistant.rules.facts import Facts
from assistant.rules.timeline import Case

__all__ = ["build_rule_tools", "LeaverReasonArgs", "DeadlineArgs", "CSAArgs", "CaseTimelineArgs"]

_FACT_HELP = {
    "authority": "Local authority: Worcestershire, Barking and Dagenham, Norfolk or Derbyshire.",
    "of_compulsory_school_age": "Is the pupil of compulsory school age?",
    "date_of_birth": "Date of birth (UK format accepted, e.g. 05/03/2015).",
    "school_has_boarders": "The school has boarders, so whether this pupil boards must be asked, not assumed.",
    "trip_with_return_date": "The pupil went away with a date to be back, so whether the school gave leave of absence must be asked.",
    "family_travels_for_work": "The family travels for work (Travellers, Showmen, fairground, circus), so whether the pupil is a mobile child must be asked.",
    "sao_served": "A school attendance order was served for the pupil but whether it names this school is not known, so it must be asked.",
    "registered_at_another_school": "Another school has confirmed the pupil is on its register.",
    "other_school_known": "The school the pupil moved to is known.",
    "other_school_is_alternative_provision": "The other school is alternative provision (a PRU or an AP academy).",
    "home_education_notice": "Parent's notice of home education: written, verbal_only or none.",
    "home_education_last_day": "Last day at school named by the parent.",
    "moved_abroad": "The family has moved abroad.",
    "reasonable_grounds_will_return": "The school has reasonable grounds to believe the pupil will attend again.",
    "leave_end": "Last day of the leave of absence.",
    "continuous_absence_school_days": "Number of school days of continuous absence.",
    "first_day_of_absence": "First day of the continuous absence.",
    "absence_codes": "Attendance codes used during the absence, e.g. ['G', 'N', 'O'].",
    "joint_enquiries_outcome": "not_found, found_and_agree_wont_return or found_will_return.",
    "detention_type": "sentence, remand or police.",
    "exclusion_status": "Where the permanent exclusion review process stands.",
}


def _pyd_type(type_str: str) -> Any:
    if "date" in type_str:
        return Optional[str]
    if type_str.startswith("bool"):
        return Optional[bool]
    if type_str.startswith("int"):
        return Optional[int]
    if type_str.startswith("tuple"):
        return Optional[list[str]]
    if type_str.startswith("str"):
        return Optional[str]
    name = type_str.split(" | ")[0]
    return Optional[getattr(rules.facts, name)]


LeaverReasonArgs = create_model(
    "LeaverReasonArgs",
    __config__=ConfigDict(extra="forbid"),
    **{f.name: (_pyd_type(f.type), Field(None, description=_FACT_HELP.get(
        f.name, f.name.replace("_", " ").capitalize() + " (leave out if not known)."))
       ) for f in fields(Facts)},
)


class DeadlineArgs(BaseModel):
    model_config = ConfigDict(extra="forbid")
    rule_id: str = Field(description="Rule id, e.g. absence_20_school_days, new_pupil_return.")
    start: str = Field(description="Start date (ISO or UK format).")
    authority: Optional[str] = Field(None, description="Local authority, to add its local versions.")


class CSAArgs(BaseModel):
    model_config = ConfigDict(extra="forbid")
    date_of_birth: str = Field(description="Date of birth (ISO or UK format).")
    autumn_term_start: Optional[str] = Field(
        None, description="First day of the autumn term in the year the pupil turns 16, if known.")


CaseTimelineArgs = create_model(
    "CaseTimelineArgs",
    __config__=ConfigDict(extra="forbid"),
    **{f.name: (Optional[str], Field(None, description=f.name.replace("_", " ").capitalize()))
       for f in fields(Case)},
)


def _safe(fn: Callable[..., Any]) -> Callable[..., dict]:
    def run(**kwargs: Any) -> dict:
        try:
            return rules.to_jsonable(fn(**kwargs))
        except rules.RuleError as exc:
            return {"error": {"code": exc.code, "message": exc.message}}
    run.__name__ = fn.__name__
    return run


def build_rule_tools(
    *, today: Callable[[], date], calendar: rules.SchoolCalendar | None = None
) -> list[StructuredTool]:
    """The four rule tools; ``today()`` is called once per tool call."""

    def leaver_reason(**kwargs: Any) -> Any:
        facts = rules.facts_from_mapping({k: v for k, v in kwargs.items() if v is not None})
        return rules.decide_leaver_reason(facts, today=today(), calendar=calendar)

    def deadline(rule_id: str, start: str, authority: str | None = None) -> Any:
        return rules.compute_deadline(rule_id, start, calendar=calendar, authority=authority)

    def csa(date_of_birth: str, autumn_term_start: str | None = None) -> Any:
        return rules.compulsory_school_age(
            rules.parse_uk_date(date_of_birth),
            autumn_term_start=rules.parse_uk_date(autumn_term_start) if autumn_term_start else None,
            today=today())

    def timeline(**kwargs: Any) -> Any:
        values: dict[str, Any] = {}
        for f in fields(Case):
            v = kwargs.get(f.name)
            if v is None:
                continue
            values[f.name] = rules.parse_uk_date(v) if f.type.startswith("date") else v
        return rules.case_timeline(Case(**values), calendar)

    return [
        StructuredTool.from_function(
            func=_safe(leaver_reason), name="leaver_reason", args_schema=LeaverReasonArgs,
            description=("Decide the regulation 9 deletion ground for a pupil leaving a school's "
                         "register. Returns a ground, the facts still needed, or why no ground applies.")),
        StructuredTool.from_function(
            func=_safe(deadline), name="deadline", args_schema=DeadlineArgs,
            description="Compute a named CME deadline (statutory and local) from a start date."),
        StructuredTool.from_function(
            func=_safe(csa), name="compulsory_school_age", args_schema=CSAArgs,
            description="When compulsory school age starts and ends for a date of birth."),
        StructuredTool.from_function(
            func=_safe(timeline), name="case_timeline", args_schema=CaseTimelineArgs,
            description="All dated statutory and local steps for a case, in date order."),
    ]


ToolName = Literal["leaver_reason", "deadline", "compulsory_school_age", "case_timeline"]
