"""The SDK's `logging` logger: quiet by default, debug when `<PREFIX>_LOG=debug`; secrets never reach a record."""

from __future__ import annotations

import logging
import os

from typing_extensions import override

from .redact import scrub_text

_LEVELS = {"debug": logging.DEBUG, "info": logging.INFO, "warning": logging.WARNING, "error": logging.ERROR}


class SecretFilter(logging.Filter):
    """Rewrites each record's message with the registered secrets removed (args are folded in first)."""

    def __init__(self) -> None:
        super().__init__()
        self.secrets: set[str] = set()

    @override
    def filter(self, record: logging.LogRecord) -> bool:
        if self.secrets:
            record.msg = scrub_text(record.getMessage(), self.secrets)
            record.args = None
        return True


_filters: dict[str, SecretFilter] = {}


def get_logger(name: str, env_var: str) -> logging.Logger:
    """The logger `name`, set up once: a secret filter, and the level from `env_var` when it names one."""
    logger = logging.getLogger(name)
    if name not in _filters:
        _filters[name] = SecretFilter()
        logger.addFilter(_filters[name])
        level = _LEVELS.get(os.environ.get(env_var, "").strip().lower())
        if level is not None:
            logger.setLevel(level)
            if not logger.handlers and not logging.getLogger().handlers:
                handler = logging.StreamHandler()
                handler.setFormatter(logging.Formatter("[%(asctime)s %(name)s %(levelname)s] %(message)s"))
                logger.addHandler(handler)
    return logger


def register_secret(name: str, secret: str) -> None:
    """Makes the logger `name` scrub `secret` from every record (call `get_logger` first)."""
    if secret:
        _filters[name].secrets.add(secret)
