"""The web page: server-rendered GOV.UK-style pages over the HTTP API, their static files, the
feedback endpoint and the feedback admin view.

Pages (not in the OpenAPI document): ``/`` chat, ``/leaver-reason`` guided questions, ``/dates``
deadlines and case timelines, ``/documents`` and ``/documents/{doc_id}`` the corpus,
``/referrals`` referral drafting (only when the referral API is present), ``/admin/feedback`` and
``/admin/feedback.csv``. Static files are served from ``/static/...`` by a route, so including
``router`` is all an app needs.

API (in the OpenAPI document, tag ``web``): ``POST /feedback`` stores a rating of one chat answer;
``POST /web/leaver-facts`` turns the guided form's quick replies into leaver-reason ``facts`` with
the rule module's own ``answer_question`` (so the page never re-implements the mapping).
"""

from __future__ import annotations

import mimetypes
import re
import secrets
from dataclasses import fields
from pathlib import Path
from typing import Any, Literal, Optional

from fastapi import APIRouter, Request
from fastapi.responses import FileResponse, HTMLResponse, JSONResponse, Response
from fastapi.templating import Jinja2Templates
from markupsafe import Markup, escape
from pydantic import BaseModel, ConfigDict, Field
from starlette.exceptions import HTTPException as StarletteHTTPException

from assistant import rules
from assistant.api.deps import ServicesDep
from assistant.api.errors import ApiError
from assistant.rules.facts import Facts
from assistant.rules.questions import QUESTIONS, answer_question
from assistant.web.feedback import FeedbackStore, redactor_for

HERE = Path(__file__).resolve().parent
STATIC = HERE / "static"
templates = Jinja2Templates(directory=str(HERE / "templates"))

_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December")


def _month(value: str | None) -> str:
    """'2023-09' -> 'September 2023'; '2023-09-01' -> '1 September 2023'; None -> ''."""
    if not value:
        return ""
    m = re.fullmatch(r"(\d{4})-(\d{2})(?:-(\d{2}))?", str(value))
    if not m or not 1 <= int(m.group(2)) <= 12:
        return str(value)
    text = f"{_MONTHS[int(m.group(2)) - 1]} {m.group(1)}"
    return f"{int(m.group(3))} {text}" if m.group(3) else text


templates.env.filters["month"] = _month

ASSET_VERSION = "1"
CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; "
       "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'")
SECURITY_HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
    "X-Frame-Options": "DENY",
}

pages = APIRouter(include_in_schema=False)
api = APIRouter(tags=["web"])


# --- helpers ---------------------------------------------------------------------------------
def referrals_available(request: Request) -> bool:
    """True when the app serves the referral drafting API (``POST /v1/referrals/draft``)."""
    cached = getattr(request.app.state, "web_referrals_available", None)
    if cached is None:
        try:  # the OpenAPI document is the public list of routes (and is cached by FastAPI)
            cached = "/v1/referrals/draft" in request.app.openapi().get("paths", {})
        except Exception:
            cached = False
        request.app.state.web_referrals_available = cached
    return cached


def authorities(services) -> list[str]:
    r = getattr(services, "retriever", None)
    names = list(r.authorities) if r is not None else list(rules.AUTHORITIES)
    return sorted(n for n in names if n and n.lower() != "england")


def nav_items(request: Request, active: str) -> list[dict[str, Any]]:
    items = [("chat", "/", "Ask a question"), ("leaver", "/leaver-reason", "Which leaver reason?"),
             ("dates", "/dates", "Dates and deadlines"), ("documents", "/documents", "Documents")]
    if referrals_available(request):
        items.append(("referrals", "/referrals", "Referrals"))
    items.append(("feedback", "/admin/feedback", "Feedback"))
    return [{"key": k, "href": h, "text": t, "current": k == active} for k, h, t in items]


def render(request: Request, template: str, active: str, status: int = 200, **context: Any) -> HTMLResponse:
    services = getattr(request.app.state, "services", None)
    response = templates.TemplateResponse(request, template, {
        "nav": nav_items(request, active), "asset_version": ASSET_VERSION,
        "authorities": authorities(services) if services is not None else sorted(rules.AUTHORITIES),
        **context,
    }, status_code=status)
    response.headers.update(SECURITY_HEADERS)
    response.headers["Cache-Control"] = "no-store"
    return response


