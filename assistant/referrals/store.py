"""Referral drafts and their audit log in SQLite (standard library; one file, WAL mode).

``DraftStore`` is the only thing that knows about SQL, so another store can replace it when the
service runs on several machines. Two tables:

* ``drafts``: one row per draft - its content (JSON, may hold personal data: it *is* the
  draft), status ``draft`` -> ``approved`` | ``rejected``, who created it, who reviewed it,
  the reviewer's comment and timestamps.
* ``audit_log``: append-only (triggers refuse UPDATE and DELETE): when, who, which action
  (created / viewed / exported / approved / rejected), which draft, and a SHA-256 of the
  draft's content at that moment. Never the content itself, never a comment: nothing about
  the child is in the log.

Errors: ``DraftNotFound`` (no such id) and ``InvalidTransition`` (approve/reject a draft that
is not in status ``draft``), both ``StoreError``.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
import threading
import uuid
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Callable, Literal

__all__ = ["DraftStore", "DraftRecord", "AuditEntry", "StoreError", "DraftNotFound", "InvalidTransition",
           "content_hash", "ACTIONS"]

Status = Literal["draft", "approved", "rejected"]
ACTIONS = ("created", "viewed", "exported", "approved", "rejected")

_SCHEMA = """
CREATE TABLE IF NOT EXISTS drafts (
    id TEXT PRIMARY KEY,
    authority TEXT NOT NULL,
    form TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('draft', 'approved', 'rejected')),
    created_by TEXT NOT NULL,
    created_at TEXT NOT NULL,
    reviewer TEXT,
    review_comment TEXT,
    reviewed_at TEXT,
    content TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS drafts_status ON drafts (status, created_at);
CREATE TABLE IF NOT EXISTS audit_log (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    at TEXT NOT NULL,
    user TEXT NOT NULL,
    action TEXT NOT NULL CHECK (action IN ('created', 'viewed', 'exported', 'approved', 'rejected')),
    draft_id TEXT NOT NULL,
    content_sha256 TEXT NOT NULL
);
CREATE TRIGGER IF NOT EXISTS audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
CREATE TRIGGER IF NOT EXISTS audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
"""


class StoreError(Exception):
    code = "store_error"


class DraftNotFound(StoreError):
    code = "draft_not_found"


class InvalidTransition(StoreError):
    code = "invalid_status"


@dataclass(frozen=True)
class DraftRecord:
    id: str
    authority: str
    form: str
    status: Status
    created_by: str
    created_at: str
    reviewer: str | None
    review_comment: str | None
    reviewed_at: str | None
    content: dict

    def summary(self) -> dict:
        """The record without its content (no personal data)."""
        return {"draft_id": self.id, "authority": self.authority, "form": self.form, "status": self.status,
                "created_by": self.created_by, "created_at": self.created_at, "reviewer": self.reviewer,
                "reviewed_at": self.reviewed_at}


@dataclass(frozen=True)
class AuditEntry:
    seq: int
    at: str
    user: str
    action: str
    draft_id: str
    content_sha256: str


def content_hash(content: dict) -> str:
    """SHA-256 of the canonical JSON of a draft's content."""
    return hashlib.sha256(json.dumps(content, sort_keys=True, ensure_ascii=False).encode("utf-8")).hexdigest()


def _utc_now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


