"""Build many missions in parallel worker processes, one process per language build.

A mission's languages are built (and indexed for search) into a private staging
folder; only when every language succeeded is the result swapped in for
``<out>/<mission>/``. A failed mission leaves its previous output untouched and never
stops the others.

With a cache folder, builds are incremental (see :mod:`chancery.pipeline.plan`): an
unchanged mission is skipped without touching its output, and a language whose inputs
did not change is taken from the live site instead of being built again.
"""

from __future__ import annotations

import os
import tempfile
import threading
from collections.abc import Callable, Iterable
from concurrent.futures import FIRST_COMPLETED, Executor, Future, ProcessPoolExecutor, wait
from dataclasses import dataclass, field, replace
from datetime import datetime
from pathlib import Path

from chancery.content.model.network import load_network_tolerant, unfinished
from chancery.core.atomic import write_json_atomic
from chancery.core.clock import now as clock_now
from chancery.core.clock import wall_now
from chancery.core.engine import ENGINE_MODULE, chosen_config
from chancery.core.incremental.reads import ReadCache
from chancery.pipeline.digest import digest_of, tree_digest
from chancery.pipeline.inputs import PROJECT_ROOT, code_key
from chancery.pipeline.keys import FALLBACK
from chancery.pipeline.patch import apply, prepare, resume, update_digests
from chancery.pipeline.plan import MissionPlan, Planner
from chancery.pipeline.search_index import SearchIndexError, Shards
from chancery.pipeline.staging import (
    discard,
    language_root,
    nest_languages,
    previous_output,
    reuse_language,
    site_dir,
    staging_root,
    swap_in,
)
from chancery.pipeline.state import (
    StateStore,
    fingerprint_of,
    output_fingerprint,
    warnings_by_page,
)
from chancery.pipeline.tasks import (
    TaskResult,
    check_language,
    engine_function,
    index_search,
    problem_lines,
    render_language,
)
from chancery.render.security.deploy import write_deploy_config
from chancery.site.request import RenderRequest

ENGINE = f"{ENGINE_MODULE}:build_language"


@dataclass
class MissionReport:
    """Outcome of one mission's build."""

    mission: str
    languages: list[str]
    pages: int = 0
    seconds: float = 0.0
    warnings: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    built: list[str] = field(default_factory=list)  # languages rendered in this run
    partial: dict[str, list[str]] = field(default_factory=dict)  # of those, pages rendered
    unchanged: bool = False  # nothing to do: the output was left as it was
    translations_changed: bool = True  # which pages exist, or are outdated, may have changed
    peak_rss_kb: int = 0  # the largest peak memory of the worker processes that built it
    unfinished: bool = False  # not built: only the TODOs of 'build.py new' are left to fill

    @property
    def ok(self) -> bool:
        return not self.errors


class _Trash:
    """Deletes replaced outputs in threads: on a file system that deletes slowly (thousands
    of folders), the manifest and the next missions need not wait for it."""

    def __init__(self) -> None:
        self.threads: list[threading.Thread] = []

    def remove(self, path: Path) -> None:
        thread = threading.Thread(target=discard, args=(path,), name=f"discard {path.name}")
        thread.start()
        self.threads.append(thread)

    def wait(self) -> None:
        while self.threads:
            self.threads.pop().join()


@dataclass
class _Pending:
    report: MissionReport
    staging: Path
    plan: MissionPlan
    trash: _Trash  # the build's: deletes what the mission's output replaced
    results: dict[str, TaskResult] = field(default_factory=dict)  # per language, merged
    running: int = 0  # its tasks not finished yet
    reads: ReadCache | None = None  # what its workers read, kept in reads_file once done
    reads_file: Path | None = None
    mission_dir: Path | None = None


