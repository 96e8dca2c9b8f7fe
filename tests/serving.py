"""`kbtools serve` in a child process, as a user runs it, for the tests that need a real server."""

from __future__ import annotations

import re
import select
import signal
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager

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
