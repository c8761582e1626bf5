"""The HTTP core of a generated client: building requests, retrying, turning answers into results or errors.
`SyncAPIClient` and `AsyncAPIClient` share everything but the I/O loop."""

from __future__ import annotations

import asyncio
import logging
import platform
import random
import time
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any, Mapping, Optional, TypeVar, Union, cast

import httpx
from typing_extensions import Self, override

from .auth import Alternatives, Placed, choose, describe, place
from .config import ClientConfig, ClientInfo, resolve_config, to_timeout
from .errors import APIConnectionError, APIStatusError, APITimeoutError, ConfigurationError, status_error_class
from .logs import get_logger, register_secret
from .redact import MASK, redact_headers, scrub_text
from .response import RAW_RESPONSE, REQUEST_ID_HEADER, APIResponse, decode_body, parse_response
from .retries import is_retryable_status, needs_idempotency_key, new_idempotency_key, retry_delay
from .serialize import (
    BodyEncoding,
    QueryStyle,
    cookie_header,
    encode_query,
    form_body,
    header_value,
    json_body,
    multipart_body,
    raw_body,
)
from .types import NOT_GIVEN, NotGiven, RequestOptions, header

if TYPE_CHECKING:
    from .pagination import AsyncPaginator, PaginationDescriptor, SyncPage
    from .streaming import AsyncStream, StreamSpec, SyncStream

_T = TypeVar("_T")

#: Replaced in tests to observe waits without sleeping.
sleep = time.sleep
async_sleep = asyncio.sleep


def _empty() -> dict[Any, Any]:
    """A fresh empty dict (a plain call: `dict[str, object]()` costs ten times more, once per request)."""
    return {}


@dataclass(frozen=True)
class RequestSpec:
    """One API call as the generated method describes it; `path` is relative to base_url or absolute."""

    method: str
    path: str
    query: Mapping[str, object] = field(default_factory=_empty)
    body: object = NOT_GIVEN
    options: RequestOptions = field(default_factory=lambda: RequestOptions())
    #: Header parameters (values None/NOT_GIVEN are left out) and cookie parameters.
    headers: Mapping[str, object] = field(default_factory=_empty)
    cookies: Mapping[str, object] = field(default_factory=_empty)
    #: Query parameters not in the default `form`+explode style, and those sent with reserved characters as is.
    query_styles: Mapping[str, tuple[QueryStyle, bool]] = field(default_factory=_empty)
    allow_reserved: frozenset[str] = frozenset()
    body_encoding: BodyEncoding = "json"
    #: Form/multipart fields not in the default `form`+explode style; multipart file parts' content types.
    body_styles: Mapping[str, tuple[QueryStyle, bool]] = field(default_factory=_empty)
    part_types: Mapping[str, str] = field(default_factory=_empty)
    #: The body's media type when it is not the encoding's usual one (e.g. `application/merge-patch+json`).
    content_type: Optional[str] = None
    #: The operation's own security alternatives (option names); None uses the API's (`ClientInfo.security`).
    security: Optional[Alternatives] = None

    def with_query(self, **changes: object) -> RequestSpec:
        """A copy with `changes` sent after the other query params (the next page's cursor goes last)."""
        kept = {name: value for name, value in self.query.items() if name not in changes}
        return replace(self, query={**kept, **changes})


@dataclass
class _Attempt:
    """What one try left behind: the response (success or final error) or the error to raise."""

    response: Optional[httpx.Response] = None
    error: Optional[BaseException] = None


