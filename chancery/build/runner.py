"""Build many missions in parallel worker processes, one process per language build.

A mission's languages are built into a private staging folder; only when every
language succeeded is the result swapped in for ``<out>/<mission>/``. A failed
mission leaves its previous output untouched and never stops the others.
"""

from __future__ import annotations

import json
import os
import time
import traceback
from collections.abc import Callable
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from dataclasses import dataclass, field
from datetime import UTC, datetime
from importlib import import_module
from pathlib import Path

from chancery.build.search_index import SearchIndexError, index_site
from chancery.build.staging import assemble, discard, staging_root, swap_in
from chancery.check import check_mission
from chancery.engine import ENGINE_MODULE
from chancery.errors import ContentError, Problem
from chancery.model.network import load_network_tolerant, load_one

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

    @property
    def ok(self) -> bool:
        return not self.errors


@dataclass
class _Pending:
    report: MissionReport
    staging: Path
    results: dict[str, dict] = field(default_factory=dict)


def _engine(path: str) -> Callable:
    module, name = path.split(":")
    return getattr(import_module(module), name)


def _run_language(
    engine: str, content: str, mission: str, lang: str, site_dir: str, strict: bool
) -> dict:
    """Worker: check then build one language; never raises, returns a plain dict."""
    started = time.time()
    out: dict = {"pages": 0, "warnings": [], "errors": [], "content_errors": [],
                 "content_warnings": []}
    try:
        try:
            network = load_one(Path(content), mission)
            problems = check_mission(network, network.missions[mission], [lang])
        except ContentError as exc:
            problems = exc.problems
        out["content_errors"], out["content_warnings"] = _problem_lines(problems)
        if not out["content_errors"]:
            result = _engine(engine)(Path(content), mission, lang, Path(site_dir), strict=strict)
            out.update(pages=result.pages, warnings=result.warnings, errors=result.errors)
    except Exception as exc:  # a bug must not take the other missions down
        out["errors"] = [f"internal error while building {mission}/{lang}: "
                         f"{type(exc).__name__}: {exc}"]
        out["traceback"] = traceback.format_exc()
    out["started"], out["finished"] = started, time.time()
    return out


def _problem_lines(problems: list[Problem]) -> tuple[list[str], list[str]]:
    errors = [str(p) for p in problems if p.is_error]
    warnings = [str(p) for p in problems if not p.is_error]
    return errors, warnings


def build_missions(
    content_dir: Path,
    out_dir: Path,
    missions: list[str] | None = None,
    jobs: int | None = None,
    strict: bool = False,
    engine: str = ENGINE,
    progress: Callable[[str], None] = print,
) -> list[MissionReport]:
    """Build the chosen missions (default: all); return one report per mission."""
    content_dir, out_dir = Path(content_dir).resolve(), Path(out_dir).resolve()
    network, failures = load_network_tolerant(content_dir, missions)
    reports: dict[str, MissionReport] = {}
    for mission_id, problems in failures.items():
        errors, warnings = _problem_lines(problems)
        reports[mission_id] = MissionReport(mission_id, [], errors=errors, warnings=warnings)
    out_dir.mkdir(parents=True, exist_ok=True)
    pending: dict[str, _Pending] = {}
    jobs = jobs or os.cpu_count() or 1
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        futures: dict[Future, tuple[str, str]] = {}
        for mission_id, entry in network.missions.items():
            languages = entry.mission.languages
            report = MissionReport(mission_id, languages)
            reports[mission_id] = report
            staging = staging_root(out_dir, mission_id)
            pending[mission_id] = _Pending(report, staging)
            for lang in languages:
                future = pool.submit(
                    _run_language,
                    engine,
                    str(content_dir),
                    mission_id,
                    lang,
                    str(staging / lang),
                    strict,
                )
                futures[future] = (mission_id, lang)
        while futures:
            done, _ = wait(futures, return_when=FIRST_COMPLETED)
            for future in done:
                mission_id, lang = futures.pop(future)
                state = pending[mission_id]
                state.results[lang] = future.result()
                if len(state.results) == len(state.report.languages):
                    _finish(state, out_dir, progress)
    return [reports[key] for key in sorted(reports)]


def _finish(state: _Pending, out_dir: Path, progress: Callable[[str], None]) -> None:
    """All languages of a mission are done: swap the result in, or discard it."""
    report = state.report
    # Content problems are found per language but some are shared: report each once.
    content_errors: dict[str, None] = {}
    content_warnings: dict[str, None] = {}
    for lang in report.languages:
        result = state.results[lang]
        report.pages += result["pages"]
        content_errors.update(dict.fromkeys(result["content_errors"]))
        content_warnings.update(dict.fromkeys(result["content_warnings"]))
        report.warnings += [f"[{lang}] {w}" for w in result["warnings"]]
        report.errors += [f"[{lang}] {e}" for e in result["errors"]]
    report.errors = list(content_errors) + report.errors
    report.warnings = list(content_warnings) + report.warnings
    report.seconds = max(r["finished"] for r in state.results.values()) - min(
        r["started"] for r in state.results.values())
    if report.errors:
        discard(state.staging)
        progress(
            f"✗ {report.mission}: build failed; {out_dir.name}/{report.mission}/ left as it was"
        )
        return
    try:
        root = assemble(state.staging, report.languages)
        index_site(root)
        swap_in(root, out_dir / report.mission)
        write_manifest(out_dir, report)
    except (OSError, SearchIndexError) as exc:
        report.errors.append(f"could not finish {out_dir.name}/{report.mission}: {exc}")
        progress(f"✗ {report.mission}: {exc}; {out_dir.name}/{report.mission}/ left as it was")
        return
    finally:
        discard(state.staging)
    progress(
        f"✓ {report.mission}: {report.pages} pages in {len(report.languages)} "
        f"language(s), {report.seconds:.1f} s"
    )


def write_manifest(out_dir: Path, report: MissionReport) -> Path:
    """Record what was built next to the site (not inside it): ``<out>/<id>.manifest.json``."""
    from chancery.publish.digest import tree_digest

    path = out_dir / f"{report.mission}.manifest.json"
    data = {
        "mission": report.mission,
        "build_id": tree_digest(out_dir / report.mission),
        "built_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "languages": report.languages,
        "pages": report.pages,
    }
    tmp = path.with_suffix(".json.tmp")
    tmp.write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")
    tmp.replace(path)
    return path
