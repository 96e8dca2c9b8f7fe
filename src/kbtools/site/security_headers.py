"""The Content-Security-Policy of the site and the headers that go with it.

One policy for the static pages (a `<meta http-equiv>` in every page, from the theme override in
`site/theme/main.html`) and for `kbtools serve` (HTTP headers on every response). No inline
script runs: Material's own inline scripts are moved to files by the theme override, so an
`onerror=` or `<script>` that slipped into a page is refused by the browser.
"""

from __future__ import annotations

_DIRECTIVES = {
    "default-src": "'self'",
    "script-src": "'self'",
    "style-src": "'self'",
    "img-src": "'self' data:",
    "font-src": "'self' data:",
    "connect-src": "'self'",
    "worker-src": "'self'",
    "object-src": "'none'",
    "base-uri": "'self'",
    "form-action": "'self'",
}


def _policy(directives: dict[str, str]) -> str:
    return "; ".join(f"{name} {value}" for name, value in directives.items())


META_CONTENT_SECURITY_POLICY = _policy(_DIRECTIVES)
"""The policy as a `<meta>`: browsers ignore `frame-ancestors` there (and warn), so it is left out."""

CONTENT_SECURITY_POLICY = _policy({**_DIRECTIVES, "frame-ancestors": "'none'"})

SECURITY_HEADERS: dict[str, str] = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "no-referrer",
}
"""What `kbtools serve` adds to every response, site and API alike."""
