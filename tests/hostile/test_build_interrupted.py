"""A rebuild of the real corpus site killed or interrupted half-way leaves the previous site
whole (pages, API, search index), and the next build removes what the killed one left."""

from __future__ import annotations

import hashlib
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from kbtools.site.build import build_site
from kbtools.site.site_folder import SITE_MARKER

pytestmark = pytest.mark.corpus

EXIT_INTERRUPTED = 130
# The build is killed once its sibling folder holds this many files: MkDocs is half-way.
FILES_WRITTEN_BEFORE_THE_SIGNAL = 100
WAIT = 180.0


def _digest(site: Path) -> dict[str, str]:
    return {
        path.relative_to(site).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(site.rglob("*"))
        if path.is_file()
    }


def _leftovers(site: Path) -> list[Path]:
    return [path for path in site.parent.iterdir() if path.name.startswith(f".{site.name}.kbtools-")]


@pytest.fixture(scope="module")
def good_site(msi_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, str]]:
    site = tmp_path_factory.mktemp("interrupted") / "site"
    build_site(msi_dir, site)
    return site, _digest(site)


def _rebuild_and_signal(msi_dir: Path, site: Path, signum: int) -> subprocess.CompletedProcess[str]:
    """Start `kbtools build` over `site`; send `signum` once its new site is half written."""
    earlier = set(_leftovers(site))
    process = subprocess.Popen(
        [sys.executable, "-m", "kbtools", "build", "--source", str(msi_dir), "--site-dir", str(site)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    deadline = time.monotonic() + WAIT
    try:
        while time.monotonic() < deadline and process.poll() is None:
            written = sum(sum(1 for _ in work.rglob("*")) for work in set(_leftovers(site)) - earlier)
            if written >= FILES_WRITTEN_BEFORE_THE_SIGNAL:
                break
            time.sleep(0.05)
        assert process.poll() is None, "the build ended before it could be interrupted"
        process.send_signal(signum)
        out, err = process.communicate(timeout=WAIT)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
    return subprocess.CompletedProcess(process.args, process.returncode, out, err)


def test_a_killed_rebuild_leaves_the_previous_site_intact(msi_dir, good_site):
    site, before = good_site
    result = _rebuild_and_signal(msi_dir, site, signal.SIGKILL)
    assert result.returncode == -signal.SIGKILL
    after = _digest(site)
    assert after == before
    assert sum(1 for name in after if name.startswith("api/v1/properties/")) == 335
    assert "search/search_index.json" in after and SITE_MARKER in after
    assert _leftovers(site), "the killed build left its half-written folder (cleaned on the next run)"


def test_the_next_build_removes_what_a_killed_build_left(msi_dir, good_site):
    site, _ = good_site
    earlier = set(_leftovers(site))
    _rebuild_and_signal(msi_dir, site, signal.SIGKILL)
    assert set(_leftovers(site)) - earlier
    result = subprocess.run(
        [sys.executable, "-m", "kbtools", "build", "--source", str(msi_dir), "--site-dir", str(site)],
        capture_output=True,
        text=True,
        timeout=WAIT,
    )
    assert result.returncode == 0, result.stderr
    assert _leftovers(site) == []
    assert (site / "api" / "v1" / "properties.json").is_file()


def test_ctrl_c_exits_130_with_one_line_and_keeps_the_previous_site(msi_dir, good_site):
    site, _ = good_site
    before = _digest(site)
    result = _rebuild_and_signal(msi_dir, site, signal.SIGINT)
    assert result.returncode == EXIT_INTERRUPTED
    assert result.stderr.count("\n") == 1 and "interrupted" in result.stderr and "Traceback" not in result.stderr
    assert _digest(site) == before
    assert _leftovers(site) == [], "Ctrl-C removes the half-written folder itself"