def build_missions(
    content_dir: Path,
    out_dir: Path,
    missions: list[str] | None = None,
    jobs: int | None = None,
    strict: bool = False,
    engine: str = ENGINE,
    progress: Callable[[str], None] = print,
    cache_dir: Path | None = None,
    force: bool = False,
    now: datetime | None = None,
    executor: Callable[[int], Executor] = ProcessPoolExecutor,
    planner: type[Planner] = Planner,
) -> list[MissionReport]:
    """Build the chosen missions (default: all); return one report per mission.

    With ``cache_dir``, unchanged missions and languages are not built again (``force``
    builds everything and records the new state); without it, everything is built.
    ``now`` is the build's clock (default: :func:`chancery.core.clock.now`); every worker
    gets it in its render request. ``executor`` makes the pool of that many workers the
    tasks run in (their own processes by default); ``planner`` is the kind of
    :class:`~chancery.pipeline.plan.Planner` that plans each mission.
    """
    moment = clock_now() if now is None else now
    content_dir, out_dir = Path(content_dir).resolve(), Path(out_dir).resolve()
    network, failures = load_network_tolerant(content_dir, missions)
    reports: dict[str, MissionReport] = {}
    for mission_id, problems in failures.items():
        errors, warnings = problem_lines(problems)
        reports[mission_id] = MissionReport(mission_id, [], errors=errors, warnings=warnings,
                                            unfinished=unfinished(problems))
    out_dir.mkdir(parents=True, exist_ok=True)
    for mission_id in resume(out_dir):
        progress(f"… {mission_id}: finished the update an interrupted build left journaled")
    store = StateStore(cache_dir, out_dir) if cache_dir is not None else None
    hashes = ReadCache.load(store.files if store else None)  # the planner's, this build's
    planning = planner(content_dir, out_dir, store, hashes,
                       _code_key(hashes, engine, strict) if store else "", moment, force)
    planning.partial = not strict  # a strict build checks every page's links
    # Planned one by one: the workers build the first missions while the next are planned.
    plans = (planning.plan(network, entry) for entry in network.missions.values())
    trash = _Trash()
    try:
        _build(plans, content_dir, out_dir, jobs, strict, engine, store, hashes, progress,
               reports, moment, executor, trash)
    finally:
        if store is not None:
            hashes.save(store.files, facts=False)  # front matter goes to each mission's file
        trash.wait()
    return [reports[key] for key in sorted(reports)]


def _code_key(hashes: ReadCache, engine: str, strict: bool) -> str:
    """The code key, with the folder of another site configuration if one is chosen."""
    config = chosen_config()
    folder = Path(config).resolve().parent if config else PROJECT_ROOT
    folders = [] if folder == PROJECT_ROOT else [folder]  # the project's own is hashed anyway
    return code_key(hashes, [engine, f"strict={strict}", f"config={config}"], folders=folders)


def _unchanged(plan: MissionPlan, progress: Callable[[str], None]) -> MissionReport:
    report = MissionReport(plan.mission, plan.languages, unchanged=True,
                           translations_changed=plan.translations_changed)
    for lang, state in plan.reuse.items():
        report.pages += state.pages
        report.warnings += state.content_warning_lines + [f"[{lang}] {w}"
                                                          for w in state.warning_lines]
    report.warnings = list(dict.fromkeys(report.warnings))
    progress(f"= {plan.mission}: unchanged, {report.pages} pages")
    return report


def _build(plans: Iterable[MissionPlan], content_dir: Path, out_dir: Path, jobs: int | None,
           strict: bool, engine: str, store: StateStore | None, hashes: ReadCache,
           progress: Callable[[str], None], reports: dict[str, MissionReport],
           now: datetime, executor: Callable[[int], Executor], trash: _Trash) -> None:
    """Start each mission's tasks as soon as it is planned: render its languages (the long
    tasks), check them meanwhile, index each as soon as it is rendered; finish a mission
    when its last task is done. The pool starts with the first mission to build. The index
    tasks share a folder of the theme's and search's compressed copies, removed at the end
    (see :class:`chancery.pipeline.precompress.CompressionMemo`)."""
    pending: dict[str, _Pending] = {}
    futures: dict[Future, tuple[str, str, str]] = {}
    pool: Executor | None = None
    copies = tempfile.TemporaryDirectory(prefix="chancery-copies-")

    def submit(kind: str, state: _Pending, lang: str, task: Callable, *args: object,
               **options: object) -> None:
        assert pool is not None
        futures[pool.submit(task, *args, **options)] = (kind, state.plan.mission, lang)
        state.running += 1

    def collect(done: Iterable[Future]) -> None:
        for future in done:
            kind, mission_id, lang = futures.pop(future)
            state = pending[mission_id]
            state.running -= 1
            result = future.result()
            state.results.setdefault(lang, TaskResult()).merge(result)
            if state.reads is not None:
                state.reads.absorb(result.learnt)
            if kind == "render" and not result.errors:
                live = out_dir / mission_id
                in_place = (sorted(previous_output(live, lang, state.plan.languages)[1])
                            if state.plan.in_place else None)
                submit("index", state, lang, index_search, mission_id, lang,
                       str(language_root(state.staging, lang)),
                       str(site_dir(state.staging, lang, state.plan.languages)),
                       _previous_shards(state.plan, lang), str(live), in_place=in_place,
                       copies=copies.name)
            if not state.running:
                _finish(state, out_dir, store, progress)

    try:
        for plan in plans:
            if plan.unchanged:
                reports[plan.mission] = _unchanged(plan, progress)
                if plan.record and store is not None:
                    store.save(plan.mission, plan.state)
                continue
            if pool is None:
                engine_function(engine)  # imported once here: the forked workers inherit it
                pool = executor(jobs or os.cpu_count() or 1)
            state = _start(plan, out_dir, reports, trash)
            pending[plan.mission] = state
            first = not _has_reads(store, plan.mission)
            if first:  # its workers would otherwise parse every post the planner just did
                _seed_reads(state, store, hashes, content_dir)
            for kind, lang, task, args, options in _tasks(state, content_dir, out_dir, strict,
                                                           engine, store, now):
                submit(kind, state, lang, task, *args, **options)
            if not first:  # the few files the planner read anew: kept while the workers work
                _seed_reads(state, store, hashes, content_dir)
            if not plan.in_place:
                _reuse(state, out_dir / plan.mission)
            collect([future for future in futures if future.done()])
        while futures:
            done, _ = wait(futures, return_when=FIRST_COMPLETED)
            collect(done)
    finally:
        if pool is not None:
            pool.shutdown()
        copies.cleanup()
        for state in pending.values():
            if state.running:  # left unfinished by an error in the parent
                discard(state.staging)


