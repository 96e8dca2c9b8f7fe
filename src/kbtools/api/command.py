"""Subcommands of this job (registered by `kbtools.cli`)."""

from __future__ import annotations

import argparse


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add this job's subcommands to the `kbtools` parser."""
