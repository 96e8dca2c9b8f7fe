"""`kbtools serve`: the built site and the live API on one port."""

from __future__ import annotations

import argparse
import socket
import sys
from pathlib import Path

EXIT_USAGE = 2
EXIT_UNAVAILABLE = 1
DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8000
DEFAULT_SITE_DIR = Path("site")


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add this job's subcommands to the `kbtools` parser."""
    serve = subparsers.add_parser(
        "serve",
        help="serve the built site and the live JSON API",
        description=(
            "Serve the built site and the live JSON API (/api/v1/) on one port until Ctrl-C. "
            "Builds the site first when SITE_DIR is missing."
        ),
    )
    serve.add_argument("--source", type=Path, default=Path("."), metavar="DIR", help="folder of sxs pages (default: .)")
    serve.add_argument("--site-dir", type=Path, default=DEFAULT_SITE_DIR, metavar="SITE_DIR", help="built site to serve (default: site)")
    serve.add_argument("--host", default=DEFAULT_HOST, help=f"address to listen on (default: {DEFAULT_HOST})")
    serve.add_argument("--port", type=_port, default=DEFAULT_PORT, help=f"port, 0 for any free one (default: {DEFAULT_PORT})")
    serve.set_defaults(func=serve_command)


def _port(text: str) -> int:
    try:
        port = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a port number: {text!r}") from None
    if not 0 <= port <= 65535:
        raise argparse.ArgumentTypeError(f"port out of range 0-65535: {port}")
    return port


def _fail(message: str, code: int) -> int:
    print(f"kbtools serve: {message}", file=sys.stderr)
    return code


def _listen(host: str, port: int) -> socket.socket:
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((host, port))
    except OSError:
        sock.close()
        raise
    sock.listen(2048)
    sock.set_inheritable(True)
    return sock


def _ensure_site(kb, source: Path, site_dir: Path) -> Path | None:
    """The site folder to serve, building it first when it is missing and a builder exists."""
    if site_dir.is_dir():
        return site_dir
    try:
        from kbtools.site import build  # type: ignore[attr-defined]
    except ImportError:
        return None
    print(f"kbtools serve: building the site into {site_dir}", file=sys.stderr)
    build(source, site_dir)
    return site_dir if site_dir.is_dir() else None


def serve_command(args: argparse.Namespace) -> int:
    import uvicorn

    from kbtools.api.app import API_PREFIX, create_app
    from kbtools.kb import build_knowledge_base

    source: Path = args.source
    if not source.is_dir():
        return _fail(f"{source}: no such folder of pages (give --source DIR)", EXIT_USAGE)
    kb = build_knowledge_base(source)
    if not kb.properties:
        return _fail(f"{source}: no property pages found", EXIT_USAGE)
    site_dir = _ensure_site(kb, source, args.site_dir)
    try:
        sock = _listen(args.host, args.port)
    except OSError as error:
        return _fail(f"cannot listen on {args.host}:{args.port}: {error.strerror or error}", EXIT_UNAVAILABLE)
    host, port = sock.getsockname()[:2]
    authority = f"[{host}]:{port}" if ":" in host else f"{host}:{port}"
    app = create_app(kb, site_dir)
    print(f"Serving http://{authority}/ (API: http://{authority}{API_PREFIX}/properties.json)", flush=True)
    if site_dir is None:
        print(f"kbtools serve: {args.site_dir}: no site to serve; serving the API only", file=sys.stderr)
    print("Press Ctrl-C to stop.", flush=True)
    server = uvicorn.Server(uvicorn.Config(app, log_level="warning", lifespan="off"))
    server.run(sockets=[sock])
    return 0
