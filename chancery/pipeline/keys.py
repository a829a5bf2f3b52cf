"""Each language's key, and which of its pages changed when only some pages' text did.

A language's key (see :mod:`chancery.pipeline.inputs`) has two parts:

* its **scope**: the code, the clock's state, the mission's shared files, the front matter
  of every page in every language and which of its pages are fallback copies. Whatever
  a page shows besides its own text comes from there (navigation, listings, links,
  titles, dates, settings, data, alerts).
* its **pages**: the text of each of its own pages (and of the default language's page
  behind each fallback copy), and whether each carries the "translation may be out of
  date" notice (which shows on that page only).

When the scope did not change, only the pages whose text or notice changed look
different: they alone need rendering again (:func:`changed_pages`).
"""

from __future__ import annotations

from pathlib import Path

import yaml

from chancery.content import freshness
from chancery.content.freshness import is_outdated, page_facts_and_front_matter
from chancery.content.model.network import MissionEntry, Network
from chancery.content.pages import MissionPages, collect_pages
from chancery.core.errors import ContentError
from chancery.core.incremental.reads import ReadCache
from chancery.features.news import source as front_matter
from chancery.pipeline.inputs import MissionFiles, combine, files_digest
from chancery.pipeline.state import Freshness, LanguageState

FALLBACK = "fallback/"  # prefix of the default-language files standing in for missing pages
PARTIAL_LIMIT = 50  # more changed pages than this: rendering everything costs about the same


def language_states(hashes: ReadCache, network: Network, entry: MissionEntry,
                    files: MissionFiles, base: str,
                    known: dict[str, LanguageState]) -> dict[str, LanguageState]:
    """Each language's key, scope and page facts.

    ``known`` holds the languages' states of the last build (made by the same code), whose
    freshness answers are reused for pages whose files did not change.
    """
    pages = collect_pages(network, entry)
    shared = files_digest(hashes, files.shared)
    front = files_digest(hashes, [item for lang in sorted(files.pages)
                                  for item in files.pages[lang]], front_matter=True)
    states = {}
    for lang in entry.mission.languages:
        by_path = pages.by_lang.get(lang, {})
        facts = {rel: hashes.digest(file) for rel, file in files.pages.get(lang, [])}
        facts.update({FALLBACK + path: hashes.digest(page.file)
                      for path, page in sorted(by_path.items()) if page.fallback_from})
        old = known.get(lang)
        freshness = _freshness(hashes, pages, lang, old.freshness if old else {})
        outdated = ",".join(path for path, fresh in freshness.items() if fresh.outdated)
        scope = combine(base, shared, front, "fallbacks:" + ",".join(
            rel for rel in sorted(facts) if rel.startswith(FALLBACK)))
        pages_key = combine(*(f"{rel}\0{sha}" for rel, sha in sorted(facts.items())))
        states[lang] = LanguageState(combine(scope, pages_key, "outdated:" + outdated),
                                     freshness=freshness, scope=scope, files=facts)
    return states


def _freshness(hashes: ReadCache, pages: MissionPages, lang: str,
               known: dict[str, Freshness]) -> dict[str, Freshness]:
    """For each page of ``lang``: what its "may be out of date" notice depends on, and whether
    it shows (asked again only when the page's or its source's file changed)."""
    if lang == pages.languages[0]:
        return {}  # the default language is the source: never outdated
    sources = pages.by_lang[pages.languages[0]]
    result: dict[str, Freshness] = {}
    version = _facts_version(hashes)

    def read(file: Path, data: bytes) -> list:
        """A page's translation facts; the front matter they were read from is kept for
        the news (the workers of a mission's first build need not parse it again)."""
        facts, found = page_facts_and_front_matter(file, data)
        hashes.remember(file, front_matter.FRONT_MATTER, front_matter.meta_of(found), data)
        return facts

    def facts(file: Path) -> list:
        return hashes.memo(file, "translation", version, read)

    for path, page in sorted(pages.by_lang.get(lang, {}).items()):
        source = sources.get(path)
        inputs = ":".join((hashes.digest(source.file) if source else "-",
                           hashes.digest(page.file), page.origin, page.fallback_from or ""))
        if path in known and known[path].inputs == inputs:
            result[path] = known[path]
            continue
        try:
            stale: bool | None = is_outdated(pages, path, lang, facts)
        except (ContentError, OSError):
            stale = None  # unreadable: the build reports it, nothing is recorded
        result[path] = Freshness(inputs, stale)
    return result


def _facts_version(hashes: ReadCache) -> str:
    """The code that draws freshness facts from a page: the loaders and ``freshness``."""
    code = Path(freshness.__file__).parent
    files = [code / "freshness.py", *sorted((code / "loaders").glob("*.py"))]
    return combine(yaml.__version__, *(f"{file.name}:{hashes.digest(file)}" for file in files))


def changed_pages(old: LanguageState, new: LanguageState) -> list[str] | None:
    """Source paths of the pages to render again, or ``None`` when everything must be.

    Only when the scope is the same, no page was added or removed, every changed file is
    a Markdown page and there are at most :data:`PARTIAL_LIMIT` of them.
    """
    if old.scope != new.scope or old.files.keys() != new.files.keys():
        return None
    changed = {rel for rel, sha in new.files.items() if old.files[rel] != sha}
    if not all(rel.endswith(".md") for rel in changed):
        return None
    paths = {rel.removeprefix(FALLBACK) if rel.startswith(FALLBACK) else rel.split("/", 3)[3]
             for rel in changed}
    paths |= {path for path, fresh in new.freshness.items()
              if path in old.freshness and old.freshness[path].outdated != fresh.outdated}
    return sorted(paths) if 0 < len(paths) <= PARTIAL_LIMIT else None
