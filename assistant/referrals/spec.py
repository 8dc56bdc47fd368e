"""Types for referral form specs (``FieldSpec``, ``FormSpec``) and the identity fields of the
statutory deletion return (reg 13(4) of the 2024 Regulations) that several forms share.
See ``forms.py`` for the forms themselves.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from assistant.rules import Source

__all__ = ["FieldSpec", "FormSpec", "Kind", "REGS"]

Kind = Literal["fact", "rule", "corpus"]

REGS = "uksi-2024-208"


@dataclass(frozen=True)
class FieldSpec:
    name: str
    label: str
    required: bool
    source: Source
    kind: Kind = "fact"
    value: str | None = None        # corpus fields: the value, taken from ``source``
    rules: tuple[str, ...] = ()     # due_by: deadline rule ids to try, in order


@dataclass(frozen=True)
class FormSpec:
    id: str
    authority: str
    title: str
    purpose: str
    basis: tuple[Source, ...]       # where the policy asks for this referral / notification
    fields: tuple[FieldSpec, ...]
    notes: tuple[tuple[str, Source | None], ...] = ()

    def field(self, name: str) -> FieldSpec | None:
        return next((f for f in self.fields if f.name == name), None)


def _src(doc_id: str, locator: str, quote: str) -> Source:
    return Source(doc_id, locator, quote)


def _f(name: str, label: str, required: bool, doc_id: str, locator: str, quote: str, *,
       kind: Kind = "fact", value: str | None = None, rules: tuple[str, ...] = ()) -> FieldSpec:
    return FieldSpec(name, label, required, _src(doc_id, locator, quote), kind, value, rules)


# --- the statutory deletion return, reg 13(4): identity fields every leaver return carries -----
def _name(req: bool = True) -> FieldSpec:
    return _f("child_name", "Child's full name", req, REGS, "reg 13(4)(a)", "full name;")


def _address(req: bool = True) -> FieldSpec:
    return _f("address", "Home address (with postcode)", req, REGS, "reg 13(4)(b)", "address;")


def _parent(req: bool = True) -> FieldSpec:
    return _f("parent_name", "Parent/carer the child lives with", req, REGS, "reg 13(4)(c)",
              "the full name and address of any parent the pupil normally lives with")


def _phone(req: bool = True) -> FieldSpec:
    return _f("parent_phone", "Parent/carer emergency telephone", req, REGS, "reg 13(4)(d)",
              "at least one telephone number that each such parent can be contacted with in an emergency")


def _ground(req: bool, doc_id: str, locator: str, quote: str) -> FieldSpec:
    return _f("leaving_reason", "Reason for leaving (regulation 9 ground)", req, doc_id, locator, quote,
              kind="rule")
