"""kbtools: check, parse, query and publish side-by-side localized reference pages."""

__version__ = "0.1.0"
