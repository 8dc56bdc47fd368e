"""Referral drafts over HTTP: draft (JSON or Word), list, read, export, sign-off, audit log.

The drafting itself is ``assistant.referrals.draft`` (pure); this module adds who is asking
(``assistant.api.auth``), keeps drafts and the audit log (``assistant.referrals.store``, opened
once per app at ``settings.storage.db_path`` and kept on ``app.state``), links citations to
indexed chunks (``assistant.source_links``) and renders Markdown / Word.

Roles: ``staff`` drafts and sees their own drafts; ``reviewer`` sees every draft and approves
or rejects one (never their own, unless the service runs as the single local user); ``admin``
reads the audit log. Every create / view / export / approve / reject is logged with a hash of
the draft, never its content.
"""

from __future__ import annotations

import threading
from contextlib import contextmanager
from typing import Annotated, Any, Iterator, Literal, Optional, Union

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import JSONResponse, Response
from pydantic import BaseModel, ConfigDict, Field, create_model

from assistant.api.auth import Caller, require_roles
from assistant.api.deps import ServicesDep
from assistant.api.errors import ApiError
from assistant.api.routes_tools import ErrorResponse, rule_errors
from assistant.referrals.docx_export import DOCX_MEDIA_TYPE, render_docx
from assistant.referrals.draft import draft_referral, to_payload
from assistant.referrals.markdown import render_markdown
from assistant.referrals.store import DraftNotFound, DraftRecord, DraftStore, InvalidTransition
from assistant.rules import Source
from assistant.services import Services
from assistant.source_links import link_sources

router = APIRouter(prefix="/v1", tags=["referrals"])
_STORE_LOCK = threading.Lock()


# --- wire types ------------------------------------------------------------------------------
class CaseFacts(BaseModel):
    """What is known about the child. Leave out what is not known. Other keys are accepted: the
    leaver-reason facts (e.g. ``moved_abroad``) are used by the rules; anything else is left out
    of the draft and only its name is listed in ``left_out``."""

    model_config = ConfigDict(extra="allow", json_schema_extra={"examples": [{
        "child_name": "Alex Example", "date_of_birth": "2014-05-02", "year_group": "Year 7",
        "address": "1 Example Road", "postcode": "WR1 1AA", "parent_name": "Sam Example",
        "parent_phone": "07700 900000", "school_name": "Example High School",
        "first_day_of_absence": "2026-10-01", "destination": "Not known",
        "enquiries_made": ["Phoned both parents", "Home visit 5 October"], "cp_plan": False}]})
    child_name: Optional[str] = None
    date_of_birth: Optional[str] = Field(None, description="ISO or UK day-first date.")
    year_group: Optional[str] = None
    address: Optional[str] = None
    postcode: Optional[str] = None
    upn: Optional[str] = Field(None, description="Unique pupil number.")
    parent_name: Optional[str] = None
    parent_phone: Optional[str] = None
    parent_email: Optional[str] = None
    school_name: Optional[str] = None
    first_day_of_absence: Optional[str] = None
    date_left: Optional[str] = None
    leave_end: Optional[str] = None
    destination: Optional[str] = Field(None, description="New school / forwarding address, or 'Not known'.")
    enquiries_made: Optional[Union[list[str], str]] = None
    safeguarding_concerns: Optional[str] = None
    social_worker: Optional[str] = None
    cp_plan: Optional[bool] = None
    sen_ehcp: Optional[bool] = None


class DraftRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")
    authority: str = Field(description="Worcestershire, Derbyshire, Norfolk or Barking and Dagenham.")
    facts: CaseFacts = Field(default_factory=CaseFacts)
    form: Optional[str] = Field(None, description="Form id when the authority has several (Derbyshire: "
                                                  "cme_referral (default) or cml).")


class ReferralCitation(BaseModel):
    doc_id: str
    chunk_id: Optional[str] = Field(description="Indexed chunk with the quote (null if the index is not loaded).")
    quote: str = Field(description="Verbatim words from the document.")
    title: Optional[str] = None
    locator: Optional[str] = None
    authority: Optional[str] = None
    section: Optional[str] = None


class FieldOut(BaseModel):
    name: str
    label: str
    value: str = Field(description="'To complete' when required and unknown; 'Not given' when optional.")
    source: Literal["facts", "rules", "corpus"]
    required: bool
    missing: bool
    citation: Optional[ReferralCitation]


