"""What worker processes do for one language: check it, render it, index it for search.

The three are separate tasks so that the pool keeps every core busy: a language is
checked while it (or another) renders, and indexed as soon as it is rendered. Each task
returns a plain dict and never raises: a bug must not take the other missions down.
"""

from __future__ import annotations

import os
import resource
import time
import traceback
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from importlib import import_module
from pathlib import Path

from chancery.content.loaders.frontmatter import forget_quick_reads
from chancery.content.model.network import load_one
from chancery.content.pages import collect_pages
from chancery.core.engine import TEMPLATE_CACHE_ENV
from chancery.core.errors import ContentError, Problem, display_path
from chancery.features.news import source as front_matter
from chancery.pipeline.precompress import precompress
from chancery.pipeline.search_index import SearchIndexError, index_language, update_language
from chancery.pipeline.staging import link_missing
from chancery.render.images.limits import CACHE_ENV as IMAGE_CACHE_ENV


def engine_function(path: str) -> Callable:
    """``module:function`` imported."""
    module, name = path.split(":")
    return getattr(import_module(module), name)


def problem_lines(problems: list[Problem]) -> tuple[list[str], list[str]]:
    errors = [str(p) for p in problems if p.is_error]
    warnings = [str(p) for p in problems if not p.is_error]
    return errors, warnings


def _guarded(label: str, work: Callable[[], dict]) -> dict:
    started = time.time()
    try:
        out = work()
    except SearchIndexError as exc:
        out = {"errors": [str(exc)]}
    except Exception as exc:  # noqa: BLE001 - reported, never raised
        out = {"errors": [f"internal error while {label}: {type(exc).__name__}: {exc}"],
               "traceback": traceback.format_exc()}
    out.update(started=started, finished=time.time(), pid=os.getpid(),
               peak_rss_kb=resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)  # KiB (Linux)
    return out


_mission_read: Path | None = None  # the mission whose files this process remembers


@contextmanager
def _front_matter(cache: str | None, mission_dir: Path) -> Iterator[None]:
    """Posts' front matter read from ``cache`` before the work and kept there after it.

    What this process remembers of the files it read serves the tasks of one mission: a
    worker moving on to another mission forgets it (memory stays flat across a network).
    """
    global _mission_read
    if _mission_read != mission_dir:
        front_matter.forget()
        forget_quick_reads()
        _mission_read = mission_dir
    if cache:
        front_matter.load_cache(Path(cache))
    yield
    if cache:
        front_matter.save_cache(Path(cache), mission_dir)


def check_language(content: str, mission: str, lang: str,
                   front_matter_cache: str | None = None, only: list[str] | None = None) -> dict:
    """The content problems of one language (see :func:`chancery.checks.content.check_mission`).

    With ``only`` (page paths), just those pages are checked; ``checked`` then names their
    files, whose problems replace those the last build reported.
    """
    def work() -> dict:
        from chancery.checks.content import (
            check_mission,  # in the worker: the parent never needs it
        )

        checked: list[str] = []
        with _front_matter(front_matter_cache, Path(content) / mission):
            try:
                network = load_one(Path(content), mission)
                entry = network.missions[mission]
                problems = check_mission(network, entry, [lang], only)
                if only is not None:
                    by_path = collect_pages(network, entry).by_lang.get(lang, {})
                    checked = [display_path(by_path[path].file) for path in only
                               if path in by_path and not by_path[path].fallback_from]
            except ContentError as exc:
                problems = exc.problems
        errors, warnings = problem_lines(problems)
        return {"content_errors": errors, "content_warnings": warnings, "checked": checked}

    return _guarded(f"checking {mission}/{lang}", work)


def render_language(engine: str, content: str, mission: str, lang: str, site: str,
                    strict: bool, only: list[str] | None = None,
                    previous: tuple[str, list[str]] | None = None,
                    template_cache: str | None = None,
                    front_matter_cache: str | None = None,
                    outdated: list[str] | None = None,
                    image_cache: str | None = None) -> dict:
    """Render one language into ``site``.

    With ``only``, just those pages are rendered and every other file is hard-linked from
    ``previous`` (the language's folder in the live site, and top-level entries to skip).
    ``template_cache`` is a folder for compiled templates, shared by the workers;
    ``front_matter_cache`` a file keeping the mission's posts' front matter between runs;
    ``outdated`` the language's outdated translations, if the planner worked them out;
    ``image_cache`` a folder for encoded pictures, shared by the workers.
    """
    def work() -> dict:
        if template_cache:
            os.environ[TEMPLATE_CACHE_ENV] = template_cache
        if image_cache:
            os.environ[IMAGE_CACHE_ENV] = image_cache
        options: dict = {"only": only} if only is not None else {}
        if outdated is not None:
            options["outdated"] = outdated
        with _front_matter(front_matter_cache, Path(content) / mission):
            result = engine_function(engine)(Path(content), mission, lang, Path(site),
                                             strict=strict, **options)
        if previous is not None and not result.errors:
            link_missing(Path(previous[0]), Path(site), set(previous[1]))
        return {"pages": result.pages, "warnings": result.warnings, "errors": result.errors}

    return _guarded(f"building {mission}/{lang}", work)


def index_search(mission: str, lang: str, root: str, site: str,
                 previous: dict[str, list[str]] | None = None, live: str | None = None,
                 in_place: list[str] | None = None) -> dict:
    """Index the language rendered under ``root`` (pages in ``site``), see
    :func:`index_language`: shards unchanged since ``previous`` are linked from ``live``.

    With ``in_place`` (the top-level entries of ``live`` that are not the language's), only
    a few pages were rendered and the rest of the language is the live one's: only the shards
    those pages fall in are indexed (see :func:`update_language`). Last, the language's text
    files get their compressed copies (:mod:`chancery.pipeline.precompress`).
    """
    def work() -> dict:
        prefix = os.path.relpath(site, root)
        prefix = "" if prefix == "." else prefix + "/"
        if in_place is not None and live is not None:
            done = update_language(Path(root), lang, prefix, previous or {}, Path(live),
                                   set(in_place))
            if done is None:  # the pages moved between shards: index the whole language
                link_missing(Path(live) / prefix, Path(site), set(in_place))
                done = index_language(Path(root), lang, prefix)
        else:
            done = index_language(Path(root), lang, prefix, previous,
                                  Path(live) if live else None)
        shards, indexed = done
        precompress(Path(root), Path(live) if live else None)  # the language is complete
        return {"search_shards": shards, "search_indexed": indexed}

    return _guarded(f"indexing {mission}/{lang}", work)
