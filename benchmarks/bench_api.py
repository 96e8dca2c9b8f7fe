"""Requests per second and p50/p99 latency of the live API, against the same JSON as static files.

Starts `kbtools serve` on a free 127.0.0.1 port over the corpus, with a site folder that holds
the static API plus copies of the two live answers, then loads each URL with `hey` (Debian
package `hey`) or, without it, a bounded asyncio/httpx client. Only loopback, bounded counts.

    python benchmarks/bench_api.py [--requests 5000] [--concurrency 16]

The corpus comes from KBTOOLS_CORPUS (default ../shared/corpus next to the repository).
"""

from __future__ import annotations

import argparse
import asyncio
import os
import re
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import httpx

from kbtools.kb import KnowledgeBase, build_knowledge_base
from kbtools.kb.query import Catalog
from kbtools.publish.documents import build_documents
from kbtools.publish.static_api import write_static_api
from kbtools.site.site_folder import SITE_MARKER

REPO = Path(__file__).resolve().parent.parent
CORPUS = Path(os.environ.get("KBTOOLS_CORPUS", REPO.parent / "shared" / "corpus"))
MSI_DIR = CORPUS / "win32-zh-tw-sxs" / "desktop-src" / "Msi"
FILTERED_QUERY = "/api/v1/properties?os=Windows%20XP&runtime=Windows%20Installer&version=3.1"
ONE_RECORD = "/api/v1/properties/allusers.json"
STATIC_COPIES = "bench"
STARTUP_TIMEOUT = 60.0
REQUEST_TIMEOUT = 10.0
UNCACHED_QUERIES = {
    "os=Windows XP&runtime=Windows Installer&version=3.1": {
        "os": "Windows XP",
        "runtime": "Windows Installer",
        "version": "3.1",
    },
    "text=media": {"text": "media"},
}
UNCACHED_ROUNDS = 200
URL = re.compile(r"Serving (http://127\.0\.0\.1:\d+)/")


@dataclass
class Figures:
    requests: int
    errors: int
    seconds: float
    p50_ms: float
    p99_ms: float

    @property
    def per_second(self) -> float:
        return self.requests / self.seconds


def load_with_hey(url: str, requests: int, concurrency: int) -> Figures:
    out = subprocess.run(
        ["hey", "-n", str(requests), "-c", str(concurrency), "-t", str(int(REQUEST_TIMEOUT)), url],
        capture_output=True,
        text=True,
        check=True,
        timeout=600,
    ).stdout
    total = float(re.search(r"Total:\s+([\d.]+) secs", out).group(1))
    p50 = float(re.search(r"50% in ([\d.]+) secs", out).group(1))
    p99 = float(re.search(r"99% in ([\d.]+) secs", out).group(1))
    # hey splits the count evenly between workers (5000 at 16 -> 4992), so count what it sent.
    statuses = {int(code): int(count) for code, count in re.findall(r"\[(\d{3})\]\s+(\d+) responses", out)}
    failed = sum(int(n) for n in re.findall(r'^\s+\[(\d+)\]\s+\w+ "', out, re.MULTILINE))
    sent = sum(statuses.values()) + failed
    return Figures(sent, sent - statuses.get(200, 0), total, p50 * 1000, p99 * 1000)


async def _load_with_httpx(url: str, requests: int, concurrency: int) -> Figures:
    latencies: list[float] = []
    errors = 0
    remaining = iter(range(requests))

    async def worker(client: httpx.AsyncClient) -> None:
        nonlocal errors
        for _ in remaining:
            start = time.perf_counter()
            response = await client.get(url)
            latencies.append(time.perf_counter() - start)
            errors += response.status_code != 200

    limits = httpx.Limits(max_connections=concurrency)
    async with httpx.AsyncClient(limits=limits, timeout=REQUEST_TIMEOUT) as client:
        start = time.perf_counter()
        await asyncio.gather(*(worker(client) for _ in range(concurrency)))
        seconds = time.perf_counter() - start
    cuts = statistics.quantiles(latencies, n=100)
    return Figures(requests, errors, seconds, cuts[49] * 1000, cuts[98] * 1000)


