"""What every publisher does, whatever the method."""

from __future__ import annotations

import tempfile
from abc import ABC, abstractmethod
from collections.abc import Mapping
from pathlib import Path
from types import TracebackType

from chancery.publish.built import BuiltSite
from chancery.publish.releases import Release


class Publisher(ABC):
    """Publishes one mission's releases to its target; use it as a context manager.

    Entering reads credentials from the environment into a private temporary folder,
    which leaving deletes. A publish uploads the whole release where readers cannot see
    it, then makes it live in one atomic step; until that step the live site is unchanged.
    """

    method: str = ""

    def __init__(self, mission: str, env: Mapping[str, str] | None = None) -> None:
        self.mission = mission
        self.env = env
        self._tmp: tempfile.TemporaryDirectory | None = None

    @property
    def tmp(self) -> Path:
        assert self._tmp is not None, "use the publisher in a 'with' block"
        return Path(self._tmp.name)

    def __enter__(self) -> Publisher:
        self._tmp = tempfile.TemporaryDirectory(prefix="chancery-publish-")
        try:
            self.open()
        except BaseException:
            self._tmp.cleanup()
            raise
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        if self._tmp is not None:
            try:
                self.close()
            finally:
                self._tmp.cleanup()
            self._tmp = None

    def open(self) -> None:  # noqa: B027 - optional hook
        """Read credentials; raise :class:`PublishError` naming any missing variable."""

    def close(self) -> None:  # noqa: B027 - optional hook
        """Release connections; called before the temporary folder is deleted."""

    @abstractmethod
    def describe(self) -> str:
        """The target in words, e.g. ``ssh deploy@host:/srv/www/x``."""

    @property
    def keep(self) -> int | None:
        """How many releases the target keeps, ``None`` for all of them."""
        return None

    @abstractmethod
    def releases(self) -> list[Release]:
        """The complete releases on the target, oldest first, the live one flagged."""

    def live(self) -> Release | None:
        """The live release, if any."""
        return next((r for r in self.releases() if r.live), None)

    def kept(self, build_id: str) -> Release | None:
        """A complete release of the build ``build_id`` still kept on the target, if any."""
        return next((r for r in reversed(self.releases()) if r.matches_build(build_id)), None)

    @abstractmethod
    def publish(self, site: BuiltSite, name: str, archive: Path | None) -> None:
        """Upload ``site`` as release ``name`` (with its archive), then make it live."""

    @abstractmethod
    def activate(self, release: Release) -> None:
        """Make an already complete release live again (a rollback, or a re-publish)."""
