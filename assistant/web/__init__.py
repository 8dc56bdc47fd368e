"""The CME Assist web page (GOV.UK Design System look, server-rendered, small vanilla JS).

``app.include_router(assistant.web.router)`` adds the pages, their static files (served by a
route under ``/static/``), ``POST /feedback`` and the feedback admin view. See ``routes.py``.
"""

from assistant.web.routes import router

__all__ = ["router"]
