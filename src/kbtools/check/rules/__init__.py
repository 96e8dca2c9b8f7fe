"""The rules, one module per family (the freshness rules one module each). Importing this package registers them all.

The import order is the order `kbtools rules` and docs/rules.md list them in: the file, then
the structure of segments, then what a translation must keep, then whether it is
out of date with the current English (with `--english`).
"""

from kbtools.check.rules import (  # noqa: F401, I001
    encoding,
    frontmatter,
    suppression,
    structure,
    untranslated,
    links,
    code,
    tokens,
    terms,
    identifiers,
    underscore_names,
    subject_name,
    numbers,
    abbreviations,
    markup,
    parentheses,
    emphasis_scope,
    html,
    typography,
    space_before_punctuation,
    regional_terms,
    bracket_scope,
    freshness_stale_source,
    freshness_missing_translation,
    freshness_orphaned_page,
)
