"""Auto-pagination in four styles (cursor, offset, page, link), lazily and page by page."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import (
    TYPE_CHECKING,
    Any,
    AsyncIterator,
    Generator,
    Generic,
    Iterator,
    Literal,
    Optional,
    TypeVar,
    Union,
    cast,
)
from urllib.parse import urljoin, urlsplit

import httpx

from .errors import PaginationCycleError, SDKError
from .response import RAW_RESPONSE, APIResponse, decode_body, request_id, validate
from .types import as_dict, as_list, header

if TYPE_CHECKING:
    from .client import AsyncAPIClient, RequestSpec, SyncAPIClient

_T = TypeVar("_T")

__all__ = ["AsyncPage", "AsyncPaginator", "PaginationDescriptor", "SyncPage"]


@dataclass(frozen=True)
class PaginationDescriptor:
    """How one list operation pages (the spec's `x-embott-pagination`, or what the generator inferred)."""

    style: Literal["cursor", "offset", "page", "link"]
    items: Optional[str] = None
    limit_param: Optional[str] = None
    cursor_param: Optional[str] = None
    next_cursor: Optional[str] = None
    #: Stripe-style: the field of the page's LAST item whose value is the next cursor (`starting_after` = last `id`).
    item_cursor: Optional[str] = None
    has_more: Optional[str] = None
    offset_param: Optional[str] = None
    total: Optional[str] = None
    page_param: Optional[str] = None
    total_pages: Optional[str] = None
    start_page: int = 1
    next_url: Optional[str] = None


def read_path(value: object, path: str) -> object:
    """The value at a dotted path (`meta.next_page_url`), or None."""
    current = value
    for key in path.split("."):
        fields = as_dict(current)
        if fields is None:
            return None
        current = fields.get(key)
    return current


def _number(value: object) -> Optional[float]:
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        return float(value)
    if isinstance(value, str):
        try:
            return float(value)
        except ValueError:
            return None
    return None


def extract_items(body: object, descriptor: PaginationDescriptor) -> list[Any]:
    """The page's items: the `items` field, or the body itself when it is an array."""
    found: object = body if descriptor.items is None and as_list(body) is not None else None
    if found is None:
        found = read_path(body, descriptor.items or "data")
    items = as_list(found)
    if items is None:
        raise SDKError(
            f"Expected an array at {descriptor.items or 'data'!r} in the list response, got {type(found).__name__}."
        )
    return items  # pyright: ignore[reportUnknownVariableType]


_LINK = re.compile(r"<([^>]*)>((?:\s*;\s*[^;,]+)*)")
_REL = re.compile(r';\s*rel\s*=\s*"?([^";,]+)"?', re.IGNORECASE)


def parse_next_link(header: Optional[str]) -> Optional[str]:
    """The URL of the `rel="next"` entry of an RFC 8288 Link header."""
    for match in _LINK.finditer(header or ""):
        rel = _REL.search(match.group(2) or "")
        if rel and "next" in rel.group(1).lower().split():
            return match.group(1)
    return None


def next_page_spec(
    descriptor: PaginationDescriptor,
    spec: RequestSpec,
    body: object,
    response: httpx.Response,
    item_count: int,
    base_url: str,
) -> Optional[RequestSpec]:
    """The request for the next page (the same request with only the cursor/offset/page/URL changed), or None."""
    if item_count == 0:
        return None
    query = spec.query
    limit = _number(query.get(descriptor.limit_param)) if descriptor.limit_param else None
    full_page = limit is None or item_count >= limit
    if descriptor.style == "cursor" and descriptor.cursor_param and (descriptor.next_cursor or descriptor.item_cursor):
        has_more = read_path(body, descriptor.has_more) if descriptor.has_more else None
        if has_more is False:
            return None
        cursor = _next_cursor(descriptor, body)
        if not isinstance(cursor, (str, int)) or isinstance(cursor, bool) or cursor == "":
            return None
        return spec.with_query(**{descriptor.cursor_param: str(cursor)})
    if descriptor.style == "offset" and descriptor.offset_param:
        offset = int(_number(query.get(descriptor.offset_param)) or 0) + item_count
        total = _number(read_path(body, descriptor.total)) if descriptor.total else None
        more = offset < total if total is not None else full_page
        return spec.with_query(**{descriptor.offset_param: offset}) if more else None
    if descriptor.style == "page" and descriptor.page_param:
        current = _number(query.get(descriptor.page_param))
        number = int(current) if current is not None else descriptor.start_page
        total_pages = _number(read_path(body, descriptor.total_pages)) if descriptor.total_pages else None
        more = number - descriptor.start_page + 1 < total_pages if total_pages is not None else full_page
        return spec.with_query(**{descriptor.page_param: number + 1}) if more else None
    if descriptor.style == "link":
        target = (
            read_path(body, descriptor.next_url)
            if descriptor.next_url
            else parse_next_link(header(response.headers, "link"))
        )
        if not isinstance(target, str) or target == "":
            return None
        resolved = urljoin(str(response.url) or base_url, target)
        if _origin(resolved) != _origin(base_url):
            raise SDKError(f"Refusing to follow a pagination link to another origin ({_origin(resolved)}).")
        return replace(spec, path=resolved, query={})
    return None


def _next_cursor(descriptor: PaginationDescriptor, body: object) -> object:
    """The body's next-cursor field, or (Stripe-style) the `item_cursor` field of the page's last item."""
    if descriptor.next_cursor:
        return read_path(body, descriptor.next_cursor)
    items = extract_items(body, descriptor)
    return read_path(items[-1], descriptor.item_cursor or "id") if items else None


def _origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


def _page_key(spec: RequestSpec) -> str:
    return spec.path + "?" + "&".join(f"{key}={value}" for key, value in sorted(spec.query.items()))


class BasePage(Generic[_T]):
    """One page: `items`, the raw `response`, and whether another page follows."""

    items: list[_T]
    response: httpx.Response

    def __init__(
        self,
        *,
        items: list[_T],
        body: object,
        response: httpx.Response,
        spec: RequestSpec,
        descriptor: PaginationDescriptor,
        base_url: str,
        seen: frozenset[str],
    ) -> None:
        self.items = items
        self.response = response
        self._spec = spec
        self._descriptor = descriptor
        self._seen = seen | {_page_key(spec)}
        self._next = next_page_spec(descriptor, spec, body, response, len(items), base_url)

    @property
    def request_id(self) -> Optional[str]:
        return request_id(self.response)

    def has_next_page(self) -> bool:
        return self._next is not None

    def next_page_request(self) -> Optional[RequestSpec]:
        """The next page's request; PaginationCycleError when the server points back to a page already read."""
        if self._next is not None and _page_key(self._next) in self._seen:
            raise PaginationCycleError(
                f"The server sent a next-page cursor already visited ({_page_key(self._next)}): "
                "stopping instead of looping forever."
            )
        return self._next


def _parse_items(
    item_type: type[_T], body: object, descriptor: PaginationDescriptor, response: httpx.Response
) -> list[_T]:
    return [validate(item_type, item, response) for item in extract_items(body, descriptor)]


class SyncPage(BasePage[_T]):
    """A page of a sync list; iterating it walks every item of every following page."""

    _client: SyncAPIClient
    _item_type: type[_T]

    @classmethod
    def build(
        cls,
        client: SyncAPIClient,
        item_type: type[_T],
        spec: RequestSpec,
        descriptor: PaginationDescriptor,
        response: httpx.Response,
        seen: frozenset[str],
    ) -> SyncPage[_T]:
        body = decode_body(response)
        page = SyncPage[_T](
            items=_parse_items(item_type, body, descriptor, response),
            body=body,
            response=response,
            spec=spec,
            descriptor=descriptor,
            base_url=client.base_url,
            seen=seen,
        )
        page._client = client
        page._item_type = item_type
        return page

    def get_next_page(self) -> SyncPage[_T]:
        spec = self.next_page_request()
        if spec is None:
            raise SDKError("This is the last page; check has_next_page() first.")
        response = self._client.send(spec)
        return SyncPage[_T].build(self._client, self._item_type, spec, self._descriptor, response, self._seen)

    def iter_pages(self) -> Iterator[SyncPage[_T]]:
        """This page and each following one, fetched when reached."""
        page: SyncPage[_T] = self
        while True:
            yield page
            if not page.has_next_page():
                return
            page = page.get_next_page()

    def __iter__(self) -> Iterator[_T]:  # pyright: ignore[reportIncompatibleMethodOverride]
        for page in self.iter_pages():
            yield from page.items


class AsyncPage(BasePage[_T]):
    """A page of an async list; `async for` walks every item of every following page."""

    _client: AsyncAPIClient
    _item_type: type[_T]

    @classmethod
    def build(
        cls,
        client: AsyncAPIClient,
        item_type: type[_T],
        spec: RequestSpec,
        descriptor: PaginationDescriptor,
        response: httpx.Response,
        seen: frozenset[str],
    ) -> AsyncPage[_T]:
        body = decode_body(response)
        page = AsyncPage[_T](
            items=_parse_items(item_type, body, descriptor, response),
            body=body,
            response=response,
            spec=spec,
            descriptor=descriptor,
            base_url=client.base_url,
            seen=seen,
        )
        page._client = client
        page._item_type = item_type
        return page

    async def get_next_page(self) -> AsyncPage[_T]:
        spec = self.next_page_request()
        if spec is None:
            raise SDKError("This is the last page; check has_next_page() first.")
        response = await self._client.send(spec)
        return AsyncPage[_T].build(self._client, self._item_type, spec, self._descriptor, response, self._seen)

    async def iter_pages(self) -> AsyncIterator[AsyncPage[_T]]:
        page: AsyncPage[_T] = self
        while True:
            yield page
            if not page.has_next_page():
                return
            page = await page.get_next_page()

    async def __aiter__(self) -> AsyncIterator[_T]:
        async for page in self.iter_pages():
            for item in page.items:
                yield item


class AsyncPaginator(Generic[_T]):
    """What an async list method returns: `await` it for the first page or `async for` it for every item."""

    def __init__(
        self, client: AsyncAPIClient, item_type: type[_T], spec: RequestSpec, descriptor: PaginationDescriptor
    ) -> None:
        self._client = client
        self._item_type = item_type
        self._spec = spec
        self._descriptor = descriptor

    async def _first_page(self) -> AsyncPage[_T]:
        raw = RAW_RESPONSE.get()
        RAW_RESPONSE.set(False)
        response = await self._client.send(self._spec)
        page = AsyncPage[_T].build(self._client, self._item_type, self._spec, self._descriptor, response, frozenset())
        # Under `.with_raw_response` the awaited value is the first page's `APIResponse` (`.parse()` is the page).
        return cast("AsyncPage[_T]", APIResponse(response, lambda: page)) if raw else page

    def __await__(self) -> Generator[Any, None, AsyncPage[_T]]:
        return self._first_page().__await__()

    async def __aiter__(self) -> AsyncIterator[_T]:
        page = await self._first_page()
        async for item in page:
            yield item


PageType = Union[SyncPage[_T], AsyncPage[_T]]
