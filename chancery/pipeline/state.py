"""What the last successful build of each mission was made from, kept outside the output.

``<cache>/<hash of the output folder>/`` holds ``files.json`` (the planner's read cache,
see :mod:`chancery.core.incremental.reads`), ``front-matter/<id>.json`` (each mission's
workers' read cache) and ``missions/<id>.json``: the inputs' hashes, the build's clock
state, each language's key, pages, warnings (by source page) and search shards, the
manifest's ``build_id`` and a fingerprint of the output tree (paths, sizes, modification
times and inodes) that tells cheaply whether the published folder is still as built.
Every file is a cache file of :mod:`chancery.core.incremental.store`: one that cannot be
trusted reads as nothing recorded, and the mission is built again.
"""

from __future__ import annotations

import hashlib
import os
import re
from collections.abc import Collection
from dataclasses import asdict, dataclass, field
from pathlib import Path

from chancery.core.incremental import store
from chancery.pipeline.digest import KnownDigests, checked_lines, site_paths, stamp_line
from chancery.pipeline.search_index import ShardRecord

MISSION_KIND, MISSION_VERSION = "mission-state", 2
OUTPUTS_KIND, OUTPUTS_VERSION = "output-digests", 3
LANGUAGE_WIDE = ""  # the source path of warnings about no page in particular
_QUOTED = re.compile(r"'([^'\n]+)'")


@dataclass(frozen=True)
class Freshness:
    """Whether a translation shows the "may be out of date" notice, and what that depends on."""

    inputs: str  # its file's and its source's digests, its origin, its fallback
    outdated: bool | None  # None: unreadable (the build reports it)


@dataclass
class LanguageState:
    """One language as last built."""

    key: str
    pages: int = 0
    warnings: dict[str, list[str]] = field(default_factory=dict)  # source path -> warnings
    content_warnings: dict[str, list[str]] = field(default_factory=dict)  # file -> warnings
    search_shards: dict[str, ShardRecord] = field(default_factory=dict)  # by shard name
    freshness: dict[str, Freshness] = field(default_factory=dict)  # by page path
    scope: str = ""  # what every page shows besides its own text (see chancery.pipeline.keys)
    files: dict[str, str] = field(default_factory=dict)  # its page files' hashes

    @property
    def warning_lines(self) -> list[str]:
        return [line for lines in self.warnings.values() for line in lines]

    @property
    def content_warning_lines(self) -> list[str]:
        return [line for lines in self.content_warnings.values() for line in lines]

    @property
    def outdated(self) -> list[str]:
        """The paths of its outdated translations, sorted."""
        return sorted(path for path, fresh in self.freshness.items() if fresh.outdated)

    @classmethod
    def from_dict(cls, data: dict) -> LanguageState:
        data = dict(data)
        data["search_shards"] = {name: ShardRecord(**record)
                                 for name, record in data["search_shards"].items()}
        data["freshness"] = {path: Freshness(**record)
                             for path, record in data["freshness"].items()}
        return cls(**data)


def warnings_by_page(warnings: list[str], paths: Collection[str]) -> dict[str, list[str]]:
    """The engine's ``warnings`` by the source page each is about: the first of
    ``paths`` (a language's page paths) the message quotes, as MkDocs names the page it
    reports on first; :data:`LANGUAGE_WIDE` for the others. Done once, when a build
    records them, so that rendering some pages again replaces exactly theirs."""
    found: dict[str, list[str]] = {}
    for warning in warnings:
        page = next((quoted for quoted in _QUOTED.findall(warning) if quoted in paths),
                    LANGUAGE_WIDE)
        lines = found.setdefault(page, [])
        if warning not in lines:
            lines.append(warning)
    return found


