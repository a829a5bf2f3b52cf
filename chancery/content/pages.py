"""Which pages a mission publishes in each language, and where each comes from.

A mission's own pages live in ``content/<id>/pages/<lang>/``; HQ's shared pages
in ``content/_hq/pages/<lang>/``. A mission inherits every HQ page it does not
write itself; HQ pages listed in ``locked_pages`` may not be overridden. Pages
with the same path in two language folders are language versions of one page.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from chancery.content.model.network import MissionEntry, Network
from chancery.core.errors import Problem, display_path, msg

PAGES_DIR = "pages"
MEDIA_DIR = "media"


@dataclass(frozen=True)
class PageSource:
    """One Markdown page in one language: its path in the site and its file."""

    path: str  # e.g. "consular/visa.md", the same in every language
    lang: str
    file: Path
    origin: str  # "mission" or "hq"
    fallback_from: str | None = None  # set when the text is another language's (untranslated)

    @property
    def section(self) -> str:
        return self.path.split("/", 1)[0] if "/" in self.path else ""


@dataclass
class MissionPages:
    """The effective page set of a mission, per language."""

    languages: list[str]
    by_lang: dict[str, dict[str, PageSource]] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)

    def versions(self, path: str) -> dict[str, PageSource]:
        """Every real language version of the page at ``path`` (fallback copies excluded)."""
        return {
            lang: pages[path]
            for lang, pages in self.by_lang.items()
            if path in pages and pages[path].fallback_from is None
        }

    def count(self) -> int:
        return sum(len(pages) for pages in self.by_lang.values())


def _markdown_files(root: Path) -> dict[str, Path]:
    """``{"news/2026/a.md": path}`` for every Markdown file under ``root``, sorted by path.

    As ``root.rglob("*.md")`` with regular files only (symlinks to files included, hidden
    names too), listed with ``os.walk`` (thousands of posts: about four times faster).
    """
    top = os.fspath(root)
    start = len(os.path.join(top, ""))
    found: list[tuple[str, str]] = []
    for folder, _, names in os.walk(top):
        for name in names:
            if name.endswith(".md"):
                full = os.path.join(folder, name)
                if os.path.isfile(full):
                    found.append((full[start:].replace(os.sep, "/"), full))
    found.sort(key=lambda item: item[0].split("/"))  # as paths sort: by their parts
    return {rel: Path(full) for rel, full in found}


def _is_locked(path: str, locked: list[str]) -> bool:
    return any(
        path == pattern or (pattern.endswith("/") and path.startswith(pattern))
        for pattern in locked
    )


def collect_pages(network: Network, entry: MissionEntry) -> MissionPages:
    """Resolve the mission's pages in every language, with HQ inheritance."""
    languages = entry.mission.languages
    result = MissionPages(languages)
    locked = network.hq.locked_pages
    for lang in languages:
        own = _markdown_files(entry.root / PAGES_DIR / lang)
        shared = _markdown_files(network.hq_dir / PAGES_DIR / lang)
        pages: dict[str, PageSource] = {}
        for path, file in shared.items():
            pages[path] = PageSource(path, lang, file, "hq")
        for path, file in own.items():
            if path in shared and _is_locked(path, locked):
                result.problems.append(
                    Problem(
                        display_path(file),
                        1,
                        "",
                        msg("'{path}' is maintained by HQ for every mission and cannot be "
                            "overridden; delete this file (HQ's version is {display_path})",
                            path=path, display_path=display_path(shared[path])),
                    )
                )
                continue
            pages[path] = PageSource(path, lang, file, "mission")
        result.by_lang[lang] = pages
    hq_pages = set(_markdown_files(network.hq_dir / PAGES_DIR / languages[0]))
    _add_fallbacks(result, network.hq.translation.fallback_sections, hq_pages)
    return result


def _add_fallbacks(result: MissionPages, sections: list[str], hq_pages: set[str]) -> None:
    """Untranslated pages of fallback sections get the default language's text.

    So do HQ's pages in any section (the footer links them from every page): a language
    HQ has not translated them into yet shows the default language's, with the notice.
    """
    default = result.languages[0]
    for lang in result.languages[1:]:
        pages = result.by_lang[lang]
        for path, source in result.by_lang[default].items():
            if path not in pages and (source.section in sections or path in hq_pages):
                pages[path] = PageSource(path, lang, source.file, source.origin, default)


def hq_page_gaps(network: Network, entry: MissionEntry) -> list[Problem]:
    """Warnings for HQ's pages that a language of the mission lacks (shown in fallback)."""
    languages = entry.mission.languages
    default = _markdown_files(network.hq_dir / PAGES_DIR / languages[0])
    problems = []
    for lang in languages[1:]:
        folder = network.hq_dir / PAGES_DIR / lang
        have = _markdown_files(folder)
        own = _markdown_files(entry.root / PAGES_DIR / lang)
        for path, file in default.items():
            if path not in have and path not in own:
                problems.append(Problem(
                    display_path(file), 1, "",
                    msg("HQ page '{path}' has no '{lang}' version (mission {id} publishes in "
                        "{lang}); readers see this page with a notice until HQ adds "
                        "{display_path}",
                        path=path, lang=lang, id=entry.id,
                        display_path=display_path(folder / path)), "warning"))
    return problems


def unknown_language_folders(network: Network, entry: MissionEntry) -> list[Problem]:
    """Language folders under ``pages/`` that the mission does not declare."""
    root = entry.root / PAGES_DIR
    if not root.is_dir():
        return [
            Problem(
                display_path(root), 0, "", msg("missing; put each language's pages in "
                                               "pages/<lang>/")
            )
        ]
    problems = []
    for folder in sorted(p for p in root.iterdir() if p.is_dir()):
        if folder.name not in entry.mission.languages:
            problems.append(
                Problem(
                    display_path(folder),
                    0,
                    "",
                    msg("folder for language '{name}', which mission.yml does not list "
                        "(languages: {languages}); add it there or rename the folder",
                        name=folder.name, languages=', '.join(entry.mission.languages)),
                )
            )
    return problems
