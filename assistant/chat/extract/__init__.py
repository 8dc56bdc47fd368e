"""Facts for the rule module, read from what staff type.

Each fact family below maps plain wording to one or more ``Facts`` fields (see
``assistant/rules/facts.py``). Only what the message says, or what it necessarily implies,
is set; everything else stays unknown so the rules ask for it rather than assume it. The
patterns are deliberately conservative: a wrong fact is worse than a clarifying question.
So a statement that is negated ("no leave was given"), hedged ("we don't know if she'll come
back") or about someone else ("her grandad died") is not read as the positive fact.

``extract_deadline`` reads a deadline question: a countable rule named in the message and the
date to count from. Without both it returns None (the message is then not a deadline question).
"""

from assistant.chat.extract.deadline import DeadlineAsk, extract_deadline
from assistant.chat.extract.facts import Extracted, extract_facts
from assistant.chat.extract.stage import age, school_year

__all__ = ["Extracted", "extract_facts", "DeadlineAsk", "extract_deadline", "school_year", "age"]
