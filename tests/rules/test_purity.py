"""The rule module stays pure: only allowed imports, and no I/O or clock reads.

Imports are read with ``ast`` from the source files (nothing is imported to check).
"""

from __future__ import annotations

import ast
import sys
from pathlib import Path

import pytest

RULES_DIR = Path(__file__).resolve().parents[2] / "assistant" / "rules"
MODULES = sorted(RULES_DIR.glob("*.py"))

FORBIDDEN = {"fastapi", "chromadb", "langchain", "langchain_core", "langchain_openai",
             "langchain_text_splitters", "langgraph", "torch", "sentence_transformers",
             "starlette", "httpx", "requests", "openai", "transformers", "icalendar"}
ALLOWED_THIRD_PARTY = {"pydantic", "holidays", "dateutil"}
IO_STDLIB = {"os", "io", "pathlib", "shutil", "socket", "subprocess", "urllib", "http",
             "sqlite3", "tempfile", "glob", "zoneinfo", "time"}
#: calls that read the clock or touch files
FORBIDDEN_CALLS = {("date", "today"), ("datetime", "now"), ("datetime", "utcnow"),
                   ("datetime", "today"), ("time", "time")}
FORBIDDEN_NAMES = {"open", "input", "print", "exec", "eval", "__import__"}


def _imports(tree: ast.AST) -> list[tuple[str, int]]:
    out = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            out += [(a.name.split(".")[0], node.lineno) for a in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            out.append((node.module.split(".")[0], node.lineno))
    return out


def test_there_are_modules() -> None:
    assert len(MODULES) >= 10


@pytest.mark.parametrize("path", MODULES, ids=[p.name for p in MODULES])
def test_imports_are_allowed(path: Path) -> None:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    for name, line in _imports(tree):
        assert name not in FORBIDDEN, f"{path.name}:{line} imports {name}"
        assert name not in IO_STDLIB, f"{path.name}:{line} imports I/O module {name}"
        assert name in sys.stdlib_module_names or name in ALLOWED_THIRD_PARTY or name == "__future__", (
            f"{path.name}:{line} imports {name}, which is neither standard library nor allowed")


@pytest.mark.parametrize("path", MODULES, ids=[p.name for p in MODULES])
def test_no_io_or_clock_calls(path: Path) -> None:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            fn = node.func
            if isinstance(fn, ast.Name):
                assert fn.id not in FORBIDDEN_NAMES, f"{path.name}:{node.lineno} calls {fn.id}()"
            if isinstance(fn, ast.Attribute) and isinstance(fn.value, ast.Name):
                assert (fn.value.id, fn.attr) not in FORBIDDEN_CALLS, (
                    f"{path.name}:{node.lineno} reads the clock ({fn.value.id}.{fn.attr})")
            if isinstance(fn, ast.Attribute):
                assert fn.attr not in {"read_text", "read_bytes", "write_text", "open"}, (
                    f"{path.name}:{node.lineno} does file I/O ({fn.attr})")


def test_checker_catches_a_bad_module() -> None:
    bad = ast.parse("import fastapi\nfrom langchain_core.tools import tool\nfrom datetime import date\nx = date.today()")
    names = [n for n, _ in _imports(bad)]
    assert "fastapi" in names and "langchain_core" in names
    calls = [(c.func.value.id, c.func.attr) for c in ast.walk(bad)
             if isinstance(c, ast.Call) and isinstance(c.func, ast.Attribute)]
    assert ("date", "today") in calls