def _start(plan: MissionPlan, out_dir: Path, reports: dict[str, MissionReport],
           trash: _Trash) -> _Pending:
    """The report and staging folder of a mission about to be built."""
    report = MissionReport(plan.mission, plan.languages, built=list(plan.build),
                           partial=dict(plan.partial),
                           translations_changed=plan.translations_changed)
    reports[plan.mission] = report
    return _Pending(report, staging_root(out_dir, plan.mission), plan, trash)


def _tasks(state: _Pending, content_dir: Path, out_dir: Path, strict: bool, engine: str,
           store: StateStore | None, now: datetime
           ) -> list[tuple[str, str, Callable, tuple, dict]]:
    """A mission's render tasks (the long ones, first), then its check tasks."""
    plan = state.plan
    renders, checks = [], []
    for lang in plan.build:
        options: dict = {}
        only = plan.partial.get(lang)
        if only is not None and not plan.in_place:  # the staging gets the rest of the language
            source, skip = previous_output(out_dir / plan.mission, lang, plan.languages)
            options["previous"] = (str(source), sorted(skip))
        if store is not None:
            options["front_matter_cache"] = _front_matter_file(store, plan.mission)
        known = plan.state.languages.get(lang) if plan.state is not None else None
        request = RenderRequest(
            content_dir, plan.mission, lang, now,
            outdated=frozenset(known.outdated) if known is not None else None,
            only=frozenset(only) if only is not None else None,
            template_cache=store.templates if store is not None else None,
            image_cache=store.images if store is not None else None)
        renders.append(("render", lang, render_language,
                        (engine, request, str(site_dir(state.staging, lang, plan.languages)),
                         strict), options))
        checks.append(("check", lang, check_language, (str(content_dir), plan.mission, lang),
                       {"front_matter_cache": _front_matter_file(store, plan.mission),
                        "only": only, "now": now}))
    return renders + checks


def _seed_reads(state: _Pending, store: StateStore | None, hashes: ReadCache,
                content_dir: Path) -> None:
    """The mission's read cache (what its workers read last time), with the front matter
    the planner read for the translations' freshness, written at once, and again once the
    workers are done if they learnt more (:func:`_keep_reads`). Workers never write it.

    Before a mission's first build it is written before the workers start, so that they
    need not parse the front matter again; later, when the planner read only what changed,
    after they started (it takes a parse and a write of the whole file, which they need
    not wait for; a file replaced while a worker reads it is read whole, old or new)."""
    file = _front_matter_file(store, state.plan.mission)
    if file is None:
        return
    state.reads_file, state.mission_dir = Path(file), content_dir / state.plan.mission
    state.reads = ReadCache.load(state.reads_file)
    state.reads.absorb(hashes.learnt(state.mission_dir))
    hashes.forget(state.mission_dir)  # handed on: the planner needs it no more
    _keep_reads(state)


def _has_reads(store: StateStore | None, mission: str) -> bool:
    """Whether the mission's workers have a read cache from an earlier build."""
    file = _front_matter_file(store, mission)
    return file is not None and os.path.exists(file)


def _keep_reads(state: _Pending, done: bool = False) -> None:
    """Write the mission's read cache if it learnt something; ``done``: its tasks are, so
    it is no longer held in memory (a network's missions would add up)."""
    if state.reads is not None and state.reads_file is not None and state.reads.changed:
        state.reads.save(state.reads_file, under=state.mission_dir, digests=False)
    if done:
        state.reads = None


