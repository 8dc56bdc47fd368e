"""The LangChain wrappers return JSON-able dicts and turn rule errors into error dicts."""

from __future__ import annotations

import json
from datetime import date

import pytest

from assistant.chat.rule_tools import build_rule_tools

TOOLS = {t.name: t for t in build_rule_tools(today=lambda: date(2025, 3, 10))}


def test_four_tools_with_schemas() -> None:
    assert set(TOOLS) == {"leaver_reason", "deadline", "compulsory_school_age", "case_timeline"}
    assert "moved_abroad" in TOOLS["leaver_reason"].args


@pytest.mark.parametrize("name, args, check", [
    pytest.param("leaver_reason", {"of_compulsory_school_age": True, "moved_abroad": True,
                                   "other_school_known": False},
                 lambda r: r["kind"] == "needs_facts" and r["missing"][0]["key"] == "reasonable_grounds_will_return",
                 id="leaver-needs-facts"),
    pytest.param("leaver_reason", {"of_compulsory_school_age": True, "died": True, "authority": "Norfolk"},
                 lambda r: r["kind"] == "ground" and r["code"] == "9(1)(k)", id="leaver-ground"),
    pytest.param("deadline", {"rule_id": "new_pupil_return", "start": "7/11/2025", "authority": "Derbyshire"},
                 lambda r: r["due"] == "2025-11-12" and r["local_variants"][0]["statutory"] is False,
                 id="deadline"),
    pytest.param("compulsory_school_age", {"date_of_birth": "15 Jan 2020"},
                 lambda r: r["start"] == "2025-03-31" and r["end"] == "2036-06-27", id="csa"),
    pytest.param("case_timeline", {"authority": "Norfolk", "first_day_of_absence": "2025-09-01"},
                 lambda r: [i["date"] for i in r["items"]] == sorted(i["date"] for i in r["items"]),
                 id="timeline"),
    pytest.param("leaver_reason", {"authority": "Kent"},
                 lambda r: r["error"]["code"] == "unknown_authority", id="error-dict"),
    pytest.param("deadline", {"rule_id": "new_pupil_return", "start": "31/02/2025"},
                 lambda r: r["error"]["code"] == "invalid_date", id="invalid-date"),
])
def test_tools(name: str, args: dict, check) -> None:
    result = TOOLS[name].invoke(args)
    json.dumps(result)
    assert check(result), result
