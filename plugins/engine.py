"""Run MkDocs for one mission in one language; the only module that calls MkDocs' build."""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass, field
from pathlib import Path

from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort, ConfigurationError, MkDocsException

from chancery.errors import ContentError

CONFIG_FILE = Path(__file__).resolve().parents[1] / "mkdocs.yml"


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
    config_file: Path = CONFIG_FILE,
) -> EngineResult:
    """Build ``mission`` in ``lang`` into ``site_dir``; report pages, warnings and errors."""
    os.environ.update(
        CHANCERY_CONTENT=str(content_dir), CHANCERY_MISSION=mission, CHANCERY_LANGUAGE=lang
    )
    result = EngineResult()
    collector = _Collect()
    logger = logging.getLogger("mkdocs")
    logger.addHandler(collector)
    try:
        config = load_config(str(config_file), site_dir=str(site_dir), strict=strict)
        config.plugins.on_startup(command="build", dirty=False)
        mkdocs_build(config)
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
        _clean(r.getMessage()) for r in collector.records if r.levelno == logging.WARNING
    ]
    return result


def _clean(message: str) -> str:
    return " ".join(message.split())


def serve_language(
    content_dir: Path,
    mission: str,
    lang: str,
    host: str,
    port: int,
    config_file: Path = CONFIG_FILE,
) -> None:
    """Live preview with MkDocs' development server (rebuilds on every save)."""
    from mkdocs.commands.serve import serve

    os.environ.update(
        CHANCERY_CONTENT=str(content_dir), CHANCERY_MISSION=mission, CHANCERY_LANGUAGE=lang
    )
    serve(config_file=str(config_file), dev_addr=f"{host}:{port}", livereload=True)
