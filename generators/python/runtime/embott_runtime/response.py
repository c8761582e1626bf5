"""Parsing response bodies into typed results, and the raw response view (`.with_raw_response`)."""

from __future__ import annotations

import contextvars
import functools
import json
from typing import Any, Awaitable, Callable, Generic, TypeVar, cast

import httpx
import pydantic
from typing_extensions import ParamSpec

from .errors import APIResponseValidationError
from .models import BaseModel
from .types import header

_T = TypeVar("_T")
_P = ParamSpec("_P")

#: Request extension naming the API's request-id response header (the plan's), set by the client on every request.
REQUEST_ID_HEADER = "embott_request_id_header"

#: Set by the `with_raw_response` wrappers for the one call they make.
RAW_RESPONSE: contextvars.ContextVar[bool] = contextvars.ContextVar("raw_response", default=False)


@functools.cache
def type_adapter(target: Any) -> pydantic.TypeAdapter[Any]:
    return pydantic.TypeAdapter(target)


def decode_body(response: httpx.Response) -> object:
    """The body as JSON when it says so, else text; None when empty."""
    if not response.content:
        return None
    content_type = header(response.headers, "content-type") or ""
    if "json" in content_type:
        try:
            return json.loads(response.content)
        except ValueError:
            return response.text
    return response.text


def validate(target: type[_T], data: object, response: httpx.Response | None = None) -> _T:
    """`data` as `target` (a model, list, union...); a mismatch is an APIResponseValidationError."""
    try:
        value: _T = type_adapter(cast(Any, target)).validate_python(data)
    except pydantic.ValidationError as error:
        raise APIResponseValidationError(
            f"The response does not have the documented shape: {error.errors()[0]['msg']} at "
            f"{'.'.join(str(part) for part in error.errors()[0]['loc']) or 'the top level'}.",
            request=response.request if response is not None else None,
            body=data,
        ) from None
    return value if response is None else _with_request_id(value, response)


def parse_response(target: type[_T], response: httpx.Response) -> _T:
    """The typed result of a successful response: bytes and text as they are, JSON validated as `target`.

    A JSON body is parsed and validated in one pass by pydantic-core; when that fails, the body is decoded and
    validated again the slow way, so an invalid body gets the same error as before."""
    if _documents_no_body(target):
        return cast(_T, None)  # whatever the server sent is not part of the result
    if target is bytes:
        return cast(_T, response.content)
    is_json = "json" in (header(response.headers, "content-type") or "")
    if target is str and not is_json:
        return cast(_T, response.text)
    if is_json and response.content:
        try:
            value: _T = type_adapter(cast(Any, target)).validate_json(response.content)
        except pydantic.ValidationError:
            pass
        else:
            return _with_request_id(value, response)
    return validate(target, decode_body(response), response)


def request_id(response: httpx.Response) -> str | None:
    """The response's request id, from the header the client's plan names (`x-request-id` for a bare response)."""
    try:
        name = str(response.request.extensions.get(REQUEST_ID_HEADER, "x-request-id"))
    except RuntimeError:  # a response built without its request
        name = "x-request-id"
    return header(response.headers, name)


def _with_request_id(value: _T, response: httpx.Response) -> _T:
    if isinstance(value, BaseModel):
        value._request_id = request_id(response)  # pyright: ignore[reportPrivateUsage]
    return value


def _documents_no_body(target: object) -> bool:
    return target is type(None)


class APIResponse(Generic[_T]):
    """An answer before parsing: status, headers and body, plus `parse()` for the typed result."""

    def __init__(self, response: httpx.Response, parse: Callable[[], _T]) -> None:
        self.http_response = response
        self._parse = parse

    @property
    def status_code(self) -> int:
        return self.http_response.status_code

    @property
    def headers(self) -> httpx.Headers:
        return self.http_response.headers

    @property
    def request_id(self) -> str | None:
        return request_id(self.http_response)

    @property
    def content(self) -> bytes:
        return self.http_response.content

    def json(self) -> object:
        return decode_body(self.http_response)

    def parse(self) -> _T:
        """The typed result the method returns without `.with_raw_response`."""
        return self._parse()


def to_raw_response_wrapper(method: Callable[_P, _T]) -> Callable[_P, APIResponse[_T]]:
    """`method` returning the `APIResponse` instead of the parsed result."""

    @functools.wraps(method)
    def wrapped(*args: _P.args, **kwargs: _P.kwargs) -> APIResponse[_T]:
        token = RAW_RESPONSE.set(True)
        try:
            return cast(APIResponse[_T], method(*args, **kwargs))
        finally:
            RAW_RESPONSE.reset(token)

    return wrapped


def async_to_raw_response_wrapper(method: Callable[_P, Awaitable[_T]]) -> Callable[_P, Awaitable[APIResponse[_T]]]:
    """The async twin of `to_raw_response_wrapper`."""

    @functools.wraps(method)
    async def wrapped(*args: _P.args, **kwargs: _P.kwargs) -> APIResponse[_T]:
        token = RAW_RESPONSE.set(True)
        try:
            return cast(APIResponse[_T], await method(*args, **kwargs))
        finally:
            RAW_RESPONSE.reset(token)

    return wrapped
