"""kbtools: check, parse, query and publish side-by-side localized reference pages."""

__version__ = "0.1.0"
# Where the documentation of this version is published (rule docs are linked from SARIF reports).
DOCS_URL = f"https://github.com/kbtools/kbtools/blob/v{__version__}/docs"
