"""The rules, one module per family. Importing this package registers them all."""

from kbtools.check.rules import (  # noqa: F401
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
