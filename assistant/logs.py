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
        message = record.getMessage()
        redacted, _ = self.detector.redact(message)
        record.msg, record.args = redacted, ()
        return True


def install_redaction(detector: PIIDetector) -> None:
    """Redact every record of the service's loggers (idempotent)."""
    for name in (LOGGER, "cme_assist.api", "cme_assist.chat", "uvicorn.access", "uvicorn.error"):
        logger = logging.getLogger(name)
        if not any(isinstance(f, RedactingFilter) for f in logger.filters):
            logger.addFilter(RedactingFilter(detector))


def configure_logging(detector: PIIDetector, level: int = logging.INFO) -> None:
    logging.basicConfig(level=level, format="%(asctime)s %(levelname)s %(name)s %(message)s")
    install_redaction(detector)
