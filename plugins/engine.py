"""Run MkDocs for one mission in one language; the only module that calls MkDocs' build."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort, ConfigurationError, MkDocsException

from chancery.checks.preview import PreviewTarget
from chancery.core.engine import site_config_file
from chancery.core.errors import ContentError, Problem
from chancery.core.incremental.reads import ReadCache
from chancery.site.assemble import InvalidData, assemble, release
from chancery.site.request import RenderRequest
from chancery_plugins.notices import DUPLICATES
from chancery_plugins.site.partial import DIRTY_WARNING
from chancery_plugins.site.plugin import feature_options


@dataclass
class EngineResult:
    pages: int = 0
    warnings: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)  # the checks of the typed data

    @property
    def ok(self) -> bool:
        return not self.errors and not any(p.is_error for p in self.problems)


class _Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


def build_language(request: RenderRequest, site_dir: Path, *, strict: bool = False,
                   config_file: Path | None = None,
                   reads: ReadCache | None = None) -> EngineResult:
    """Build ``request``'s mission in its language into ``site_dir``; report pages, warnings,
    errors and what the checks of the mission's typed data found (``problems``; with an
    error among them, nothing is built).

    With ``request.only`` (source paths of pages), render just those pages: the caller
    completes ``site_dir`` with the other files of the previous build (see
    ``chancery_plugins.site.partial``).
    """
    result = EngineResult()
    collector = _Collect()
    logger = logging.getLogger("mkdocs")
    logger.addHandler(collector)
    site = None
    try:
        config = load_config(str(config_file or site_config_file()), site_dir=str(site_dir),
                             strict=strict)
        site = assemble(request, feature_options(config), reads)
        config.plugins["chancery/site"].site = site
        config.plugins.on_startup(command="build", dirty=request.only is not None)
        mkdocs_build(config, dirty=request.only is not None)
        result.pages = config.plugins["chancery/site"].pages_written
        result.problems = list(site.problems)
        config.plugins.on_shutdown()
    except InvalidData as exc:
        result.problems = list(exc.problems)
    except ContentError as exc:
        result.errors = [str(p) for p in exc.problems]
    except (Abort, ConfigurationError, MkDocsException) as exc:
        result.errors = [
            _clean(r.getMessage()) for r in collector.records if r.levelno >= logging.ERROR
        ] or [str(exc)]
        if strict:
            result.errors += [
                _clean(r.getMessage()) for r in collector.records if r.levelno == logging.WARNING
            ]
    finally:
        logger.removeHandler(collector)
        if site is not None:
            release(site)
    result.warnings = [
        _clean(r.getMessage()) for r in collector.records
        if r.levelno == logging.WARNING and not r.getMessage().startswith(DIRTY_WARNING)
        and not DUPLICATES.match(r.getMessage())
    ]
    return result


def _clean(message: str) -> str:
    return " ".join(message.split())


def serve_language(target: PreviewTarget, host: str, port: int,
                   report: Callable[[list[Problem], float, bool], None],
                   config_file: Path | None = None) -> None:
    """Live preview that rebuilds on every save and never stops answering (see ``preview``).

    Raises ``OSError`` at once if ``host:port`` cannot be taken.
    """
    from chancery_plugins.preview import serve

    serve(target, host, port, (config_file or site_config_file()).resolve(), report)
