"""File descriptors: the server does not run out of them, and says so in one line if it must.

Every connection holds a descriptor and every file a response sends holds another while it is
sent. Out of them, asyncio logs a traceback at each failed `accept()` (thousands in a burst) and
responses fail to open their files. So:

- the soft limit is raised to the hard one at start;
- beyond `connection_limit` open connections, a new one is answered `503` at once and closed,
  so that the descriptors left suffice for the responses of the connections kept, and asyncio
  accepts `accept_batch` connections at a time, not thousands, before any of them is handled;
- if descriptors still run out (another process, a lower hard limit), one line says so, at most
  once every `REPORT_INTERVAL` seconds, and the server goes on: asyncio retries `accept()`.
"""

from __future__ import annotations

import asyncio
import errno
import resource
import sys
import time
from typing import Any, ClassVar

from kbtools.api.http_protocol import H11WithHeaderTimeout

# Descriptors kept for what is not a connection: the listening socket, logs, imports, the site.
RESERVE = 64
REPORT_INTERVAL = 10.0
_BUSY = (
    b"HTTP/1.1 503 Service Unavailable\r\ncontent-type: text/plain; charset=utf-8\r\ncontent-length: 21\r\n"
    b"retry-after: 1\r\nconnection: close\r\n\r\nToo many connections\n"
)
_EXHAUSTED = (errno.EMFILE, errno.ENFILE, errno.ENOBUFS, errno.ENOMEM)


def raise_soft_limit() -> int:
    """Raise this process's soft descriptor limit to the hard one; return the limit in force."""
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    wanted = hard if hard != resource.RLIM_INFINITY else max(soft, 65536)
    if wanted > soft:
        try:
            resource.setrlimit(resource.RLIMIT_NOFILE, (wanted, hard))
            soft = wanted
        except (ValueError, OSError):
            pass
    return soft


def connection_limit(descriptors: int) -> int:
    """How many connections to keep open: each may hold a second descriptor for a file it sends."""
    return max(8, (descriptors - RESERVE) // 2)


def accept_batch(descriptors: int, most: int = 2048) -> int:
    """How many connections asyncio may accept in one go (its `backlog`): a quarter of the
    connections kept, so that one burst of accepts leaves descriptors for the responses."""
    return max(8, min(most, connection_limit(descriptors) // 4))


class BoundedConnections(H11WithHeaderTimeout):
    """The h11 protocol that answers 503 and closes a connection beyond `max_connections`."""

    max_connections: ClassVar[int] = connection_limit(1024)

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        super().connection_made(transport)
        if len(self.connections) > self.max_connections:
            transport.write(_BUSY)
            transport.close()


def bounded_protocol(limit: int) -> type[BoundedConnections]:
    """The protocol class that keeps at most `limit` connections open."""
    return type("BoundedConnections", (BoundedConnections,), {"max_connections": limit})


class DescriptorReport:
    """An event-loop exception handler: running out of descriptors is one line, not a traceback."""

    def __init__(self, limit: int, clock=time.monotonic) -> None:  # noqa: ANN001
        self.limit = limit
        self.clock = clock
        self.reported_at: float | None = None
        self.missed = 0

    def __call__(self, loop: asyncio.AbstractEventLoop, context: dict[str, Any]) -> None:
        error = context.get("exception")
        if not (isinstance(error, OSError) and error.errno in _EXHAUSTED):
            loop.default_exception_handler(context)
            return
        now = self.clock()
        if self.reported_at is not None and now - self.reported_at < REPORT_INTERVAL:
            self.missed += 1
            return
        again = f" ({self.missed} more since the last report)" if self.missed else ""
        print(
            f"kbtools serve: out of file descriptors (limit {self.limit}): {error.strerror}; new connections wait "
            f"and are accepted again as others close{again}",
            file=sys.stderr,
            flush=True,
        )
        self.reported_at = now
        self.missed = 0
