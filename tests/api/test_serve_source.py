"""`kbtools serve --site-dir SITE` serves one knowledge base: the API reads the folder SITE was built from."""

from __future__ import annotations

import shutil
import signal
from pathlib import Path

import httpx
import pytest

from kbtools.cli import main
from kbtools.site.build import build_site
from kbtools.site.site_folder import SITE_MARKER, SiteOrigin, site_origin
from tests.serving import serve_process

PAGES = ("msirestartmanagersessionkey.md", "allusers.md")


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory, msi_dir: Path) -> tuple[Path, Path]:
    """A site built from a folder of two property pages: (source, site)."""
    source = tmp_path_factory.mktemp("source")
    for name in PAGES:
        shutil.copy(msi_dir / name, source / name)
    site = tmp_path_factory.mktemp("built") / "site"
    build_site(source, site)
    return source, site


def test_a_built_site_records_its_source(built):
    source, site = built
    assert site_origin(site) == SiteOrigin(source.resolve())


def test_serve_without_source_answers_from_the_folder_the_site_was_built_from(built, workdir):
    # The working directory has a translations/ of its own, with one other property page.
    source, site = built
    (workdir / "translations").mkdir()
    shutil.copy(source / PAGES[0], workdir / "translations" / PAGES[0])
    with serve_process("--site-dir", str(site)) as (process, url):
        live = httpx.get(f"{url}/api/v1/properties").json()
        assert sorted(record["name"] for record in live["result"]) == ["ALLUSERS", "MsiRestartManagerSessionKey"]
        process.send_signal(signal.SIGINT)
        process.wait(10)


def test_serve_refuses_a_source_the_site_was_not_built_from(built, workdir, capsys):
    _, site = built
    (workdir / "other").mkdir()
    assert main(["serve", "--source", "other", "--site-dir", str(site)]) == 2
    error = capsys.readouterr().err
    assert error.startswith(f"kbtools serve: error: {site}: built from ")
    assert "not other; serve it without --source, or rebuild it" in error


def test_serve_refuses_a_site_that_does_not_record_its_source(workdir, capsys):
    site = workdir / "site"
    site.mkdir()
    (site / "index.html").write_text("<!doctype html><title>old</title>", encoding="utf-8")
    (site / SITE_MARKER).write_text("a site from an older kbtools\n", encoding="utf-8")
    assert main(["serve", "--site-dir", str(site)]) == 2
    assert capsys.readouterr().err == (
        f"kbtools serve: error: {site}: the site does not record which folder it was built from; give --source that "
        f"folder, or rebuild it with `kbtools build --source DIR --site-dir {site}`\n"
    )
