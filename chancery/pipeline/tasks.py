"""What worker processes do for one language: check it, render it, index it for search.

The three are separate tasks so that the pool keeps every core busy: a language is
checked while it (or another) renders, and indexed as soon as it is rendered. Each task
returns a :class:`TaskResult` and never raises: a bug must not take the other missions down.

Each task reads through a read cache of its own
(:class:`~chancery.core.incremental.reads.ReadCache`), loaded from the file the parent keeps
per mission; what it learnt comes back in its result, and the parent persists it once
for the mission (workers never write it).
"""

from __future__ import annotations

import os
import resource
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from importlib import import_module
from pathlib import Path

from chancery.content.model.network import load_one
from chancery.content.pages import collect_pages
from chancery.core.errors import ContentError, Problem, display_path
from chancery.core.incremental.reads import ReadCache
from chancery.pipeline.precompress import CompressionMemo, precompress
from chancery.pipeline.search_index import (
    SearchIndexError,
    Shards,
    index_language,
    update_language,
)
from chancery.pipeline.staging import link_missing
from chancery.site.request import RenderRequest


def engine_function(path: str) -> Callable:
    """``module:function`` imported."""
    module, name = path.split(":")
    return getattr(import_module(module), name)


def problem_lines(problems: list[Problem]) -> tuple[list[str], list[str]]:
    errors = [str(p) for p in problems if p.is_error]
    warnings = [str(p) for p in problems if not p.is_error]
    return errors, warnings


def problems_by_file(problems: list[Problem]) -> dict[str, list[str]]:
    """The warnings among ``problems``, by the file they are about (in their order)."""
    found: dict[str, list[str]] = {}
    for problem in problems:
        if not problem.is_error:
            found.setdefault(problem.file, []).append(str(problem))
    return found


@dataclass
class TaskResult:
    """What a task did for one language; the tasks of a language merge into one (see
    :meth:`merge`). Warnings of pages are by source path, content warnings by file.

    Content problems come from two tasks (the checks of the pages, and the render's
    assembly, which checks the typed data): they are reported sorted, in the same order
    whichever task finished first."""

    pages: int = 0
    warnings: list[str] = field(default_factory=list)  # the engine's, in its order
    errors: list[str] = field(default_factory=list)
    content: list[Problem] = field(default_factory=list)  # problems of the content found
    checked: list[str] | None = None  # files whose content warnings these replace (partial)
    search_shards: Shards = field(default_factory=dict)  # see index_language
    search_indexed: list[str] = field(default_factory=list)
    learnt: dict = field(default_factory=dict)  # read cache facts, see ReadCache.learnt
    traceback: str = ""
    started: float | None = None
    finished: float | None = None
    pid: int = 0
    peak_rss_kb: int = 0

    def merge(self, part: TaskResult) -> None:
        """Fold another task's result for the same language into this one."""
        self.pages = part.pages or self.pages
        self.warnings = self.warnings + part.warnings
        self.errors = self.errors + part.errors
        self.content = self.content + part.content
        if part.checked is not None:
            self.checked = part.checked
        self.search_shards = part.search_shards or self.search_shards
        self.search_indexed = part.search_indexed or self.search_indexed
        self.traceback = self.traceback or part.traceback
        if part.started is not None:
            self.started = part.started if self.started is None else min(self.started,
                                                                         part.started)
        if part.finished is not None:
            self.finished = part.finished if self.finished is None else max(self.finished,
                                                                            part.finished)
        self.pid = part.pid or self.pid
        self.peak_rss_kb = max(self.peak_rss_kb, part.peak_rss_kb)

    @property
    def content_errors(self) -> list[str]:
        return problem_lines(sorted(set(self.content)))[0]

    @property
    def content_warnings(self) -> dict[str, list[str]]:
        """The content warnings by the file they are about."""
        return problems_by_file(sorted(set(self.content)))