def feedback_store(services) -> FeedbackStore:
    return FeedbackStore(services.settings.storage.db_path, redact=redactor_for(services))


def admin_allowed(request: Request, services) -> bool:
    """With no API keys configured (local use) everyone is admin; otherwise the request must carry
    a key (``Authorization: Bearer`` or ``X-API-Key``) whose roles include ``admin``."""
    keys = services.settings.auth.keys
    if not keys:
        return True
    auth = request.headers.get("authorization", "")
    given = auth[7:].strip() if auth.lower().startswith("bearer ") else request.headers.get("x-api-key", "")
    if not given:
        return False
    return any(secrets.compare_digest(given, k.key.get_secret_value()) and "admin" in k.roles for k in keys)


def _passage_html(text: str, passage: tuple[int, int] | None, mark: tuple[int, int] | None) -> Markup:
    """The document text as paragraphs, with the cited passage wrapped in ``span.app-passage``
    (the first one carries ``id="cited-passage"``) and the quote in ``<mark>``. Elements are
    closed at each paragraph end and reopened at the next, so the HTML stays well formed."""
    cuts: list[tuple[int, int, str]] = []  # (offset, order, marker)
    if passage:
        cuts += [(passage[0], 1, "P"), (passage[1], 0, "p")]
    if mark:
        cuts += [(mark[0], 2, "M"), (mark[1], -1, "m")]
    cuts.sort()
    out: list[str] = []
    in_passage = in_mark = False
    first_passage = True
    pos = 0

    def open_tags() -> str:
        nonlocal first_passage
        s = ""
        if in_passage:
            s += '<span class="app-passage"' + (' id="cited-passage" tabindex="-1"' if first_passage else "") + ">"
            first_passage = False
        if in_mark:
            s += "<mark>"
        return s

    def close_tags() -> str:
        return ("</mark>" if in_mark else "") + ("</span>" if in_passage else "")

    def emit(segment: str) -> None:
        parts = segment.split("\n\n")
        for i, part in enumerate(parts):
            if i:
                out.append(close_tags() + "</p>\n<p class=\"govuk-body app-doc__para\">" + open_tags())
            out.append(str(escape(part)).replace("\n", "<br>\n"))

    out.append('<p class="govuk-body app-doc__para">')
    # Cuts at the same offset (a quote that starts where its passage starts) change the state
    # together: closing and reopening between them would leave the id on an empty span.
    i = 0
    while i < len(cuts):
        offset = max(pos, min(cuts[i][0], len(text)))
        emit(text[pos:offset])
        pos = offset
        out.append(close_tags())
        while i < len(cuts) and max(pos, min(cuts[i][0], len(text))) == offset:
            kind = cuts[i][2]
            if kind == "P":
                in_passage = True
            elif kind == "p":
                in_passage = False
            elif kind == "M":
                in_mark = True
            else:
                in_mark = False
            i += 1
        out.append(open_tags())
    emit(text[pos:])
    out.append(close_tags() + "</p>")
    html = "".join(out).replace('<p class="govuk-body app-doc__para"></p>', "")
    return Markup(html)


def find_quote(text: str, quote: str, start: int = 0, end: int | None = None) -> tuple[int, int] | None:
    """Where ``quote`` is in ``text[start:end]``: exact first, then ignoring differences in spacing."""
    quote = (quote or "").strip()
    if not quote:
        return None
    end = len(text) if end is None else end
    i = text.find(quote, start, end)
    if i >= 0:
        return i, i + len(quote)
    words = quote.split()
    if not words:
        return None
    m = re.compile(r"\s+".join(re.escape(w) for w in words)).search(text, start, end)
    return (m.start(), m.end()) if m else None


def referral_forms() -> dict[str, list[dict[str, Any]]]:
    """Each authority's referral forms and the case facts each asks for (from the referral
    module's form specs), so the page asks only for what the chosen form needs."""
    try:
        from assistant.referrals.forms import FORMS
    except ImportError:
        return {}
    return {authority: [{"id": f.id, "title": f.title, "purpose": f.purpose,
                         "fields": [{"name": x.name, "label": x.label, "required": x.required}
                                    for x in f.fields if x.kind == "fact"]} for f in forms]
            for authority, forms in sorted(FORMS.items())}


