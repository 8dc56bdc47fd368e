"""Deterministic rule tools over HTTP: leaver reason, deadlines, compulsory school age, case
timelines (JSON or .ics) and school calendars.

Each route turns its request into rule-module input, calls one pure function of
``assistant.rules``, and links the result's citations to indexed chunks
(``assistant.source_links``). Every ``RuleError`` becomes a 422 with the rule module's own
``code`` and message (``rule_errors``); nothing here decides anything itself. The tools work
before the index is loaded: citations then carry ``chunk_id: null``.

Results are the rule module's frozen dataclasses in JSON form (``rules.to_jsonable``); the
response models below reuse those dataclasses so the OpenAPI schema is the domain's own.
"""

from __future__ import annotations

from contextlib import contextmanager
from dataclasses import fields
from datetime import date
from typing import Annotated, Any, Iterator, Literal, Optional, Union

from fastapi import APIRouter, Query, Request
from fastapi.responses import JSONResponse, Response
from pydantic import BaseModel, ConfigDict, Field, ValidationError, WithJsonSchema, create_model

from assistant import rules
from assistant.api.deps import ServicesDep
from assistant.api.errors import ApiError
from assistant.chat.rule_tools import LeaverReasonArgs
from assistant.rules.dates import as_date
from assistant.rules.facts import FACT_FIELDS
from assistant.services import Services
from assistant.source_links import collect_sources, link_sources

router = APIRouter(prefix="/v1/tools", tags=["tools"])

ICS_FILENAME = "cme-timeline.ics"
_DATE_HELP = "ISO (2025-11-07) or UK day-first (07/11/2025, 7 November 2025)."


# --- wire types ------------------------------------------------------------------------------
class _In(BaseModel):
    model_config = ConfigDict(extra="forbid")


class ErrorDetail(BaseModel):
    code: str = Field(description="Stable machine code, e.g. invalid_date, impossible_facts, unknown_rule.")
    message: str = Field(description="What is wrong and how to put it right, for a person to read.")


class ErrorResponse(BaseModel):
    error: ErrorDetail


_ERRORS: dict[int | str, dict[str, Any]] = {
    422: {"model": ErrorResponse, "description": "Invalid input: a date that does not exist, facts that "
          "cannot all be true, an unknown fact, rule or authority. The message says which."},
}


class Closure(_In):
    date: str = Field(description=f"A day the school is closed in term time. {_DATE_HELP}")
    reason: str = Field("", description="Why, e.g. 'INSET day'.")


class CalendarJSON(_In):
    """One school's calendar; weekends and bank holidays in England are never school days."""

    model_config = ConfigDict(extra="forbid", json_schema_extra={"examples": [{
        "name": "Riverside Primary",
        "terms": [["2025-09-03", "2025-10-24"], ["2025-11-03", "2025-12-19"]],
        "closures": [{"date": "2025-11-21", "reason": "INSET day"}],
        "extra_bank_holidays": [],
    }]})
    name: str = Field("", description="The school's name, used in explanations.")
    terms: list[tuple[str, str]] = Field(
        [], description="Term spans [first day, last day], inclusive. With terms, days outside every "
                        "term are holidays, and a count running past the last term is refused (422).")
    closures: list[Closure] = Field([], description="INSET and closure days inside term.")
    extra_bank_holidays: list[str] = Field([], description="Proclaimed bank holidays not yet known to the service.")


class ParseCalendarJSON(_In):
    ics: str = Field(description="The text of an iCalendar (.ics) file.")
    name: str = Field("", description="The school's name.")


class Citation(BaseModel):
    doc_id: str
    locator: str = Field(description="Where a person finds it, e.g. 'reg 9(1)(g)' or 'Appendix C, ...'.")
    quote: str = Field(description="Verbatim words from the document.")
    chunk_id: Optional[str] = Field(description="The indexed chunk containing the quote (GET /v1/chunks/{id}); "
                                                "null if the index is not loaded or the quote spans chunks.")
    also_in: list[str] = Field([], description="Other chunks that contain the same words.")
    section: Optional[str] = None
    title: Optional[str] = None
    authority: Optional[str] = None
    note: Optional[str] = None


