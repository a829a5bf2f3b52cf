"""``build.py serve``: live preview of one mission in one language for editors."""

from __future__ import annotations

import argparse
import sys

from chancery.build.language import LanguageBuild
from chancery.cli.common import add_content_option
from chancery.cli.now import add_now_option, set_clock
from chancery.engine import load_engine


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "serve",
        help="live preview of one mission while you edit",
        description="Serve one mission in one language on http://127.0.0.1:PORT/ and rebuild "
        "it each time a file under content/ is saved.",
    )
    parser.add_argument("--mission", required=True, metavar="ID")
    parser.add_argument("--lang", metavar="L", help="language to preview (default: Vietnamese)")
    parser.add_argument("--port", type=int, default=8000)
    parser.add_argument("--host", default="127.0.0.1")
    add_content_option(parser)
    add_now_option(parser)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    set_clock(args.now)
    from chancery.model.network import load_network

    network = load_network(args.content, only=[args.mission])
    mission = network.missions[args.mission].mission
    lang = args.lang or mission.default_language
    LanguageBuild.load(args.content, args.mission, lang)  # report content errors before serving
    print(
        f"Previewing {args.mission} in '{lang}' at http://{args.host}:{args.port}/ "
        f"(Ctrl+C to stop)",
        file=sys.stderr,
    )
    load_engine().serve_language(args.content.resolve(), args.mission, lang, args.host, args.port)
    return 0