class BaseClient:
    """Options, request building and error mapping, shared by the sync and async clients."""

    _info: ClientInfo
    _config: ClientConfig
    _log: logging.Logger

    def __init__(
        self,
        info: ClientInfo,
        *,
        credentials: Optional[Mapping[str, Optional[str]]] = None,
        base_url: Optional[str],
        timeout: Union[float, httpx.Timeout, None],
        default_base_url: Optional[str] = None,
        max_retries: Optional[int],
        max_retry_after: Optional[float],
        default_headers: Optional[Mapping[str, str]],
    ) -> None:
        self._info = info
        self._config = resolve_config(
            info,
            client_name=type(self).__name__,
            credentials=credentials or {},
            base_url=base_url,
            default_base_url=default_base_url,
            timeout=timeout,
            max_retries=max_retries,
            max_retry_after=max_retry_after,
            default_headers=default_headers,
        )
        self._log = get_logger(info.package, info.log_env)
        for secret in self._secrets:
            register_secret(info.package, secret)

    @property
    def api_key(self) -> str:
        """The primary credential held ("" when none)."""
        held = self._config.credentials.get("api_key")
        return held[1] if held else ""

    @property
    def base_url(self) -> str:
        return self._config.base_url

    @property
    def max_retries(self) -> int:
        return self._config.max_retries

    @property
    def timeout(self) -> httpx.Timeout:
        return self._config.timeout

    @override
    def __repr__(self) -> str:
        held = "".join(f", {option}={MASK!r}" for option in self._config.credentials)
        return f"{type(self).__name__}(base_url={self.base_url!r}{held}, max_retries={self.max_retries})"

    @property
    def _secrets(self) -> tuple[str, ...]:
        """Every credential value the client holds: never in a message, a log record or a repr."""
        return tuple(value for _, value in self._config.credentials.values())

    def _user_agent(self) -> str:
        return f"{self._info.package}-python/{self._info.version} (Python {platform.python_version()})"

    def _url(self, path: str) -> str:
        if path.startswith(("http://", "https://")):
            return path
        return self._config.base_url + path

    def _build_request(
        self, transport: Union[httpx.Client, httpx.AsyncClient], spec: RequestSpec, idempotency_key: Optional[str]
    ) -> httpx.Request:
        options = spec.options
        headers: dict[str, str] = {
            "Accept": "application/json",
            "User-Agent": self._user_agent(),
            **self._config.default_headers,
        }
        auth = self._auth(spec)
        headers.update(auth.headers)
        cookies: dict[str, object] = {**spec.cookies, **auth.cookies}
        for name, value in spec.headers.items():
            text = header_value(value)
            if text is not None:
                headers[name] = text
        cookie = cookie_header(cookies)
        if cookie is not None:
            headers["Cookie"] = cookie
        body = spec.body
        extra_body = options.get("extra_body")
        if extra_body:
            body = {**cast("Mapping[str, object]", body if isinstance(body, Mapping) else {}), **extra_body}
        content, files, data = self._encode_body(spec, body, headers)
        if idempotency_key is not None:
            headers[self._info.idempotency_header] = idempotency_key
        headers.update(options.get("extra_headers") or {})
        query = encode_query(
            {**spec.query, **(options.get("extra_query") or {}), **auth.query}, spec.query_styles, spec.allow_reserved
        )
        url = self._url(spec.path)
        if query:
            url = f"{url}{'&' if '?' in url else '?'}{query}"
        timeout = options.get("timeout")
        request = transport.build_request(
            spec.method.upper(),
            url,
            content=content,
            data=data,
            files=files,
            headers=headers,
            timeout=to_timeout(timeout) if timeout is not None else self._config.timeout,
        )
        request.extensions[REQUEST_ID_HEADER] = self._info.request_id_header  # read by response.request_id
        return request

    def _auth(self, spec: RequestSpec) -> Placed:
        """The credentials of the first alternative of the operation's (else the API's) security the client holds;
        ConfigurationError, before anything is sent, when it holds none of them and anonymous is not allowed."""
        alternatives = self._info.security if spec.security is None else spec.security
        chosen = choose(alternatives, self._config.credentials)
        if chosen is None:
            raise ConfigurationError(
                f"{spec.method.upper()} {spec.path} needs credentials: construct"
                f" {describe(alternatives, type(self).__name__)}."
            )
        return place(chosen, self._config.credentials)

    def _encode_body(
        self, spec: RequestSpec, body: object, headers: dict[str, str]
    ) -> tuple[Optional[bytes], Any, Any]:
        """The body bytes (or httpx multipart data and files) and its Content-Type."""
        if isinstance(body, NotGiven) or spec.method.upper() in ("GET", "HEAD"):
            return None, None, None
        encoding = spec.body_encoding
        if encoding == "multipart":
            content, headers["Content-Type"] = multipart_body(body, spec.part_types)
            return content, None, None
        if encoding == "json":
            content = json_body(body)
        elif encoding == "form":
            content = form_body(body, spec.body_styles)
        else:
            content = raw_body(body, encoding)
        default_types = {
            "json": "application/json",
            "form": "application/x-www-form-urlencoded",
            "text": "text/plain; charset=utf-8",
            "binary": "application/octet-stream",
        }
        headers["Content-Type"] = spec.content_type or default_types[encoding]
        return content, None, None

    def _idempotency_key(self, spec: RequestSpec) -> Optional[str]:
        given = spec.options.get("idempotency_key")
        if given is not None:
            return given
        return new_idempotency_key() if needs_idempotency_key(spec.method) else None

    def _max_retries(self, spec: RequestSpec) -> int:
        value = spec.options.get("max_retries")
        return self._config.max_retries if value is None else value

    def _retry_wait(self, retry_index: int, response: Optional[httpx.Response]) -> Optional[float]:
        """The wait before retry `retry_index`, or None when the server asked for longer than allowed."""
        headers = response.headers if response is not None else None
        return retry_delay(retry_index, headers, max_retry_after=self._config.max_retry_after, random=random.random())

    def _should_retry(self, response: httpx.Response) -> bool:
        info = self._info
        return is_retryable_status(
            response.status_code, response.headers, info.retry_statuses, info.min_server_error_status
        )

    def _log_attempt(self, request: httpx.Request, outcome: str, attempt: int) -> None:
        if self._log.isEnabledFor(logging.DEBUG):
            self._log.debug(
                "%s %s -> %s (attempt %d, headers %s)",
                request.method,
                request.url,
                outcome,
                attempt + 1,
                redact_headers(request.headers, self._secrets),
            )

    def _status_error(
        self, response: httpx.Response, idempotency_key: Optional[str], retries: int, gave_up: bool
    ) -> APIStatusError:
        body = decode_body(response)
        cls = status_error_class(response.status_code)
        envelope = self._info.error_envelope
        detail = ""
        server_message = envelope.read(body, envelope.message) if envelope else None
        if envelope is not None and server_message is not None:
            kind = envelope.read(body, envelope.type) or envelope.read(body, envelope.code) or "error"
            detail = f" {kind}: {server_message}"
        elif isinstance(body, str) and body.strip():
            detail = f": {body.strip()[:200]}"
        request_id = header(response.headers, self._info.request_id_header) or (
            envelope.read(body, envelope.request_id) if envelope else None
        )
        message = f"{response.status_code}{detail} (request id {request_id or 'none'})."
        advice = self._advice(response.status_code, retries, gave_up, response)
        if advice:
            message = f"{message} {advice}"
        return cls(
            message,
            response=response,
            body=body,
            idempotency_key=idempotency_key,
            secrets=self._secrets,
            envelope=envelope,
            request_id_header=self._info.request_id_header,
        )

    def _advice(self, status: int, retries: int, gave_up: bool, response: httpx.Response) -> str:
        retried = f" Retried {retries} time{'s' if retries != 1 else ''}." if retries else ""
        if gave_up:
            return (
                f"The server asked to wait longer than max_retry_after ({self._config.max_retry_after:g} s), so no"
                " retry was made: try again later or raise max_retry_after."
            )
        if status == 401:
            return self._credentials_advice()
        if status == 403:
            return "Use an API key with the scope named above."
        if status == 404:
            return "Check the id and that it belongs to this account."
        if status == 429:
            return f"Slow down or raise your rate limit.{retried}"
        if status >= 500 or status == 408:
            return f"The server failed; try again later and quote the request id if it persists.{retried}"
        return retried.strip()

    def _credentials_advice(self) -> str:
        credentials = self._info.credentials
        if len(credentials) == 1 and credentials[0].option == "api_key":
            return f"Check the API key (api_key=... or {credentials[0].env})."
        if not credentials:
            return "The API rejected the request as unauthenticated."
        named = ", ".join(f"{credential.option}=... or {credential.env}" for credential in credentials)
        return f"Check the credentials ({named})."

    def _connection_error(
        self, exc: httpx.HTTPError, request: httpx.Request, idempotency_key: Optional[str], retries: int
    ) -> APIConnectionError:
        where = f"{request.url.host}:{request.url.port or (443 if request.url.scheme == 'https' else 80)}"
        retried = f" Retried {retries} time{'s' if retries != 1 else ''}." if retries else ""
        reason = scrub_text(f"{type(exc).__name__}: {exc}", self._secrets)
        if isinstance(exc, httpx.TimeoutException):
            return APITimeoutError(
                f"Request to {where} timed out ({reason}).{retried} Raise timeout= or check the network.",
                request=request,
                idempotency_key=idempotency_key,
            )
        return APIConnectionError(
            f"Could not get an answer from {where} ({reason}).{retried} Check base_url and the network.",
            request=request,
            idempotency_key=idempotency_key,
        )

    def _result(self, response: httpx.Response, cast_to: type[_T]) -> _T:
        if RAW_RESPONSE.get():
            RAW_RESPONSE.set(False)
            return cast(_T, APIResponse(response, lambda: parse_response(cast_to, response)))
        return parse_response(cast_to, response)


