"""`kbtools serve`: the built site and the live API on one port, until Ctrl-C.

Exit codes: 0 stopped with Ctrl-C; 1 MkDocs could not build the site; 2 a usage or I/O error (bad
folder or option, a site built from another source, a site folder that cannot be written, a port
that is taken).

The site and the API come from one knowledge base: a site records the folders it was built from,
and without --source the API reads those; a --source that is not what the site was built from is
refused.
"""

from __future__ import annotations

import argparse
import asyncio
import socket
import sys
from pathlib import Path

from kbtools.page.files import SOURCE_VARIABLE
from kbtools.page.printable import printable
from kbtools.site.build import DEFAULT_SITE_DIR
from kbtools.usage import EXIT_USAGE, HELP_FORMATTER, examples, print_error

EXIT_OK = 0
EXIT_FAILURE = 1
DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8000
LISTEN_BACKLOG = 2048
# An idle keep-alive connection is closed after this many seconds (uvicorn's default is 5).
KEEP_ALIVE_TIMEOUT = 5
# The request line and headers together: enough for any valid query, far less than a flood.
MAX_HEADER_BYTES = 16 * 1024


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add this job's subcommands to the `kbtools` parser."""
    serve = subparsers.add_parser(
        "serve",
        help="serve the built site and the live JSON API",
        description=(
            "Serve the built site and the live JSON API (/api/v1/) on one port until Ctrl-C. "
            "Builds the site first when --site-dir holds no complete site that kbtools built. The API reads "
            "the folder the site was built from."
        ),
        formatter_class=HELP_FORMATTER,
        epilog=examples(
            "kbtools serve --site-dir site",
            "kbtools serve --source translations --port 8000",
            "kbtools serve --source ../shared/corpus/win32-zh-tw-sxs/desktop-src/Msi --site-dir msi-site --port 0",
        ),
    )
    serve.add_argument(
        "--source",
        type=Path,
        metavar="DIR",
        help=f"folder of sxs pages (default: the one --site-dir was built from; for a new site "
        f"${SOURCE_VARIABLE}, else translations/)",
    )
    serve.add_argument(
        "--site-dir",
        type=Path,
        default=DEFAULT_SITE_DIR,
        metavar="DIR",
        help=f"built site to serve (default: {DEFAULT_SITE_DIR})",
    )
    serve.add_argument(
        "--english",
        type=Path,
        metavar="EN_DIR",
        help="the current English pages at the same paths: each record says if it is current",
    )
    serve.add_argument("--host", default=DEFAULT_HOST, help=f"address to listen on (default: {DEFAULT_HOST})")
    serve.add_argument(
        "--port",
        type=_port,
        default=DEFAULT_PORT,
        help=f"port to listen on, 0 for any free one (default: {DEFAULT_PORT})",
    )
    serve.set_defaults(func=run_serve)


def _port(text: str) -> int:
    if not text.isdigit() or int(text) > 65535:
        raise argparse.ArgumentTypeError(f"{text!r}: give a port number from 0 to 65535")
    return int(text)


def _say(message: str) -> None:
    print(f"kbtools serve: {printable(message)}", file=sys.stderr, flush=True)


def _fail(message: str, code: int) -> int:
    print_error("serve", message)
    return code


def _same_folder(first: Path, second: Path) -> bool:
    return first.resolve() == second.resolve()


def _listen(host: str, port: int) -> socket.socket:
    """Bind before starting the server so a taken port is a one-line error, and port 0 works.

    The protocol must be named: asyncio sets TCP_NODELAY only on sockets whose `proto` is
    IPPROTO_TCP, and without it every response waits ~40 ms for a delayed ACK.
    """
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind((host, port))
        sock.listen(LISTEN_BACKLOG)
    except OSError:
        sock.close()
        raise
    return sock


