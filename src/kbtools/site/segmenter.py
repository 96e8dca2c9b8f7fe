"""jieba, the Chinese word segmenter of the search, with its dictionary cache in a private folder.

jieba caches its parsed dictionary in the shared temp folder (`/tmp/jieba.cache`) and loads
whatever file it finds there with `marshal`: another local user can plant one and decide how
every page is segmented, or crash the build. Here the cache lives in a folder only this user
can enter (`$XDG_CACHE_HOME/kbtools/jieba`, else `~/.cache/kbtools/jieba`, mode 0700); when
that folder cannot be made so, in a fresh temporary folder of this run (no cache is reused).
"""

from __future__ import annotations

import os
import stat
import tempfile
from pathlib import Path
from types import ModuleType

CACHE_MODE = 0o700


def cache_dir() -> Path:
    """The per-user folder of jieba's cache: owned by this user, mode 0700."""
    base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    folder = base / "kbtools" / "jieba"
    try:
        folder.mkdir(mode=CACHE_MODE, parents=True, exist_ok=True)
        os.chmod(folder, CACHE_MODE, follow_symlinks=False)
        if _private(folder):
            return folder
    except (OSError, NotImplementedError):
        pass
    return Path(tempfile.mkdtemp(prefix="kbtools-jieba-"))


def _private(folder: Path) -> bool:
    """True for a real folder (no symlink) that this user owns and no one else may enter."""
    info = folder.lstat()
    owner = getattr(os, "getuid", lambda: info.st_uid)()
    return stat.S_ISDIR(info.st_mode) and info.st_uid == owner and stat.S_IMODE(info.st_mode) & 0o077 == 0


def chinese_segmenter() -> ModuleType:
    """The `jieba` module, its default tokenizer set to cache in `cache_dir()`, quiet."""
    import logging

    import jieba

    if jieba.dt.tmp_dir is None:
        jieba.dt.tmp_dir = str(cache_dir())
    jieba.setLogLevel(logging.WARNING)
    return jieba