_FACTS_SCHEMA = LeaverReasonArgs.model_json_schema()
_FACTS_SCHEMA.pop("title", None)
_FACTS_SCHEMA["description"] = (f"What is known about the pupil; leave out what is not known. Dates: {_DATE_HELP} "
                                "Booleans also accept 'yes'/'no'/'not known'. Unknown keys are refused.")


class LeaverReasonRequest(_In):
    model_config = ConfigDict(extra="forbid", json_schema_extra={"examples": [
        {"facts": {"of_compulsory_school_age": True, "moved_abroad": True,
                   "reasonable_grounds_will_return": False}, "authority": "Worcestershire", "today": "2025-11-10"},
        {"facts": {"of_compulsory_school_age": True, "home_education_intended": True}},
    ]})
    facts: Annotated[dict[str, Any], WithJsonSchema(_FACTS_SCHEMA)] = Field(default_factory=dict)
    authority: Optional[str] = Field(None, description="Local authority, for its own forms and steps "
                                                       "(Worcestershire, Barking and Dagenham, Norfolk, Derbyshire).")
    today: Optional[str] = Field(None, description="The day to decide as of (default: the service's today).")
    calendar: Optional[CalendarJSON] = Field(None, description="The school's calendar, for counting school days.")


Outcome = Annotated[Union[rules.Ground, rules.NeedsFacts, rules.NoGround], Field(discriminator="kind")]


_EXAMPLE_CITATION = {
    "doc_id": "uksi-2024-208", "locator": "reg 9(1)(g)",
    "quote": "the pupil no longer normally lives a reasonable distance from the school",
    "chunk_id": "uksi-2024-208--0065", "also_in": [],
    "section": "Regulation 9 — Deletion of names from admission register > 9(1)(g)",
    "title": "The School Attendance (Pupil Registration) (England) Regulations 2024", "authority": "England",
}


def _example(make) -> Any:
    """``json_schema_extra`` that computes an example from the pure rule module when the OpenAPI
    document is generated (not at import)."""
    def extra(schema: dict[str, Any]) -> None:
        schema["examples"] = [{**make(), "citations": [_EXAMPLE_CITATION]}]
    return extra


def _leaver_example() -> dict:
    facts = rules.Facts(authority="Worcestershire", of_compulsory_school_age=True, moved_abroad=True,
                        reasonable_grounds_will_return=False)
    outcome = rules.decide_leaver_reason(facts, today=date(2025, 11, 10))
    return {"outcome": outcome.kind, "today": "2025-11-10", "result": rules.to_jsonable(outcome)}


class LeaverReasonResponse(BaseModel):
    model_config = ConfigDict(json_schema_extra=_example(_leaver_example))
    outcome: Literal["ground", "needs_facts", "no_ground"] = Field(
        description="ground: a deletion ground applies; needs_facts: ask result.missing[0] (with its "
                    "options); no_ground: the name stays on the register (result.reasons).")
    today: str = Field(description="The day the decision was made as of.")
    result: Outcome
    citations: list[Citation]


class DeadlineRequest(_In):
    model_config = ConfigDict(extra="forbid", json_schema_extra={"examples": [
        {"rule": "leave_10_school_days", "start": "30/03/2026"},
        {"rule": "absence_20_school_days", "start": "2025-11-03", "authority": "Derbyshire",
         "calendar": CalendarJSON.model_config["json_schema_extra"]["examples"][0]},
    ]})
    rule: str = Field(description="Rule id (GET /v1/tools/rules), e.g. new_pupil_return, absence_20_school_days.")
    start: str = Field(description=f"What the rule counts from (see the rule's start_meaning). {_DATE_HELP}")
    authority: Optional[str] = Field(None, description="Also compute this authority's local versions of the step.")
    calendar: Optional[CalendarJSON] = Field(None, description="The school's calendar (default: Monday to Friday "
                                                               "less bank holidays in England).")