def _front_matter_file(store: StateStore | None, mission: str) -> str | None:
    """The read cache of the mission's workers, kept between runs (front matter of posts)."""
    return str(store.reads(mission)) if store is not None else None


def _previous_shards(plan: MissionPlan, lang: str) -> Shards:
    """The search shards of ``lang``'s last build (reused when their input is unchanged)."""
    last = plan.previous.languages.get(lang) if plan.previous is not None else None
    return last.search_shards if last is not None else {}


def _language_warnings(state: _Pending, lang: str) -> tuple[dict[str, list[str]],
                                                            dict[str, list[str]]]:
    """A built language's warnings by source path (see :func:`warnings_by_page`) and content
    warnings by file; of a language of which only some pages were rendered, those of the
    pages not rendered are as last built."""
    plan, result = state.plan, state.results[lang]
    paths = plan.state.languages[lang].files if plan.state is not None else {}
    warnings = warnings_by_page(result.warnings, _page_paths(paths))
    content = dict(result.content_warnings)
    if lang in plan.partial and plan.previous is not None:
        old = plan.previous.languages[lang]
        rendered, checked = set(plan.partial[lang]), set(result.checked or ())
        kept = {path: lines for path, lines in old.warnings.items() if path not in rendered}
        warnings = _union(kept, warnings)
        content = _union({file: lines for file, lines in old.content_warnings.items()
                          if file not in checked}, content)
    return warnings, content


def _union(old: dict[str, list[str]], new: dict[str, list[str]]) -> dict[str, list[str]]:
    merged = {key: list(lines) for key, lines in old.items()}
    for key, lines in new.items():
        merged[key] = list(dict.fromkeys(merged.get(key, []) + lines))
    return merged


def _page_paths(files: dict[str, str]) -> set[str]:
    """Source paths of a language's pages from its page files (see ``LanguageState.files``:
    ``<mission or _hq>/pages/<lang>/<path>`` and ``fallback/<path>``)."""
    return {rel.removeprefix(FALLBACK) if rel.startswith(FALLBACK) else rel.split("/", 3)[3]
            for rel in files if rel.endswith(".md")}


def _collect(state: _Pending) -> None:
    """Fold the languages' results (built or reused) into the mission's report."""
    report, plan = state.report, state.plan
    content_errors: dict[str, None] = {}
    content_warnings: dict[str, None] = {}
    for lang in report.languages:
        result = state.results.get(lang)
        if result is None:  # reused from the live site
            kept = plan.reuse[lang]
            pages, warnings = kept.pages, kept.warning_lines
            content, errors = kept.content_warning_lines, []
        else:
            by_page, by_file = _language_warnings(state, lang)
            pages = plan.previous.languages[lang].pages \
                if lang in plan.partial and plan.previous is not None else result.pages
            warnings = [line for lines in by_page.values() for line in lines] \
                if lang in plan.partial else result.warnings
            content = [line for lines in by_file.values() for line in lines]
            errors = result.content_errors
        report.pages += pages
        content_errors.update(dict.fromkeys(errors))
        content_warnings.update(dict.fromkeys(content))
        report.warnings += [f"[{lang}] {w}" for w in warnings]
        if result is not None and not result.content_errors:  # else the engine's follow
            report.errors += [f"[{lang}] {e}" for e in result.errors]
        report.peak_rss_kb = max(report.peak_rss_kb, result.peak_rss_kb if result else 0)
    report.errors = list(content_errors) + report.errors
    report.warnings = list(content_warnings) + report.warnings
    built = [r for r in state.results.values() if r.started is not None]
    if built:
        report.seconds = max(r.finished or 0.0 for r in built) - min(r.started or 0.0
                                                                     for r in built)


def _reuse(state: _Pending, live: Path) -> None:
    """Link the unchanged languages' files from the live site into the mission's staging."""
    plan = state.plan
    try:
        for lang in plan.reuse:
            reuse_language(live, state.staging, lang, plan.languages)
    except OSError as exc:
        state.report.errors.append(f"could not reuse the unchanged languages: {exc}")


