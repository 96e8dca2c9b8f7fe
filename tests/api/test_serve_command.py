"""`kbtools serve` as a user runs it: a real process, its printed URL, Ctrl-C."""

from __future__ import annotations

import signal
import socket
from pathlib import Path

import httpx
import pytest

from kbtools.cli import main
from tests.serving import serve_process

EXIT_INTERRUPTED = 130  # what `kbtools` returns for Ctrl-C, as shells do


def test_serves_until_ctrl_c_and_exits_cleanly(sample_dir: Path, served_site: Path) -> None:
    with serve_process("--source", str(sample_dir), "--site-dir", str(served_site)) as (process, url):
        assert httpx.get(f"{url}/api/v1/properties/msirestartmanagersessionkey.json").status_code == 200
        assert "<title>kbtools</title>" in httpx.get(f"{url}/").text
        process.send_signal(signal.SIGINT)
        assert process.wait(10) == EXIT_INTERRUPTED
        assert process.stderr is not None
        assert "Traceback" not in process.stderr.read()


def test_builds_the_site_when_the_folder_is_missing(sample_dir: Path, tmp_path: Path) -> None:
    site_dir = tmp_path / "site"
    with serve_process("--source", str(sample_dir), "--site-dir", str(site_dir)) as (process, url):
        assert (site_dir / "index.html").is_file()
        assert (site_dir / "api" / "v1" / "properties.json").is_file()
        assert httpx.get(f"{url}/").status_code == 200
        process.send_signal(signal.SIGINT)
        process.wait(10)


def test_missing_source_is_a_one_line_usage_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    missing = tmp_path / "nowhere"
    assert main(["serve", "--source", str(missing), "--site-dir", str(tmp_path)]) == 2
    error = capsys.readouterr().err
    assert error.count("\n") == 1
    assert str(missing) in error


def test_folder_without_property_pages_is_a_usage_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["serve", "--source", str(tmp_path), "--site-dir", str(tmp_path)]) == 2
    assert "no property pages" in capsys.readouterr().err


def test_taken_port_is_a_one_line_error(
    sample_dir: Path, served_site: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen(1)
        port = str(taken.getsockname()[1])
        code = main(["serve", "--source", str(sample_dir), "--site-dir", str(served_site), "--port", port])
    assert code == 2
    error = capsys.readouterr().err
    assert error.count("\n") == 1
    assert f"127.0.0.1:{port}" in error


def test_port_out_of_range_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(["serve", "--port", "70000"])
    assert exit_.value.code == 2
    assert "70000" in capsys.readouterr().err
