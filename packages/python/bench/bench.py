"""Benchmarks of the embott Python SDK, each printed beside its floor measured in the same run.

    packages/python/.venv/bin/python packages/python/bench/bench.py

- requests/s through `embott` vs raw `httpx` on the same local server, sync and async (goal: >= 0.9x raw);
- webhook verifications/s at 1 KiB and 16 KiB vs a bare `hmac` + `compare_digest` (goal: >= 50k/s at 1 KiB);
- `import embott` vs `import httpx, pydantic` (the floor), wall time and `-X importtime`;
- auto-paginating 100k items: RSS growth (goal: < 20 MB).
"""

from __future__ import annotations

import asyncio
import hashlib
import hmac
import json
import os
import statistics
import subprocess
import sys
import time
from collections.abc import Awaitable, Callable
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import httpx

from embott import AsyncEmbott, Embott
from embott._runtime import SignatureScheme, verify

KEY = "sk_live_bench_0001"
BOT = {
    "id": "bot_bench",
    "object": "bot",
    "name": "Bench",
    "status": "active",
    "persona": {"tone": "friendly", "language": "en", "instructions": ""},
    "model": "embott-1",
    "welcome_message": "Hi",
    "channels": ["web"],
    "created_at": "2027-01-01T00:00:00Z",
    "updated_at": "2027-01-01T00:00:00Z",
    "metadata": {},
}
BOT_BYTES = json.dumps(BOT).encode()
TOTAL_ITEMS = 100_000


def respond(target: str) -> bytes:
    """The answer to GET `target`: a page of bots for /v1/bots (cursor, limit), else one bot."""
    parts = urlsplit(target)
    if parts.path == "/v1/bots":
        query = parse_qs(parts.query)
        start = int(query.get("cursor", ["0"])[0])
        limit = int(query.get("limit", ["100"])[0])
        end = min(start + limit, TOTAL_ITEMS)
        items = [{**BOT, "id": f"bot_{index}"} for index in range(start, end)]
        body = json.dumps(
            {
                "object": "list",
                "data": items,
                "has_more": end < TOTAL_ITEMS,
                "next_cursor": str(end) if end < TOTAL_ITEMS else None,
            }
        ).encode()
    else:
        body = BOT_BYTES
    head = f"HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: {len(body)}\r\nx-request-id: req_bench\r\n\r\n"
    return head.encode() + body


