"""What one engine run is asked to build: one mission in one language, at one moment."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path


@dataclass(frozen=True)
class RenderRequest:
    """Everything a build of one language needs besides the content itself.

    The pipeline's worker makes one per language (``serve`` makes one per rebuild) and
    hands it to the engine; nothing reaches the build through the environment.
    """

    content_dir: Path
    mission: str
    language: str
    now: datetime  # the build's clock: alerts, closures, scheduled and expired posts
    # This language's outdated pages, when the planner already worked them out (else
    # each page is read to tell).
    outdated: frozenset[str] | None = None
    only: frozenset[str] | None = None  # render just these pages (source paths)
    template_cache: Path | None = None  # compiled templates kept between runs
    image_cache: Path | None = None  # encoded pictures kept between runs
    serving: bool = False  # a live preview: problems are shown, not raised