def _free_text_inputs() -> dict[str, str]:
    """How the guided form asks each question that has no quick replies: a date or a number."""
    types = {f.name: str(f.type) for f in fields(Facts)}
    out = {}
    for key, q in QUESTIONS.items():
        if not q.options:
            t = types.get(key, "")
            out[key] = "date" if "date" in t else "number" if "int" in t else "text"
    return out


# --- pages -----------------------------------------------------------------------------------
@pages.get("/", response_class=HTMLResponse)
def chat_page(request: Request):
    return render(request, "chat.html", "chat", title="Ask a question")


@pages.get("/leaver-reason", response_class=HTMLResponse)
def leaver_page(request: Request):
    return render(request, "leaver.html", "leaver", title="Which leaver reason?",
                  leaver_config={"inputs": _free_text_inputs()})


@pages.get("/dates", response_class=HTMLResponse)
def dates_page(request: Request):
    return render(request, "dates.html", "dates", title="Dates and deadlines")


@pages.get("/documents", response_class=HTMLResponse)
def documents_page(request: Request, services: ServicesDep):
    from assistant.api import routes_search

    if services.retriever is None:
        return render(request, "not_ready.html", "documents", status=503, title="Documents")
    docs = routes_search.documents(services.retriever, services)
    order = {"England": "0"}
    docs = sorted(docs, key=lambda d: (order.get(d.authority, "1" + d.authority), d.title))
    return render(request, "documents.html", "documents", title="Documents", documents=docs)


@pages.get("/documents/{doc_id}", response_class=HTMLResponse)
def document_page(request: Request, doc_id: str, services: ServicesDep, chunk: Optional[str] = None,
                  quote: Optional[str] = None):
    from assistant.api import routes_search

    if services.retriever is None:
        return render(request, "not_ready.html", "documents", status=503, title="Documents")
    try:
        doc = routes_search.document(doc_id, services.retriever, services)
    except ApiError:
        return render(request, "not_found.html", "documents", status=404, title="Document not found",
                      what=f"There is no document called “{doc_id}”.")
    text = doc.text
    passage = mark = None
    chunk_out = None
    if chunk:
        try:
            chunk_out = routes_search.chunk(chunk, services.retriever, services)
        except ApiError:
            chunk_out = None
        if chunk_out is not None and chunk_out.doc_id == doc.doc_id:
            s, e = chunk_out.start, chunk_out.end
            if text[s:e] != chunk_out.text:  # offsets should be exact; fall back to finding the text
                found = find_quote(text, chunk_out.text)
                s, e = found if found else (s, e)
            passage = (s, e)
            if quote:
                mark = find_quote(text, quote, s, e) or find_quote(text, quote)
        else:
            chunk_out = None
    elif quote:
        mark = find_quote(text, quote)
    return render(request, "document.html", "documents", title=doc.title, doc=doc, chunk=chunk_out,
                  quote=quote if mark else None, quote_missing=bool(quote and not mark),
                  body=_passage_html(text, passage, mark))


@pages.get("/referrals", response_class=HTMLResponse)
def referrals_page(request: Request):
    if not referrals_available(request):
        return render(request, "not_found.html", "referrals", status=404, title="Referrals",
                      what="Referral drafting is not switched on in this service yet.")
    return render(request, "referrals.html", "referrals", title="Referrals", referral_config={"forms": referral_forms()})


@pages.get("/admin/feedback", response_class=HTMLResponse)
def feedback_admin(request: Request, services: ServicesDep):
    if not admin_allowed(request, services):
        return render(request, "not_found.html", "feedback", status=403, title="Not allowed",
                      what="You need an admin key to see feedback.")
    store = feedback_store(services)
    return render(request, "admin_feedback.html", "feedback", title="Feedback on answers",
                  entries=store.entries(limit=500), counts=store.counts(),
                  settings_hash=services.settings.settings_hash())


@pages.get("/admin/feedback.csv")
def feedback_csv(request: Request, services: ServicesDep):
    if not admin_allowed(request, services):
        raise ApiError(403, "forbidden", "An admin key is needed to export feedback.")
    return Response(feedback_store(services).to_csv(), media_type="text/csv; charset=utf-8",
                    headers={"Content-Disposition": 'attachment; filename="cme-assist-feedback.csv"',
                             "Cache-Control": "no-store", "X-Content-Type-Options": "nosniff"})


