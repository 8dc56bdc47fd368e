"""Logging that never writes personal data: a filter redacts every record before any handler
sees it. Configured by the CLI when serving, never at import time."""

from __future__ import annotations

import logging

from guardrails.pii import PIIDetector

LOGGER = "cme_assist"


class RedactingFilter(logging.Filter):
    def __init__(self, detector: PIIDetector) -> None:
        super().__init__()
        self.detector = detector

    def filter(self, record: logging.LogRecord) -> bool:
        # Redact the template and each argument separately: formatters such as uvicorn's access
        # log expect the arguments tuple to keep its shape.
        if isinstance(record.msg, str):
            record.msg = self._clean(record.msg)
        if isinstance(record.args, tuple):
            record.args = tuple(self._clean(a) if isinstance(a, str) else a for a in record.args)
        elif isinstance(record.args, dict):
            record.args = {k: self._clean(v) if isinstance(v, str) else v for k, v in record.args.items()}
        return True

    def _clean(self, text: str) -> str:
        return self.detector.redact(text)[0]


def install_redaction(detector: PIIDetector) -> None:
    """Redact every record of the service's loggers (idempotent)."""
    for name in (LOGGER, "cme_assist.api", "cme_assist.chat", "uvicorn.access", "uvicorn.error"):
        logger = logging.getLogger(name)
        if not any(isinstance(f, RedactingFilter) for f in logger.filters):
            logger.addFilter(RedactingFilter(detector))


def configure_logging(detector: PIIDetector, level: int = logging.INFO) -> None:
    logging.basicConfig(level=level, format="%(asctime)s %(levelname)s %(name)s %(message)s")
    install_redaction(detector)
