"""Errors raised by the rule module.

Every error the rule module raises on purpose is a ``RuleError``. The
messages are written for a school attendance officer, not a programmer: they
say what is wrong with the input and, where possible, how to put it right.
Each class has a stable machine ``code`` that the HTTP API uses in its
``{"error": {"code", "message"}}`` body (all of them map to 422).

The whole tree::

    RuleError                    base class; never raised directly
    ├── InvalidInput             the input cannot be used as given
    │   ├── InvalidDate          a date string is not a real date or not in a UK format
    │   ├── ImpossibleFacts      facts that cannot all be true (leave ending before it
    │   │                        started, absence longer than the school days since it
    │   │                        began, a date of birth or death in the future, ...)
    │   └── InvalidCalendar      a school calendar or .ics file that cannot be used, or a
    │                            count that runs past the end of the calendar's term dates
    ├── UnknownRule              a deadline rule id or a 2006 ground that does not exist
    └── UnknownAuthority         a local authority the corpus has no documents for

Third-party exceptions (``holidays``, ``dateutil``) are translated into these at
the point they occur; nothing else escapes the module for bad input.
"""

from __future__ import annotations

__all__ = [
    "RuleError",
    "InvalidInput",
    "InvalidDate",
    "ImpossibleFacts",
    "InvalidCalendar",
    "UnknownRule",
    "UnknownAuthority",
]


class RuleError(Exception):
    """Base class of every error the rule module raises on purpose."""

    code: str = "rule_error"

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message


class InvalidInput(RuleError):
    """The input cannot be used as given."""

    code = "invalid_input"


class InvalidDate(InvalidInput):
    """A date string is not a real date, or is not written in a format we accept."""

    code = "invalid_date"


class ImpossibleFacts(InvalidInput):
    """The facts given cannot all be true at once."""

    code = "impossible_facts"


class InvalidCalendar(InvalidInput):
    """A school calendar cannot be used (bad .ics, or too short for the count asked)."""

    code = "invalid_calendar"


class UnknownRule(RuleError):
    """No deadline rule (or 2006 ground) has that name."""

    code = "unknown_rule"


class UnknownAuthority(RuleError):
    """The corpus has no documents for that local authority."""

    code = "unknown_authority"
