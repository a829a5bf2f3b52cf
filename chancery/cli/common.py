"""Options shared by several commands."""

from __future__ import annotations

import argparse
from pathlib import Path

from chancery.core.project import PROJECT_ROOT


def add_content_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--content",
        type=Path,
        default=PROJECT_ROOT / "content",
        metavar="DIR",
        help="content folder holding _hq/ and one folder per mission (default: content/)",
    )


def add_out_option(parser: argparse.ArgumentParser, what: str) -> None:
    """``--out DIR``: the folder builds write to and publish and preview read, ``site/``
    unless named; ``what`` is the help text, before the default."""
    parser.add_argument("--out", type=Path, default=PROJECT_ROOT / "site", metavar="DIR",
                        help=f"{what} (default: site/)")