class DraftStore:
    """Drafts and the audit log in one SQLite file. Safe to share between threads."""

    def __init__(self, path: Path | str, *, now: Callable[[], str] = _utc_now) -> None:
        self.path = Path(path)
        if str(path) != ":memory:":
            self.path.parent.mkdir(parents=True, exist_ok=True)
        self._now = now
        self._lock = threading.Lock()
        self._db = sqlite3.connect(str(path), check_same_thread=False, isolation_level=None)
        self._db.row_factory = sqlite3.Row
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute("PRAGMA synchronous=NORMAL")
        self._db.executescript(_SCHEMA)

    def close(self) -> None:
        with self._lock:
            self._db.close()

    # --- drafts ---------------------------------------------------------------------------
    def create(self, content: dict, *, user: str, authority: str, form: str) -> DraftRecord:
        draft_id = uuid.uuid4().hex
        now = self._now()
        body = json.dumps(content, sort_keys=True, ensure_ascii=False)
        with self._lock, self._db:
            self._db.execute("BEGIN IMMEDIATE")
            self._db.execute("INSERT INTO drafts (id, authority, form, status, created_by, created_at, content) "
                             "VALUES (?, ?, ?, 'draft', ?, ?, ?)", (draft_id, authority, form, user, now, body))
            self._log(user, "created", draft_id, content, now)
        return self.get(draft_id)

    def get(self, draft_id: str) -> DraftRecord:
        with self._lock:
            row = self._db.execute("SELECT * FROM drafts WHERE id = ?", (draft_id,)).fetchone()
        if row is None:
            raise DraftNotFound(f"No referral draft has the id '{draft_id}'.")
        return _record(row)

    def list(self, *, status: Status | None = None, created_by: str | None = None,
             limit: int = 100) -> list[DraftRecord]:
        sql, args = "SELECT * FROM drafts WHERE 1=1", []
        if status:
            sql += " AND status = ?"
            args.append(status)
        if created_by:
            sql += " AND created_by = ?"
            args.append(created_by)
        sql += " ORDER BY created_at, rowid LIMIT ?"
        args.append(limit)
        with self._lock:
            return [_record(r) for r in self._db.execute(sql, args).fetchall()]

    def review(self, draft_id: str, *, reviewer: str, decision: Literal["approved", "rejected"],
               comment: str | None) -> DraftRecord:
        """Move a draft from ``draft`` to ``decision``; anything else is ``InvalidTransition``."""
        now = self._now()
        with self._lock, self._db:
            self._db.execute("BEGIN IMMEDIATE")
            row = self._db.execute("SELECT * FROM drafts WHERE id = ?", (draft_id,)).fetchone()
            if row is None:
                raise DraftNotFound(f"No referral draft has the id '{draft_id}'.")
            if row["status"] != "draft":
                raise InvalidTransition(f"This draft is already {row['status']}; only a draft can be "
                                        f"{decision}.")
            self._db.execute("UPDATE drafts SET status = ?, reviewer = ?, review_comment = ?, reviewed_at = ? "
                             "WHERE id = ?", (decision, reviewer, comment, now, draft_id))
            self._log(reviewer, decision, draft_id, json.loads(row["content"]), now)
        return self.get(draft_id)

    # --- audit log ------------------------------------------------------------------------
    def record(self, user: str, action: str, record: DraftRecord) -> None:
        """Append ``action`` (viewed / exported) on ``record`` to the audit log."""
        with self._lock, self._db:
            self._log(user, action, record.id, record.content, self._now())

    def _log(self, user: str, action: str, draft_id: str, content: dict, at: str) -> None:
        if action not in ACTIONS:
            raise ValueError(f"unknown audit action {action!r}")
        self._db.execute("INSERT INTO audit_log (at, user, action, draft_id, content_sha256) VALUES (?, ?, ?, ?, ?)",
                         (at, user, action, draft_id, content_hash(content)))

    def audit(self, *, draft_id: str | None = None, limit: int = 1000) -> list[AuditEntry]:
        sql, args = "SELECT * FROM audit_log", []
        if draft_id:
            sql += " WHERE draft_id = ?"
            args.append(draft_id)
        sql += " ORDER BY seq LIMIT ?"
        args.append(limit)
        with self._lock:
            return [AuditEntry(**dict(r)) for r in self._db.execute(sql, args).fetchall()]


def _record(row: sqlite3.Row) -> DraftRecord:
    d = dict(row)
    d["content"] = json.loads(d["content"])
    return DraftRecord(**d)
