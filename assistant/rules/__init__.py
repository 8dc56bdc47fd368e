"""CME Assist rule module: pure, deterministic rules for children missing education (England).

Nothing here does I/O or reads the clock: ``today`` is always a parameter. Results are
frozen dataclasses that cite their sources verbatim (``Source``). Errors are
``RuleError`` subclasses (see ``errors``).

Public API:

* ``decide_leaver_reason(facts, *, today, calendar=None)`` -> ``Ground | NeedsFacts | NoGround``
* ``compute_deadline(rule_id, start, *, calendar=None, authority=None)`` -> ``Deadline``;
  ``list_rules(authority=None)`` -> ``list[RuleSpec]``
* ``compulsory_school_age(dob, *, autumn_term_start=None, today=None)`` -> ``CSAResult``
* ``case_timeline(case, calendar=None)`` -> ``Timeline``; ``timeline_to_ics(timeline)`` -> ``str``
* ``SchoolCalendar`` (+ ``from_ics``), ``add_school_days``, ``count_school_days``,
  ``nth_school_day``, ``england_bank_holidays``
* ``parse_uk_date``; ``map_2006_ground``; ``find_old_ground_references``
* ``answer_question(facts, key, reply)``; ``facts_from_mapping``; ``to_jsonable``
"""

from .authorities import AUTHORITIES, normalise_authority
from .bank_holidays import england_bank_holidays
from .csa import CSAResult, compulsory_school_age, is_of_compulsory_school_age, school_leaving_date
from .dates import format_uk, parse_uk_date
from .deadlines import Deadline, compute_deadline, get_rule, list_rules
from .errors import (
    ImpossibleFacts, InvalidCalendar, InvalidDate, InvalidInput, RuleError, UnknownAuthority,
    UnknownRule,
)
from .facts import Facts, facts_from_mapping
from .grounds import GROUNDS
from .ics import timeline_to_ics
from .leaver import decide_leaver_reason
from .old_letters import (
    OldGroundMapping, OldGroundReference, find_old_ground_references, map_2006_ground,
)
from .outcomes import (
    Action, Condition, Ground, GroundConsidered, LeaverOutcome, NeedsFacts, NoGround, Question,
)
from .questions import QUESTIONS, answer_question
from .rule_spec import RuleSpec
from .school_calendar import (
    SchoolCalendar, add_school_days, add_working_days, count_school_days, next_school_day,
    nth_school_day,
)
from .serialize import to_jsonable
from .sources import DOCUMENTS, Source, all_sources
from .timeline import Case, Timeline, TimelineItem, case_timeline

__all__ = [
    "AUTHORITIES", "DOCUMENTS", "GROUNDS", "QUESTIONS",
    "Action", "CSAResult", "Case", "Condition", "Deadline", "Facts", "Ground", "GroundConsidered",
    "ImpossibleFacts", "InvalidCalendar", "InvalidDate", "InvalidInput", "LeaverOutcome",
    "NeedsFacts", "NoGround", "OldGroundMapping", "OldGroundReference", "Question", "RuleError",
    "RuleSpec", "SchoolCalendar", "Source", "Timeline", "TimelineItem", "UnknownAuthority",
    "UnknownRule",
    "add_school_days", "add_working_days", "all_sources", "answer_question", "case_timeline",
    "compulsory_school_age", "compute_deadline", "count_school_days", "decide_leaver_reason",
    "england_bank_holidays", "facts_from_mapping", "find_old_ground_references", "format_uk",
    "get_rule", "is_of_compulsory_school_age", "list_rules", "map_2006_ground", "next_school_day",
    "normalise_authority", "nth_school_day", "parse_uk_date", "school_leaving_date",
    "timeline_to_ics", "to_jsonable",
]
