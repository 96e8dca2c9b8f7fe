"""`kbtools serve` fails in one line and keeps serving where it can: a site folder it cannot
write, a flood of connections beyond its file descriptors."""

from __future__ import annotations

import re
import resource
import socket
import subprocess
import sys
import time
import urllib.request

from hostile_support import copy_pages, run


def test_serve_building_into_a_folder_it_cannot_write_is_a_one_line_error(msi_dir, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    copy_pages(msi_dir, tmp_path / "src")
    # /proc refuses new entries even to root, for whom a chmod 555 folder is writable.
    result = run("serve", "--source", "src", "--site-dir", "/proc/kbtools-site", "--port", "0")
    assert result.code == 2  # an I/O error
    assert result.err.splitlines()[-1].startswith("kbtools serve: error: /proc/kbtools-site: cannot build the site")
    assert "Traceback" not in result.err


DESCRIPTORS = 256


def test_running_out_of_file_descriptors_is_one_line_and_the_server_keeps_serving(msi_dir, tmp_path):
    copy_pages(msi_dir, tmp_path / "src")

    def few_descriptors() -> None:
        resource.setrlimit(resource.RLIMIT_NOFILE, (DESCRIPTORS, DESCRIPTORS))

    server = subprocess.Popen(
        [sys.executable, "-m", "kbtools", "serve", "--source", "src", "--site-dir", "site", "--port", "0"],
        cwd=tmp_path,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        preexec_fn=few_descriptors,
    )
    held: list[socket.socket] = []
    try:
        line = server.stdout.readline()
        match = re.search(r"http://([\d.]+):(\d+)/", line)
        assert match, line + server.stderr.read()
        address = (match.group(1), int(match.group(2)))
        for _ in range(3 * DESCRIPTORS):  # far more connections than descriptors
            connection = socket.socket()
            connection.settimeout(2)
            try:
                connection.connect(address)
                connection.sendall(b"GET /index.html HTTP/1.1\r\nHost: x\r\n\r\n")
            except OSError:
                pass
            held.append(connection)
        time.sleep(3)
        for connection in held:
            connection.close()
        held.clear()
        with urllib.request.urlopen(f"http://{address[0]}:{address[1]}/api/v1/properties.json", timeout=30) as answer:
            assert answer.status == 200
    finally:
        for connection in held:
            connection.close()
        server.terminate()
        try:
            _, err = server.communicate(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()
            _, err = server.communicate()
    assert "Traceback" not in err
    assert len(err.splitlines()) <= 5, err[:2000]


def test_the_descriptor_report_is_one_line_per_interval(capsys):
    from kbtools.api.descriptor_limit import DescriptorReport

    now = [0.0]
    report = DescriptorReport(256, clock=lambda: now[0])
    exhausted = {"message": "socket.accept() out of system resource", "exception": OSError(24, "Too many open files")}
    for step in range(1000):
        now[0] = step * 0.01  # 1,000 failed accepts in 10 seconds
        report(None, exhausted)  # type: ignore[arg-type]
    lines = capsys.readouterr().err.splitlines()
    assert len(lines) == 1 and "out of file descriptors (limit 256)" in lines[0]
