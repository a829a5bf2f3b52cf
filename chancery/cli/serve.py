"""``build.py serve``: live preview of one mission in one language for editors.

The server never stops on a content mistake: it lists the problems in the terminal and on
every page, and shows the site again (the browser reloads) once the file is fixed.
"""

from __future__ import annotations

import argparse
import sys
import time

from chancery.cli.common import add_content_option
from chancery.cli.now import add_now_option, chosen_now
from chancery.core.errors import ContentError, Problem, display_path, msg

DEFAULT_PORT = 8000
DEFAULT_HOST = "127.0.0.1"


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "serve",
        help="live preview of one mission while you edit",
        description="Serve one mission in one language on http://HOST:PORT/ and rebuild it "
        "each time a file of the mission, of HQ (content/_hq/) or of the theme is saved. "
        "While a file has a mistake every page lists the problems; it reloads by itself "
        "once they are fixed.",
    )
    parser.add_argument("--mission", required=True, metavar="ID",
                        help="the mission to preview: its folder name under content/, "
                        "e.g. fr-paris (required)")
    parser.add_argument("--lang", metavar="CODE",
                        help="language to preview, one of the mission's languages "
                        "(default: the mission's first language)")
    parser.add_argument("--port", type=int, default=DEFAULT_PORT, metavar="N",
                        help="port to listen on; choose another if it is busy "
                        "(default: %(default)s)")
    parser.add_argument("--host", default=DEFAULT_HOST, metavar="ADDRESS",
                        help="address to listen on; 0.0.0.0 lets other computers of the "
                        "network see the preview (default: %(default)s)")
    add_content_option(parser)
    add_now_option(parser)
    parser.set_defaults(run=run)


def _clock() -> str:
    return time.strftime("%H:%M:%S")


class Reporter:
    """Prints one clean list after each build (no traceback, no raw engine log)."""

    def __init__(self, mission: str, url: str) -> None:
        self.greeting: str | None = f"Previewing {mission} at {url} (Ctrl+C to stop)"

    def __call__(self, problems: list[Problem], seconds: float, built: bool) -> None:
        errors = sum(p.is_error for p in problems)
        if not built:
            head = (f"[{_clock()}] the preview cannot be built: {errors} problem(s); every "
                    "page lists them until they are fixed:")
        elif problems:
            head = (f"[{_clock()}] built in {seconds:.1f} s; check found {len(problems)} "
                    "problem(s), shown over every page:")
        else:
            head = f"[{_clock()}] built in {seconds:.1f} s, no problems"
        lines = [head, *(f"  {problem}" for problem in problems)]
        if self.greeting:  # once the port is taken and the first build is done
            lines.insert(0, self.greeting)
            self.greeting = None
        print("\n".join(lines), file=sys.stderr, flush=True)


def run(args: argparse.Namespace) -> int:
    from chancery.checks.preview import PreviewTarget
    from chancery.core.engine import load_engine

    if not 1 <= args.port <= 65535:
        print(f"--port {args.port}: a port is a number from 1 to 65535", file=sys.stderr)
        return 2
    content = args.content.resolve()
    if not (content / args.mission).is_dir():
        missions = sorted(p.parent.name for p in content.glob("*/mission.yml") if p.is_file())
        raise ContentError([Problem(
            display_path(content), 0, "--mission",
            msg("no mission '{mission}'; choose one of: {missions}",
                mission=args.mission, missions=', '.join(missions) or '(none)'))])
    target = PreviewTarget(content, args.mission, args.lang, chosen_now(args))
    reporter = Reporter(args.mission, f"http://{args.host}:{args.port}/")
    try:
        load_engine().serve_language(target, args.host, args.port, reporter)
    except OSError as exc:
        reason = exc.strerror or str(exc)
        print(f"cannot listen on {args.host}:{args.port} ({reason}): is another preview "
              f"running? Stop it, or choose another port, e.g. --port {args.port + 1}",
              file=sys.stderr)
        return 1
    return 0
