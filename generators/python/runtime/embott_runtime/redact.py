"""Keeps secrets (the API key) out of messages, error fields, headers and log records."""

from __future__ import annotations

from typing import Iterable, Mapping
from urllib.parse import quote, quote_plus

from .types import as_dict, as_list

MASK = "***"

#: Headers whose values are never shown, whatever they contain.
SECRET_HEADERS = frozenset({"authorization", "x-api-key", "cookie", "set-cookie", "proxy-authorization"})

_MAX_DEPTH = 8


def _forms(secrets: Iterable[str]) -> list[str]:
    """Each secret as it can appear in text: raw, URL-encoded and form-encoded; longest first."""
    forms: set[str] = set()
    for secret in secrets:
        if secret:
            forms.update((secret, quote(secret, safe=""), quote_plus(secret)))
    return sorted(forms, key=len, reverse=True)


def scrub_text(text: str, secrets: Iterable[str]) -> str:
    """`text` with every occurrence of each secret replaced by `***`."""
    for form in _forms(secrets):
        text = text.replace(form, MASK)
    return text


def scrub_value(value: object, secrets: Iterable[str], _depth: int = 0) -> object:
    """A copy of a JSON-like value (dicts, lists, strings) with the secrets removed from every string."""
    secret_list = list(secrets)
    if not secret_list:
        return value
    if isinstance(value, str):
        return scrub_text(value, secret_list)
    if _depth >= _MAX_DEPTH:
        return value
    mapping = as_dict(value)
    if mapping is not None:
        return {
            scrub_text(key, secret_list): scrub_value(item, secret_list, _depth + 1) for key, item in mapping.items()
        }
    items = as_list(value)
    if items is not None:
        return [scrub_value(item, secret_list, _depth + 1) for item in items]
    return value


def redact_headers(headers: Mapping[str, str], secrets: Iterable[str] = ()) -> dict[str, str]:
    """A plain copy of `headers` with secret headers masked and secrets scrubbed from the others."""
    secret_list = list(secrets)
    return {
        name: MASK if name.lower() in SECRET_HEADERS else scrub_text(value, secret_list)
        for name, value in headers.items()
    }
