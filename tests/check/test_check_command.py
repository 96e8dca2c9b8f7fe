"""`kbtools check`: exit codes, paths, options, the text report."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from sxs_pages import CLEAN_PAGE, DEFECT, WARNING, page


@pytest.fixture
def pages(workdir: Path) -> Path:
    (workdir / "clean.md").write_text(CLEAN_PAGE, encoding="utf-8")
    (workdir / "defect.md").write_text(page(DEFECT, WARNING), encoding="utf-8")
    (workdir / "warning.md").write_text(page(WARNING), encoding="utf-8")
    return workdir


def test_exit_0_when_clean(pages, kbtools):
    assert kbtools("check", "clean.md").code == 0


def test_exit_0_when_only_warnings(pages, kbtools):
    result = kbtools("check", "warning.md")
    assert result.code == 0
    assert "number-mismatch" in result.out


def test_exit_1_when_a_finding_is_an_error(pages, kbtools):
    assert kbtools("check", "defect.md").code == 1


def test_text_lines_are_path_line_column_rule_severity_message(pages, kbtools):
    lines = kbtools("check", "defect.md").out.splitlines()
    assert lines[0] == "defect.md:6:1: protected-term [error] [*] 'ALLUSERS' appears as 'allusers' in the target"


def test_summary_counts_files_segments_errors_warnings(pages, kbtools):
    assert kbtools("check", ".").out.splitlines()[-1] == (
        "Checked 3 files (5 segments): 1 error, 2 warnings; [*] 1 fixable with `kbtools check --fix`."
    )


def test_directories_are_searched_recursively_for_markdown(pages, kbtools):
    (pages / "sub" / "deeper").mkdir(parents=True)
    (pages / "sub" / "deeper" / "nested.md").write_text(page(DEFECT), encoding="utf-8")
    (pages / "sub" / "notes.txt").write_text(page(DEFECT), encoding="utf-8")
    result = kbtools("check", "sub")
    assert "sub/deeper/nested.md:6:1: protected-term" in result.out
    assert "Checked 1 file " in result.out


def test_no_path_means_the_sample_folder_translations(pages, kbtools):
    (pages / "translations").mkdir()
    (pages / "translations" / "one.md").write_text(page(WARNING), encoding="utf-8")
    result = kbtools("check")
    assert "translations/one.md" in result.out
    assert "Checked 1 file " in result.out


def test_no_path_means_kbtools_source_when_set(pages, kbtools, monkeypatch):
    (pages / "elsewhere").mkdir()
    (pages / "elsewhere" / "two.md").write_text(page(DEFECT), encoding="utf-8")
    monkeypatch.setenv("KBTOOLS_SOURCE", "elsewhere")
    result = kbtools("check")
    assert result.code == 1
    assert "elsewhere/two.md:6:1: protected-term" in result.out


def test_no_path_and_no_translations_folder_is_a_usage_error(pages, kbtools):
    result = kbtools("check")
    assert result.code == 2
    assert result.err == (
        "kbtools check: error: no PATH given and translations/ does not exist: give the files or folders to check\n"
    )


def test_a_file_given_twice_is_checked_once(pages, kbtools):
    assert "Checked 1 file " in kbtools("check", "defect.md", "./defect.md").out


def test_a_directory_symlink_out_of_the_folder_is_named_and_not_read(pages, kbtools, tmp_path_factory):
    outside = tmp_path_factory.mktemp("outside")
    (outside / "elsewhere.md").write_text(page(DEFECT), encoding="utf-8")
    (pages / "link").symlink_to(outside, target_is_directory=True)
    result = kbtools("check", ".")
    assert result.code == 2
    assert "elsewhere.md" not in result.out
    assert result.err.startswith("kbtools check: error: link: ") and result.err.count("\n") == 1


def test_missing_path_is_named_on_one_line_and_the_others_still_checked(pages, kbtools):
    result = kbtools("check", "nowhere.md", "defect.md")
    assert result.code == 2
    assert result.err == "kbtools check: error: nowhere.md: no such file or directory\n"
    assert "defect.md:6:1: protected-term" in result.out
    assert "Checked" not in result.out  # no summary that reads like a success


def test_unknown_format_is_a_usage_error(pages, kbtools):
    with pytest.raises(SystemExit) as exit_:
        kbtools("check", "--format", "yaml", ".")
    assert exit_.value.code == 2


@pytest.mark.parametrize("option", ["--select", "--ignore"])
def test_unknown_rule_is_a_one_line_usage_error(pages, kbtools, option):
    result = kbtools("check", option, "protected-term,no-such-rule", ".")
    assert result.code == 2
    assert result.err == (
        f"kbtools check: error: {option}: unknown rule or family 'no-such-rule' (see `kbtools rules`)\n"
    )
    assert result.out == ""


def test_select_runs_only_the_named_rules(pages, kbtools):
    result = kbtools("check", "--select", "number-mismatch", "defect.md")
    assert result.code == 0
    assert "protected-term" not in result.out
    assert "number-mismatch" in result.out


def test_select_takes_family_names(pages, kbtools):
    result = kbtools("check", "--select", "terms", "defect.md")
    assert "protected-term" in result.out
    assert "number-mismatch" not in result.out


def test_ignore_skips_the_named_rules(pages, kbtools):
    result = kbtools("check", "--ignore", "protected-term, numbers", "defect.md")
    assert result.code == 0
    assert result.out.splitlines() == ["Checked 1 file (2 segments): 0 errors, 0 warnings."]


def test_a_rule_id_is_more_specific_than_its_family(pages, kbtools):
    result = kbtools("check", "--select", "protected-term", "--ignore", "terms", "defect.md")
    assert "protected-term" in result.out


def test_locale_reports_pages_of_another_locale(pages, kbtools):
    result = kbtools("check", "--locale", "ja-JP", "clean.md")
    assert result.code == 1
    assert "clean.md:3:1: frontmatter [error] locale is 'zh-TW', expected 'ja-JP'" in result.out


def test_quiet_prints_findings_without_the_summary(pages, kbtools):
    result = kbtools("check", "--quiet", "defect.md")
    assert [line.split(": ")[1].split()[0] for line in result.out.splitlines()] == [
        "protected-term",
        "number-mismatch",
    ]


def test_statistics_counts_findings_per_rule(pages, kbtools):
    lines = kbtools("check", "--statistics", ".").out.splitlines()
    assert lines[0].split()[:3] == ["2", "number-mismatch", "warning"]
    assert lines[1].split()[:3] == ["1", "protected-term", "error"]
    assert lines[-1].startswith("Checked 3 files")
    # the number lost on two pages the same way is one pattern, counted with its pages
    assert lines[3].startswith("Repeated patterns (1 in all")
    assert lines[4].split()[:5] == ["2", "in", "2", "pages", "number-mismatch"]


def test_statistics_with_a_machine_format_is_a_usage_error(pages, kbtools):
    result = kbtools("check", "--statistics", "--format", "json", ".")
    assert result.code == 2
    assert "--statistics works with the text formats only" in result.err


def test_output_writes_the_report_to_a_file(pages, kbtools):
    result = kbtools("check", "--format", "json", "--output", "report.json", "defect.md")
    assert result.code == 1
    assert result.out == ""
    assert json.loads((pages / "report.json").read_text(encoding="utf-8"))["summary"]["errors"] == 1


def test_output_to_an_unwritable_place_is_a_one_line_error(pages, kbtools):
    result = kbtools("check", "--output", "no/such/dir/report.txt", "defect.md")
    assert result.code == 2
    assert result.err.startswith("kbtools check: error: no/such/dir/report.txt: cannot write report:")
    assert result.err.count("\n") == 1


@pytest.mark.parametrize("jobs", ["1", "4"])
def test_jobs_does_not_change_the_findings(pages, kbtools, jobs):
    for number in range(70):  # enough files to use the process pool
        (pages / f"copy{number:02}.md").write_text(page(DEFECT), encoding="utf-8")
    serial = kbtools("check", "--jobs", "1", "--format", "json", ".")
    parallel = kbtools("check", "--jobs", jobs, "--format", "json", ".")
    assert parallel.out == serial.out
    assert json.loads(parallel.out)["summary"]["files"] == 73


def test_jobs_must_be_positive(pages, kbtools):
    with pytest.raises(SystemExit) as exit_:
        kbtools("check", "--jobs", "0", ".")
    assert exit_.value.code == 2


@pytest.mark.corpus
def test_corpus_json_counts_every_page(msi_dir, kbtools, monkeypatch):
    monkeypatch.chdir(msi_dir)
    result = kbtools("check", "--format", "json", ".")
    document = json.loads(result.out)
    assert document["summary"]["files"] == 1595
    assert document["summary"]["segments"] > 50_000
    assert result.code == (1 if document["summary"]["errors"] else 0)


def test_full_format_groups_findings_under_their_file(pages, kbtools):
    result = kbtools("check", "--format", "full", ".")
    lines = result.out.splitlines()
    assert lines[0] == "defect.md"
    assert lines[1].split() == [
        "6:1",
        "error",
        "protected-term",
        "[*]",
        "'ALLUSERS'",
        "appears",
        "as",
        "'allusers'",
        "in",
        "the",
        "target",
    ]
    assert lines[-1] == "Checked 3 files (5 segments): 1 error, 2 warnings; [*] 1 fixable with `kbtools check --fix`."


def test_a_run_that_finds_no_side_by_side_page_is_a_usage_error(workdir, kbtools):
    (workdir / "readme.md").write_text("# Just English\n\nNo spans here.\n", encoding="utf-8")
    result = kbtools("check", ".")
    assert result.code == 2
    assert result.err.count("\n") == 1 and "no side-by-side page found in ." in result.err
    assert "Checked" not in result.out


def test_an_empty_directory_is_a_usage_error_unless_allowed(workdir, kbtools):
    assert kbtools("check", ".").code == 2
    allowed = kbtools("check", "--allow-no-pages", ".")
    assert (allowed.code, allowed.out) == (0, "Checked 0 files (0 segments): 0 errors, 0 warnings.\n")


def test_progress_appears_only_after_a_second_and_is_cleared():
    import io

    from kbtools.check.command import _Progress

    now = [0.0]
    stream = io.StringIO()
    progress = _Progress(100, stream, clock=lambda: now[0])
    progress.update(10)
    assert stream.getvalue() == ""
    now[0] = 1.5
    progress.update(50)
    assert stream.getvalue() == "\rChecked 50 of 100 files"
    progress.clear()
    assert stream.getvalue().endswith("\r" + " " * len("Checked 50 of 100 files") + "\r")


def test_checking_a_page_imports_no_site_api_or_schema_machinery(sample_dir):
    import subprocess
    import sys

    code = (
        "import sys; from kbtools.cli import main; main(['check', '-q', sys.argv[1]]);"
        "print('modules:', ' '.join(sorted(m for m in sys.modules if m.split('.')[0] in "
        "('fastapi', 'mkdocs', 'pydantic', 'jieba', 'uvicorn', 'markdown_it') or m.startswith(('kbtools.site', 'kbtools.api', 'kbtools.kb')))))"
    )
    page = next(sample_dir.rglob("*.md"))
    out = subprocess.run([sys.executable, "-c", code, str(page)], capture_output=True, text=True, check=True).stdout
    # The page's findings come first: the modules are on the last line.
    assert out.splitlines()[-1].strip() == "modules:"


def test_every_subcommand_is_listed_where_the_command_line_finds_it():
    import argparse

    from kbtools.cli import COMMANDS, build_parser

    parser = build_parser()  # every module registers its subcommands
    subparsers = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    registered = {name for name, sub in subparsers.choices.items() if sub.add_help}
    assert registered == set(COMMANDS)
    for name in COMMANDS:  # and each, named alone, gets its own full parser
        chosen = build_parser([name])
        sub = next(a for a in chosen._actions if isinstance(a, argparse._SubParsersAction)).choices[name]
        assert sub.add_help, name


def test_workers_are_not_forked_from_a_process_with_other_threads():
    import threading

    from kbtools.check.engine import _start_method

    release = threading.Event()
    other = threading.Thread(target=release.wait)
    other.start()
    try:
        assert _start_method().get_start_method() != "fork"
    finally:
        release.set()
        other.join()


@pytest.mark.skipif(not Path("/proc/self/task").is_dir(), reason="native threads are listed under /proc on Linux only")
def test_workers_are_not_forked_beside_a_thread_python_did_not_start():
    """A native thread (faulthandler's watchdog here; a C library's pool in real use) is invisible
    to the threading module, yet a fork beside it is just as unsafe, and Python 3.12+ warns of it."""
    import faulthandler

    from kbtools.check.engine import _start_method

    faulthandler.dump_traceback_later(3600)
    try:
        assert _start_method().get_start_method() != "fork"
    finally:
        faulthandler.cancel_dump_traceback_later()


def test_the_findings_are_the_same_whatever_the_hash_seed(corpus_root):
    """Findings and their messages must not follow the order of a set, which changes per process."""
    folder = corpus_root / "win32-zh-tw-sxs" / "desktop-src" / "SecCrypto"
    outputs = []
    for seed in ("11", "22"):
        done = subprocess.run(
            [sys.executable, "-m", "kbtools", "check", str(folder), "--format", "json"],
            capture_output=True,
            env={**os.environ, "PYTHONHASHSEED": seed},
            check=False,
        )
        assert done.returncode == 1, done.stderr
        outputs.append(done.stdout)
    assert outputs[0] == outputs[1]
    assert b'"changed-case"' in outputs[0]
