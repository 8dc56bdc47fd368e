"""The rule commands of `cme-assist` (leaver-reason, deadline, rules, csa, timeline), run with
click's CliRunner. None of them needs the index."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date
from pathlib import Path

import icalendar
import pytest
from click.testing import CliRunner

from assistant import rules
from assistant.cli import main

ROOT = Path(__file__).resolve().parent.parent
TODAY = ["--today", "22/11/2026"]


def run(*args: str, code: int = 0):
    result = CliRunner().invoke(main, list(args))
    assert result.exit_code == code, result.output
    if code:
        assert isinstance(result.exception, SystemExit), result.exception  # a message, not a traceback
        assert "Traceback" not in result.output and result.output.startswith("Error: ")
    return result.output


def test_leaver_reason_ground_with_actions_and_sources():
    out = run("leaver-reason", "--fact", "of_compulsory_school_age=yes", "--fact", "died=yes",
              "--authority", "Worcestershire", *TODAY)
    assert "Ground: 9(1)(k)" in out
    assert "Deletion return to the local authority" in out and "Sun 22 Nov 2026" in out
    assert "Worcestershire leaver form" in out
    assert "reg 9(1)(k): \u201cthe pupil has died\u201d" in out


def test_leaver_reason_json_matches_the_rule_module():
    args = ["--fact", "of_compulsory_school_age=true", "--fact", "moved_abroad=yes",
            "--fact", "reasonable_grounds_will_return=no"]
    body = json.loads(run("leaver-reason", *args, "--json", *TODAY))
    facts = rules.Facts(of_compulsory_school_age=True, moved_abroad=True, reasonable_grounds_will_return=False)
    expected = rules.decide_leaver_reason(facts, today=date(2026, 11, 22))
    assert body == {"outcome": "ground", "today": "2026-11-22", "result": rules.to_jsonable(expected)}
    assert body["result"]["code"] == "9(1)(g)"


def test_leaver_reason_asks_the_next_question_and_takes_quick_replies():
    out = run("leaver-reason", "--fact", "of_compulsory_school_age=yes", *TODAY)
    assert "More facts needed." in out and "What is happening with the pupil?" in out
    assert "Home education" in out and '--answer "situation=' in out
    out = run("leaver-reason", "--fact", "of_compulsory_school_age=yes", "--answer", "situation=Home education", *TODAY)
    assert "Options: In writing | Only verbally | No" in out
    out = run("leaver-reason", "--fact", "of_compulsory_school_age=yes", "--answer", "situation=Home education",
              "--answer", "home_education_notice=In writing", "--fact", "home_education_last_day=13/11/2026", *TODAY)
    assert "Ground: 9(1)(f)" in out


def test_leaver_reason_counts_numbers_and_no_ground():
    out = run("leaver-reason", "--fact", "of_compulsory_school_age=yes", "--fact", "detained=yes",
              "--fact", "detention_type=remand", *TODAY)
    assert "No ground" in out
    body = json.loads(run("leaver-reason", "--fact", "of_compulsory_school_age=yes", "--fact", "continuously_absent=yes",
                          "--fact", "continuous_absence_school_days=12", "--json", *TODAY))
    assert body["outcome"] in {"needs_facts", "no_ground"}


@pytest.mark.parametrize("args, words", [
    pytest.param(["--fact", "first_day_of_absence=31/02/2025"], "February 2025 has no day 31", id="bad-date"),
    pytest.param(["--fact", "leave_of_absence_given=yes", "--fact", "leave_start=10/11/2025",
                  "--fact", "leave_end=01/11/2025"], "cannot end", id="leave-before-start"),
    pytest.param(["--fact", "first_day_of_absence=16/11/2026", "--fact", "continuous_absence_school_days=30"],
                 "longer than", id="absence-too-long"),
    pytest.param(["--fact", "pupil_name=x"], "Unknown fact(s): pupil_name", id="unknown-fact"),
    pytest.param(["--fact", "died"], "KEY=VALUE", id="no-equals"),
    pytest.param(["--fact", "died=maybe"], "answer yes, no or not known", id="bad-boolean"),
    pytest.param(["--authority", "Kent"], "Known authorities", id="unknown-authority"),
    pytest.param(["--answer", "situation=Gone"], "Answer one of", id="bad-quick-reply"),
    pytest.param(["--today", "2026-13-01"], "no month 13", id="bad-today"),
])
def test_leaver_reason_bad_input_is_a_clear_error(args, words):
    today = [] if "--today" in args else TODAY
    assert words in run("leaver-reason", *args, *today, code=1)


def test_deadline_explains_the_count_across_easter():
    out = run("deadline", "leave_10_school_days", "30/03/2026")
    assert "Due: Wed 15 Apr 2026 (2026-04-15)" in out
    assert "Fri 3 Apr 2026: bank holiday: Good Friday" in out and "Mon 6 Apr 2026: bank holiday: Easter Monday" in out
    assert "6 non-school days in between were skipped" in out
    assert "reg 9(1)(h)(i)" in out
    body = json.loads(run("deadline", "new_pupil_return", "07/11/2025", "--json"))
    assert body["due"] == "2025-11-12" and body["basis"] == "calendar_days"


def test_deadline_with_authority_and_calendar(tmp_path):
    ics = tmp_path / "school.ics"
    ics.write_text(
        "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nSUMMARY:Autumn term\r\nDTSTART;VALUE=DATE:20250903\r\n"
        "DTEND;VALUE=DATE:20251220\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nSUMMARY:INSET day\r\n"
        "DTSTART;VALUE=DATE:20251121\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n", encoding="utf-8")
    out = run("deadline", "absence_20_school_days", "03/11/2025", "--authority", "Derbyshire", "--calendar", str(ics))
    assert "Fri 21 Nov 2025: school closed: INSET day" in out
    assert "derbyshire.no_removal_before_20_school_days" in out and "Due: Mon 1 Dec 2025" in out
    assert "Cannot read the calendar" in run("deadline", "new_pupil_return", "07/11/2025", "--calendar",
                                             str(tmp_path / "missing.ics"), code=1)
    bad = tmp_path / "bad.ics"
    bad.write_text("BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n", encoding="utf-8")
    assert "No term dates" in run("deadline", "new_pupil_return", "07/11/2025", "--calendar", str(bad), code=1)


@pytest.mark.parametrize("args, words", [
    pytest.param(["no_such_rule", "07/11/2025"], "Known rules: new_pupil_return", id="unknown-rule"),
    pytest.param(["new_pupil_return", "31/02/2025"], "no day 31", id="bad-date"),
    pytest.param(["derbyshire.cml_leaver_form", "07/11/2025", "-a", "Norfolk"], "belongs to Derbyshire",
                 id="other-authority-rule"),
])
def test_deadline_bad_input(args, words):
    assert words in run("deadline", *args, code=1)


def test_rules_lists_ids():
    out = run("rules")
    assert all(r.id in out for r in rules.list_rules())
    out = run("rules", "--authority", "norfolk")
    assert "norfolk.riverside_report_20_days" in out and "derbyshire." not in out
    assert "Known authorities" in run("rules", "-a", "Kent", code=1)


def test_csa():
    out = run("csa", "30/08/2010")
    assert "starts: Mon 31 Aug 2015" in out and "ends:   Fri 26 Jun 2026" in out
    assert json.loads(run("csa", "2010-08-30", "--json"))["end"] == "2026-06-26"
    assert "in the future" in run("csa", "01/01/2099", code=1)


def test_timeline_prints_and_writes_ics(tmp_path):
    path = tmp_path / "case.ics"
    out = run("timeline", "--authority", "Worcestershire", "--first-day-of-absence", "03/11/2025",
              "--date-of-entry", "03/09/2025", "--ics", str(path))
    expected = rules.case_timeline(rules.Case(authority="Worcestershire", first_day_of_absence=date(2025, 11, 3),
                                              date_of_entry=date(2025, 9, 3)))
    assert "Fri 28 Nov 2025" in out and "absence_20_school_days" in out
    events = [c for c in icalendar.Calendar.from_ical(path.read_text(encoding="utf-8")).walk() if c.name == "VEVENT"]
    assert len(events) == len(expected.items)
    body = json.loads(run("timeline", "-a", "Derbyshire", "--first-day-of-absence", "03/11/2025", "--json"))
    assert body == rules.to_jsonable(rules.case_timeline(rules.Case(authority="Derbyshire",
                                                                    first_day_of_absence=date(2025, 11, 3))))


def test_timeline_bad_input():
    assert "at least one date" in run("timeline", "--authority", "Worcestershire", code=1)
    assert "no day 31" in run("timeline", "--first-day-of-absence", "31/02/2025", code=1)
    assert "before the pupil joined" in run("timeline", "--first-day-of-absence", "01/09/2025",
                                            "--date-of-entry", "03/09/2025", code=1)


def test_commands_are_registered_when_run_as_a_module():
    out = subprocess.run([sys.executable, "-m", "assistant.cli", "--help"], cwd=ROOT, capture_output=True,
                         text=True, check=True).stdout
    for name in ("leaver-reason", "deadline", "rules", "csa", "timeline", "search"):
        assert name in out
