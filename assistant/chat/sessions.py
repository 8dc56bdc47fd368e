"""Conversation state: bounded, expiring, in memory behind a small repository interface.

A session holds the recent turns (for follow-ups such as "and for Derbyshire?") and, while the
assistant waits for a clarifying answer, what it was trying to decide and the facts so far.
"""

from __future__ import annotations

import threading
import time
import uuid
from collections import OrderedDict
from dataclasses import dataclass, field
from typing import Any, Callable


@dataclass
class Pending:
    intent: str  # Intent value
    question_key: str
    options: list[str]
    facts: dict[str, Any] = field(default_factory=dict)
    message: str = ""  # the question that started it


@dataclass
class Turn:
    message: str
    intent: str
    authority: str | None
    answer: str


@dataclass
class Session:
    session_id: str
    turns: list[Turn] = field(default_factory=list)
    pending: Pending | None = None
    authority: str | None = None
    facts: dict[str, Any] = field(default_factory=dict)  # leaver facts gathered so far
    touched: float = 0.0


class SessionStore:
    def __init__(self, *, max_sessions: int = 1000, ttl_seconds: float = 3600, max_turns: int = 20,
                 now: Callable[[], float] = time.monotonic) -> None:
        self.max_sessions, self.ttl, self.max_turns, self.now = max_sessions, ttl_seconds, max_turns, now
        self._items: OrderedDict[str, Session] = OrderedDict()
        self._lock = threading.Lock()

    def get_or_create(self, session_id: str | None) -> Session:
        with self._lock:
            self._expire()
            if session_id and session_id in self._items:
                s = self._items.pop(session_id)
            else:
                s = Session(session_id or uuid.uuid4().hex)
            s.touched = self.now()
            self._items[s.session_id] = s
            while len(self._items) > self.max_sessions:
                self._items.popitem(last=False)
            return s

    def record(self, session: Session, turn: Turn) -> None:
        with self._lock:
            session.turns.append(turn)
            del session.turns[: -self.max_turns]

    def __len__(self) -> int:
        return len(self._items)

    def _expire(self) -> None:
        cutoff = self.now() - self.ttl
        for sid in [sid for sid, s in self._items.items() if s.touched < cutoff]:
            del self._items[sid]
