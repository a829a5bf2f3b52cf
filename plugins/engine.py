"""Run MkDocs for one mission in one language; the only module that calls MkDocs' build."""

from __future__ import annotations

import logging
import os
from collections.abc import Callable, Collection
from dataclasses import dataclass, field
from pathlib import Path

from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort, ConfigurationError, MkDocsException

from chancery.checks.preview import PreviewTarget
from chancery.core.engine import CONFIG_ENV
from chancery.core.errors import ContentError, Problem
from chancery_plugins.notices import DUPLICATES
from chancery_plugins.partial import DIRTY_WARNING, render_only

CONFIG_FILE = Path(__file__).resolve().parents[1] / "mkdocs.yml"


def configured_file() -> Path:
    """The site configuration: ``$CHANCERY_CONFIG`` if set, else the project's ``mkdocs.yml``."""
    return Path(os.environ.get(CONFIG_ENV) or CONFIG_FILE)


@dataclass
class EngineResult:
    pages: int = 0
    warnings: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors


class _Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


def build_language(
    content_dir: Path,
    mission: str,
    lang: str,
    site_dir: Path,
    *,
    strict: bool = False,
    config_file: Path | None = None,
    only: Collection[str] | None = None,
    outdated: Collection[str] | None = None,
) -> EngineResult:
    """Build ``mission`` in ``lang`` into ``site_dir``; report pages, warnings and errors.

    With ``only`` (source paths of pages), render just those pages: the caller completes
    ``site_dir`` with the other files of the previous build (see ``chancery_plugins.partial``).
    ``outdated`` (source paths), when the caller knows them, are this language's outdated
    translations: the pages are then not read again to tell.
    """
    os.environ.update(
        CHANCERY_CONTENT=str(content_dir), CHANCERY_MISSION=mission, CHANCERY_LANGUAGE=lang
    )
    result = EngineResult()
    collector = _Collect()
    logger = logging.getLogger("mkdocs")
    logger.addHandler(collector)
    try:
        config = load_config(str(config_file or configured_file()), site_dir=str(site_dir),
                             strict=strict)
        config.plugins["chancery/site"].known_outdated = (
            None if outdated is None else frozenset(outdated))
        config.plugins.on_startup(command="build", dirty=only is not None)
        if only is not None:
            render_only(config, only)
        mkdocs_build(config, dirty=only is not None)
        result.pages = config.plugins["chancery/site"].pages_written
        config.plugins.on_shutdown()
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

    serve(target, host, port, (config_file or configured_file()).resolve(), report)