class DeadlineResponse(BaseModel):
    model_config = ConfigDict(json_schema_extra=_example(lambda: {"deadline": rules.to_jsonable(
        rules.compute_deadline("leave_10_school_days", date(2026, 3, 30)))}))
    deadline: rules.Deadline
    citations: list[Citation]


class RuleOut(BaseModel):
    id: str
    title: str
    basis: str = Field(description="school_days, working_days, calendar_days, calendar_months or on_event.")
    mode: str
    amount: int
    start_meaning: str
    statutory: bool
    authority: Optional[str]
    scope: str = Field(description="law, authority or school.")
    variant_of: Optional[str] = Field(description="The statutory rule this is a local version of.")
    note: str
    sources: list[Citation]


class CSARequest(_In):
    model_config = ConfigDict(extra="forbid", json_schema_extra={"examples": [
        {"date_of_birth": "30/08/2010"}, {"date_of_birth": "2010-09-05", "autumn_term_start": "2026-09-03"}]})
    date_of_birth: str = Field(description=_DATE_HELP)
    autumn_term_start: Optional[str] = Field(
        None, description="First day of the autumn term in the year the pupil turns 16, if known.")


class CSAResponse(BaseModel):
    model_config = ConfigDict(json_schema_extra=_example(lambda: {"result": rules.to_jsonable(
        rules.compulsory_school_age(date(2010, 8, 30)))}))
    result: rules.CSAResult
    citations: list[Citation]


_CASE_HELP = {
    "authority": "Local authority: adds its own steps.",
    "school_policy": "doc_id of a school's own policy whose steps to add, e.g. aspire-academy-cme-policy-2023.",
    "autumn_term_start": "First day of the autumn term in the year the pupil turns 16.",
}
TimelineRequest = create_model(
    "TimelineRequest",
    __config__=ConfigDict(extra="forbid", json_schema_extra={"examples": [
        {"authority": "Worcestershire", "first_day_of_absence": "2025-11-03", "date_of_entry": "2025-09-03",
         "school_policy": "aspire-academy-cme-policy-2023"}]}),
    calendar=(Optional[CalendarJSON], Field(None, description="The school's calendar.")),
    **{f.name: (Optional[str], Field(None, description=_CASE_HELP.get(
        f.name, f"{f.name.replace('_', ' ').capitalize()}. {_DATE_HELP}"))) for f in fields(rules.Case)},
)


class TimelineResponse(BaseModel):
    model_config = ConfigDict(json_schema_extra=_example(lambda: {"timeline": rules.to_jsonable(rules.case_timeline(
        rules.Case(authority="Derbyshire", first_day_of_absence=date(2025, 11, 3))))}))
    timeline: rules.Timeline
    citations: list[Citation]


# --- helpers ---------------------------------------------------------------------------------
@contextmanager
def rule_errors() -> Iterator[None]:
    """Turn a ``RuleError`` into a 422 ``ApiError`` with the rule module's code and message."""
    try:
        yield
    except rules.UnknownRule as exc:
        known = [r.id for r in rules.list_rules()]
        message = str(exc) if "Known rules" in str(exc) else f"{exc} Known rules: {', '.join(known)}."
        raise ApiError(422, exc.code, f"{message} See GET /v1/tools/rules.", known=known) from None
    except rules.UnknownAuthority as exc:
        raise ApiError(422, exc.code, str(exc), known=list(rules.AUTHORITIES)) from None
    except rules.RuleError as exc:
        raise ApiError(422, exc.code, str(exc)) from None


def _date(value: str | None, name: str) -> date | None:
    return as_date(value, field=name) if value is not None else None


