"""The one error type of publishing: its message says what went wrong and how to fix it."""

from __future__ import annotations

import argparse
import functools
import sys
from collections.abc import Callable


class PublishError(Exception):
    """A publish, rollback or listing that could not be done; nothing live was changed."""


def cli_guard(func: Callable[[argparse.Namespace], int]) -> Callable[[argparse.Namespace], int]:
    """Wrap a command so that a :class:`PublishError` prints as one line and exits 1."""

    @functools.wraps(func)
    def guarded(args: argparse.Namespace) -> int:
        try:
            return func(args)
        except PublishError as exc:
            print(f"error: {exc}", file=sys.stderr)
            return 1

    return guarded
