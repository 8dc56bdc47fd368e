"""``RuleSpec``: the description of one named deadline rule (statutory or local)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from .sources import Source

__all__ = ["RuleSpec", "Mode", "Basis"]

Mode = Literal["calendar_days_after", "school_days_after", "school_day_of_run",
               "working_days_after", "calendar_months_after", "on_event"]
Basis = Literal["school_days", "working_days", "calendar_days", "calendar_months", "on_event"]

_BASIS: dict[str, Basis] = {
    "calendar_days_after": "calendar_days", "school_days_after": "school_days",
    "school_day_of_run": "school_days", "working_days_after": "working_days",
    "calendar_months_after": "calendar_months", "on_event": "on_event",
}


@dataclass(frozen=True)
class RuleSpec:
    """A named deadline rule."""

    id: str
    title: str
    mode: Mode
    amount: int
    start_meaning: str
    statutory: bool
    sources: tuple[Source, ...]
    authority: str | None = None
    scope: Literal["law", "authority", "school"] = "law"
    variant_of: str | None = None
    note: str = ""

    @property
    def basis(self) -> Basis:
        return _BASIS[self.mode]


