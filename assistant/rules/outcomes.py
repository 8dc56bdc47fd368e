"""Result types of ``decide_leaver_reason``: exactly one of ``Ground``, ``NeedsFacts``
or ``NoGround`` - never None and never a guess.

* ``Ground``: a deletion ground applies; what it means, the conditions and how each
  was established, and what the school must now send (with due dates and sources).
* ``NeedsFacts``: no ground can be settled yet; ``missing[0]`` is the single most
  useful next question (it drives the chat's clarifying turn and the web wizard).
* ``NoGround``: on the facts given the name must stay on the register; why, and what
  to do instead.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Literal, Union

from .sources import Source

__all__ = [
    "Status", "Condition", "Action", "Question", "GroundConsidered",
    "Ground", "NeedsFacts", "NoGround", "LeaverOutcome",
]

Status = Literal["met", "unmet", "unknown"]


@dataclass(frozen=True)
class Condition:
    """One condition of a ground and whether the facts meet it."""

    text: str
    status: Status
    source: Source | None = None


@dataclass(frozen=True)
class Action:
    """Something the school must (statutory) or is asked to (local) do."""

    title: str
    detail: str
    statutory: bool
    sources: tuple[Source, ...]
    due: date | None = None
    due_text: str = ""
    authority: str | None = None


@dataclass(frozen=True)
class Question:
    """A fact still needed. ``key`` names the ``Facts`` field (or a situation question)."""

    key: str
    text: str
    options: tuple[str, ...] = ("Yes", "No", "Not known")
    why: str = ""


@dataclass(frozen=True)
class GroundConsidered:
    """Another ground looked at, and where it stands on these facts."""

    code: str
    status: Status
    reason: str


@dataclass(frozen=True)
class Ground:
    kind: Literal["ground"]
    code: str
    title: str
    meaning: str
    conditions: tuple[Condition, ...]
    la_agreement_required: bool
    joint_enquiries_required: bool
    actions: tuple[Action, ...]
    sources: tuple[Source, ...]
    notes: tuple[str, ...]
    other_grounds_considered: tuple[GroundConsidered, ...]
    gateway: str | None = None
    old_2006_ground: str | None = None
    authority: str | None = None

    @property
    def unconfirmed(self) -> tuple[Condition, ...]:
        """Exceptions not ruled out by the facts given (confirm before deleting)."""
        return tuple(c for c in self.conditions if c.status == "unknown")


@dataclass(frozen=True)
class NeedsFacts:
    kind: Literal["needs_facts"]
    missing: tuple[Question, ...]
    candidates: tuple[str, ...]
    notes: tuple[str, ...] = ()
    sources: tuple[Source, ...] = ()

    @property
    def next_question(self) -> Question:
        return self.missing[0]


@dataclass(frozen=True)
class NoGround:
    kind: Literal["no_ground"]
    reasons: tuple[str, ...]
    what_to_do_instead: tuple[str, ...]
    sources: tuple[Source, ...]
    not_before: date | None = None
    other_grounds_considered: tuple[GroundConsidered, ...] = ()
    actions: tuple[Action, ...] = ()


LeaverOutcome = Union[Ground, NeedsFacts, NoGround]
