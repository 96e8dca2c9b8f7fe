"""The published site: Markdown pages generated from property records, built with MkDocs Material."""
