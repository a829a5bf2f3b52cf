"""``--now``: build or preview the sites as they will look at another moment."""

from __future__ import annotations

import argparse
from datetime import datetime

from chancery.core.clock import ENV, parse_now


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
        f"later are left out and expired posts leave the listings (default: ${ENV} if set, "
        "else the real time)",
    )


def chosen_now(args: argparse.Namespace) -> datetime | None:
    """The moment ``--now`` asks for; ``None`` leaves it to :func:`chancery.core.clock.now`
    (``$CHANCERY_NOW`` if set, else the real time of each build)."""
    return parse_now(args.now) if args.now else None
