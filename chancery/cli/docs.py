"""``build.py docs``: build the engineers' documentation site (``docs/``) with MkDocs.

MkDocs runs as a child process (``python -m mkdocs``), so the core never imports it. The
configuration is ``docs/mkdocs.yml``: Material, strict, every broken link or anchor an error.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from pathlib import Path

from chancery.cli.common import PROJECT_ROOT

DOCS_CONFIG = PROJECT_ROOT / "docs" / "mkdocs.yml"
DEFAULT_OUT = PROJECT_ROOT / "site-docs"


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "docs",
        help="build the engineers' documentation site from docs/",
        description="Build docs/pages/ into a browsable site with MkDocs and Material "
        "(docs/mkdocs.yml), in strict mode: a broken link or anchor, or a page missing "
        "from the navigation, fails the build.",
    )
    parser.add_argument(
        "--out", type=Path, default=DEFAULT_OUT, metavar="DIR",
        help="where to write the site (default: site-docs/)",
    )
    parser.set_defaults(run=run)


def build_docs(out: Path, config: Path = DOCS_CONFIG) -> subprocess.CompletedProcess[str]:
    """Run ``mkdocs build --strict`` on ``config`` into ``out``; output captured."""
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--clean",
               "--config-file", str(config), "--site-dir", str(out.resolve())]
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}  # Material's end-of-life banner
    return subprocess.run(command, cwd=PROJECT_ROOT, env=env, capture_output=True, text=True)


def replaceable(out: Path) -> bool:
    """MkDocs empties the output folder first: only a missing or empty folder, or an earlier
    documentation site (it has Material's search index), may be replaced."""
    if not out.exists():
        return True
    return out.is_dir() and (not any(out.iterdir())
                             or (out / "search" / "search_index.json").is_file())


def run(args: argparse.Namespace) -> int:
    if not replaceable(args.out):
        print(f"{args.out}: not empty and not a documentation site; choose another --out "
              "(the build empties its output folder first)", file=sys.stderr)
        return 2
    result = build_docs(args.out)
    if result.returncode != 0:
        for line in result.stderr.splitlines():
            if line.strip() and not line.startswith("INFO"):
                print(line, file=sys.stderr)
        print("the documentation site was not built", file=sys.stderr)
        return 1
    print(f"documentation site written to {args.out}")
    return 0
