"""Credentials: one client option per security scheme, the alternative each request sends, and where it goes."""

from __future__ import annotations

import base64
import os
from dataclasses import dataclass, field
from typing import Literal, Mapping, Optional, Sequence

from .errors import ConfigurationError

#: Where a scheme puts its credential: `Authorization: Bearer`/`Basic`, or a header, query or cookie `name`.
Placement = Literal["bearer", "basic", "header", "query", "cookie"]

#: Security alternatives as option names: the first one the client holds every credential of is sent.
Alternatives = tuple[tuple[str, ...], ...]


@dataclass(frozen=True)
class Credential:
    """A client option holding one security scheme's secret (`api_key` for the API's primary scheme)."""

    option: str
    env: str
    placement: Placement
    #: The header, query or cookie name (header/query/cookie placements).
    name: str = ""


@dataclass(frozen=True)
class Placed:
    """What a chosen alternative adds to a request."""

    headers: dict[str, str] = field(default_factory=dict[str, str])
    query: dict[str, str] = field(default_factory=dict[str, str])
    cookies: dict[str, str] = field(default_factory=dict[str, str])


def resolve_credentials(
    credentials: Sequence[Credential], given: Mapping[str, Optional[str]]
) -> dict[str, tuple[Credential, str]]:
    """The credentials the client holds, by option name: each passed value, else its environment variable.
    A value that cannot be sent (not a string; whitespace or non-ASCII in a header) fails here."""
    held: dict[str, tuple[Credential, str]] = {}
    for credential in credentials:
        value = given.get(credential.option)
        if value is not None and not isinstance(value, str):  # pyright: ignore[reportUnnecessaryIsInstance]
            raise ConfigurationError(f"{credential.option} must be a string, got {type(value).__name__}.")
        if value is None:
            value = os.environ.get(credential.env)
        if not value:
            continue
        if credential.placement != "query" and (
            not value.isascii() or not value.isprintable() or value != value.strip()
        ):
            what = "The API key" if credential.option == "api_key" else f"The {credential.option} credential"
            raise ConfigurationError(
                f"{what} (from the options or {credential.env}) contains whitespace or non-ASCII characters; "
                "copy it again from the dashboard."
            )
        held[credential.option] = (credential, value)
    return held


def choose(alternatives: Alternatives, held: Mapping[str, object]) -> Optional[tuple[str, ...]]:
    """The first non-empty alternative whose every credential is held; `()` when none is but sending nothing is
    allowed (no alternatives, or an empty one among them); None when the request cannot be authenticated."""
    for alternative in alternatives:
        if alternative and all(option in held for option in alternative):
            return alternative
    if not alternatives or any(not alternative for alternative in alternatives):
        return ()
    return None


def place(options: Sequence[str], held: Mapping[str, tuple[Credential, str]]) -> Placed:
    """The headers, query parameters and cookies that send the credentials `options`."""
    placed = Placed()
    for option in options:
        credential, value = held[option]
        if credential.placement == "bearer":
            placed.headers["Authorization"] = f"Bearer {value}"
        elif credential.placement == "basic":
            pair = value if ":" in value else f"{value}:"
            placed.headers["Authorization"] = "Basic " + base64.b64encode(pair.encode()).decode()
        elif credential.placement == "header":
            placed.headers[credential.name] = value
        elif credential.placement == "query":
            placed.query[credential.name] = value
        else:
            placed.cookies[credential.name] = value
    return placed


def describe(alternatives: Alternatives, client: str) -> str:
    """`Repro(auth_email=..., auth_key=...) or Repro(api_key=...)`: the constructions that satisfy one of them."""
    return " or ".join(
        f"{client}({', '.join(f'{option}=...' for option in alternative)})"
        for alternative in alternatives
        if alternative
    )


def missing_message(alternatives: Alternatives, credentials: Sequence[Credential], client: str) -> str:
    """Why construction failed: what to pass, and the environment variables that work too."""
    if alternatives == (("api_key",),):
        env = next((credential.env for credential in credentials if credential.option == "api_key"), "")
        return f"No API key: pass api_key=... or set the {env} environment variable."
    env_of = {credential.option: credential.env for credential in credentials}
    wanted = dict.fromkeys(option for alternative in alternatives for option in alternative)
    envs = [env_of[option] for option in wanted if option in env_of]
    where = f" (or set {', '.join(envs)})" if envs else ""
    return f"Missing credentials: construct {describe(alternatives, client)}{where}."
