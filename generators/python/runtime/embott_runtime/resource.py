"""Base classes of the generated resource namespaces (`client.bots`, `client.conversations`, ...)."""

from __future__ import annotations

from typing import Generic, TypeVar

from .client import AsyncAPIClient, SyncAPIClient

_C = TypeVar("_C", bound=SyncAPIClient)
_A = TypeVar("_A", bound=AsyncAPIClient)


class SyncAPIResource(Generic[_C]):
    _client: _C

    def __init__(self, client: _C) -> None:
        self._client = client


class AsyncAPIResource(Generic[_A]):
    _client: _A

    def __init__(self, client: _A) -> None:
        self._client = client
