"""Prints the SDK's public surface as JSON, {"<resource>": ["<method>", ...]}, for the parity check.

Resources are the client class's public properties (cached) holding a resource namespace; methods are their public
callables (the `with_raw_response` / `with_streaming_response` views are views, not methods).
"""

from __future__ import annotations

import inspect
import json
from functools import cached_property

from embott import Embott

VIEWS = {"with_raw_response", "with_streaming_response"}

client = Embott(api_key="sk_live_parity_0001", base_url="http://127.0.0.1:9/v1")
surface: dict[str, list[str]] = {}
for name, member in inspect.getmembers(type(client)):
    if name.startswith("_") or not isinstance(member, (property, cached_property)):
        continue
    value = getattr(client, name)
    if not type(value).__module__.startswith("embott.resources"):
        continue
    methods = [
        attribute
        for attribute, member in inspect.getmembers(type(value))
        if not attribute.startswith("_") and attribute not in VIEWS and callable(member)
    ]
    if methods:
        surface[name] = methods
print(json.dumps(surface, indent=2))
