"""Hostile input: real corpus pages copied into temporary folders and bent, and a command runner."""

from __future__ import annotations

import contextlib
import io
import json
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kbtools.cli import main

# Small property pages of three kinds (installer, public installer, automation member).
PROPERTY_PAGES = ("allusers.md", "reboot.md", "installer-uilevel.md")


@dataclass
class Run:
    code: int
    out: str
    err: str


def run(*args: str | Path) -> Run:
    """Run the command line in this process; return its exit code, stdout and stderr."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main([str(arg) for arg in args])
    return Run(code, out.getvalue(), err.getvalue())


def copy_pages(msi_dir: Path, folder: Path, names: tuple[str, ...] = PROPERTY_PAGES) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name in names:
        shutil.copyfile(msi_dir / name, folder / name)
    return folder


def check_json(*paths: Path) -> tuple[Run, dict[str, Any]]:
    result = run("check", "--format", "json", *paths)
    return result, json.loads(result.out) if result.out else {}


def parse_json(source: Path, out: Path) -> tuple[Run, dict[str, Any]]:
    result = run("parse", source, "--out", out)
    return result, json.loads(out.read_text(encoding="utf-8")) if out.exists() else {}


def build(source: Path, site_dir: Path) -> Run:
    return run("build", "--source", source, "--site-dir", site_dir)


def site_text(site_dir: Path) -> str:
    """Every generated HTML page and API document of a built site, as one text."""
    parts = [
        path.read_text(encoding="utf-8") for path in sorted(site_dir.rglob("*")) if path.suffix in (".html", ".json")
    ]
    return "\n".join(parts)