def _guarded(label: str, work: Callable[[], TaskResult]) -> TaskResult:
    started = time.time()
    try:
        out = work()
    except SearchIndexError as exc:
        out = TaskResult(errors=[str(exc)])
    except Exception as exc:  # noqa: BLE001 - reported, never raised
        out = TaskResult(errors=[f"internal error while {label}: {type(exc).__name__}: {exc}"],
                         traceback=traceback.format_exc())
    out.started, out.finished, out.pid = started, time.time(), os.getpid()
    out.peak_rss_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # KiB (Linux)
    return out


def _reads(cache: str | None) -> ReadCache:
    """The task's read cache, loaded from the mission's file ``cache`` (if any) and handed
    to the work; what it learnt of the mission's files goes into the task's result."""
    return ReadCache.load(Path(cache) if cache else None)


def check_language(content: str, mission: str, lang: str,
                   front_matter_cache: str | None = None, only: list[str] | None = None,
                   now: datetime | None = None) -> dict:
    """The content problems of one language at the build's clock ``now`` (see
    :func:`chancery.checks.content.check_mission`).

    With ``only`` (page paths), just those pages are checked; ``checked`` then names their
    files, whose problems replace those the last build reported.
    """
    def work() -> TaskResult:
        from chancery.checks.content import (
            check_mission,  # in the worker: the parent never needs it
        )

        checked: list[str] = []
        reads = _reads(front_matter_cache)
        try:
            network = load_one(Path(content), mission)
            entry = network.missions[mission]
            # the typed data is checked by the render's assembly, on the files it loads
            problems = check_mission(network, entry, [lang], only, now, reads, data=False)
            if only is not None:
                by_path = collect_pages(network, entry).by_lang.get(lang, {})
                checked = [display_path(by_path[path].file) for path in only
                           if path in by_path and not by_path[path].fallback_from]
        except ContentError as exc:
            problems = exc.problems
        return TaskResult(content=list(problems), checked=checked if only is not None else None,
                          learnt=reads.learnt(Path(content) / mission))

    return _guarded(f"checking {mission}/{lang}", work)


def render_language(engine: str, request: RenderRequest, site: str, strict: bool,
                    previous: tuple[str, list[str]] | None = None,
                    front_matter_cache: str | None = None) -> dict:
    """Render ``request`` (one language) into ``site``.

    With ``request.only``, just those pages are rendered and every other file is
    hard-linked from ``previous`` (the language's folder in the live site, and top-level
    entries to skip). ``front_matter_cache`` is a file keeping the mission's posts' front
    matter between runs.
    """
    content, mission = request.content_dir, request.mission

    def work() -> TaskResult:
        reads = _reads(front_matter_cache)
        result = engine_function(engine)(request, Path(site), strict=strict, reads=reads)
        if previous is not None and result.ok:
            link_missing(Path(previous[0]), Path(site), set(previous[1]))
        return TaskResult(pages=result.pages, warnings=result.warnings, errors=result.errors,
                          content=result.problems, learnt=reads.learnt(Path(content) / mission))

    return _guarded(f"building {mission}/{request.language}", work)


def index_search(mission: str, lang: str, root: str, site: str,
                 previous: Shards | None = None, live: str | None = None,
                 in_place: list[str] | None = None, copies: str | None = None) -> dict:
    """Index the language rendered under ``root`` (pages in ``site``), see
    :func:`index_language`: shards unchanged since ``previous`` are linked from ``live``.

    With ``in_place`` (the top-level entries of ``live`` that are not the language's), only
    a few pages were rendered and the rest of the language is the live one's: only the shards
    those pages fall in are indexed (see :func:`update_language`). Last, the language's text
    files get their compressed copies (:mod:`chancery.pipeline.precompress`), through a
    memo of the task's own on the build's folder ``copies`` (if any) of shared files' copies.
    """
    def work() -> TaskResult:
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
        memo = CompressionMemo(Path(copies) if copies else None)
        precompress(Path(root), Path(live) if live else None, memo)  # the language is complete
        return TaskResult(search_shards=shards, search_indexed=indexed)

    return _guarded(f"indexing {mission}/{lang}", work)
