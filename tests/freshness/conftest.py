"""Running `kbtools` in-process, and the English trees the freshness tests compare with."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from kbtools.cli import main


@dataclass
class Run:
    code: int
    out: str
    err: str


@pytest.fixture
def kbtools(capsys: pytest.CaptureFixture[str]) -> Callable[..., Run]:
    """`kbtools(*args)` runs the command line and returns its exit code, stdout and stderr."""

    def run(*args: str | Path) -> Run:
        capsys.readouterr()
        code = main([str(arg) for arg in args])
        captured = capsys.readouterr()
        return Run(code, captured.out, captured.err)

    return run


@pytest.fixture
def workdir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty working directory (so no pyproject.toml of this repository applies)."""
    monkeypatch.chdir(tmp_path)
    return tmp_path
