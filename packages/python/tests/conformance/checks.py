"""Language-neutral expectation checks (testdata/conformance): each returns the list of what did not hold."""

from __future__ import annotations

import json
import re
from typing import Any

MISSING: Any = object()


def lookup(value: Any, path: str) -> Any:
    """The value at a dotted wire path (`messages.0.role`), or MISSING."""
    for segment in path.split("."):
        if isinstance(value, list) and segment.isdigit() and int(segment) < len(value):
            value = value[int(segment)]
        elif isinstance(value, dict) and segment in value:
            value = value[segment]
        else:
            return MISSING
    return value


def show(value: Any) -> str:
    return "(missing)" if value is MISSING else json.dumps(value, ensure_ascii=False)


def same(a: Any, b: Any) -> bool:
    """JSON equality: booleans are not numbers, 1 equals 1.0."""
    if isinstance(a, bool) or isinstance(b, bool):
        return a is b
    if isinstance(a, (int, float)) and isinstance(b, (int, float)):
        return a == b
    if isinstance(a, dict) and isinstance(b, dict):
        return a.keys() == b.keys() and all(same(a[k], b[k]) for k in a)
    if isinstance(a, list) and isinstance(b, list):
        return len(a) == len(b) and all(same(x, y) for x, y in zip(a, b))
    return type(a) is type(b) and a == b


def substitute(value: Any, saved: dict[str, Any]) -> Any:
    """Replaces `{{name.path}}` with saved values (a whole-string reference keeps the value's type)."""
    if isinstance(value, str):
        whole = re.fullmatch(r"\{\{([^}]+)\}\}", value)
        if whole:
            return _resolve(whole.group(1), saved)
        return re.sub(r"\{\{([^}]+)\}\}", lambda m: str(_resolve(m.group(1), saved)), value)
    if isinstance(value, list):
        return [substitute(item, saved) for item in value]
    if isinstance(value, dict):
        return {key: substitute(item, saved) for key, item in value.items()}
    return value


def _resolve(ref: str, saved: dict[str, Any]) -> Any:
    name, _, rest = ref.partition(".")
    if name not in saved:
        raise KeyError(f'{{{{{ref}}}}}: nothing saved as "{name}"')
    found = lookup(saved[name], rest) if rest else saved[name]
    if found is MISSING:
        raise KeyError(f"{{{{{ref}}}}}: no such field in the saved value")
    return found


def match(subject: Any, spec: dict[str, Any], label: str) -> list[str]:
    problems: list[str] = []
    for path, expected in spec.get("equals", {}).items():
        actual = lookup(subject, path)
        if actual is MISSING or not same(actual, expected):
            problems.append(f"{label}.{path} = {show(actual)}, expected {show(expected)}")
    for path, pattern in spec.get("matches", {}).items():
        actual = lookup(subject, path)
        if not isinstance(actual, str) or re.search(pattern, actual) is None:
            problems.append(f"{label}.{path} = {show(actual)}, expected to match /{pattern}/")
    for path in spec.get("present", []):
        if lookup(subject, path) is MISSING:
            problems.append(f"{label}.{path} is missing")
    for path, length in spec.get("length", {}).items():
        actual = lookup(subject, path)
        if not isinstance(actual, list) or len(actual) != length:
            have = len(actual) if isinstance(actual, list) else show(actual)
            problems.append(f"{label}.{path} has {have} items, expected {length}")
    return problems


def _matches_all(item: Any, fields: dict[str, Any]) -> bool:
    return all(same(lookup(item, path), expected) for path, expected in fields.items())


def items(found: list[Any], expect: dict[str, Any]) -> list[str]:
    problems: list[str] = []
    if "count" in expect and len(found) != expect["count"]:
        problems.append(f"got {len(found)} items, expected {expect['count']}")
    if "unique" in expect:
        values = [show(lookup(item, expect["unique"])) for item in found]
        repeated = sorted({value for value in values if values.count(value) > 1})
        if repeated:
            problems.append(f"items repeat {expect['unique']}: {', '.join(repeated)}")
    if "all" in expect:
        off = [item for item in found if not _matches_all(item, expect["all"])]
        if off:
            problems.append(f"{len(off)} items do not have {show(expect['all'])}")
    for where in expect.get("where", []):
        count = sum(1 for item in found if _matches_all(item, where["match"]))
        if count != where["count"]:
            problems.append(f"{count} items have {show(where['match'])}, expected {where['count']}")
    return problems


def events(found: list[Any], expect: dict[str, Any]) -> list[str]:
    types = [lookup(event, "type") for event in found]
    problems: list[str] = []
    first = types[0] if types else MISSING
    last = types[-1] if types else MISSING
    if first != expect["first"]:
        problems.append(f"first event is {show(first)}, expected {expect['first']}")
    if last != expect["last"]:
        problems.append(f"last event is {show(last)}, expected {expect['last']}")
    if "count_min" in expect and len(found) < expect["count_min"]:
        problems.append(f"got {len(found)} events, expected at least {expect['count_min']}")
    middle = found[1:-1]
    if "middle" in expect:
        off = [str(kind) for kind in types[1:-1] if kind != expect["middle"]]
        if off:
            problems.append(f"events between first and last: {', '.join(off)} (expected only {expect['middle']})")
    final = found[-1] if found else None
    if "text" in expect:
        text = "".join(str(lookup(event, expect["text"]["field"])) for event in middle)
        want = lookup(final, expect["text"]["equals_path"])
        if text != want:
            problems.append(f"deltas give {show(text)} but the final {expect['text']['equals_path']} is {show(want)}")
    if "final" in expect:
        problems.extend(match(final, expect["final"], "final event"))
    return problems