class SyncAPIClient(BaseClient):
    """Blocking client over `httpx.Client`."""

    _http: httpx.Client

    def __init__(
        self,
        info: ClientInfo,
        *,
        credentials: Optional[Mapping[str, Optional[str]]] = None,
        base_url: Optional[str],
        timeout: Union[float, httpx.Timeout, None],
        default_base_url: Optional[str] = None,
        max_retries: Optional[int],
        max_retry_after: Optional[float],
        default_headers: Optional[Mapping[str, str]],
        http_client: Optional[httpx.Client],
    ) -> None:
        super().__init__(
            info,
            credentials=credentials,
            base_url=base_url,
            default_base_url=default_base_url,
            timeout=timeout,
            max_retries=max_retries,
            max_retry_after=max_retry_after,
            default_headers=default_headers,
        )
        if http_client is not None and not isinstance(http_client, httpx.Client):  # pyright: ignore[reportUnnecessaryIsInstance]
            raise TypeError(f"http_client must be an httpx.Client, got {type(http_client).__name__}")
        self._owns_http = http_client is None
        self._http = http_client or httpx.Client(timeout=self._config.timeout)

    def close(self) -> None:
        """Closes the connection pool (not a `http_client` you passed in)."""
        if self._owns_http:
            self._http.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    def send(self, spec: RequestSpec, *, stream: bool = False) -> httpx.Response:
        """Sends `spec`, retrying by the shared rules; returns a 2xx response (unread when `stream`)."""
        idempotency_key = self._idempotency_key(spec)
        max_retries = self._max_retries(spec)
        attempt = 0
        while True:
            request = self._build_request(self._http, spec, idempotency_key)
            try:
                response = self._http.send(request, stream=True)
                if not stream or not response.is_success:
                    response.read()
            except httpx.HTTPError as exc:
                self._log_attempt(request, type(exc).__name__, attempt)
                wait = self._retry_wait(attempt, None)
                if attempt >= max_retries or wait is None:
                    raise self._connection_error(exc, request, idempotency_key, attempt) from exc
                sleep(wait)
                attempt += 1
                continue
            self._log_attempt(request, str(response.status_code), attempt)
            if response.is_success:
                return response
            wait = self._retry_wait(attempt, response) if self._should_retry(response) else 0.0
            if wait is not None and wait > 0 and attempt < max_retries:
                response.close()
                sleep(wait)
                attempt += 1
                continue
            raise self._status_error(response, idempotency_key, attempt, gave_up=wait is None)

    def request(self, cast_to: type[_T], spec: RequestSpec) -> _T:
        """Sends `spec` and returns the body as `cast_to`."""
        return self._result(self.send(spec), cast_to)

    def request_value(self, annotation: object, spec: RequestSpec) -> object:
        """Like `request`, for a result that is not a class (`list[Pet]`, a union): the caller casts it."""
        return self._result(self.send(spec), cast("type[object]", annotation))

    def request_page(self, item_type: Any, spec: RequestSpec, descriptor: PaginationDescriptor) -> SyncPage[Any]:
        """The first page of a paginated list; iterate it to walk every item, page by page."""
        from .pagination import SyncPage

        raw = RAW_RESPONSE.get()
        RAW_RESPONSE.set(False)
        response = self.send(spec)
        page = SyncPage[Any].build(self, item_type, spec, descriptor, response, frozenset())
        return cast("SyncPage[Any]", APIResponse(response, lambda: page)) if raw else page

    def request_stream(self, spec: RequestSpec, stream_spec: StreamSpec[_T]) -> SyncStream[_T]:
        """Opens a server-sent event stream; use it as a context manager and iterate the typed events."""
        from .streaming import SyncStream

        raw = RAW_RESPONSE.get()
        RAW_RESPONSE.set(False)
        response = self.send(spec, stream=True)
        stream = SyncStream(response, stream_spec, self._secrets)
        return cast("SyncStream[_T]", APIResponse(response, lambda: stream)) if raw else stream


