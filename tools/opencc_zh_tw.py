"""Write the zh-TW orthography table of `zh-tw-orthography` from OpenCC's dictionaries.

OpenCC (Apache-2.0, https://github.com/BYVoid/OpenCC) keeps the tables of simplified forms and
their traditional and Taiwan counterparts. This script keeps only the forms that are never
right in Taiwan text:

- characters: a simplified character with exactly one traditional form, which is not itself a
  traditional character (为 -> 為, 进 -> 進), in its Taiwan variant (TWVariants);
- phrases: for a character that is also traditional in some use but that OpenCC changes by
  default (于 -> 於 in 位于, 后 -> 後 in 以后, 准 -> 準 in 标准), the OpenCC phrases in which it
  must change, with the traditional-to-simplified map needed to find them in traditional text
  written with one wrong character (對于), and the phrases in which it stays (干扰 -> 干擾), so
  that a change is reported only where no phrase keeps the character. A character whose default is itself (表, 系, 注) is
  left out: a phrase match inside a longer word (簽名表 holds 名表 -> 名錶) would be wrong. 台 is
  left out too: Taiwan writes 台 and 臺 alike.

    pip install 'opencc>=1.1,<2'
    python tools/opencc_zh_tw.py > src/kbtools/check/rules/data/zh_tw_forms.json
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

# Characters OpenCC changes by default that Taiwan also writes as they are.
ACCEPTED_IN_TAIWAN = frozenset("台")


def _table(clib: Path, name: str) -> dict[str, list[str]]:
    env = dict(os.environ, LD_LIBRARY_PATH=str(clib / "lib64"))
    with tempfile.TemporaryDirectory() as work:
        out = Path(work) / f"{name}.txt"
        subprocess.run(
            [str(clib / "bin" / "opencc_dict"), "-i", str(clib / "share" / "opencc" / f"{name}.ocd2"),
             "-o", str(out), "-f", "ocd2", "-t", "text"],
            check=True, env=env,
        )  # fmt: skip
        table = {}
        for line in out.read_text(encoding="utf-8").splitlines():
            key, _, values = line.partition("\t")
            table[key] = values.split()
    return table


def main() -> int:
    import opencc

    clib = Path(opencc.__file__).parent / "clib"
    st = _table(clib, "STCharacters")
    ts = _table(clib, "TSCharacters")
    tw = {key: values[0] for key, values in _table(clib, "TWVariants").items()}
    phrases = _table(clib, "STPhrases")
    taiwan_forms = set(tw.values())

    def taiwan(text: str) -> str:
        return "".join(tw.get(char, char) for char in text)

    characters = {}
    for char, forms in st.items():
        if len(char) != 1 or len(forms) != 1 or forms[0] == char or char in ts or char in taiwan_forms:
            continue
        characters[char] = taiwan(forms[0])
    ambiguous = {
        char for char, forms in st.items()
        if len(char) == 1 and len(forms) > 1 and char in forms and forms[0] != char and char not in ACCEPTED_IN_TAIWAN
    }  # fmt: skip
    kept_phrases = {}
    keeping = []  # phrases in which such a character stays as it is (干扰 -> 干擾)
    for key, values in phrases.items():
        value = taiwan(values[0])
        if len(key) != len(value) or len(key) < 2:
            continue
        if any(key[i] in ambiguous and value[i] != key[i] for i in range(len(key))):
            kept_phrases[key] = value
        elif any(key[i] in ambiguous and value[i] == key[i] for i in range(len(key))):
            keeping.append(key)
    needed = {char for key in [*kept_phrases, *keeping] for char in key}
    to_simplified = {
        trad: forms[0] for trad, forms in ts.items() if len(trad) == 1 and forms[0] in needed and forms[0] != trad
    }
    json.dump(
        {
            "source": f"OpenCC {getattr(opencc, '__version__', '')} (Apache-2.0): STCharacters, STPhrases, TSCharacters, TWVariants",
            "characters": dict(sorted(characters.items())),
            "phrases": dict(sorted(kept_phrases.items())),
            "keeping": sorted(keeping),
            "to_simplified": dict(sorted(to_simplified.items())),
        },
        sys.stdout,
        ensure_ascii=False,
        indent=0,
    )
    sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
