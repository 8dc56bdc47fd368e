"""Thumbs up / down on chat answers, kept in SQLite (``settings.storage.db_path``, table ``feedback``).

Each row keeps what is needed to find out why an answer was good or bad later: the question, the
answer text, the rating, an optional comment, and the ``settings_hash`` of the configuration that
produced the answer (so a regression can be tied to a settings or index change). Free text typed by
staff (question and comment) is passed through the personal-data redactor when one is available,
so names, phone numbers and addresses do not end up in the feedback log.

One short-lived connection per call (WAL mode), so the store is safe to use from FastAPI's thread
pool and alongside the other tables in the same file.
"""

from __future__ import annotations

import csv
import io
import sqlite3
from dataclasses import asdict, dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Callable, Iterator, Literal

Rating = Literal["up", "down"]

MAX_TEXT = 20_000
MAX_COMMENT = 2_000

_SCHEMA = """
CREATE TABLE IF NOT EXISTS feedback (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    created_at    TEXT    NOT NULL,
    rating        TEXT    NOT NULL CHECK (rating IN ('up', 'down')),
    comment       TEXT    NOT NULL DEFAULT '',
    settings_hash TEXT    NOT NULL DEFAULT '',
    session_id    TEXT    NOT NULL DEFAULT '',
    authority     TEXT    NOT NULL DEFAULT '',
    action        TEXT    NOT NULL DEFAULT '',
    engine        TEXT    NOT NULL DEFAULT '',
    question      TEXT    NOT NULL DEFAULT '',
    answer        TEXT    NOT NULL DEFAULT ''
);
CREATE INDEX IF NOT EXISTS feedback_created_at ON feedback (created_at);
"""

CSV_COLUMNS = ("id", "created_at", "rating", "comment", "settings_hash", "session_id", "authority", "action",
               "engine", "question", "answer")


@dataclass(frozen=True)
class FeedbackEntry:
    id: int
    created_at: str
    rating: Rating
    comment: str
    settings_hash: str
    session_id: str
    authority: str
    action: str
    engine: str
    question: str
    answer: str


class FeedbackStore:
    """The ``feedback`` table of the service's SQLite file."""

    def __init__(self, path: Path | str, *, redact: Callable[[str], str] | None = None,
                 now: Callable[[], datetime] | None = None) -> None:
        self.path = Path(path)
        self.redact = redact or (lambda text: text)
        self.now = now or (lambda: datetime.now(timezone.utc))
        self._ready = False

    def _connect(self) -> sqlite3.Connection:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        conn = sqlite3.connect(self.path, timeout=10)
        conn.row_factory = sqlite3.Row
        if not self._ready:
            conn.execute("PRAGMA journal_mode=WAL")
            conn.executescript(_SCHEMA)
            self._ready = True
        return conn

    def add(self, *, rating: Rating, comment: str = "", settings_hash: str = "", session_id: str = "",
            authority: str = "", action: str = "", engine: str = "", question: str = "", answer: str = "") -> int:
        if rating not in ("up", "down"):
            raise ValueError("rating must be 'up' or 'down'")
        row = (
            self.now().isoformat(timespec="seconds"), rating,
            self.redact(comment.strip()[:MAX_COMMENT]), settings_hash[:64], session_id[:64], authority[:100],
            action[:32], engine[:32], self.redact(question.strip()[:MAX_TEXT]), answer[:MAX_TEXT],
        )
        conn = self._connect()
        try:
            with conn:
                cur = conn.execute(
                    "INSERT INTO feedback (created_at, rating, comment, settings_hash, session_id, authority, action,"
                    " engine, question, answer) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", row)
            return int(cur.lastrowid)
        finally:
            conn.close()

    def entries(self, limit: int | None = None) -> list[FeedbackEntry]:
        """Newest first."""
        return list(self._rows(limit))

    def _rows(self, limit: int | None = None) -> Iterator[FeedbackEntry]:
        conn = self._connect()
        try:
            sql = f"SELECT {', '.join(CSV_COLUMNS)} FROM feedback ORDER BY id DESC"
            params: tuple = ()
            if limit is not None:
                sql += " LIMIT ?"
                params = (int(limit),)
            for r in conn.execute(sql, params):
                yield FeedbackEntry(**dict(r))
        finally:
            conn.close()

    def counts(self) -> dict[str, int]:
        conn = self._connect()
        try:
            got = dict(conn.execute("SELECT rating, COUNT(*) FROM feedback GROUP BY rating").fetchall())
        finally:
            conn.close()
        return {"up": int(got.get("up", 0)), "down": int(got.get("down", 0)),
                "total": int(got.get("up", 0)) + int(got.get("down", 0))}

    def to_csv(self) -> str:
        """Every entry, oldest first, as CSV. Cells that a spreadsheet would run as a formula are
        prefixed with a quote (CSV injection)."""
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\r\n")
        writer.writerow(CSV_COLUMNS)
        for e in reversed(self.entries()):
            writer.writerow([_csv_safe(v) for v in asdict(e).values()])
        return out.getvalue()


def _csv_safe(value) -> str:
    text = "" if value is None else str(value)
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def redactor_for(services) -> Callable[[str], str] | None:
    """The service's personal-data redactor as ``text -> text``, or None when there is none."""
    pii = getattr(services, "pii", None)
    if pii is None or not hasattr(pii, "redact"):
        return None

    def redact(text: str) -> str:
        if not text:
            return text
        try:
            return pii.redact(text)[0]
        except Exception:  # never lose feedback because the redactor failed; drop the free text instead
            return "[comment withheld: personal-data check failed]"
    return redact
