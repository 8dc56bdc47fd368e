"""``timeline_to_ics``: a case timeline as an iCalendar (RFC 5545) file, written by hand.

One all-day VEVENT per timeline item. Lines end in CRLF and are folded at 75 octets.
UIDs are stable (a hash of rule, date and title), and DTSTAMP is derived from the
item's date, so the same timeline always gives the same text (no clock is read).
"""

from __future__ import annotations

import hashlib
from datetime import timedelta

from .timeline import Timeline, TimelineItem

__all__ = ["timeline_to_ics"]


def _escape(text: str) -> str:
    return (text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
            .replace("\r\n", "\\n").replace("\n", "\\n"))


def _fold(line: str) -> list[str]:
    """Split a content line into <= 75-octet pieces without splitting a UTF-8 character."""
    out: list[str] = []
    current, size, limit = "", 0, 75
    for ch in line:
        n = len(ch.encode("utf-8"))
        if size + n > limit:
            out.append(current)
            current, size, limit = " ", 1, 75
        current += ch
        size += n
    out.append(current)
    return out


def uid_for(item: TimelineItem) -> str:
    digest = hashlib.sha1(f"{item.rule}|{item.date.isoformat()}|{item.title}".encode()).hexdigest()
    return f"{digest[:24]}@cme-assist"


def _event(item: TimelineItem) -> list[str]:
    cites = "\n".join(f"{s.doc_id} {s.locator}: \u201c{s.quote}\u201d" for s in item.sources)
    kind = "Statutory" if item.statutory else f"Local practice ({item.authority or 'local'})"
    desc = f"{item.explanation}\n{kind}. Rule: {item.rule}\n{cites}"
    return [
        "BEGIN:VEVENT",
        f"UID:{uid_for(item)}",
        f"DTSTAMP:{item.date.strftime('%Y%m%d')}T000000Z",
        f"DTSTART;VALUE=DATE:{item.date.strftime('%Y%m%d')}",
        f"DTEND;VALUE=DATE:{(item.date + timedelta(days=1)).strftime('%Y%m%d')}",
        f"SUMMARY:{_escape(item.title)}",
        f"DESCRIPTION:{_escape(desc)}",
        f"CATEGORIES:{_escape(kind)}",
        "TRANSP:TRANSPARENT",
        "END:VEVENT",
    ]


def timeline_to_ics(timeline: Timeline, *, name: str = "CME Assist case timeline") -> str:
    """The timeline as .ics text (CRLF line endings)."""
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//CME Assist//Rules//EN",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        f"X-WR-CALNAME:{_escape(name)}",
    ]
    for item in timeline.items:
        lines.extend(_event(item))
    lines.append("END:VCALENDAR")
    return "".join(piece + "\r\n" for line in lines for piece in _fold(line))
