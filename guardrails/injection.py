"""Prompt injection and jailbreak attempts, in a message or in text pasted into it.

Matching runs on de-obfuscated text (spacing, leetspeak and punctuation tricks undone). Retrieved
passages are never obeyed either: they reach an LLM only as quoted data, and
``contains_instructions`` lets callers drop a chunk that tries to give orders.
"""

from __future__ import annotations

import base64
import re
from dataclasses import dataclass

from guardrails.text import deobfuscate, fold

PATTERNS: tuple[tuple[str, str], ...] = (
    ("override", r"\b(ignore|disregard|forget|override|bypass|skip|drop)\b.{0,40}\b(previous|prior|above|earlier|all|your|the|any|these|those|system|safety)\b.{0,30}"
                 r"\b(instruction|instructions|rules|prompt|prompts|guidelines|guardrails|policies|restrictions|directions|constraints|programming)\b"),
    ("override2", r"\b(ignore|disregard|forget)\b (everything|all that|what) (you were|you've been|i|they) (told|said)"),
    ("reveal", r"\b(reveal|show|print|display|repeat|output|leak|tell me|give me|what is|what's|what are|dump|share)\b.{0,40}"
               r"\b(system prompt|system message|hidden prompt|initial prompt|your (instructions|prompt|rules|configuration|config|settings|api key|secrets?)|(the|your) (api key|configuration|env(ironment)? variables|secret key))"),
    ("roleplay", r"\b(you are now|from now on you are|act as|pretend (to be|you are)|roleplay as|role-play as|simulate)\b.{0,60}"
                 r"\b(dan|unrestricted|unfiltered|jailbroken|no (rules|restrictions|limits)|without (rules|restrictions|filters)|evil|developer mode|god mode|another ai)"),
    ("jailbreak", r"\b(jailbreak|dan mode|developer mode|do anything now|god mode|sudo mode|unrestricted mode)\b"),
    ("new_rules", r"\b(new|updated|real|true) (instructions|rules|system prompt)\s*[:\-]|\bfrom now on\b.{0,60}\b(answer|respond|reply|ignore|don'?t|do not|never|always)\b"),
    ("role_marker", r"(^|\n|[\"'“‘(]\s*)(system|assistant|developer)\s*:\s*\S|<\|?(im_start|system|endoftext)\|?>|\[/?inst\]|###\s*(instruction|system)"),
    ("no_citations", r"\b(without|no|stop (using|adding)|drop( the)?|skip( the)?) citations?\b|\bdon'?t cite\b|\bmake (it|something|an answer) up\b|\binvent\b.{0,20}\b(answer|facts?|a ground)"),
    ("markup", r"<\s*script|javascript:|onerror\s*=|!\[[^\]]*\]\(\s*https?://|<\s*iframe|<\s*img[^>]+src\s*="),
    ("other_users", r"\b(other|previous|another) (user'?s?|users'|people'?s?|person'?s?|staff'?s?) (conversation|chat|question|messages|session|data)"),
)


@dataclass(frozen=True)
class InjectionCheck:
    detected: bool
    kinds: tuple[str, ...]


def check(message: str) -> InjectionCheck:
    variants = {fold(message), deobfuscate(message)}
    variants |= {_decoded(b) for b in re.findall(r"[A-Za-z0-9+/]{24,}={0,2}", message)}
    kinds = tuple(dict.fromkeys(name for name, pat in PATTERNS for v in variants if v and re.search(pat, v)))
    return InjectionCheck(bool(kinds), kinds)


def contains_instructions(text: str) -> bool:
    """For retrieved passages: text that tries to instruct the model rather than inform."""
    return check(text).detected


def _decoded(blob: str) -> str:
    try:
        out = base64.b64decode(blob + "=" * (-len(blob) % 4), validate=False).decode("utf-8")
    except (ValueError, UnicodeDecodeError):
        return ""
    return fold(out) if out.isprintable() else ""