def run_serve(args: argparse.Namespace) -> int:
    import uvicorn
    from mkdocs.exceptions import MkDocsException

    from kbtools.api.app import API_PREFIX, create_app
    from kbtools.api.descriptor_limit import (
        DescriptorReport,
        accept_batch,
        bounded_protocol,
        connection_limit,
        raise_soft_limit,
    )
    from kbtools.kb.build import build_knowledge_base, skipped_page_line
    from kbtools.page.files import default_source
    from kbtools.site.build import SiteDirRefused, SiteError, build_site, check_site_dir, relative_to_source
    from kbtools.site.site_folder import is_complete_site, is_kbtools_site, site_origin

    site_dir: Path = args.site_dir
    origin = site_origin(site_dir) if is_kbtools_site(site_dir) else None
    if is_kbtools_site(site_dir) and origin is None and args.source is None:
        return _fail(
            f"{site_dir}: the site does not record which folder it was built from; give --source that folder, "
            f"or rebuild it with `kbtools build --source DIR --site-dir {site_dir}`",
            EXIT_USAGE,
        )
    if origin is not None and args.source is not None and not _same_folder(args.source, origin.source):
        return _fail(
            f"{site_dir}: built from {origin.source}, not {args.source}; serve it without --source, or rebuild it "
            f"with `kbtools build --source {args.source} --site-dir {site_dir}`",
            EXIT_USAGE,
        )
    source: Path = args.source or (origin.source if origin is not None else default_source())
    if args.english is None and origin is not None and origin.english is not None:
        args.english = origin.english
    if not source.is_dir():
        return _fail(f"{source}: no such folder (give --source a folder of sxs pages)", EXIT_USAGE)
    if site_dir.exists() and not site_dir.is_dir():
        return _fail(f"{site_dir}: not a folder (give --site-dir the built site)", EXIT_USAGE)
    if args.english is not None and not args.english.is_dir():
        return _fail(f"--english: {args.english}: no such directory of English pages", EXIT_USAGE)
    kb = build_knowledge_base(source, args.english)
    for error in kb.errors:
        print_error("serve", skipped_page_line(error))
    if not kb.properties:
        return _fail(f"{source}: no property pages found (give --source a folder of sxs property pages)", EXIT_USAGE)
    # A site is complete once its marker is written; a build swaps in a complete site whole.
    if not is_complete_site(site_dir):
        try:
            check_site_dir(
                source,
                site_dir,
                overwrite_hint=f"run `kbtools build --overwrite --site-dir {site_dir}`",
                english=args.english,
            )
            print(printable(f"Building the site into {site_dir} ..."), file=sys.stderr, flush=True)
            build_site(source, site_dir, knowledge_base=kb, english=args.english)
        except SiteDirRefused as error:
            return _fail(str(error), EXIT_USAGE)
        except KeyboardInterrupt:
            return _fail(f"interrupted; {site_dir} holds the last complete site, if any", 130)
        except SiteError as error:  # SourceRefused: a folder a site cannot be made of
            return _fail(str(error), EXIT_USAGE)
        except MkDocsException as error:
            return _fail(f"{site_dir}: MkDocs failed: {error}", EXIT_FAILURE)
        except OSError as error:  # an I/O error, as `kbtools build` says it
            return _fail(f"{site_dir}: cannot build the site there: {error.strerror or error}", EXIT_USAGE)
    try:
        sock = _listen(args.host, args.port)
    except OSError as error:
        return _fail(f"cannot listen on {args.host}:{args.port}: {error.strerror or error}", EXIT_USAGE)
    host, port = sock.getsockname()[:2]
    base = f"http://[{host}]:{port}" if ":" in host else f"http://{host}:{port}"
    app = create_app(relative_to_source(kb, source), site_dir)
    print(f"Serving {base}/ (API: {base}{API_PREFIX}/properties.json); press Ctrl-C to stop", flush=True)
    descriptors = raise_soft_limit()
    config = uvicorn.Config(
        app,
        log_level="warning",
        lifespan="off",
        http=bounded_protocol(connection_limit(descriptors)),
        # asyncio accepts up to `backlog` connections at a time before any is handled: fewer
        # than the descriptors left, so that a flood cannot take the ones responses need.
        backlog=accept_batch(descriptors),
        timeout_keep_alive=KEEP_ALIVE_TIMEOUT,
        h11_max_incomplete_event_size=MAX_HEADER_BYTES,
    )
    report = DescriptorReport(descriptors)

    class Server(uvicorn.Server):
        async def serve(self, sockets: list[socket.socket] | None = None) -> None:
            asyncio.get_running_loop().set_exception_handler(report)
            await super().serve(sockets)

    server = Server(config)
    try:
        server.run(sockets=[sock])
    finally:
        sock.close()
    return EXIT_OK