class AsyncAPIClient(BaseClient):
    """Asyncio client over `httpx.AsyncClient`, the same surface as the sync one with `await`."""

    _http: httpx.AsyncClient

    def __init__(
        self,
        info: ClientInfo,
        *,
        credentials: Optional[Mapping[str, Optional[str]]] = None,
        base_url: Optional[str],
        timeout: Union[float, httpx.Timeout, None],
        default_base_url: Optional[str] = None,
        max_retries: Optional[int],
        max_retry_after: Optional[float],
        default_headers: Optional[Mapping[str, str]],
        http_client: Optional[httpx.AsyncClient],
    ) -> None:
        super().__init__(
            info,
            credentials=credentials,
            base_url=base_url,
            default_base_url=default_base_url,
            timeout=timeout,
            max_retries=max_retries,
            max_retry_after=max_retry_after,
            default_headers=default_headers,
        )
        if http_client is not None and not isinstance(http_client, httpx.AsyncClient):  # pyright: ignore[reportUnnecessaryIsInstance]
            raise TypeError(f"http_client must be an httpx.AsyncClient, got {type(http_client).__name__}")
        self._owns_http = http_client is None
        self._http = http_client or httpx.AsyncClient(timeout=self._config.timeout)

    async def close(self) -> None:
        """Closes the connection pool (not a `http_client` you passed in)."""
        if self._owns_http:
            await self._http.aclose()

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(self, *_: object) -> None:
        await self.close()

    async def send(self, spec: RequestSpec, *, stream: bool = False) -> httpx.Response:
        """Sends `spec`, retrying by the shared rules; returns a 2xx response (unread when `stream`)."""
        idempotency_key = self._idempotency_key(spec)
        max_retries = self._max_retries(spec)
        attempt = 0
        while True:
            request = self._build_request(self._http, spec, idempotency_key)
            try:
                response = await self._http.send(request, stream=True)
                if not stream or not response.is_success:
                    await response.aread()
            except httpx.HTTPError as exc:
                self._log_attempt(request, type(exc).__name__, attempt)
                wait = self._retry_wait(attempt, None)
                if attempt >= max_retries or wait is None:
                    raise self._connection_error(exc, request, idempotency_key, attempt) from exc
                await async_sleep(wait)
                attempt += 1
                continue
            self._log_attempt(request, str(response.status_code), attempt)
            if response.is_success:
                return response
            wait = self._retry_wait(attempt, response) if self._should_retry(response) else 0.0
            if wait is not None and wait > 0 and attempt < max_retries:
                await response.aclose()
                await async_sleep(wait)
                attempt += 1
                continue
            raise self._status_error(response, idempotency_key, attempt, gave_up=wait is None)

    async def request(self, cast_to: type[_T], spec: RequestSpec) -> _T:
        """Sends `spec` and returns the body as `cast_to`."""
        return self._result(await self.send(spec), cast_to)

    async def request_value(self, annotation: object, spec: RequestSpec) -> object:
        """Like `request`, for a result that is not a class (`list[Pet]`, a union): the caller casts it."""
        return self._result(await self.send(spec), cast("type[object]", annotation))

    def request_page(self, item_type: Any, spec: RequestSpec, descriptor: PaginationDescriptor) -> AsyncPaginator[Any]:
        """Await it for the first page, or `async for` it to walk every item, page by page."""
        from .pagination import AsyncPaginator

        return AsyncPaginator[Any](self, item_type, spec, descriptor)

    async def request_stream(self, spec: RequestSpec, stream_spec: StreamSpec[_T]) -> AsyncStream[_T]:
        """Opens a server-sent event stream; `async with` it and `async for` the typed events."""
        from .streaming import AsyncStream

        raw = RAW_RESPONSE.get()
        RAW_RESPONSE.set(False)
        response = await self.send(spec, stream=True)
        stream = AsyncStream(response, stream_spec, self._secrets)
        return cast("AsyncStream[_T]", APIResponse(response, lambda: stream)) if raw else stream


def client_options(**values: Any) -> dict[str, Any]:
    """The constructor arguments `with_options` merges, without the ones left out."""
    return {key: value for key, value in values.items() if not isinstance(value, NotGiven)}
