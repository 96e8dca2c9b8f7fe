"""Search quality on a query set: each query typed into the built site's search box in Chromium.

    python benchmarks/search_eval.py                      # build the corpus site, measure the site's search
    python benchmarks/search_eval.py --site out/site      # measure a site already built from the same source
    python benchmarks/search_eval.py --queries benchmarks/search_queries_blind_tune.yml
    python benchmarks/search_eval.py --queries A.yml B.yml --summary-only   # figures only, no row per query
    python benchmarks/search_eval.py --engine material    # Material's own result list (the search before ours)
    python benchmarks/search_eval.py --engine pagefind    # index the same site with Pagefind, query it in the page

Prints a row per query (rank of the first expected property, the top three results) and hit@1,
hit@5 and MRR (mean reciprocal rank of the first expected property; 0 when it is not in the top
10), overall and per language. The site is served by http.server on 127.0.0.1; the browser is
Debian's Chromium driven by Playwright.

A query's language decides the site it is typed into: zh-TW and English queries the zh-TW site
(`--source`), a fr-FR or ru-RU (or it-IT) query the site built from the same pages in that locale,
`win32-<locale>-sxs/desktop-src/Msi` beside the zh-TW folder (or `--source-for LANG=DIR`).
"""

from __future__ import annotations

import argparse
import functools
import http.server
import json
import os
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from chromium import launch_chromium, type_query  # noqa: E402

DEFAULT_QUERIES = ROOT / "benchmarks" / "search_queries.yml"
DEPTH = 10  # results read per query


@dataclass
class Query:
    text: str
    lang: str
    expect: list[str]


@dataclass
class Outcome:
    query: Query
    results: list[str]  # property names, best first
    rank: int | None  # 1-based rank of the first expected property within DEPTH


def load_queries(path: Path) -> list[Query]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    return [Query(str(q["query"]), q["lang"], [str(name) for name in q["expect"]]) for q in data["queries"]]


# English queries are typed into the zh-TW site (it holds the English source beside the Chinese).
SITE_LOCALE = {"en": "zh-TW"}


def site_locale(lang: str) -> str:
    return SITE_LOCALE.get(lang, lang)


def default_source(zh_source: Path, locale: str) -> Path:
    """The same pages in another locale: win32-fr-fr-sxs/desktop-src/Msi beside win32-zh-tw-sxs/..."""
    parts = list(zh_source.parts)
    for i, part in enumerate(parts):
        if part.lower() == "win32-zh-tw-sxs":
            parts[i] = f"win32-{locale.lower()}-sxs"
            return Path(*parts)
    raise SystemExit(
        f"{zh_source}: no win32-zh-tw-sxs folder to find the {locale} pages beside; give --source-for {locale}=DIR"
    )


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@contextmanager
def served(site: Path) -> Iterator[str]:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_QuietHandler, directory=str(site)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


# Each engine: a function (page, base_url, query) -> result paths relative to the site, best first.


def kbtools_results(page, base_url: str, query: str) -> list[str]:
    """The site's own search (assets/search.js): it marks its list with the query it answers."""
    if not page.url.startswith(base_url):
        page.goto(base_url + "index.html")
    type_query(page, query)
    return page.eval_on_selector_all(
        ".kb-search-results a.kb-search-hit", "links => links.map(a => a.getAttribute('href'))"
    )


def material_results(page, base_url: str, query: str) -> list[str]:
    """Material's own result list, read once its count line names the outcome."""
    for _ in range(3):
        page.goto(base_url + "index.html")
        page.fill("input.md-search__input", query)
        try:
            page.wait_for_function(
                "() => /符合/.test((document.querySelector('.md-search-result__meta') || {}).textContent || '')",
                timeout=15_000,
            )
            break
        except Exception:  # the typed text went unread while the index loaded: type it again
            continue
    page.wait_for_timeout(300)
    return page.eval_on_selector_all(
        ".md-search-result__list > li > a", "links => links.map(a => a.getAttribute('href'))"
    )


