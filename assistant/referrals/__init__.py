"""Referral drafting: case facts -> a cited draft of an authority's CME referral or leaver form.

* ``forms`` / ``spec``: what each authority's form asks for, as data backed by verbatim quotes.
* ``safeguarding``: red flags in the facts and each authority's immediate steps.
* ``draft``: the pure drafting function (uses ``assistant.rules`` for grounds and deadlines).
* ``markdown`` / ``docx_export``: renderings of a draft.
* ``store``: drafts, sign-off and the append-only audit log in SQLite.
"""
