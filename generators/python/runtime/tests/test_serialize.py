"""What goes on the wire: query styles, header and cookie params, path escaping and every body encoding."""

from __future__ import annotations

import datetime
import io

from embott_runtime import RequestSpec, path_param
from embott_runtime.serialize import encode_query, form_body

from .conftest import ADMIN_KEY, LocalServer, send_json
from .helpers import Client


def test_query_styles() -> None:
    assert encode_query({"a": [1, 2], "b": None, "c": True}) == "a=1&a=2&c=true"
    assert encode_query({"a": ["x y", "z"]}, {"a": ("form", False)}) == "a=x%20y,z"
    assert encode_query({"a": [1, 2]}, {"a": ("pipeDelimited", False)}) == "a=1|2"
    assert encode_query({"a": [1, 2]}, {"a": ("spaceDelimited", False)}) == "a=1%202"
    assert encode_query({"filter": {"status": "open", "tag": ["a", "b"]}}, {"filter": ("deepObject", True)}) == (
        "filter%5Bstatus%5D=open&filter%5Btag%5D=a&filter%5Btag%5D=b"
    )
    assert encode_query({"u": "a/b?c"}, allow_reserved=frozenset({"u"})) == "u=a/b?c"
    assert encode_query({"u": "a/b?c"}) == "u=a%2Fb%3Fc"
    when = datetime.datetime(2027, 1, 2, 3, 4, 5, tzinfo=datetime.timezone.utc)
    assert encode_query({"since": when, "day": when.date()}) == "since=2027-01-02T03%3A04%3A05Z&day=2027-01-02"


def test_path_params_escape_reserved_characters_and_keep_dots() -> None:
    assert path_param("1723454103.158.fa14", "id") == "1723454103.158.fa14"
    assert path_param("a/b c?#", "id") == "a%2Fb%20c%3F%23"


def test_form_bodies_flatten_objects_with_brackets() -> None:
    body = form_body({"name": "Zoë & co", "metadata": {"key": "v~1*"}, "tags": ["a", "b"], "skip": None})
    assert body == b"name=Zo%C3%AB+%26+co&metadata%5Bkey%5D=v~1%2A&tags=a&tags=b"


def test_bodies_headers_and_cookies_on_the_wire(local: LocalServer) -> None:
    local.routes["/echo"] = lambda h: send_json(h, 200, {})
    client = Client(api_key=ADMIN_KEY, base_url=local.url)
    client.request(
        dict,
        RequestSpec(
            "PATCH",
            "/echo",
            body={"name": None},
            content_type="application/merge-patch+json",
            headers={"X-Trace": ["a", "b"], "X-None": None},
            cookies={"session": "s 1", "theme": "dark"},
        ),
    )
    client.request(dict, RequestSpec("PUT", "/echo", body="héllo", body_encoding="text"))
    client.request(dict, RequestSpec("PUT", "/echo", body=io.BytesIO(b"\x00\xff"), body_encoding="binary"))
    client.request(
        dict,
        RequestSpec(
            "POST", "/echo", body={"file": ("a.txt", b"hi", "text/plain"), "note": "n"}, body_encoding="multipart"
        ),
    )
    patch, text, binary, multipart = local.requests
    headers = [request.headers for request in local.requests]
    assert patch.body == b'{"name":null}' and headers[0]["Content-Type"] == "application/merge-patch+json"
    assert headers[0]["X-Trace"] == "a,b" and "X-None" not in headers[0]
    assert headers[0]["Cookie"] == "session=s%201; theme=dark"
    assert text.body == "héllo".encode() and headers[1]["Content-Type"].startswith("text/plain")
    assert binary.body == b"\x00\xff" and headers[2]["Content-Type"] == "application/octet-stream"
    assert headers[3]["Content-Type"].startswith("multipart/form-data; boundary=")
    assert b'filename="a.txt"' in multipart.body and b"Content-Type: text/plain" in multipart.body
    assert b'name="note"\r\n\r\nn\r\n' in multipart.body
    assert all(header.get("Idempotency-Key", "").startswith("idem_") for header in headers)