PAGEFIND_SEARCH = (
    """async q => {
  if (!window.__pf) { window.__pf = await import('./pagefind/pagefind.js'); await window.__pf.options({}); }
  const search = await window.__pf.search(q);
  const top = await Promise.all(search.results.slice(0, %d).map(r => r.data()));
  return top.map(d => d.url);
}"""
    % DEPTH
)


def pagefind_results(page, base_url: str, query: str) -> list[str]:
    """Pagefind's JavaScript API in the page (what its search UI calls), on the same site."""
    if not page.url.startswith(base_url):
        page.goto(base_url + "index.html")
    return page.evaluate(PAGEFIND_SEARCH, query)


ENGINES: dict[str, Callable] = {"kbtools": kbtools_results, "material": material_results, "pagefind": pagefind_results}


def normalise(href: str, base_url: str) -> str:
    path = href.removeprefix(base_url).split("#")[0].split("?")[0].lstrip("/")
    while path.startswith("../"):
        path = path[3:]
    return path.removeprefix("./")


def run(site: Path, queries: list[Query], engine: str, page_names: dict[str, str]) -> list[Outcome]:
    from playwright.sync_api import sync_playwright

    search = ENGINES[engine]
    outcomes = []
    with served(site) as base_url, sync_playwright() as playwright:
        browser = launch_chromium(playwright)
        page = browser.new_context(viewport={"width": 1280, "height": 900}).new_page()
        for query in queries:
            names: list[str] = []
            for href in search(page, base_url, query.text):
                name = page_names.get(normalise(href, base_url))
                if name and name not in names:
                    names.append(name)
            names = names[:DEPTH]
            rank = next((i + 1 for i, name in enumerate(names) if name in query.expect), None)
            outcomes.append(Outcome(query, names, rank))
        browser.close()
    return outcomes


def figures(outcomes: list[Outcome]) -> dict[str, float]:
    n = len(outcomes) or 1
    return {
        "queries": len(outcomes),
        "hit@1": sum(1 for o in outcomes if o.rank == 1) / n,
        "hit@5": sum(1 for o in outcomes if o.rank is not None and o.rank <= 5) / n,
        "mrr": sum(1 / o.rank for o in outcomes if o.rank) / n,
    }


LANGUAGE_ORDER = ("zh-TW", "en", "fr-FR", "ru-RU", "it-IT")


def languages(outcomes: list[Outcome]) -> list[str]:
    present = {o.query.lang for o in outcomes}
    return [lang for lang in LANGUAGE_ORDER if lang in present] + sorted(present - set(LANGUAGE_ORDER))


def report(outcomes: list[Outcome], engine: str, rows: bool = True) -> None:
    if rows:
        print(f"| query | lang | expected | rank | top 3 ({engine}) |")
        print("| --- | --- | --- | --- | --- |")
        for o in outcomes:
            rank = str(o.rank) if o.rank else "-"
            print(
                f"| {o.query.text} | {o.query.lang} | {', '.join(o.query.expect)} | {rank} | {', '.join(o.results[:3])} |"
            )
        print()
    for label, group in (
        ("all", outcomes),
        *((lang, [o for o in outcomes if o.query.lang == lang]) for lang in languages(outcomes)),
    ):
        f = figures(group)
        print(
            f"{engine} {label:5} n={f['queries']:3}  hit@1 {f['hit@1']:.1%}  hit@5 {f['hit@5']:.1%}  MRR {f['mrr']:.3f}"
        )


def size_of(path: Path) -> int:
    if path.is_file():
        return path.stat().st_size
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def pagefind_index(site: Path, locale: str = "zh-TW") -> None:
    """Index the built site with Pagefind (the `pagefind[extended]` package ships the binary)."""
    started = time.perf_counter()
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pagefind",
            "--site",
            str(site),
            "--glob",
            "properties/*.html",
            "--force-language",
            locale.lower(),
        ],
        check=True,
        capture_output=True,
    )
    print(f"pagefind index: {time.perf_counter() - started:.2f} s, {size_of(site / 'pagefind') / 1e6:.2f} MB")


