"""Rule commands for ``cme-assist``: leaver-reason, deadline, rules, csa, timeline.

Thin over the pure rule module (``assistant.rules``); importing this module registers the
commands on the ``main`` group (``assistant/cli.py`` does so at its end). Nothing here loads the
index or the embedding model, so the commands answer instantly and offline; citations are printed
as document, locator and verbatim quote. Invalid input (a date that does not exist, facts that
cannot all be true, an unknown rule or authority) is a ``click.ClickException``: one clear line,
exit code 1, never a traceback.
"""

from __future__ import annotations

import json
import sys
import typing
from contextlib import contextmanager
from dataclasses import fields
from datetime import date
from pathlib import Path
from typing import Any, Iterator, get_args

import click

from assistant import rules
from assistant.cli import main
from assistant.rules.dates import as_date, format_uk
from assistant.rules.facts import FACT_FIELDS
from assistant.source_links import collect_sources

_FACT_TYPES = typing.get_type_hints(rules.Facts)


@contextmanager
def _friendly() -> Iterator[None]:
    """Rule-module errors become one clear line and exit code 1."""
    try:
        yield
    except rules.RuleError as exc:
        raise click.ClickException(str(exc)) from None


def _date(value: str | None, name: str) -> date | None:
    if value is None:
        return None
    with _friendly():
        return as_date(value, field=name)


def _pairs(items: tuple[str, ...], option: str) -> list[tuple[str, str]]:
    out = []
    for item in items:
        key, sep, value = item.partition("=")
        if not sep or not key.strip():
            raise click.ClickException(f"{option} needs KEY=VALUE, for example {option} died=yes (got {item!r}).")
        out.append((key.strip(), value.strip()))
    return out


def _fact_value(key: str, value: str) -> Any:
    """Command-line text to what ``facts_from_mapping`` expects (it checks everything else)."""
    inner = [a for a in get_args(_FACT_TYPES.get(key, str)) if a is not type(None)]
    if int in inner and value.strip().lstrip("-").isdigit():
        return int(value)
    return value


def _calendar(path: Path | None) -> rules.SchoolCalendar | None:
    if path is None:
        return None
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise click.ClickException(f"Cannot read the calendar {path}: {exc}") from None
    with _friendly():
        return rules.SchoolCalendar.from_ics(text, name=path.stem)


def _echo_json(obj: Any) -> None:
    click.echo(json.dumps(rules.to_jsonable(obj), indent=1, ensure_ascii=False))


def _echo_sources(sources) -> None:
    seen = []
    for s in sources:
        key = (s.doc_id, s.locator, s.quote)
        if key not in seen:
            seen.append(key)
    if not seen:
        return
    click.echo(click.style("Sources:", bold=True))
    for doc_id, locator, quote in seen:
        title = rules.DOCUMENTS.get(doc_id, (doc_id, ""))[0]
        click.echo(f"  - {title} [{doc_id}], {locator}: \u201c{quote}\u201d")


def _echo_list(heading: str, lines) -> None:
    lines = list(lines)
    if lines:
        click.echo(click.style(heading, bold=True))
        for line in lines:
            click.echo(f"  - {line}")


def _due(d: date | None) -> str:
    return f"{format_uk(d)} ({d.isoformat()})" if d else "-"


def _answer_hint(q: rules.Question) -> str:
    if q.options:
        return f'--answer "{q.key}={q.options[0]}" (or another option)'
    t = [a for a in get_args(_FACT_TYPES.get(q.key, str)) if a is not type(None)]
    return f"--fact {q.key}={'NUMBER' if int in t else 'DD/MM/YYYY'}"


def _echo_actions(actions) -> None:
    _echo_list("Actions:", (
        f"{a.title} ({'statutory' if a.statutory else 'local: ' + (a.authority or 'local practice')}); "
        f"due {_due(a.due)}{' - ' + a.due_text if a.due_text else ''}. {a.detail}" for a in actions))


