"""``build.py new``: scaffold a mission, a page or a news post."""

from __future__ import annotations

import argparse

from chancery.cli.common import add_content_option
from chancery.content.model.languages import DEFAULT_LANGUAGE, supported_codes
from chancery.content.model.network import load_network
from chancery.core.errors import display_path
from chancery.tools.scaffold import MISSION_KINDS, new_mission, new_page


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "new",
        help="create a mission, page or post with correct front matter",
        description="Scaffold content. Fields only you can know are written as TODO; "
        "'build.py check' lists what is left to fill in.",
    )
    kinds = parser.add_subparsers(dest="what", metavar="mission|page|post", required=True)

    mission = kinds.add_parser(
        "mission", help="a new mission folder with its standard pages",
        description="Create content/ID/: mission.yml and the standard pages in every "
        "language. Fill in each TODO of mission.yml, then run 'build.py check --mission ID'; "
        "until then the mission is reported and left out of builds.")
    mission.add_argument("id", help="mission id: <country code>-<city>, e.g. fr-lyon")
    mission.add_argument(
        "--kind", default="embassy", choices=MISSION_KINDS,
        help="the kind of mission (default: %(default)s)",
    )
    mission.add_argument(
        "--languages",
        default=DEFAULT_LANGUAGE,
        help="comma-separated codes of the languages the mission publishes in; the "
        "network's source language is always added first (default: only %(default)s; "
        f"supported: {supported_codes()})",
    )
    add_content_option(mission)
    mission.set_defaults(run=run_mission)

    page = kinds.add_parser(
        "page", help="a page in every language of a mission",
        description="Create the page in each language of the mission, with its front matter. "
        "The other languages are marked as translations of the Vietnamese page: once you "
        "change it, 'build.py status' shows them as outdated.")
    page.add_argument("path", help="path of the page, e.g. consular/passport.md")
    page.add_argument("--mission", required=True, metavar="ID",
                      help="the mission to add the page to (required)")
    page.add_argument("--title", required=True, help="the page's title (required)")
    add_content_option(page)
    page.set_defaults(run=run_page)

    post = kinds.add_parser(
        "post", help="a news post in every language of a mission",
        description="Create a news post dated now in each language of the mission, its "
        "address made from the title.")
    post.add_argument("--mission", required=True, metavar="ID",
                      help="the mission to add the post to (required)")
    post.add_argument("--title", required=True, help="the post's title in Vietnamese (required)")
    post.add_argument(
        "--category", required=True,
        help="a news category id from content/_hq/hq.yml (required)",
    )
    add_content_option(post)
    post.set_defaults(run=run_post)


def _report(created: list) -> int:
    for path in created:
        print(f"created {display_path(path)}")
    return 0


def run_mission(args: argparse.Namespace) -> int:
    languages = [code.strip() for code in args.languages.split(",") if code.strip()]
    created = new_mission(args.content, args.id, args.kind, languages)
    _report(created)
    print(f"next: fill in the TODOs, then run: python3 build.py check --mission {args.id}")
    return 0


def run_page(args: argparse.Namespace) -> int:
    network = load_network(args.content, only=[args.mission])
    entry = network.missions[args.mission]
    return _report(new_page(entry.root, entry.mission.languages, args.path, args.title))


def run_post(args: argparse.Namespace) -> int:
    from chancery.tools.news_scaffold import new_post

    network = load_network(args.content, only=[args.mission])
    entry = network.missions[args.mission]
    return _report(new_post(network, entry, args.title, args.category))
