"""``build.py check``: validate content without rendering any site.

Checks mission and HQ data against their schemas, every page's front matter,
and every link and image in every page: targets must exist in the same
language (inherited HQ pages count), and images need alt text.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Callable, Collection
from datetime import datetime
from pathlib import Path

from chancery.checks.html import RenderedPages, html_problems, links_into
from chancery.content.loaders.frontmatter import MarkdownSource, quick_markdown, read_markdown
from chancery.content.model.network import MissionEntry, Network
from chancery.content.model.page import PageMeta
from chancery.content.model.validation import validate
from chancery.content.pages import (
    MEDIA_DIR,
    PAGES_DIR,
    MissionPages,
    PageSource,
    collect_pages,
    unknown_language_folders,
)
from chancery.core import clock
from chancery.core.errors import ContentError, Problem, display_path, msg
from chancery.core.incremental.reads import ReadCache
from chancery.render.images.checks import image_problems
from chancery.render.markdown.code import FENCE

_LINK = re.compile(r"(!?)\[((?:[^\[\]]|\[[^\]]*\])*)\]\(\s*<?([^)\s>]*)>?(?:\s+\"[^\"]*\")?\s*\)")
_EXTERNAL = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")

# Front matter validators by kind of page; features (news...) register theirs.
MetaCheck = Callable[[PageSource, MarkdownSource], list[Problem]]
META_CHECKS: list[tuple[Callable[[PageSource], bool], MetaCheck]] = []
# Checks across a mission's pages (e.g. two news posts at one address).
# (network, mission, its pages, the languages checked, the check's read cache)
MissionCheck = Callable[[Network, MissionEntry, MissionPages, list[str], ReadCache | None],
                        list[Problem]]
MISSION_CHECKS: list[MissionCheck] = []
# Pages that features make from data (consular services...), which links may point to.
GENERATED_PAGES: list[Callable[[Network, MissionEntry], set[str]]] = []


def check_page_meta(page: PageSource, doc: MarkdownSource) -> list[Problem]:
    """Validate an ordinary page's front matter with :class:`PageMeta`."""
    for applies, check in META_CHECKS:
        if applies(page):
            return check(page, doc)
    try:
        validate(PageMeta, doc.meta)
    except ContentError as exc:
        return list(exc.problems)
    return []


def check_links(
    page: PageSource, doc: MarkdownSource, known_pages: set[str], known_media: Collection[str]
) -> list[Problem]:
    """Problems with the links and images of one page."""
    problems = []
    base = posixpath.dirname(page.path)
    in_fence = False
    for offset, line in enumerate(doc.body.split("\n")):
        if FENCE.match(line):
            in_fence = not in_fence
        if in_fence:
            continue
        number = doc.body_line + offset
        for match in _LINK.finditer(line):
            is_image, text, target = match.group(1) == "!", match.group(2), match.group(3)
            problem = _check_target(
                is_image, text, target, base, known_pages, known_media, page.lang
            )
            if problem:
                problems.append(Problem(doc.file, number, "", problem))
    return problems


def _check_target(
    is_image: bool, text: str, target: str, base: str, pages: set[str], media: Collection[str],
    lang: str,
) -> str | None:
    # Alt text and the image files themselves: chancery.render.images.checks.
    if not target or target.startswith("#") or _EXTERNAL.match(target):
        return None
    path = target.split("#", 1)[0].split("?", 1)[0]
    resolved = posixpath.normpath(
        path.lstrip("/") if path.startswith("/") else posixpath.join(base, path)
    )
    if is_image or resolved.startswith(f"{MEDIA_DIR}/"):
        if resolved not in media:
            return msg("image or file '{target}' not found; put it in the mission's {media}/ "
                       "folder and link it as /{media}/<name>", target=target, media=MEDIA_DIR)
        return None
    if path.endswith("/") or not path.endswith(".md"):
        return msg("link '{target}' should name the page's .md file, e.g. /{page}",
                   target=target, page=posixpath.join(resolved, "index.md").lstrip("./"))
    if resolved not in pages:
        return msg("link to '{target}', which does not exist in '{lang}'; check the path or "
                   "create pages/{lang}/{page}", target=target, lang=lang, page=resolved)
    return None


def _media(network: Network, entry: MissionEntry) -> dict[str, Path]:
    """Media files by their path in the site (a mission's own win over HQ's)."""
    found: dict[str, Path] = {}
    for root in (network.hq_dir / MEDIA_DIR, entry.root / MEDIA_DIR):
        if root.is_dir():
            found.update(
                (f"{MEDIA_DIR}/{p.relative_to(root).as_posix()}", p)
                for p in root.rglob("*")
                if p.is_file()
            )
    return found