def _echo_outcome(o: rules.LeaverOutcome) -> None:
    if isinstance(o, rules.Ground):
        click.echo(click.style(f"Ground: {o.code} - {o.title}", bold=True, fg="green"))
        click.echo(f"  {o.meaning}")
        _echo_list("Conditions:", (f"[{c.status}] {c.text}" for c in o.conditions))
        click.echo(f"LA agreement required: {'yes' if o.la_agreement_required else 'no'}.  "
                   f"Joint enquiries with the LA required: {'yes' if o.joint_enquiries_required else 'no'}.")
        _echo_actions(o.actions)
        _echo_list("Notes:", o.notes)
        _echo_list("Other grounds considered:", (f"{g.code} ({g.status}): {g.reason}" for g in o.other_grounds_considered))
    elif isinstance(o, rules.NeedsFacts):
        click.echo(click.style("More facts needed.", bold=True, fg="yellow")
                   + (f" Possible grounds: {', '.join(o.candidates)}." if o.candidates else ""))
        q = o.next_question
        click.echo(f"Next question: {q.text}")
        if q.options:
            click.echo(f"  Options: {' | '.join(q.options)}")
        click.echo(f"  Answer with: {_answer_hint(q)}")
        _echo_list("Also needed:", (f"{m.key}: {m.text}" for m in o.missing[1:]))
        _echo_list("Notes:", o.notes)
    else:
        click.echo(click.style("No ground: the name stays on the register.", bold=True, fg="red"))
        _echo_list("Why:", o.reasons)
        if o.not_before:
            click.echo(f"Not before: {_due(o.not_before)}")
        _echo_list("What to do instead:", o.what_to_do_instead)
        _echo_actions(o.actions)
    _echo_sources(collect_sources(o))


@click.command("leaver-reason")
@click.option("--fact", "facts", multiple=True, metavar="KEY=VALUE",
              help="A known fact, e.g. --fact died=yes --fact first_day_of_absence=03/11/2025 (repeatable).")
@click.option("--answer", "answers", multiple=True, metavar="KEY=OPTION",
              help='A quick reply to a question, e.g. --answer "situation=Home education" (repeatable).')
@click.option("--authority", "-a", help="Local authority, for its own forms and steps.")
@click.option("--today", help="Decide as of this day (default: today), e.g. 22/11/2026.")
@click.option("--calendar", "calendar_path", type=click.Path(path_type=Path), help="School calendar (.ics).")
@click.option("--json", "as_json", is_flag=True, help="Print the result as JSON.")
def leaver_reason(facts: tuple[str, ...], answers: tuple[str, ...], authority: str | None, today: str | None,
                  calendar_path: Path | None, as_json: bool) -> None:
    """Which regulation 9 deletion ground applies, or the next fact needed."""
    data = {k: _fact_value(k, v) for k, v in _pairs(facts, "--fact")}
    unknown = sorted(set(data) - set(FACT_FIELDS))
    if unknown:
        raise click.ClickException(f"Unknown fact(s): {', '.join(unknown)}. Known facts: {', '.join(FACT_FIELDS)}.")
    if authority:
        data["authority"] = authority
    day = _date(today, "--today") or date.today()
    calendar = _calendar(calendar_path)
    with _friendly():
        f = rules.facts_from_mapping(data)
        for key, reply in _pairs(answers, "--answer"):
            f = rules.answer_question(f, key, reply)
        outcome = rules.decide_leaver_reason(f, today=day, calendar=calendar)
    if as_json:
        click.echo(json.dumps({"outcome": outcome.kind, "today": day.isoformat(),
                               "result": rules.to_jsonable(outcome)}, indent=1, ensure_ascii=False))
    else:
        _echo_outcome(outcome)


def _echo_deadline(d: rules.Deadline, indent: str = "") -> None:
    kind = "statutory" if d.statutory else f"local practice ({d.authority})"
    click.echo(click.style(f"{indent}{d.title}", bold=True) + f"  [{d.rule}, {kind}]")
    click.echo(f"{indent}Start: {_due(d.start)}   Due: {_due(d.due)}   Counted in: {d.basis.replace('_', ' ')}")
    if d.skipped:
        click.echo(f"{indent}Skipped:")
        for day, why in d.skipped:
            click.echo(f"{indent}  {format_uk(day)}: {why}")
    click.echo(f"{indent}How it was counted: {d.explanation}")


@click.command()
@click.argument("rule_id")
@click.argument("start_date")
@click.option("--authority", "-a", help="Also show this authority's local versions of the step.")
@click.option("--calendar", "calendar_path", type=click.Path(path_type=Path), help="School calendar (.ics).")
@click.option("--json", "as_json", is_flag=True, help="Print the result as JSON.")
def deadline(rule_id: str, start_date: str, authority: str | None, calendar_path: Path | None, as_json: bool) -> None:
    """Due date of RULE_ID counted from START_DATE, with how it was counted (see `cme-assist rules`)."""
    start = _date(start_date, "START_DATE")
    calendar = _calendar(calendar_path)
    with _friendly():
        d = rules.compute_deadline(rule_id, start, calendar=calendar, authority=authority)
    if as_json:
        _echo_json(d)
        return
    _echo_deadline(d)
    for v in d.local_variants:
        click.echo("")
        _echo_deadline(v, indent="  ")
    _echo_sources(collect_sources(d))


