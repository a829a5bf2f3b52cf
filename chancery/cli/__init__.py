"""``build.py`` command line: one module per command, each with ``register()``."""

from __future__ import annotations

import argparse
import sys
from importlib import import_module

from chancery.core.errors import ContentError

# Each module exposes register(subparsers) and sets ``run`` on its parser.
COMMANDS = ["build", "serve", "check", "new", "status", "translated", "i18n", "test",
            "affected", "publish", "rollback", "releases", "preview", "comment", "docs", "fonts"]


def _root() -> tuple[argparse.ArgumentParser, argparse._SubParsersAction]:
    root = argparse.ArgumentParser(
        prog="build.py",
        description="Chancery: build, preview, check and scaffold the websites of a network "
        "of diplomatic missions. Run 'build.py COMMAND --help' for each command.",
    )
    return root, root.add_subparsers(title="commands", dest="command", metavar="COMMAND")


def parser(command: str | None = None) -> argparse.ArgumentParser:
    """The command line; with ``command``, only that command is registered (each command's
    module imports what it needs, so running one command does not import the others')."""
    root, subparsers = _root()
    for name in [command] if command in COMMANDS else COMMANDS:
        import_module(f"chancery.cli.{name}").register(subparsers)
    return root


def overview() -> argparse.ArgumentParser:
    """The command list alone, read from the commands' sources without importing them:
    ``build.py --help`` answers at once, even before the environment is installed."""
    from chancery.cli.summaries import summary

    root, subparsers = _root()
    for name in COMMANDS:
        subparsers.add_parser(name, help=summary(name).help)
    return root


def main(argv: list[str] | None = None) -> int:
    """Run one command; content problems print as ``file:line`` lines, never tracebacks."""
    argv = sys.argv[1:] if argv is None else argv
    # The command comes first ('-h' is the only option before it); without one, the list.
    root = parser(argv[0]) if argv and argv[0] in COMMANDS else overview()
    args = root.parse_args(argv)
    if not getattr(args, "run", None):
        root.print_help()
        return 2
    try:
        return int(args.run(args) or 0)
    except ContentError as exc:
        for problem in exc.problems:
            print(problem, file=sys.stderr)
        errors = sum(p.is_error for p in exc.problems)
        print(f"{errors} problem(s) found; nothing was built or published.", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