def _finish(state: _Pending, out_dir: Path, store: StateStore | None,
            progress: Callable[[str], None]) -> None:
    """All languages of a mission are done: swap the result in, or discard it."""
    _keep_reads(state, done=True)  # what its workers read holds whatever the outcome
    _collect(state)
    report, plan = state.report, state.plan
    if report.errors:
        discard(state.staging)
        progress(
            f"✗ {report.mission}: build failed; {out_dir.name}/{report.mission}/ left as it was"
        )
        return
    live = out_dir / report.mission
    if plan.in_place:
        manifest = _apply_in_place(state, live, out_dir, store, progress)
    else:
        manifest = _swap(state, live, out_dir, store, progress)
    if manifest is None:
        return
    if store is not None and plan.state is not None:
        _record(state, manifest, live, store)
    reused = [lang for lang in report.languages if lang in plan.reuse]
    detail = f" (reused {', '.join(reused)})" if reused else ""
    progress(
        f"✓ {report.mission}: {report.pages} pages in {len(report.languages)} "
        f"language(s){detail}, {report.seconds:.1f} s"
    )


def _swap(state: _Pending, live: Path, out_dir: Path, store: StateStore | None,
          progress: Callable[[str], None]) -> dict | None:
    """Swap the assembled staging in for the live output; return the manifest."""
    report = state.report
    try:
        root = nest_languages(state.staging, report.languages)
        swap_in(root, live, state.trash.remove)
        return write_manifest(out_dir, report, store)
    except (OSError, SearchIndexError, KeyError) as exc:
        _could_not_finish(report, out_dir, store, progress, exc)
        return None
    finally:
        discard(state.staging)


def _apply_in_place(state: _Pending, live: Path, out_dir: Path, store: StateStore | None,
                    progress: Callable[[str], None]) -> dict | None:
    """Move the few files the build changed into the live output (see
    :mod:`chancery.pipeline.patch`); return the manifest."""
    report, plan = state.report, state.plan
    try:
        patch = prepare(state.staging, live, plan.build, report.languages)
        if not patch.empty:
            apply(patch)
    except OSError as exc:
        _could_not_finish(report, out_dir, store, progress, exc,
                          "the next build finishes or repairs it")
        return None
    state.trash.remove(state.staging)  # with the replaced search bundles
    build_id = None
    if store is not None and plan.previous is not None:
        known = store.output_digests(report.mission)
        if known and fingerprint_of(known) == plan.previous.output:  # checks them too
            update_digests(known, patch)
            build_id = digest_of(known)
            store.save_output_digests(report.mission, known)
    return write_manifest(out_dir, report, store, build_id=build_id)


def _could_not_finish(report: MissionReport, out_dir: Path, store: StateStore | None,
                      progress: Callable[[str], None], exc: Exception,
                      outcome: str = "left as it was") -> None:
    report.errors.append(f"could not finish {out_dir.name}/{report.mission}: {exc}")
    progress(f"✗ {report.mission}: {exc}; {out_dir.name}/{report.mission}/ {outcome}")
    if store is not None:
        store.forget(report.mission)  # the live output may be partly replaced


def _record(state: _Pending, manifest: dict, live: Path, store: StateStore) -> None:
    """Remember what this build was made of, for the next one."""
    mission_state = state.plan.state
    for lang, result in state.results.items():
        built = mission_state.languages[lang]
        built.warnings, built.content_warnings = _language_warnings(state, lang)
        built.pages = state.plan.previous.languages[lang].pages \
            if lang in state.plan.partial and state.plan.previous is not None else result.pages
        built.search_shards = result.search_shards
    for lang, kept in state.plan.reuse.items():
        mission_state.languages[lang] = replace(
            kept, freshness=mission_state.languages[lang].freshness)
    mission_state.build_id = manifest["build_id"]
    stamps = store.output_digests(state.report.mission)  # as write_manifest found them
    mission_state.output = fingerprint_of(stamps) or output_fingerprint(live)
    store.release(state.report.mission)
    store.save(state.report.mission, mission_state)


def write_manifest(out_dir: Path, report: MissionReport, store: StateStore | None = None,
                   build_id: str | None = None) -> dict:
    """Record what was built next to the site (not inside it): ``<out>/<id>.manifest.json``.

    With a ``store``, the files the last build hashed and this one kept (hard links) are
    not read again for the ``build_id`` (unless given: the caller kept the digests current).
    """
    if build_id is None:
        known = store.output_digests(report.mission) if store is not None else None
        build_id = tree_digest(out_dir / report.mission, known)
        if store is not None and known is not None:
            store.save_output_digests(report.mission, known)
    path = out_dir / f"{report.mission}.manifest.json"
    data = {
        "mission": report.mission,
        "build_id": build_id,
        "built_at": wall_now().isoformat(timespec="seconds"),
        "languages": report.languages,
        "pages": report.pages,
    }
    write_json_atomic(path, data, indent=2, end="\n")
    write_deploy_config(out_dir, report.mission)  # the hosts' security headers (not published)
    return data