class EscalationOut(BaseModel):
    banner: str
    flags: list[str]
    steps: list[str]
    citations: list[ReferralCitation]


class DraftResponse(BaseModel):
    draft_id: str
    status: Literal["draft", "approved", "rejected"]
    authority: str
    form: str = Field(description="The form's title.")
    form_id: str
    purpose: str
    fields: list[FieldOut]
    missing_fields: list[str]
    left_out: list[str] = Field(description="Names of facts given but not needed by this form (values never kept).")
    warnings: list[str]
    escalation: Optional[EscalationOut]
    leaver: Optional[dict[str, Any]] = Field(description="The rule module's leaving-reason result, summarised.")
    deadlines: list[dict[str, Any]]
    citations: list[ReferralCitation]
    created_by: str
    created_at: str
    reviewer: Optional[str]
    review_comment: Optional[str]
    reviewed_at: Optional[str]
    markdown: str


class DraftSummary(BaseModel):
    draft_id: str
    authority: str
    form: str
    status: str
    created_by: str
    created_at: str
    reviewer: Optional[str]
    reviewed_at: Optional[str]


class ApproveRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")
    comment: Optional[str] = None


class RejectRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")
    comment: str = Field(min_length=1, pattern=r"\S", description="Why the draft is rejected (required).")


class AuditOut(BaseModel):
    seq: int
    at: str
    user: str
    action: Literal["created", "viewed", "exported", "approved", "rejected"]
    draft_id: str
    content_sha256: str = Field(description="SHA-256 of the draft's content at the time (never the content).")


AuditList = create_model("AuditList", entries=(list[AuditOut], ...))
DraftList = create_model("DraftList", drafts=(list[DraftSummary], ...))

_ERRORS: dict[int | str, dict[str, Any]] = {
    code: {"model": ErrorResponse, "description": text} for code, text in (
        (401, "No or unknown API key."), (403, "Role not allowed, not your draft, or approving your own draft."),
        (404, "No such draft."), (409, "The draft is not in status 'draft'."),
        (422, "Invalid input (unknown authority or form, a bad date)."))}
_DOCX = {"description": "The draft as a Word document.", "content": {DOCX_MEDIA_TYPE: {}}}


# --- dependencies and helpers ----------------------------------------------------------------
def get_store(request: Request, services: ServicesDep) -> DraftStore:
    """The app's draft store, opened on first use at ``settings.storage.db_path``."""
    with _STORE_LOCK:
        if getattr(request.app.state, "referral_store", None) is None:
            request.app.state.referral_store = DraftStore(services.settings.storage.db_path)
    return request.app.state.referral_store


StoreDep = Annotated[DraftStore, Depends(get_store)]
StaffDep = Annotated[Caller, Depends(require_roles("staff"))]
AnyRoleDep = Annotated[Caller, Depends(require_roles("staff", "reviewer", "admin"))]
ReviewerDep = Annotated[Caller, Depends(require_roles("reviewer"))]
AdminDep = Annotated[Caller, Depends(require_roles("admin"))]


@contextmanager
def store_errors() -> Iterator[None]:
    try:
        yield
    except DraftNotFound as exc:
        raise ApiError(404, exc.code, str(exc)) from None
    except InvalidTransition as exc:
        raise ApiError(409, exc.code, str(exc)) from None


def _linker(services: Services):
    r = services.retriever
    chunks, documents = (r.index.chunks, r.index.documents) if r is not None else ([], None)
    cache: dict[Source, dict] = {}

    def link(src: Source) -> dict:
        if src not in cache:
            cache[src] = link_sources([src], chunks, documents)[0]
        return cache[src]
    return link


def present(rec: DraftRecord) -> dict:
    """The stored draft with its current status and review, and its Markdown."""
    out = {**rec.content, "draft_id": rec.id, "status": rec.status, "created_by": rec.created_by,
           "created_at": rec.created_at, "reviewer": rec.reviewer, "review_comment": rec.review_comment,
           "reviewed_at": rec.reviewed_at}
    out["markdown"] = render_markdown(out)
    return out