_TYPES = {".css": "text/css", ".js": "text/javascript", ".mjs": "text/javascript", ".svg": "image/svg+xml",
          ".woff2": "font/woff2", ".png": "image/png", ".ico": "image/x-icon", ".txt": "text/plain",
          ".md": "text/plain"}


@pages.get("/static/{path:path}")
def static(path: str):
    full = (STATIC / path).resolve()
    if STATIC not in full.parents or not full.is_file():
        raise StarletteHTTPException(404, "No such file.")
    media = _TYPES.get(full.suffix) or mimetypes.guess_type(full.name)[0] or "application/octet-stream"
    if media.startswith("text/"):
        media += "; charset=utf-8"
    return FileResponse(full, media_type=media, headers={"Cache-Control": "public, max-age=300",
                                                         "X-Content-Type-Options": "nosniff"})


# --- API -------------------------------------------------------------------------------------
class FeedbackIn(BaseModel):
    model_config = ConfigDict(extra="forbid", json_schema_extra={"examples": [{
        "rating": "down", "comment": "It quoted the wrong authority.", "settings_hash": "1eaeee006117",
        "session_id": "865fed91b20c45f586949142e0d860db", "authority": "Worcestershire", "action": "answered",
        "question": "How often should the school contact the family?", "answer": "…"}]})
    rating: Literal["up", "down"] = Field(description="Thumbs up (useful) or down (not useful).")
    comment: str = Field("", max_length=2_000, description="Optional: what was wrong or right.")
    settings_hash: str = Field("", max_length=64, description="The answer's settings_hash (from /v1/chat).")
    session_id: Optional[str] = Field(None, max_length=64)
    authority: Optional[str] = Field(None, max_length=100)
    action: Optional[str] = Field(None, max_length=32, description="The answer's action.")
    engine: Optional[str] = Field(None, max_length=32)
    question: str = Field("", max_length=20_000, description="What was asked.")
    answer: str = Field("", max_length=20_000, description="The answer's Markdown text.")


class FeedbackOut(BaseModel):
    id: int
    status: Literal["stored"] = "stored"


@api.post("/feedback", response_model=FeedbackOut, status_code=201, summary="Rate one chat answer")
def post_feedback(body: FeedbackIn, services: ServicesDep) -> FeedbackOut:
    new_id = feedback_store(services).add(
        rating=body.rating, comment=body.comment, settings_hash=body.settings_hash,
        session_id=body.session_id or "", authority=body.authority or "", action=body.action or "",
        engine=body.engine or "", question=body.question, answer=body.answer)
    return FeedbackOut(id=new_id)


class LeaverReply(BaseModel):
    model_config = ConfigDict(extra="forbid")
    key: str = Field(description="The question's key (result.missing[i].key from /v1/tools/leaver-reason).")
    reply: Any = Field(description="One of the question's options, or for a question without options the "
                                   "value itself (a date, or a whole number of school days).")


class LeaverFactsIn(BaseModel):
    model_config = ConfigDict(extra="forbid", json_schema_extra={"examples": [{"answers": [
        {"key": "of_compulsory_school_age", "reply": "Yes"}, {"key": "situation", "reply": "Moved away or abroad"},
        {"key": "moved_abroad", "reply": "Yes"}]}]})
    answers: list[LeaverReply] = Field(default_factory=list, max_length=100,
                                       description="Quick replies in the order given.")


class LeaverFactsOut(BaseModel):
    facts: dict[str, Any] = Field(description="Known facts only; send as `facts` to POST /v1/tools/leaver-reason.")


@api.post("/web/leaver-facts", response_model=LeaverFactsOut, summary="Quick replies to leaver-reason facts",
          responses={422: {"description": "A reply that is not one of the question's options, or a bad value."}})
def leaver_facts(body: LeaverFactsIn) -> JSONResponse:
    from assistant.api.routes_tools import rule_errors

    facts = Facts()
    with rule_errors():
        for a in body.answers:
            facts = answer_question(facts, a.key, a.reply)
    known = {k: v for k, v in rules.to_jsonable(facts).items() if v is not None}
    return JSONResponse({"facts": known})


router = APIRouter()
router.include_router(pages)
router.include_router(api)