@click.command("rules")
@click.option("--authority", "-a", help="The statutory rules plus this authority's own.")
@click.option("--json", "as_json", is_flag=True, help="Print the rules as JSON.")
def rules_cmd(authority: str | None, as_json: bool) -> None:
    """List the deadline rule ids."""
    with _friendly():
        specs = rules.list_rules(authority)
    if as_json:
        _echo_json([{"id": s.id, "title": s.title, "basis": s.basis, "statutory": s.statutory,
                     "authority": s.authority, "start_meaning": s.start_meaning, "sources": s.sources}
                    for s in specs])
        return
    for s in specs:
        kind = "statutory" if s.statutory else f"local: {s.authority}"
        click.echo(f"{s.id:46} {s.basis:15} {kind:28} {s.title}")


@click.command()
@click.argument("date_of_birth")
@click.option("--autumn-term-start", help="First day of the autumn term in the year the pupil turns 16.")
@click.option("--json", "as_json", is_flag=True, help="Print the result as JSON.")
def csa(date_of_birth: str, autumn_term_start: str | None, as_json: bool) -> None:
    """When compulsory school age starts and ends for DATE_OF_BIRTH."""
    dob = _date(date_of_birth, "DATE_OF_BIRTH")
    autumn = _date(autumn_term_start, "--autumn-term-start")
    with _friendly():
        r = rules.compulsory_school_age(dob, autumn_term_start=autumn, today=date.today())
    if as_json:
        _echo_json(r)
        return
    click.echo(click.style(f"Compulsory school age starts: {_due(r.start)}", bold=True)
               + f" (education required from the {r.education_from_term})")
    click.echo(click.style(f"Compulsory school age ends:   {_due(r.end)}", bold=True) + " (at the end of that day)")
    click.echo(r.explanation)
    _echo_list("Notes:", r.notes)
    _echo_list("Check:", r.flags)
    _echo_sources(r.sources)


_CASE_DATES = [f.name for f in fields(rules.Case) if f.type.startswith("date")]


def _case_options(fn):
    for name in reversed(_CASE_DATES):
        fn = click.option(f"--{name.replace('_', '-')}", name, metavar="DATE",
                          help=f"{name.replace('_', ' ').capitalize()}.")(fn)
    return fn


@click.command()
@click.option("--authority", "-a", help="Local authority: adds its own steps.")
@click.option("--school-policy", help="doc_id of a school's own policy, e.g. aspire-academy-cme-policy-2023.")
@_case_options
@click.option("--calendar", "calendar_path", type=click.Path(path_type=Path), help="School calendar (.ics).")
@click.option("--ics", "ics_path", type=click.Path(path_type=Path, dir_okay=False), help="Also write the timeline to this .ics file.")
@click.option("--json", "as_json", is_flag=True, help="Print the timeline as JSON.")
def timeline(authority: str | None, school_policy: str | None, calendar_path: Path | None, ics_path: Path | None,
             as_json: bool, **dates: str | None) -> None:
    """Every dated statutory and local step of a case, in date order."""
    values: dict[str, Any] = {k: _date(v, "--" + k.replace("_", "-")) for k, v in dates.items() if v is not None}
    if not values:
        raise click.ClickException("Give at least one date, e.g. --first-day-of-absence 03/11/2025 "
                                   "(see cme-assist timeline --help).")
    calendar = _calendar(calendar_path)
    with _friendly():
        t = rules.case_timeline(rules.Case(authority=authority, school_policy=school_policy, **values), calendar)
    if ics_path is not None:
        try:
            ics_path.write_text(rules.timeline_to_ics(t), encoding="utf-8", newline="")
        except OSError as exc:
            raise click.ClickException(f"Cannot write {ics_path}: {exc}") from None
    if as_json:
        _echo_json(t)
    else:
        for item in t.items:
            kind = "statutory" if item.statutory else f"local: {item.authority}"
            click.echo(f"{format_uk(item.date):16} {item.title}  [{item.rule}, {kind}]")
        click.echo(t.basis_note)
    if ics_path is not None:
        click.echo(f"Wrote {len(t.items)} event(s) to {ics_path}", err=True)


COMMANDS = (leaver_reason, deadline, rules_cmd, csa, timeline)


def register(group: click.Group) -> None:
    for command in COMMANDS:
        group.add_command(command)


register(main)
# `python -m assistant.cli` runs cli.py as __main__, a second copy of the module: register there too.
_script = sys.modules.get("__main__")
if getattr(getattr(_script, "__spec__", None), "name", None) == "assistant.cli" and getattr(_script, "main", main) is not main:
    register(_script.main)