def _docx_response(payload: dict) -> Response:
    return Response(render_docx(payload), media_type=DOCX_MEDIA_TYPE, headers={
        "Content-Disposition": f'attachment; filename="cme-referral-{payload["draft_id"][:8]}.docx"'})


def _readable(store: DraftStore, draft_id: str, caller: Caller) -> DraftRecord:
    with store_errors():
        rec = store.get(draft_id)
    if not caller.has("reviewer", "admin") and rec.created_by != caller.user:
        raise ApiError(403, "forbidden", "Staff can only open their own drafts.")
    return rec


def _decide(store: DraftStore, draft_id: str, caller: Caller, decision: str, comment: str | None) -> dict:
    with store_errors():
        rec = store.get(draft_id)
        if rec.created_by == caller.user and not caller.local:
            raise ApiError(403, "self_approval", f"'{caller.user}' created this draft; another reviewer must "
                                                 f"sign it off.")
        return present(store.review(draft_id, reviewer=caller.user, decision=decision, comment=comment))


# --- routes ----------------------------------------------------------------------------------
@router.post("/referrals/draft", response_model=DraftResponse, summary="Draft a referral for an authority's form",
             responses={**_ERRORS, 200: _DOCX})
def create_draft(req: DraftRequest, services: ServicesDep, store: StoreDep, caller: StaffDep,
                 fmt: Annotated[Optional[Literal["json", "docx"]], Query(alias="format")] = None):
    facts = req.facts.model_dump(exclude_none=True)
    with rule_errors():
        draft = draft_referral(req.authority, facts, today=services.clock(), form_id=req.form)
    payload = to_payload(draft, _linker(services))
    rec = store.create(payload, user=caller.user, authority=draft.authority, form=draft.form.id)
    if fmt == "docx":
        store.record(caller.user, "exported", rec)
        return _docx_response(present(rec))
    return JSONResponse(present(rec))


@router.get("/referrals", response_model=DraftList, responses=_ERRORS,
            summary="Drafts: every draft for reviewers and admins, your own for staff")
def list_drafts(store: StoreDep, caller: AnyRoleDep,
                status: Optional[Literal["draft", "approved", "rejected"]] = None,
                limit: Annotated[int, Query(ge=1, le=500)] = 100):
    mine = None if caller.has("reviewer", "admin") else caller.user
    return JSONResponse({"drafts": [r.summary() for r in store.list(status=status, created_by=mine, limit=limit)]})


@router.get("/referrals/{draft_id}", response_model=DraftResponse, responses=_ERRORS, summary="Read a draft")
def read_draft(draft_id: str, store: StoreDep, caller: AnyRoleDep):
    rec = _readable(store, draft_id, caller)
    store.record(caller.user, "viewed", rec)
    return JSONResponse(present(rec))


@router.get("/referrals/{draft_id}/docx", responses={**_ERRORS, 200: _DOCX}, summary="Export a draft as Word")
def export_draft(draft_id: str, store: StoreDep, caller: AnyRoleDep):
    rec = _readable(store, draft_id, caller)
    store.record(caller.user, "exported", rec)
    return _docx_response(present(rec))


@router.post("/referrals/{draft_id}/approve", response_model=DraftResponse, responses=_ERRORS,
             summary="Approve a draft (a reviewer other than its author)")
def approve_draft(draft_id: str, store: StoreDep, caller: ReviewerDep, req: Optional[ApproveRequest] = None):
    comment = (req.comment or "").strip() or None if req else None
    return JSONResponse(_decide(store, draft_id, caller, "approved", comment))


@router.post("/referrals/{draft_id}/reject", response_model=DraftResponse, responses=_ERRORS,
             summary="Reject a draft, saying why")
def reject_draft(draft_id: str, req: RejectRequest, store: StoreDep, caller: ReviewerDep):
    return JSONResponse(_decide(store, draft_id, caller, "rejected", req.comment.strip()))


@router.get("/audit", response_model=AuditList, responses=_ERRORS, tags=["audit"],
            summary="The audit log (who did what to which draft, when; no personal data)")
def audit_log(store: StoreDep, caller: AdminDep, draft_id: Optional[str] = None,
              limit: Annotated[int, Query(ge=1, le=10_000)] = 1000):
    return JSONResponse({"entries": [e.__dict__ for e in store.audit(draft_id=draft_id, limit=limit)]})
