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
        "(Chromium, servers), and decap-server (the web editor's local backend) from the npm "
        "registry into .cache/decap-server/, then run pytest. Extra arguments go to pytest.",
    )
    parser.add_argument(
        "pytest_args", nargs=argparse.REMAINDER, help="passed to pytest, e.g. -k switcher -x"
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    _install_decap_server()
    command = [sys.executable, "-m", "pytest", "-ra", *args.pytest_args]
    code = subprocess.call(command, cwd=PROJECT_ROOT)
    if code == 5:
        print("pytest collected no tests: that is a failure here", file=sys.stderr)
        return 1
    return code


def _install_decap_server() -> None:
    """decap-server for the web editor's browser test (npm registry only, pinned version)."""
    from chancery.features.cms.server import CACHE, VERSION, ServerMissing, ensure_decap_server

    try:
        ensure_decap_server()
    except ServerMissing as exc:
        print(f"[setup] {exc}; the web editor's browser test will be skipped", file=sys.stderr)
        return
    print(f"[setup] decap-server {VERSION} in {CACHE.relative_to(PROJECT_ROOT)}/",
          file=sys.stderr)