def load(url: str, requests: int, concurrency: int) -> Figures:
    if shutil.which("hey"):
        return load_with_hey(url, requests, concurrency)
    return asyncio.run(_load_with_httpx(url, requests, concurrency))


def uncached_answer_ms(kb: KnowledgeBase) -> dict[str, float]:
    """In-process median time to filter and assemble an answer the server has not cached yet."""
    catalog = Catalog(kb)
    documents = build_documents(kb, catalog)
    times = {}
    for label, filters in UNCACHED_QUERIES.items():
        rounds = []
        for _ in range(UNCACHED_ROUNDS):
            start = time.perf_counter()
            documents.index_of(catalog.select(catalog.check(**filters)))
            rounds.append(time.perf_counter() - start)
        times[label] = statistics.median(rounds) * 1000
    return times


def prepare_site(site_dir: Path, base: str) -> dict[str, str]:
    """Static copies of the live answers, so both sides send the same bytes."""
    copies = site_dir / STATIC_COPIES
    copies.mkdir()
    pairs = {}
    for name, path in (("filtered query", FILTERED_QUERY), ("one record", ONE_RECORD)):
        body = httpx.get(base + path, timeout=REQUEST_TIMEOUT).content
        file_name = name.replace(" ", "-") + ".json"
        (copies / file_name).write_bytes(body)
        pairs[name] = path, f"/{STATIC_COPIES}/{file_name}", len(body)
    return pairs


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=5000)
    parser.add_argument("--concurrency", type=int, default=16)
    args = parser.parse_args()
    if not MSI_DIR.is_dir():
        print(f"bench_api: {MSI_DIR}: corpus not found (set KBTOOLS_CORPUS)", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory(prefix="kbtools-bench-") as work:
        site_dir = Path(work) / "site"
        site_dir.mkdir()
        kb = build_knowledge_base(MSI_DIR)
        write_static_api(kb, site_dir)
        (site_dir / SITE_MARKER).write_text("the static API only: serve it as it is", encoding="utf-8")
        server = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "kbtools",
                "serve",
                "--source",
                str(MSI_DIR),
                "--site-dir",
                str(site_dir),
                "--port",
                "0",
            ],
            stdout=subprocess.PIPE,
            text=True,
        )
        try:
            started = time.monotonic()
            line = server.stdout.readline()
            match = URL.search(line)
            if not match:
                print(f"bench_api: kbtools serve did not start: {line!r}", file=sys.stderr)
                return 1
            base = match.group(1)
            print(f"kbtools serve up in {time.monotonic() - started:.1f} s at {base}")
            tool = "hey" if shutil.which("hey") else "asyncio/httpx"
            print(f"{args.requests} requests, {args.concurrency} concurrent, {tool}, loopback\n")
            print(f"{'what':<16}{'served as':<12}{'bytes':>8}{'req/s':>10}{'p50 ms':>9}{'p99 ms':>9}{'errors':>8}")
            for name, (live, static, size) in prepare_site(site_dir, base).items():
                for kind, path in (("live API", live), ("static file", static)):
                    load(base + path, min(200, args.requests), args.concurrency)  # warm-up
                    figures = load(base + path, args.requests, args.concurrency)
                    print(
                        f"{name:<16}{kind:<12}{size:>8}{figures.per_second:>10.0f}"
                        f"{figures.p50_ms:>9.2f}{figures.p99_ms:>9.2f}{figures.errors:>8}"
                    )
            print("\nrepeated queries are answered from a cache; a first query costs (in-process, median):")
            for label, ms in uncached_answer_ms(kb).items():
                print(f"  {label:<52}{ms:>7.2f} ms")
        finally:
            server.send_signal(signal.SIGINT)
            try:
                server.wait(10)
            except subprocess.TimeoutExpired:
                server.kill()
    return 0


if __name__ == "__main__":
    sys.exit(main())
