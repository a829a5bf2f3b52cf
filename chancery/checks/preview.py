"""What ``build.py serve`` previews and what it reports, engine-independent.

The engine's server asks a :class:`PreviewTarget`, before each rebuild, which language to
build and which problems ``check`` finds in the mission; it never lets one stop the server.
"""

from __future__ import annotations

import os
import traceback
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path

from chancery.core.errors import ContentError, Problem, display_path, msg

# Where the project's theme lives, relative to the site configuration's folder.
THEMES_DIR = "themes"


@dataclass(frozen=True)
class PreviewTarget:
    """One mission in one language (``lang=None``: the mission's default language)."""

    content_dir: Path
    mission: str
    lang: str | None = None
    now: datetime | None = None  # the build's clock; None: the clock of each rebuild

    def language(self) -> str:
        """The language to build; raises :class:`ContentError` if the mission cannot load."""
        if self.lang:
            return self.lang
        from chancery.content.model.network import load_one

        return load_one(self.content_dir, self.mission).missions[self.mission] \
            .mission.default_language

    def problems(self, now: datetime | None = None, data: bool = True) -> list[Problem]:
        """Everything ``check`` would report for this mission, errors and warnings, at the
        build's clock ``now`` (default: the target's); ``data=False`` leaves out the checks
        of the typed data (the preview's assembly runs them)."""
        from chancery.checks.content import check_mission
        from chancery.content.model.network import load_one

        try:
            network = load_one(self.content_dir, self.mission)
            return check_mission(network, network.missions[self.mission], now=now or self.now,
                                 data=data)
        except ContentError as exc:
            return list(exc.problems)

    def watched(self, config_file: Path) -> list[Path]:
        """Folders and files whose changes rebuild the preview: the mission, HQ, the theme."""
        content = Path(self.content_dir)
        mission = content / self.mission
        paths = [mission if mission.is_dir() else content, content / "_hq", config_file,
                 config_file.parent / THEMES_DIR]
        return [path for path in paths if path.exists()]


def content_problems(exc: BaseException) -> list[Problem] | None:
    """The problems an engine error carries, if it wraps a :class:`ContentError`."""
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        if isinstance(current, ContentError):
            return list(current.problems)
        seen.add(id(current))
        current = current.__cause__ or current.__context__
    return None


def unexpected(exc: BaseException) -> Problem:
    """An error that is not the content's fault, as one line naming where it happened."""
    frames = traceback.extract_tb(exc.__traceback__)
    where = next((f for f in reversed(frames) if f"{os.sep}site-packages{os.sep}" not in
                  f.filename), frames[-1] if frames else None)
    file = getattr(exc, "filename", None) or (where.filename if where else "build.py")
    line = getattr(exc, "lineno", None) or (where.lineno if where else 0) or 0
    message = " ".join(str(exc).split()) or type(exc).__name__
    return Problem(display_path(file), int(line), "",
                   msg("{kind}: {message}; the preview shows the site again once this is fixed",
                       kind=type(exc).__name__, message=message))


def merged(*groups: Iterable[Problem]) -> list[Problem]:
    """Problems of several sources, each once, errors first, then by file and line."""
    found = {replace(p, file=display_path(p.file)) for group in groups for p in group}
    return sorted(found, key=lambda p: (not p.is_error, p))
