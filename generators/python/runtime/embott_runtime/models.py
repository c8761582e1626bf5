"""Base class of every generated response model."""

from __future__ import annotations

from typing import Any, Optional

import pydantic


class BaseModel(pydantic.BaseModel):
    """A response object: wire field names, unknown fields kept, `.to_dict()` / `.to_json()`."""

    model_config = pydantic.ConfigDict(
        extra="allow", populate_by_name=True, protected_namespaces=(), arbitrary_types_allowed=True
    )

    _request_id: Optional[str] = pydantic.PrivateAttr(default=None)

    @property
    def request_id(self) -> Optional[str]:
        """The `X-Request-Id` of the response this object came from (quote it to support)."""
        return self._request_id

    def to_dict(self, *, exclude_unset: bool = True) -> dict[str, Any]:
        """A JSON-compatible dict with the wire field names (fields the server omitted stay omitted)."""
        return self.model_dump(mode="json", by_alias=True, exclude_unset=exclude_unset)

    def to_json(self, *, indent: Optional[int] = 2, exclude_unset: bool = True) -> str:
        """The object as JSON text with the wire field names."""
        return self.model_dump_json(indent=indent, by_alias=True, exclude_unset=exclude_unset)