def calendar_from_json(cal: CalendarJSON | None) -> rules.SchoolCalendar | None:
    """The wire calendar as a ``SchoolCalendar`` (raises ``RuleError`` for bad dates or terms)."""
    if cal is None:
        return None
    return rules.SchoolCalendar(
        terms=tuple((as_date(a, field="calendar.terms"), as_date(b, field="calendar.terms")) for a, b in cal.terms),
        closures=tuple((as_date(c.date, field="calendar.closures"), c.reason) for c in cal.closures),
        extra_bank_holidays=tuple(as_date(d, field="calendar.extra_bank_holidays") for d in cal.extra_bank_holidays),
        name=cal.name,
    )


def calendar_to_json(cal: rules.SchoolCalendar) -> dict:
    return CalendarJSON(
        name=cal.name, terms=[(a.isoformat(), b.isoformat()) for a, b in cal.terms],
        closures=[Closure(date=d.isoformat(), reason=r) for d, r in cal.closures],
        extra_bank_holidays=[d.isoformat() for d in cal.extra_bank_holidays],
    ).model_dump()


def citations(services: Services, result: Any, prefer: tuple[str, ...] | list[str] = ()) -> list[dict]:
    r = services.retriever
    chunks, documents = (r.index.chunks, r.index.documents) if r is not None else ([], None)
    return link_sources(collect_sources(result), chunks, documents, prefer)


def _authority(facts: dict[str, Any], authority: str | None) -> dict[str, Any]:
    if authority is None:
        return facts
    given = facts.get("authority")
    if given is not None and rules.normalise_authority(given) != rules.normalise_authority(authority):
        raise ApiError(422, "conflicting_authority",
                       f"The authority is given twice and differs: '{authority}' and facts.authority '{given}'.")
    rules.normalise_authority(authority)
    return {**facts, "authority": authority}


# --- routes ----------------------------------------------------------------------------------
@router.post("/leaver-reason", response_model=LeaverReasonResponse, responses=_ERRORS,
             summary="Decide the regulation 9 deletion ground, or the next fact needed")
def leaver_reason(req: LeaverReasonRequest, services: ServicesDep):
    unknown = sorted(set(req.facts) - set(FACT_FIELDS))
    if unknown:
        raise ApiError(422, "unknown_facts",
                       f"Unknown fact(s): {', '.join(unknown)}. Known facts: {', '.join(FACT_FIELDS)}.",
                       unknown=unknown)
    with rule_errors():
        facts = rules.facts_from_mapping(_authority(dict(req.facts), req.authority))
        today = _date(req.today, "today") or services.clock()
        outcome = rules.decide_leaver_reason(facts, today=today, calendar=calendar_from_json(req.calendar))
    prefer = [outcome.code] if isinstance(outcome, rules.Ground) else list(getattr(outcome, "candidates", ()))
    return JSONResponse({"outcome": outcome.kind, "today": today.isoformat(),
                         "result": rules.to_jsonable(outcome), "citations": citations(services, outcome, prefer)})


@router.post("/deadline", response_model=DeadlineResponse, responses=_ERRORS,
             summary="Compute a named deadline and explain the count")
def deadline(req: DeadlineRequest, services: ServicesDep):
    with rule_errors():
        d = rules.compute_deadline(req.rule, as_date(req.start, field="start"),
                                   calendar=calendar_from_json(req.calendar), authority=req.authority)
    return JSONResponse({"deadline": rules.to_jsonable(d), "citations": citations(services, d)})


@router.get("/rules", response_model=list[RuleOut], responses=_ERRORS,
            summary="The named deadline rules (statutory, plus an authority's own)")
def list_rules(services: ServicesDep, authority: Annotated[Optional[str], Query(
        description="Only the statutory rules and this authority's; 'England' for the statutory ones only.")] = None):
    with rule_errors():
        specs = rules.list_rules(authority)
    return JSONResponse([
        {"id": s.id, "title": s.title, "basis": s.basis, "mode": s.mode, "amount": s.amount,
         "start_meaning": s.start_meaning, "statutory": s.statutory, "authority": s.authority,
         "scope": s.scope, "variant_of": s.variant_of, "note": s.note,
         "sources": citations(services, s.sources)}
        for s in specs])


