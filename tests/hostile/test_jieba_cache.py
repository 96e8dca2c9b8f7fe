"""jieba's dictionary cache is never read from the shared temp folder, where another local
user can plant one (jieba loads it with `marshal`); it lives in a private per-user folder."""

from __future__ import annotations

import json
import marshal
import os
import stat
import subprocess
import sys
from pathlib import Path

# What `kbtools build` and the MkDocs plugin do before the search segments the pages.
SEGMENT = """
import json, sys
from kbtools.site.search_terms import term_lexicon
term_lexicon([["工作階段金鑰", "session key"]])
import jieba
print(json.dumps({"planted": "PLANTED" in jieba.dt.FREQ, "words": len(jieba.dt.FREQ), "tmp_dir": jieba.dt.tmp_dir}))
"""


def _segment_with(tmp_path: Path) -> tuple[dict, Path, Path]:
    shared = tmp_path / "shared-tmp"
    shared.mkdir()
    # Another user's cache: one word, which jieba would take for its whole dictionary.
    with (shared / "jieba.cache").open("wb") as planted:
        marshal.dump(({"PLANTED": 1}, 1), planted)
    cache_home = tmp_path / "cache-home"
    env = {**os.environ, "TMPDIR": str(shared), "XDG_CACHE_HOME": str(cache_home)}
    done = subprocess.run(
        [sys.executable, "-c", SEGMENT], env=env, capture_output=True, text=True, timeout=300, check=False
    )
    assert done.returncode == 0, done.stderr[-800:]
    return json.loads(done.stdout.strip().splitlines()[-1]), shared, cache_home


def test_a_cache_planted_in_the_shared_temp_folder_is_not_loaded(tmp_path):
    state, _, _ = _segment_with(tmp_path)
    assert not state["planted"]
    assert state["words"] > 100_000  # jieba's own dictionary, read from its package


def test_the_cache_is_written_to_a_private_per_user_folder(tmp_path):
    state, shared, cache_home = _segment_with(tmp_path)
    folder = Path(state["tmp_dir"])
    assert folder == cache_home / "kbtools" / "jieba"
    info = folder.lstat()
    assert stat.S_ISDIR(info.st_mode) and info.st_uid == os.getuid()
    assert stat.S_IMODE(info.st_mode) == 0o700
    assert (folder / "jieba.cache").is_file()
    assert sorted(p.name for p in shared.iterdir()) == ["jieba.cache"]  # nothing new in the shared folder
