"""Real servers for the tests that need one: `kbtools serve` in a child process, as a user runs it,
and an API app under uvicorn in a thread (real HTTP, no test client)."""

from __future__ import annotations

import re
import select
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

STARTUP_TIMEOUT = 120.0
URL = re.compile(r"Serving (http://127\.0\.0\.1:\d+)/")


@contextmanager
def serve_process(*args: str) -> Iterator[tuple[subprocess.Popen[str], str]]:
    """`kbtools serve --port 0 ARGS` in a child process; yield it and the URL it printed.

    On leaving, a server still running gets Ctrl-C (SIGINT), then a kill after 10 s.
    """
    process = subprocess.Popen(
        [sys.executable, "-m", "kbtools", "serve", "--port", "0", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert process.stdout is not None
        ready, _, _ = select.select([process.stdout], [], [], STARTUP_TIMEOUT)
        assert ready, f"kbtools serve printed nothing in {STARTUP_TIMEOUT} s"
        line = process.stdout.readline()
        match = URL.search(line)
        assert match, f"no URL in {line!r}"
        yield process, match.group(1)
    finally:
        if process.poll() is None:
            process.send_signal(signal.SIGINT)
            try:
                process.wait(10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


APP_STARTUP_TIMEOUT = 10.0


@contextmanager
def serving(app: Any) -> Iterator[str]:
    """Run the ASGI `app` under uvicorn on a free 127.0.0.1 port in a thread; yield its base URL."""
    import uvicorn

    # IPPROTO_TCP so asyncio sets TCP_NODELAY, as `kbtools serve` does.
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    sock.bind(("127.0.0.1", 0))
    sock.listen(128)
    port = sock.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(app, log_level="warning", lifespan="off"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + APP_STARTUP_TIMEOUT
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            raise RuntimeError("uvicorn did not start")
        time.sleep(0.01)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(APP_STARTUP_TIMEOUT)
        sock.close()
