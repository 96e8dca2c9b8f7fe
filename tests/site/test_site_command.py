"""`kbtools build`: builds the sample with no options; user errors are one line, no traceback."""

from __future__ import annotations

from pathlib import Path

from kbtools.cli import main

REPO = Path(__file__).resolve().parents[2]


def test_build_with_no_options_builds_the_sample_into_site(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "translations").symlink_to(REPO / "translations")
    assert main(["build"]) == 0
    assert (tmp_path / "site/properties/msirestartmanagersessionkey.html").exists()
    out = capsys.readouterr().out
    assert "site/index.html" in out and "kbtools serve" in out


def test_build_names_a_missing_source_in_one_line(tmp_path, capsys):
    missing = tmp_path / "nowhere"
    assert main(["build", "--source", str(missing), "--site-dir", str(tmp_path / "site")]) == 2
    err = capsys.readouterr().err
    assert str(missing) in err and err.count("\n") == 1 and "Traceback" not in err


def test_build_names_a_source_without_property_pages_in_one_line(tmp_path, capsys):
    (tmp_path / "notes.md").write_text("# Notes\n", encoding="utf-8")
    # The user named the wrong folder: a usage error.
    assert main(["build", "--source", str(tmp_path), "--site-dir", str(tmp_path / "site")]) == 2
    err = capsys.readouterr().err
    assert "no property pages" in err and err.count("\n") == 1
