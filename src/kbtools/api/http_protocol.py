"""uvicorn's h11 protocol with a header-read timeout and a header size limit.

uvicorn closes an idle keep-alive connection after `timeout_keep_alive`, but any byte received
resets that timer, and a new connection has none: a client that sends its headers one byte at
a time, or nothing at all, holds a connection for ever. Here the request line and headers must
arrive within `HEADER_READ_TIMEOUT` seconds of the connection opening or of the last response.

h11's `max_incomplete_event_size` bounds only a head that has not arrived whole: 100 KB of
headers sent in one write were accepted. Here every request head (request line and headers)
larger than that size is answered 431 and the connection closed, however it arrived.
"""

from __future__ import annotations

import asyncio
import re

import h11
from uvicorn.protocols.http.h11_impl import H11Protocol

HEADER_READ_TIMEOUT = 10.0
DEFAULT_MAX_HEAD_BYTES = 16 * 1024
_HEAD_END = re.compile(rb"\n\r?\n")
_TOO_LARGE_BODY = b"Request header fields too large.\n"
TOO_LARGE_RESPONSE = (
    b"HTTP/1.1 431 Request Header Fields Too Large\r\n"
    b"content-type: text/plain; charset=utf-8\r\n"
    b"x-content-type-options: nosniff\r\n"
    b"connection: close\r\n"
    b"content-length: " + str(len(_TOO_LARGE_BODY)).encode() + b"\r\n\r\n" + _TOO_LARGE_BODY
)


class H11WithHeaderTimeout(H11Protocol):
    _header_timer: asyncio.TimerHandle | None = None

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        super().connection_made(transport)
        self._arm_header_timer()

    def connection_lost(self, exc: Exception | None) -> None:
        if self._header_timer is not None:
            self._header_timer.cancel()
        super().connection_lost(exc)

    def on_response_complete(self) -> None:
        super().on_response_complete()
        self._arm_header_timer()

    def handle_events(self) -> None:
        # Called on every read and after every response, so a pipelined head is measured too.
        if self.conn.their_state is h11.IDLE and self._head_bytes() > self._max_head_bytes:
            if not self.transport.is_closing():
                self.transport.write(TOO_LARGE_RESPONSE)
                self.transport.close()
            return
        super().handle_events()

    @property
    def _max_head_bytes(self) -> int:
        return self.config.h11_max_incomplete_event_size or DEFAULT_MAX_HEAD_BYTES

    def _head_bytes(self) -> int:
        """The size of the next request's head in what has been received (all of it, when the
        head has not ended yet); the search stops just past the limit."""
        received, _ = self.conn.trailing_data
        end = _HEAD_END.search(received, 0, self._max_head_bytes + 3)
        return end.end() if end is not None else len(received)

    def _arm_header_timer(self) -> None:
        if self._header_timer is not None:
            self._header_timer.cancel()
        self._header_timer = self.loop.call_later(HEADER_READ_TIMEOUT, self._header_timeout)

    def _header_timeout(self) -> None:
        waiting_for_headers = self.cycle is None or self.cycle.response_complete
        if waiting_for_headers and not self.transport.is_closing():
            self.transport.close()
