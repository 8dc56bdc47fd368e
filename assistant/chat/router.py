"""Which job a message is: small pure predicates over the text, checked in order."""

from __future__ import annotations

import re

from assistant.chat.types import Intent

_LEAVER = re.compile(
    r"which (leaver|leaving|deletion|removal)? ?(reason|ground|code)|what (leaver |leaving |deletion )?(reason|ground)|"
    r"(leaver|leaving|deletion) (reason|ground)|reason for (leaving|taking)|"
    r"take (him|her|them|the pupil|the child|it) off (the )?(roll|register)|"
    r"(can|do|should|must) (i|we) (delete|remove|de-?roll|take (him|her|them) off)|"
    r"record as the (reason|leaving reason)|do we (delete|remove)|"
    r"deletion ground (is|applies|apply)|which ground",
    re.I,
)
_DEADLINE = re.compile(
    r"\b(when is|when's|by when|by what date|on what date|what date|which date|deadline|due|last day|"
    r"how long (have|do) we|run out|from what date|when does)\b",
    re.I,
)
_REFERRAL = re.compile(r"\bdraft (a |the )?(cme )?referral|write (a |the )?(cme )?referral", re.I)
_CONTACT = re.compile(
    r"who (do|should|can) (i|we) (contact|tell|notify|email|ring|call|refer to)|contact (details|number)|"
    r"(email|phone|telephone) (address|number)? (for|of) (the )?(cme|la|local authority)",
    re.I,
)


def is_leaver_question(text: str) -> bool:
    return bool(_LEAVER.search(text))


def is_deadline_question(text: str) -> bool:
    return bool(_DEADLINE.search(text))


def is_referral_request(text: str) -> bool:
    return bool(_REFERRAL.search(text))


def is_contact_question(text: str) -> bool:
    return bool(_CONTACT.search(text))


def route(text: str, *, has_deadline_ask: bool) -> Intent:
    if is_referral_request(text):
        return Intent.REFERRAL
    if has_deadline_ask and is_deadline_question(text):
        return Intent.DEADLINE
    if is_leaver_question(text):
        return Intent.LEAVER
    if has_deadline_ask:
        return Intent.DEADLINE
    return Intent.PROCEDURE