async def handle(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
    """One kept-alive connection: answers each GET until the client closes it."""
    try:
        while True:
            head = await reader.readuntil(b"\r\n\r\n")
            writer.write(respond(head.split(b" ", 2)[1].decode()))
            await writer.drain()
    except (asyncio.IncompleteReadError, ConnectionError):
        writer.close()


def rate(count: int, action: Callable[[], object]) -> float:
    started = time.perf_counter()
    for _ in range(count):
        action()
    return count / (time.perf_counter() - started)


def rss_mb() -> float:
    pages = int(Path("/proc/self/statm").read_text().split()[1])
    return pages * os.sysconf("SC_PAGE_SIZE") / 1e6


class Side:
    """Per-round samples of one side: requests/s and client CPU microseconds per request."""

    def __init__(self) -> None:
        self.rates: list[float] = []
        self.cpu_us: list[float] = []

    def add(self, count: int, wall: float, cpu: float) -> None:
        self.rates.append(count / wall)
        self.cpu_us.append(cpu / count * 1e6)


ROUNDS = 20


def report(kind: str, raw: Side, sdk: Side) -> None:
    ratio = statistics.median(s / r for s, r in zip(sdk.rates, raw.rates))
    print(
        f"{kind} requests/s   embott {statistics.median(sdk.rates):8.0f}   raw httpx {statistics.median(raw.rates):8.0f}"
        f"   ratio {ratio:.2f}x (goal >= 0.9x)   client CPU/request: embott "
        f"{statistics.median(sdk.cpu_us):.0f} us, raw {statistics.median(raw.cpu_us):.0f} us"
    )


def requests_per_second(url: str, count: int) -> None:
    """Raw httpx and embott against the same server (another process), both kept-alive and warmed up, in
    interleaved rounds (alternating which side goes first) so a busy machine slows both alike; medians of the
    per-round rates, of the per-round ratios, and of the client's CPU time per request."""
    per_round = max(count // ROUNDS, 1)
    headers = {"authorization": f"Bearer {KEY}"}
    with httpx.Client(base_url=url) as raw, Embott(api_key=KEY, base_url=f"{url}/v1") as client:

        def raw_call() -> object:
            return raw.get("/v1/bots/bot_bench", headers=headers).json()

        def sdk_call() -> object:
            return client.bots.get("bot_bench")

        def measure(side: Side, action: Callable[[], object]) -> None:
            wall, cpu = time.perf_counter(), time.process_time()
            for _ in range(per_round):
                action()
            side.add(per_round, time.perf_counter() - wall, time.process_time() - cpu)

        rate(100, raw_call)
        rate(100, sdk_call)
        raw_side, sdk_side = Side(), Side()
        for round_index in range(ROUNDS):
            order = [(raw_side, raw_call), (sdk_side, sdk_call)]
            for side, action in order if round_index % 2 == 0 else reversed(order):
                measure(side, action)
    report("sync ", raw_side, sdk_side)

    async def run_async() -> tuple[Side, Side]:
        async with (
            httpx.AsyncClient(base_url=url) as raw_async,
            AsyncEmbott(api_key=KEY, base_url=f"{url}/v1") as client_async,
        ):

            async def raw_call() -> object:
                return (await raw_async.get("/v1/bots/bot_bench", headers=headers)).json()

            async def sdk_call() -> object:
                return await client_async.bots.get("bot_bench")

            async def measure(side: Side, action: Callable[[], Awaitable[object]], times: int) -> None:
                wall, cpu = time.perf_counter(), time.process_time()
                for _ in range(times):
                    await action()
                side.add(times, time.perf_counter() - wall, time.process_time() - cpu)

            await measure(Side(), raw_call, 100)
            await measure(Side(), sdk_call, 100)
            raw_side, sdk_side = Side(), Side()
            for round_index in range(ROUNDS):
                order = [(raw_side, raw_call), (sdk_side, sdk_call)]
                for side, action in order if round_index % 2 == 0 else reversed(order):
                    await measure(side, action, per_round)
            return raw_side, sdk_side

    report("async", *asyncio.run(run_async()))


def client_cost() -> None:
    """Both sides over `httpx.MockTransport` (no network, no server): what each call costs the client itself,
    best of 7 rounds, interleaved."""

    def answer(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, content=BOT_BYTES, headers={"content-type": "application/json"})

    headers = {"authorization": f"Bearer {KEY}"}
    count = 2000

    def best(rounds: list[float]) -> float:
        return min(rounds) / count * 1e6

    with (
        httpx.Client(base_url="http://bench.local", transport=httpx.MockTransport(answer)) as raw,
        Embott(
            api_key=KEY,
            base_url="http://bench.local/v1",
            http_client=httpx.Client(transport=httpx.MockTransport(answer)),
        ) as client,
    ):
        raw_rounds: list[float] = []
        sdk_rounds: list[float] = []
        for _ in range(7):
            raw_rounds.append(count / rate(count, lambda: raw.get("/v1/bots/bot_bench", headers=headers).json()))
            sdk_rounds.append(count / rate(count, lambda: client.bots.get("bot_bench")))
    print(
        f"client cost per call (MockTransport, best of 7)   sync: embott {best(sdk_rounds):5.0f} us   "
        f"raw httpx {best(raw_rounds):5.0f} us",
        end="",
    )

    async def run_async() -> tuple[list[float], list[float]]:
        async with (
            httpx.AsyncClient(base_url="http://bench.local", transport=httpx.MockTransport(answer)) as raw_async,
            AsyncEmbott(
                api_key=KEY,
                base_url="http://bench.local/v1",
                http_client=httpx.AsyncClient(transport=httpx.MockTransport(answer)),
            ) as client_async,
        ):
            raw_rounds: list[float] = []
            sdk_rounds: list[float] = []
            for _ in range(7):
                started = time.perf_counter()
                for _ in range(count):
                    (await raw_async.get("/v1/bots/bot_bench", headers=headers)).json()
                raw_rounds.append(time.perf_counter() - started)
                started = time.perf_counter()
                for _ in range(count):
                    await client_async.bots.get("bot_bench")
                sdk_rounds.append(time.perf_counter() - started)
            return raw_rounds, sdk_rounds

    raw_async_rounds, sdk_async_rounds = asyncio.run(run_async())
    print(f"   async: embott {best(sdk_async_rounds):5.0f} us   raw httpx {best(raw_async_rounds):5.0f} us")


def webhooks() -> None:
    scheme = SignatureScheme(header="Embott-Signature", tolerance=300)
    secret = "whsec_bench_secret"
    for size in (1024, 16 * 1024):
        body = json.dumps({"type": "lead.captured", "pad": "x" * size})[:size].encode()
        stamp = str(int(time.time()))
        signature = hmac.new(secret.encode(), stamp.encode() + b"." + body, hashlib.sha256).hexdigest()
        header = f"t={stamp},v1={signature}"
        count = 20_000

        def sdk_verify(body: bytes = body, header: str = header) -> None:
            verify(body, header, secret, scheme=scheme)

        def bare_hmac(body: bytes = body, stamp: str = stamp, signature: str = signature) -> bool:
            digest = hmac.new(secret.encode(), stamp.encode() + b"." + body, hashlib.sha256).hexdigest()
            return hmac.compare_digest(digest, signature)

        sdk = rate(count, sdk_verify)
        floor = rate(count, bare_hmac)
        goal = " (goal >= 50k/s)" if size == 1024 else ""
        print(f"webhook verify/s   {size // 1024:2d} KiB  embott {sdk:9.0f}   bare hmac {floor:9.0f}{goal}")


def import_times() -> None:
    def wall(code: str) -> float:
        runs = []
        for _ in range(5):
            started = time.perf_counter()
            subprocess.run([sys.executable, "-c", code], check=True)
            runs.append(time.perf_counter() - started)
        return statistics.median(runs) * 1000

    def cumulative(module: str, code: str) -> int:
        result = subprocess.run(
            [sys.executable, "-X", "importtime", "-c", code], capture_output=True, text=True, check=True
        )
        times = [
            int(line.split("|")[1]) for line in result.stderr.splitlines() if line.split("|")[-1].strip() == module
        ]
        return times[-1] if times else 0

    print(
        f"import (wall, median of 5)   embott {wall('import embott'):6.0f} ms   "
        f"httpx + pydantic.BaseModel {wall('import httpx; from pydantic import BaseModel, TypeAdapter'):6.0f} ms   "
        f"import httpx, pydantic {wall('import httpx, pydantic'):6.0f} ms   bare python {wall('pass'):5.0f} ms"
    )
    print(
        f"import (-X importtime)       embott {cumulative('embott', 'import embott') / 1000:6.1f} ms cumulative   "
        f"httpx {cumulative('httpx', 'import httpx') / 1000:.1f} ms + pydantic {cumulative('pydantic', 'import pydantic') / 1000:.1f} ms"
    )


def pagination_memory(url: str) -> None:
    with Embott(api_key=KEY, base_url=f"{url}/v1") as client:
        first = client.bots.list(limit=100)
        before = rss_mb()
        count = sum(1 for _ in first)
        after = rss_mb()
    print(f"paginate {count} items   RSS {before:.0f} -> {after:.0f} MB, growth {after - before:.1f} MB (goal < 20 MB)")


def serve() -> None:
    """The benchmark's server, in its own process (it does not share the client's GIL) and one thread (every
    connection is served alike): prints its URL, then serves until killed."""

    async def run() -> None:
        server = await asyncio.start_server(handle, "127.0.0.1", 0)
        print(f"http://127.0.0.1:{server.sockets[0].getsockname()[1]}", flush=True)
        await server.serve_forever()

    asyncio.run(run())


def main() -> None:
    server = subprocess.Popen([sys.executable, __file__, "--serve"], stdout=subprocess.PIPE, text=True)
    try:
        assert server.stdout is not None
        url = server.stdout.readline().strip()
        count = int(os.environ.get("BENCH_REQUESTS", "2000"))
        requests_per_second(url, count)
        client_cost()
        webhooks()
        import_times()
        pagination_memory(url)
    finally:
        server.terminate()
        server.wait()


if __name__ == "__main__":
    serve() if sys.argv[1:] == ["--serve"] else main()
