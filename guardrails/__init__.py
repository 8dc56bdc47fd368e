"""Guardrails: checks on what comes in (safeguarding triage, prompt injection, personal data,
scope) and on what goes out (citations, regulation codes, dates, contact details).

Each rail is a small named function with its own tests; the chat engine applies the input rails
in order (safeguarding first, always) and the output rails to both answer engines alike.
"""
