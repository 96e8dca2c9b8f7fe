"""An export opened in translate-toolkit, edited, imported: prints the page's diff.

    python benchmarks/exchange_demo.py [--page Msi/allusers.md] [--locale zh-tw]

Copies one corpus page to a temporary folder, exports it as XLIFF 2.0, opens the file with
translate-toolkit's XLIFF 2.0 storage, rewrites the text runs of one unit that has inline codes
(its placeholders left where they are) and appends a word to a unit without codes, saves it
with translate-toolkit, imports it with `kbtools import`, and prints the diff of the page.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from translate.storage.placeables import StringElem
from translate.storage.xliff2 import Xliff2File

from kbtools.page.edit import unified_diff

CORPUS = Path(os.environ.get("KBTOOLS_CORPUS", Path(__file__).resolve().parents[2] / "shared" / "corpus"))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--page", default="Msi/allusers.md")
    parser.add_argument("--locale", default="zh-tw")
    args = parser.parse_args()
    source = CORPUS / f"win32-{args.locale}-sxs" / "desktop-src" / args.page
    with tempfile.TemporaryDirectory() as work:
        folder = Path(work) / "pages"
        folder.mkdir()
        page = folder / source.name
        shutil.copyfile(source, page)
        exported, edited = Path(work) / "out.xlf", Path(work) / "edited.xlf"
        kbtools = [sys.executable, "-m", "kbtools"]
        subprocess.run([*kbtools, "export", folder, "--format", "xliff", "--output", exported], check=True)
        store = Xliff2File.parsefile(str(exported))
        units = [u for u in store.units if u.istranslatable()]

        def ends_in_text(unit) -> bool:
            sub = unit.rich_target[0].sub
            return bool(sub) and type(sub[-1]) is StringElem and all(isinstance(s, str) for s in sub[-1].sub)

        with_codes = next(u for u in units if u.xmlelement.findall(".//{*}target/{*}ph") and ends_in_text(u))
        rich = with_codes.rich_target
        last = rich[0].sub[-1]
        print(f"unit {with_codes.getid()}: last text run {str(last)!r} -> '（已由譯者校對）'")
        rich[0].sub[-1] = StringElem(["（已由譯者校對）"])
        with_codes.rich_target = rich
        plain = next(u for u in units if not u.xmlelement.findall(".//{*}ph"))
        print(f"unit {plain.getid()}: {plain.target!r} -> {plain.target + '（校對）'!r}")
        plain.target = plain.target + "（校對）"
        store.savefile(str(edited))
        before = page.read_bytes()
        done = subprocess.run([*kbtools, "import", edited, "--into", folder], capture_output=True, text=True)
        print(done.stderr.strip())
        sys.stdout.write(unified_diff(args.page, before, page.read_bytes()))


if __name__ == "__main__":
    main()
