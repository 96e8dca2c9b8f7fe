"""ASGI middleware of `kbtools serve`: security headers on every response, HEAD for every GET,
ETag and Cache-Control with 304 for a matching If-None-Match.

Plain ASGI rather than Starlette's `BaseHTTPMiddleware`: they only touch the response start
message, so a request costs no extra task or body copy.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping

from starlette.types import ASGIApp, Message, Receive, Scope, Send


class SecurityHeaders:
    """Add `headers` to every HTTP response that does not set them itself."""

    def __init__(self, app: ASGIApp, headers: Mapping[str, str]) -> None:
        self.app = app
        self.headers = [(name.lower().encode("latin-1"), value.encode("latin-1")) for name, value in headers.items()]

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                present = {name.lower() for name, _ in message.get("headers", [])}
                extra = [(name, value) for name, value in self.headers if name not in present]
                message = {**message, "headers": [*message.get("headers", []), *extra]}
            await send(message)

        await self.app(scope, receive, send_with_headers)


class HeadAsGet:
    """Answer HEAD as GET without the body, for routes that declare only GET.

    The body is dropped here; `content-length` stays that of the GET answer, as RFC 9110 asks.
    """

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] != "HEAD":
            await self.app(scope, receive, send)
            return

        async def send_without_body(message: Message) -> None:
            if message["type"] == "http.response.body":
                if message.get("more_body", False):
                    return
                message = {"type": "http.response.body", "body": b"", "more_body": False}
            await send(message)

        await self.app({**scope, "method": "GET"}, receive, send_without_body)


CACHE_CONTROL = "public, max-age=300"


class ConditionalGet:
    """`ETag` and `Cache-Control` on every successful GET answer, and 304 for a matching `If-None-Match`.

    The tag is a digest of the body, so it changes exactly when the answer does; it is weak
    (`W/`) because gzip, outside this middleware, may send the same answer encoded otherwise.
    Answers here are one body message each, so holding it back costs no copy.
    """

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] not in ("GET", "HEAD") or not scope["path"].startswith("/api/"):
            await self.app(scope, receive, send)  # the site's files carry the file server's own ETag
            return
        asked = next((value.decode("latin-1") for name, value in scope["headers"] if name == b"if-none-match"), None)
        start: Message | None = None
        parts: list[bytes] = []

        async def send_tagged(message: Message) -> None:
            nonlocal start
            if message["type"] == "http.response.start":
                start = message
                return
            if message["type"] != "http.response.body" or start is None:
                await send(message)
                return
            if start["status"] != 200:
                await send(start)
                start = None
                await send(message)
                return
            parts.append(message.get("body", b""))
            if message.get("more_body", False):
                return
            body = b"".join(parts)
            headers = [(n, v) for n, v in start.get("headers", []) if n.lower() not in (b"etag", b"cache-control")]
            tag = 'W/"' + hashlib.blake2b(body, digest_size=16).hexdigest() + '"'
            headers += [(b"etag", tag.encode()), (b"cache-control", CACHE_CONTROL.encode())]
            if asked is not None and tag in {part.strip() for part in asked.split(",")} | (
                {tag} if asked.strip() == "*" else set()
            ):
                kept = [(n, v) for n, v in headers if n.lower() not in (b"content-length", b"content-type")]
                await send({"type": "http.response.start", "status": 304, "headers": kept})
                await send({"type": "http.response.body", "body": b"", "more_body": False})
                return
            await send({**start, "headers": headers})
            await send({"type": "http.response.body", "body": body, "more_body": False})

        await self.app(scope, receive, send_tagged)
