"""Assemble one language site from a render request: load once, check the typed data,
run the features in order, merge what they return, freeze.

The features are plain functions (``SectionInput -> Section``) in a fixed order; none of
them writes into another's result. The order only decides which page a later feature sees
among the data-made pages of an earlier one, and whose block comes first on a page.
"""

from __future__ import annotations

import json
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path

from chancery.content.data.pages import GeneratedPage
from chancery.content.i18n.catalog import ui_strings
from chancery.content.model.network import load_one
from chancery.content.pages import MissionPages, PageSource, collect_pages
from chancery.core.errors import ContentError, Problem, msg
from chancery.core.incremental.reads import ReadCache
from chancery.core.urls import language_urls
from chancery.features.alerts.section import alerts_section
from chancery.features.cms.section import cms_section
from chancery.features.consular.section import consular_section
from chancery.features.contact.section import contact_section
from chancery.features.crisis.section import crisis_section
from chancery.features.news.section import news_section
from chancery.features.profile.section import profile_section
from chancery.features.section import FeatureOptions, Section, SectionInput
from chancery.render.images.pipeline import Pipeline
from chancery.render.images.site import Pictures
from chancery.site.data_checks import data_problems
from chancery.site.language import LanguageSite
from chancery.site.request import RenderRequest

Feature = Callable[[SectionInput], Section]
# The standard sections, in the order they are assembled.
FEATURES: tuple[tuple[str, Feature], ...] = (
    ("consular", consular_section),
    ("contact", contact_section),
    ("profile", profile_section),
    ("alerts", alerts_section),
    ("crisis", crisis_section),
    ("news", news_section),
    ("cms", cms_section),
)
SEARCH_PAGE = "search.md"  # one search page per language, served by Pagefind's index
GENERATED = "generated"  # the origin of a data-made page


def assemble(request: RenderRequest, options: FeatureOptions | None = None,
             reads: ReadCache | None = None) -> LanguageSite:
    """The language site of ``request``; raise :class:`ContentError` if its content is invalid.

    ``reads`` is the work's read cache (the worker task's), through which pages are read.

    The mission's typed data is checked first, on the files the features then use (see
    :mod:`chancery.site.data_checks`): an error raises :class:`InvalidData`, except in a
    live preview, which shows it; the site keeps what was found (``problems``).

    Data-made pages are written to a temporary folder that :func:`release` removes.
    """
    network = load_one(Path(request.content_dir), request.mission)
    entry = network.missions[request.mission]
    if request.language not in entry.mission.languages:
        raise ContentError([Problem(
            entry.source.file, entry.source.line_of(("languages",)), "languages",
            msg("'{lang}' is not a language of this mission ({languages})",
                lang=request.language, languages=", ".join(entry.mission.languages)))])
    pages = collect_pages(network, entry)
    if pages.problems:
        raise ContentError(pages.problems)
    pictures = Pictures(Pipeline(request.image_cache))
    facts = SectionInput(network, entry, request.language, request.now, pages, pictures,
                         options or FeatureOptions(), reads)
    problems = tuple(data_problems(network, entry, request.now))
    if not request.serving and any(problem.is_error for problem in problems):
        raise InvalidData(problems)
    folder = Path(tempfile.mkdtemp(prefix="chancery-pages-"))
    try:
        sections, generated, made = [], {}, []
        for name, feature in FEATURES:
            if name not in facts.options.enabled:
                continue
            section = feature(facts)
            sections.append(section)
            for page in section.pages:
                if _make(facts, page, folder, generated):
                    made.append(page.path)
        versions, unlisted = _versions(facts, made, sections)
    except BaseException:
        shutil.rmtree(folder, ignore_errors=True)
        raise
    return LanguageSite(request, facts, tuple(sections), versions, unlisted, generated, folder,
                        problems)


class InvalidData(ContentError):
    """The mission's typed data has errors: every problem its checks found, warnings too."""


def release(site: LanguageSite) -> None:
    """Remove the data-made pages' folder once the engine has built the site."""
    if site.workdir is not None:
        shutil.rmtree(site.workdir, ignore_errors=True)


def _make(facts: SectionInput, page: GeneratedPage, folder: Path,
          generated: dict[str, Path]) -> bool:
    """Make ``page`` in every language that lacks it; ``True`` if any was made."""
    made = False
    for code in facts.mission.languages:
        existing = facts.pages.by_lang[code].get(page.path)
        if existing is not None and existing.origin != GENERATED:
            continue
        file = folder / code / page.path
        file.parent.mkdir(parents=True, exist_ok=True)
        file.write_text(page.markdown(code), encoding="utf-8")
        facts.pages.by_lang[code][page.path] = PageSource(page.path, code, file, GENERATED)
        if code == facts.lang:
            generated[page.path] = file
        made = True
    return made


def _real(pages: MissionPages, code: str, path: str) -> bool:
    """The page exists in ``code`` in its own right (not as another language's copy)."""
    source = pages.by_lang[code].get(path)
    return source is not None and source.fallback_from is None


def _versions(facts: SectionInput, made: list[str], sections: list[Section]
              ) -> tuple[dict[str, dict[str, str]], frozenset[str]]:
    """Every page's language versions: from the pages themselves, then what the data-made
    pages and the sections decide, then the search page."""
    pages, lang, languages = facts.pages, facts.lang, facts.mission.languages
    default = facts.default_language
    versions: dict[str, dict[str, str]] = {}
    for path, page in pages.by_lang[lang].items():
        have = pages.versions(path)
        versions[path] = language_urls(path, [c for c in languages if c in have], default)
        if page.fallback_from:
            versions[path].pop(lang, None)
    for path in made:
        versions[path] = language_urls(
            path, [c for c in languages if _real(pages, c, path)], default)
    unlisted: set[str] = set()
    for section in sections:
        versions.update({path: dict(urls) for path, urls in section.addresses.items()})
        unlisted |= section.unlisted
    if SEARCH_PAGE not in pages.by_lang[lang]:
        versions[SEARCH_PAGE] = language_urls(SEARCH_PAGE, languages, default)
        unlisted.add(SEARCH_PAGE)
    return versions, frozenset(unlisted)


def search_page(site: LanguageSite) -> str | None:
    """The Markdown of the language's search page, unless the mission wrote one."""
    if SEARCH_PAGE in site.pages.by_lang[site.lang]:
        return None
    title = ui_strings(site.lang).gettext("Search")
    return f"---\ntitle: {json.dumps(title)}\ntemplate: search.html\n---\n"
