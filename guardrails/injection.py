"""Prompt injection and jailbreak attempts, in a message or in text pasted into it.

Matching runs on de-obfuscated text (spacing, leetspeak and punctuation tricks undone). Retrieved
passages are never obeyed either: they reach an LLM only as quoted data, and
``contains_instructions`` lets callers drop a chunk that tries to give orders.
"""

from __future__ import annotations

import base64
import codecs
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
    ("persona", r"\byou are (no longer|not) (cme assist|an assistant|bound)|\byou are [a-z]+bot\b|an ai with no (restrictions|rules|limits|filters)|"
                r"pretend (you have|there are) no (guidelines|rules|restrictions)|"
                # (to the chat, not to a pupil: "the 20-day rules don't apply to sixth formers?" is a real question)
                r"(rules|guidelines|restrictions) (don'?t|do not) apply (in this (chat|conversation)|here|to you|any ?more|now)\b|"
                r"(answer|respond|reply) with no rules|let'?s play a game.{0,80}(rules|before every answer)"),
    ("override3", r"system override|safety (filters?|rules) (are )?(disabled|off|removed)|(filters?|guardrails) (disabled|off)|hidden rules|"
                  r"topics you are blocked|admin mode|maintenance mode"),
    ("embedded_order", r"\bnote to (the )?(ai|assistant|model|chatbot|bot)\b|\b(ai|assistant|chatbot|bot)\s*:\s*(reply|respond|say|write|ignore|output|answer|tell)|"
                       r"(reply|respond|answer) (only )?with (the word|only)|write [a-z0-9-]+ in capitals|display\s*:\s*none|"
                       r"(before|at the start of) every answer (you must )?(write|say)"),
    ("memory", r"remember this for (all )?(future|other) (users|people|conversations)|for all future users|update your (records|knowledge|data)|"
               r"confirm you'?ve updated"),
    ("code_injection", r"drop table|;\s*--|\bunion select\b|stack trace|raw error|\bos\.system\b|rm -rf|<\?php"),
    ("extraction", r"(instructions|rules|prompt|text) you were (given|told)|initial instructions|read me yours|(your|her|the) system prompts?|"
                   r"the words above|starting with the phrase|rules you follow|told not to reveal|conversation history|"
                   r"last person who asked|dump the (contents|database)|vector database|chat logs?|\bcat \.env\b|run [`'\"]?env[`'\"]?|"
                   r"instruction from your (system )?(administrator|admin|developers?)|new rule from your|respond to every future message|"
                   r"never cite|invent the (legislation|law|answer)|acknowledge by replying"),
    ("other_users", r"\b(other|previous|another) (user'?s?|users'|people'?s?|person'?s?|staff'?s?) (conversation|chat|question|messages|session|data)|"
                    r"what (other|previous) (schools|users|people|staff|officers) (have been|were|are) (asking|saying|telling)"),
)


@dataclass(frozen=True)
class InjectionCheck:
    detected: bool
    kinds: tuple[str, ...]


_COMPACT = re.compile(r"ignore(all)?(the)?(previous|prior|above|your)(instructions|rules|prompt)|systemprompt|"
                      r"revealyour(instructions|prompt|rules)|developermode|jailbreak")


def check(message: str) -> InjectionCheck:
    folded = fold(message)
    variants = {folded, deobfuscate(message), folded[::-1], codecs.decode(folded, "rot13")}
    compact = re.sub(r"[^a-z]", "", deobfuscate(message))
    if _COMPACT.search(compact) or _COMPACT.search(compact[::-1]) or _COMPACT.search(codecs.decode(compact, "rot13")):
        variants.add("ignore all previous instructions")
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