def check_mission(network: Network, entry: MissionEntry,
                  languages: list[str] | None = None,
                  only: Collection[str] | None = None,
                  now: datetime | None = None,
                  reads: ReadCache | None = None,
                  data: bool = True) -> list[Problem]:
    """Every problem in one mission's pages (its data was validated on loading).

    ``languages`` limits the page checks to some languages (a worker checks its own);
    ``only`` (page paths) to some pages, when the others are as last checked: what they
    link to is unchanged (the checks across pages and of the data still run); a page that
    may link to an anchor of one of them is checked again too (the anchor may be gone).
    ``now`` is the build's clock (closures and alerts are checked as of it; default:
    :func:`chancery.core.clock.now`); ``reads`` the read cache the mission's files are read
    through, once for all the checks (default: one of its own). ``data=False`` leaves out
    the checks of the typed data, when the assembly of the language runs them (a build's
    render task, a preview).
    """
    from chancery.site.data_checks import data_problems

    reads = reads if reads is not None else ReadCache()
    languages = languages or entry.mission.languages
    problems = unknown_language_folders(network, entry)
    pages = collect_pages(network, entry)
    problems += pages.problems
    media = _media(network, entry)
    for lang in languages:
        folder = entry.root / PAGES_DIR / lang
        if not (folder / "index.md").is_file():
            problems.append(
                Problem(
                    display_path(folder / "index.md"),
                    0,
                    "",
                    msg("missing: every language needs a home page; create it with "
                        "python3 build.py new page --mission {mission} index.md",
                        mission=entry.id),
                )
            )
        known = set(pages.by_lang[lang]).union(*(made(network, entry) for made in GENERATED_PAGES))
        rendered = RenderedPages(pages.by_lang[lang], network.hq.html, reads)  # HTML, anchors
        for page in pages.by_lang[lang].values():
            if page.fallback_from or (only is not None and page.path not in only
                                      and not links_into(page, only, reads)):
                continue  # checked in its own language, or unchanged
            problems += _check_page(page, known, media, rendered, reads)
    for mission_check in MISSION_CHECKS:
        problems += mission_check(network, entry, pages, languages, reads)
    if data:
        problems += data_problems(network, entry, clock.now() if now is None else now)
    problems += _outdated_translations(network, entry, languages, reads)
    return sorted(set(problems))


def _check_page(page: PageSource, known: set[str], media: dict[str, Path],
                rendered: RenderedPages | None = None,
                reads: ReadCache | None = None) -> list[Problem]:
    """The problems of one page's front matter and links, at ``file:line``.

    Most pages have none: they are first read quickly (no line numbers), and only a page
    with something to report is read again carefully, to say where.
    """
    file = display_path(page.file)
    try:
        quick = quick_markdown(page.file, file, reads)
    except ContentError as exc:
        return list(exc.problems)
    if quick is not None and not check_page_meta(page, quick) \
            and not check_links(page, quick, known, media) \
            and not image_problems(file, quick, page.path, media) \
            and not _html_problems(page, quick, known, media, rendered):
        return []
    try:
        doc = read_markdown(page.file, file)
    except ContentError as exc:
        return list(exc.problems)
    return (check_page_meta(page, doc) + check_links(page, doc, known, media)
            + image_problems(file, doc, page.path, media)
            + _html_problems(page, doc, known, media, rendered))


def _html_problems(page: PageSource, doc: MarkdownSource, known: set[str],
                   media: Collection[str], rendered: RenderedPages | None) -> list[Problem]:
    """What the page's rendered HTML shows: HTML outside HQ's allow-list, links (raw HTML,
    reference links) and anchors that lead nowhere (see :mod:`chancery.checks.html`)."""
    if rendered is None:
        return []

    def target(is_image: bool, text: str, url: str, base: str) -> str | None:
        return _check_target(is_image, text, url, base, known, media, page.lang)

    return html_problems(page, doc, rendered, target)


def _outdated_translations(network: Network, entry: MissionEntry, languages: list[str],
                           reads: ReadCache | None = None) -> list[Problem]:
    """Warnings for outdated translations where HQ's policy is strict (consular pages)."""
    from chancery.content.freshness import freshness_message, outdated_in_sections

    sections = network.hq.translation.strict_sections
    return [
        Problem(display_path(page.file), 1, "source_hash",
                freshness_message(page, path, entry.id, reads), severity="warning")
        for page, path in outdated_in_sections(network, entry, sections, reads)
        if page.lang in languages
    ]


def check_network(network: Network) -> dict[str, list[Problem]]:
    """Problems per mission id."""
    return {
        mission_id: check_mission(network, entry) for mission_id, entry in network.missions.items()
    }


def has_errors(problems: list[Problem]) -> bool:
    return any(p.is_error for p in problems)


def _register_news_checks() -> None:
    from chancery.features.news.checks import check_news_conflicts, check_post_page, is_post

    META_CHECKS.append((is_post, check_post_page))
    MISSION_CHECKS.append(check_news_conflicts)


_register_news_checks()


def _register_data_checks() -> None:
    from chancery.features.consular.pages import generated_paths

    GENERATED_PAGES.append(generated_paths)


_register_data_checks()


def _register_language_checks() -> None:
    from chancery.content.i18n.gaps import language_gaps

    MISSION_CHECKS.append(language_gaps)


_register_language_checks()

_register_language_checks()


def _register_crisis_checks() -> None:
    from chancery.features.crisis.crisis import crisis_problems
    from chancery.site.lite.checks import lite_problems

    MISSION_CHECKS.extend((crisis_problems, lite_problems))


_register_crisis_checks()