def source_overrides(values: list[str], option: str = "--source-for") -> dict[str, Path]:
    overrides = {}
    for value in values:
        lang, sep, folder = value.partition("=")
        if not sep or not lang or not folder:
            raise SystemExit(f"{option} {value}: expected LANG=DIR (fr-FR=DIR)")
        overrides[lang] = Path(folder)
    return overrides


def main(argv: list[str] | None = None) -> int:
    corpus = Path(os.environ.get("KBTOOLS_CORPUS", ROOT.parent / "shared" / "corpus"))
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--source",
        type=Path,
        default=corpus / "win32-zh-tw-sxs" / "desktop-src" / "Msi",
        help="the zh-TW pages (zh-TW and English queries)",
    )
    parser.add_argument(
        "--source-for",
        action="append",
        default=[],
        metavar="LANG=DIR",
        help="the pages a language's queries are typed against (default: beside --source)",
    )
    parser.add_argument("--site", type=Path, help="a site already built from --source (default: build one)")
    parser.add_argument(
        "--site-for",
        action="append",
        default=[],
        metavar="LANG=DIR",
        help="a site already built from a language's pages (fr-FR=out/site-fr)",
    )
    parser.add_argument("--queries", type=Path, nargs="+", default=[DEFAULT_QUERIES])
    parser.add_argument("--engine", choices=sorted(ENGINES), default="kbtools")
    parser.add_argument("--summary-only", action="store_true", help="print the figures only, no row per query")
    parser.add_argument("--json", type=Path, help="also write the outcomes here")
    args = parser.parse_args(argv)

    sys.path.insert(0, str(ROOT / "src"))
    from kbtools.kb import build_knowledge_base
    from kbtools.site.layout import property_doc, site_url

    queries = [query for path in args.queries for query in load_queries(path)]
    overrides = source_overrides(args.source_for)
    built = source_overrides(args.site_for, "--site-for")
    if args.site:
        built["zh-TW"] = args.site
    by_locale: dict[str, list[Query]] = {}
    for query in queries:
        by_locale.setdefault(site_locale(query.lang), []).append(query)
    outcome_of: dict[int, Outcome] = {}
    for locale, group in by_locale.items():
        source = overrides.get(locale) or (args.source if locale == "zh-TW" else default_source(args.source, locale))
        knowledge_base = build_knowledge_base(source)
        page_names = {site_url(property_doc(r)): r.name for r in knowledge_base.properties}
        unknown = sorted({name for q in group for name in q.expect} - set(page_names.values()))
        if unknown:
            print(
                f"{', '.join(map(str, args.queries))}: expected names that are no property of {source}: {', '.join(unknown)}",
                file=sys.stderr,
            )
            return 2
        site = built.get(locale)
        if site is None:
            import tempfile

            from kbtools.site.build import build_site

            site = Path(tempfile.mkdtemp(prefix=f"kbtools-search-eval-{locale}-")) / "site"
            started = time.perf_counter()
            build_site(source, site, knowledge_base=knowledge_base, write_api=False)
            print(f"site built in {time.perf_counter() - started:.2f} s: {site} ({source})")
        if args.engine == "pagefind":
            pagefind_index(site, locale)
        for query, outcome in zip(group, run(site, group, args.engine, page_names), strict=True):
            outcome_of[id(query)] = outcome
    outcomes = [outcome_of[id(query)] for query in queries]
    report(outcomes, args.engine, rows=not args.summary_only)
    if args.json:
        by_language = {lang: figures([o for o in outcomes if o.query.lang == lang]) for lang in languages(outcomes)}
        queries_json = (
            []
            if args.summary_only
            else [{"query": o.query.text, "lang": o.query.lang, "rank": o.rank, "results": o.results} for o in outcomes]
        )
        args.json.write_text(
            json.dumps(
                {
                    "engine": args.engine,
                    "figures": figures(outcomes),
                    "languages": by_language,
                    "queries": queries_json,
                },
                ensure_ascii=False,
                indent=1,
            ),
            encoding="utf-8",
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
