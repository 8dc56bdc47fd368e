"""Domain types of one chat turn (wire types live in assistant/api/schemas_chat.py)."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum
from typing import Any


class Action(str, Enum):
    ANSWERED = "answered"
    CLARIFY = "clarify"
    NOT_FOUND = "not_found"
    ESCALATED = "escalated"
    REFUSED = "refused"


class Intent(str, Enum):
    LEAVER = "leaver_reason"
    DEADLINE = "deadline"
    PROCEDURE = "procedure"
    REFERRAL = "referral"
    EMERGENCY = "emergency"
    OUT_OF_SCOPE = "out_of_scope"


@dataclass(frozen=True)
class Citation:
    n: int
    chunk_id: str
    doc_id: str
    title: str
    authority: str
    section: str
    quote: str
    text: str
    dated: str | None = None
    status: str = "current"


@dataclass(frozen=True)
class ToolCall:
    name: str
    arguments: dict[str, Any]
    result: dict[str, Any]


@dataclass
class Answer:
    action: Action
    answer: str
    citations: list[Citation] = field(default_factory=list)
    tool_calls: list[ToolCall] = field(default_factory=list)
    options: list[str] = field(default_factory=list)
    flags: list[str] = field(default_factory=list)
    intent: Intent | None = None
    engine: str = "deterministic"

    def flag(self, name: str) -> None:
        if name not in self.flags:
            self.flags.append(name)


# Shared by the composer, the LLM prompt and the tests: the one way of saying "not covered".
NOT_COVERED = "The policy documents I hold do not cover this."
