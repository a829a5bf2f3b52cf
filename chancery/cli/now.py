"""``--now``: build or preview the sites as they will look at another moment."""

from __future__ import annotations

import argparse
import os

from chancery.news.dates import NOW_ENV, parse_now


def _moment(value: str) -> str:
    try:
        parse_now(value)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None
    return value.strip()


def add_now_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--now",
        type=_moment,
        metavar="ISO8601",
        help="build as if it were this moment, e.g. 2026-03-01T09:00:00+01:00: posts dated "
        f"later are left out and expired posts leave the listings (sets {NOW_ENV})",
    )


def set_clock(value: str | None) -> None:
    """Set the build's clock for this process and the worker processes it starts."""
    if value:
        os.environ[NOW_ENV] = value
