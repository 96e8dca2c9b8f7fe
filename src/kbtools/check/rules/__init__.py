"""The rules, one module per family. Importing this package registers them all.

The import order is the order `kbtools rules` and docs/rules.md list them in: the file, then
the structure of segments, then what a translation must keep.
"""

from kbtools.check.rules import (  # noqa: F401, I001
    encoding,
    frontmatter,
    structure,
    untranslated,
    links,
    code,
    terms,
    numbers,
    markup,
    html,
)
