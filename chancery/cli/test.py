"""``build.py test``: run the test suite (build.py has already installed what it needs)."""

from __future__ import annotations

import argparse
import subprocess
import sys

from chancery.cli.common import PROJECT_ROOT


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "test",
        help="run every test (installs test tools and Chromium first)",
        description="Install the test dependencies and the Debian packages the tests drive "
        "(Chromium, servers), then run pytest. Extra arguments go to pytest.",
    )
    parser.add_argument(
        "pytest_args", nargs=argparse.REMAINDER, help="passed to pytest, e.g. -k switcher -x"
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    command = [sys.executable, "-m", "pytest", "-ra", *args.pytest_args]
    code = subprocess.call(command, cwd=PROJECT_ROOT)
    if code == 5:
        print("pytest collected no tests: that is a failure here", file=sys.stderr)
        return 1
    return code
