"""uvicorn's h11 protocol with a header-read timeout.

uvicorn closes an idle keep-alive connection after `timeout_keep_alive`, but any byte received
resets that timer, and a new connection has none: a client that sends its headers one byte at
a time, or nothing at all, holds a connection for ever. Here the request line and headers must
arrive within `HEADER_READ_TIMEOUT` seconds of the connection opening or of the last response.
"""

from __future__ import annotations

import asyncio

from uvicorn.protocols.http.h11_impl import H11Protocol

HEADER_READ_TIMEOUT = 10.0


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

    def _arm_header_timer(self) -> None:
        if self._header_timer is not None:
            self._header_timer.cancel()
        self._header_timer = self.loop.call_later(HEADER_READ_TIMEOUT, self._header_timeout)

    def _header_timeout(self) -> None:
        waiting_for_headers = self.cycle is None or self.cycle.response_complete
        if waiting_for_headers and not self.transport.is_closing():
            self.transport.close()