@dataclass
class MissionState:
    """One mission as last built and swapped in."""

    digest: str  # every input file and the code key
    zone: str  # the mission's time zone (for date-times written without an offset)
    moments: list[str]  # date-times written in its inputs, UTC, sorted
    time: str  # TimeState.key() at the build's clock
    languages: dict[str, LanguageState]
    build_id: str = ""
    output: str = ""  # output_fingerprint() of <out>/<id>/ after the swap
    code: str = ""  # the code key (cached facts computed by older code are not reused)

    @classmethod
    def from_dict(cls, data: dict) -> MissionState:
        data = dict(data)
        data["languages"] = {k: LanguageState.from_dict(v) for k, v in data["languages"].items()}
        return cls(**data)


def output_fingerprint(root: Path) -> str:
    """Hash of every file's path, size, modification time and inode under ``root`` (the
    files :func:`chancery.pipeline.digest.tree_digest` covers)."""
    lines = []
    for rel, path in site_paths(root):  # every output file: one loop, no dict between
        try:
            stat = os.stat(path)
        except OSError:
            continue
        lines.append(stamp_line(rel, stat.st_size, stat.st_mtime_ns, stat.st_ino))
    return _hash_lines(lines)


def fingerprint_of(known: object) -> str | None:
    """:func:`output_fingerprint` from the digests ``tree_digest`` kept (the same walk, not
    done twice); ``None`` if ``known`` (e.g. read back from a damaged cache) is not of
    their shape. The change time is left out: see ``FileStamp.identity``."""
    lines = checked_lines(known)
    return None if lines is None else _hash_lines(lines)


def _hash_lines(lines: list[str]) -> str:
    if not lines:
        return ""
    lines.sort()
    return f"{len(lines)}:{hashlib.sha256(chr(10).join(lines).encode()).hexdigest()}"


class StateStore:
    """Mission states for one output folder."""

    def __init__(self, cache_dir: Path, out_dir: Path) -> None:
        tag = hashlib.sha256(str(Path(out_dir).resolve()).encode()).hexdigest()[:16]
        self.root = Path(cache_dir) / tag
        self.files = self.root / "files.json"
        self.templates = Path(cache_dir) / "templates"  # compiled templates, for every output
        self.images = Path(cache_dir) / "images"  # encoded pictures by content hash, for all
        self._digests: dict[str, KnownDigests] = {}  # output digests saved by this process

    def _path(self, mission: str) -> Path:
        return self.root / "missions" / f"{mission}.json"

    def reads(self, mission: str) -> Path:
        """The read cache of the mission's workers (see :mod:`chancery.pipeline.tasks`)."""
        return self.root / "front-matter" / f"{mission}.json"

    def load(self, mission: str) -> MissionState | None:
        data = store.read(self._path(mission), MISSION_KIND, MISSION_VERSION)
        try:
            return MissionState.from_dict(data) if isinstance(data, dict) else None
        except (ValueError, TypeError, KeyError, AttributeError):
            return None  # written by other code: nothing recorded

    def save(self, mission: str, state: MissionState) -> None:
        store.write(self._path(mission), MISSION_KIND, MISSION_VERSION, asdict(state))

    def _digests_path(self, mission: str) -> Path:
        return self.root / "outputs" / f"{mission}.json"

    def output_digests(self, mission: str) -> KnownDigests:
        """The digests of the mission's output files at its last build (see ``tree_digest``)."""
        if mission in self._digests:
            return self._digests[mission]
        data = store.read(self._digests_path(mission), OUTPUTS_KIND, OUTPUTS_VERSION)
        return data if isinstance(data, dict) else {}

    def save_output_digests(self, mission: str, digests: KnownDigests) -> None:
        self._digests[mission] = digests
        store.write(self._digests_path(mission), OUTPUTS_KIND, OUTPUTS_VERSION, digests,
                    separators=(",", ":"))

    def release(self, mission: str) -> None:
        """Stop holding the mission's output digests in memory (they are on disk)."""
        self._digests.pop(mission, None)

    def forget(self, mission: str) -> None:
        store.forget(self._path(mission))