@router.post("/csa", response_model=CSAResponse, responses=_ERRORS,
             summary="When compulsory school age starts and ends")
def csa(req: CSARequest, services: ServicesDep):
    with rule_errors():
        r = rules.compulsory_school_age(as_date(req.date_of_birth, field="date_of_birth"),
                                        autumn_term_start=_date(req.autumn_term_start, "autumn_term_start"),
                                        today=services.clock())
    return JSONResponse({"result": rules.to_jsonable(r), "citations": citations(services, r)})


@router.post("/timeline", response_model=TimelineResponse, summary="Every dated step of a case (JSON or .ics)",
             responses={**_ERRORS, 200: {"description": "The timeline as JSON, or as an iCalendar file with "
                                                        "?format=ics or Accept: text/calendar (one event per item).",
                                         "content": {"text/calendar": {"schema": {"type": "string"}}}}})
def timeline(req: TimelineRequest, request: Request, services: ServicesDep,  # type: ignore[valid-type]
             fmt: Annotated[Optional[Literal["json", "ics"]], Query(alias="format")] = None):
    values = req.model_dump(exclude={"calendar"}, exclude_none=True)
    with rule_errors():
        case = rules.Case(**{k: (v if k in ("authority", "school_policy") else as_date(v, field=k))
                             for k, v in values.items()})
        t = rules.case_timeline(case, calendar_from_json(req.calendar))
        wants_ics = fmt == "ics" or (fmt is None and "text/calendar" in request.headers.get("accept", ""))
        if wants_ics:
            return Response(rules.timeline_to_ics(t), media_type="text/calendar",
                            headers={"Content-Disposition": f'attachment; filename="{ICS_FILENAME}"'})
    return JSONResponse({"timeline": rules.to_jsonable(t), "citations": citations(services, t)})


@router.post("/calendar/parse", response_model=CalendarJSON, summary="Read a school calendar from an .ics file",
             responses={**_ERRORS, 415: {"model": ErrorResponse, "description": "Not text/calendar or JSON."}},
             openapi_extra={"requestBody": {"required": True, "content": {
                 "text/calendar": {"schema": {"type": "string"}, "example": (
                     "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nSUMMARY:Autumn term\r\nDTSTART;VALUE=DATE:20250903\r\n"
                     "DTEND;VALUE=DATE:20251220\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nSUMMARY:INSET day\r\n"
                     "DTSTART;VALUE=DATE:20251121\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n")},
                 "application/json": {"schema": ParseCalendarJSON.model_json_schema()}}}})
async def parse_calendar(request: Request, name: Annotated[Optional[str], Query(
        description="The school's name (text/calendar bodies).")] = None):
    ctype = request.headers.get("content-type", "").split(";")[0].strip().lower()
    body = await request.body()
    if ctype == "application/json":
        try:
            parsed = ParseCalendarJSON.model_validate_json(body)
        except ValidationError as exc:
            problems = "; ".join(f"{'.'.join(map(str, e['loc'])) or 'body'}: {e['msg']}" for e in exc.errors()[:5])
            raise ApiError(422, "invalid_request", problems) from None
        text, name = parsed.ics, parsed.name or name
    elif ctype in ("text/calendar", "text/plain", "application/octet-stream", ""):
        try:
            text = body.decode("utf-8-sig")
        except UnicodeDecodeError:
            raise ApiError(422, "invalid_calendar", "The .ics file is not UTF-8 text.") from None
    else:
        raise ApiError(415, "unsupported_media_type",
                       f"Send the .ics file as text/calendar, or JSON {{\"ics\": ...}}; not {ctype}.")
    with rule_errors():
        cal = rules.SchoolCalendar.from_ics(text, name=name or "")
    return JSONResponse(calendar_to_json(cal))
