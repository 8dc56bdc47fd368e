"""Fixtures for referral drafting: a case, and apps over the real index with a temporary store."""

from __future__ import annotations

import dataclasses
from io import BytesIO

import docx
import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from pydantic import SecretStr

from assistant.api import routes_referrals
from assistant.api.errors import install_error_handlers
from assistant.settings import ApiKey, AuthSettings, StorageSettings

#: values that must never leave the facts: they are not on any form
SECRETS = {"religion": "Zoroastrian", "medical_conditions": "type 1 diabetes",
           "sibling_names": ["Peregrine Quillfeather"], "parent_email": "private.inbox@example.org"}

CASE = {
    "child_name": "Marigold Quillfeather", "date_of_birth": "2014-05-02", "year_group": "Year 7",
    "address": "12 Orchard Lane, Exampletown", "postcode": "ZZ9 9ZZ", "upn": "H801200001001",
    "parent_name": "Rowan Quillfeather", "parent_phone": "07700 900123", "school_name": "Exampletown High",
    "first_day_of_absence": "2026-10-01", "date_left": "2026-11-20", "destination": "Not known",
    "enquiries_made": ["Phoned both parents", "Home visit on 5 October, no answer"],
    **SECRETS,
}

KEYS = {"staff": ("staff-key-1", "sam", ["staff"]), "staff2": ("staff-key-2", "sue", ["staff"]),
        "reviewer": ("reviewer-key-1", "rita", ["reviewer"]), "reviewer2": ("reviewer-key-2", "raj", ["reviewer"]),
        "both": ("both-key", "bo", ["staff", "reviewer"]), "admin": ("admin-key", "ada", ["admin"])}


def headers(who: str) -> dict:
    return {"Authorization": f"Bearer {KEYS[who][0]}"}


def docx_text(data: bytes) -> str:
    d = docx.Document(BytesIO(data))
    parts = [p.text for p in d.paragraphs]
    for t in d.tables:
        for row in t.rows:
            parts += [c.text for c in row.cells]
    return "\n".join(parts)


def build_app(services, db_path, keys=None) -> FastAPI:
    settings = services.settings.model_copy(update={
        "storage": StorageSettings(db_path=db_path),
        "auth": AuthSettings(keys=[ApiKey(key=SecretStr(k), user=u, roles=r) for k, u, r in (keys or [])]),
    })
    app = FastAPI()
    install_error_handlers(app)
    app.include_router(routes_referrals.router)
    app.state.services = dataclasses.replace(services, settings=settings)
    return app


def _close(app: FastAPI) -> None:
    store = getattr(app.state, "referral_store", None)
    if store is not None:
        store.close()


@pytest.fixture
def db_path(tmp_path):
    return tmp_path / "state" / "referrals.sqlite3"


@pytest.fixture
def api(services, db_path):
    """Client for an app with API keys (staff, reviewers, admin)."""
    app = build_app(services, db_path, KEYS.values())
    with TestClient(app, raise_server_exceptions=False) as c:
        yield c
    _close(app)


@pytest.fixture
def local_api(services, db_path):
    """Client for an app with no keys configured: the single local user."""
    app = build_app(services, db_path)
    with TestClient(app, raise_server_exceptions=False) as c:
        yield c
    _close(app)
