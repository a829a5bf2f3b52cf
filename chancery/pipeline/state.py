"""What the last successful build of each mission was made from, kept outside the output.

``<cache>/<hash of the output folder>/`` holds ``files.json`` (file hashes, see
:mod:`chancery.pipeline.filehash`) and ``missions/<id>.json``: the inputs' hashes, the
build's clock state, each language's key, pages, warnings and search shards, the
manifest's ``build_id`` and a fingerprint of the output tree (paths, sizes, modification
times and inodes) that tells cheaply whether the published folder is still as built.
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import asdict, dataclass, field
from pathlib import Path

from chancery.core.atomic import write_json_atomic
from chancery.pipeline.digest import site_paths

_VERSION = 1


@dataclass
class LanguageState:
    """One language as last built."""

    key: str
    pages: int = 0
    warnings: list[str] = field(default_factory=list)
    content_warnings: list[str] = field(default_factory=list)
    search_shards: dict[str, list[str]] = field(default_factory=dict)  # name -> [input, bundle]
    freshness: dict[str, list] = field(default_factory=dict)  # path -> [inputs, outdated?]
    scope: str = ""  # what every page shows besides its own text (see chancery.pipeline.keys)
    files: dict[str, str] = field(default_factory=dict)  # its page files' hashes


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
        data["languages"] = {k: LanguageState(**v) for k, v in data["languages"].items()}
        return cls(**data)


def output_fingerprint(root: Path) -> str:
    """Hash of every file's path, size, modification time and inode under ``root`` (the
    files :func:`chancery.pipeline.digest.tree_digest` covers)."""
    lines = []
    for rel, path in site_paths(root):
        try:
            stat = os.stat(path)
        except OSError:
            continue
        lines.append(f"{rel}\0{stat.st_size}\0{stat.st_mtime_ns}\0{stat.st_ino}")
    return _fingerprint(lines)


def fingerprint_of(stamps: dict[str, list]) -> str:
    """:func:`output_fingerprint` from the stamps ``tree_digest`` found: ``{path: [inode,
    size, mtime_ns, ...]}`` (the same walk, not done twice)."""
    return _fingerprint([f"{rel}\0{size}\0{mtime}\0{inode}"
                         for rel, (inode, size, mtime, *_) in stamps.items()])


def _fingerprint(lines: list[str]) -> str:
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
        self._digests: dict[str, dict[str, list]] = {}  # output digests saved by this process

    def _path(self, mission: str) -> Path:
        return self.root / "missions" / f"{mission}.json"

    def load(self, mission: str) -> MissionState | None:
        try:
            data = json.loads(self._path(mission).read_text(encoding="utf-8"))
            if data.pop("version", None) != _VERSION:
                return None
            return MissionState.from_dict(data)
        except (OSError, ValueError, TypeError, KeyError):
            return None

    def save(self, mission: str, state: MissionState) -> None:
        write_json_atomic(self._path(mission), {"version": _VERSION, **asdict(state)}, mkdir=True)

    def _digests_path(self, mission: str) -> Path:
        return self.root / "outputs" / f"{mission}.json"

    def output_digests(self, mission: str) -> dict[str, list]:
        """The digests of the mission's output files at its last build (see ``tree_digest``)."""
        if mission in self._digests:
            return self._digests[mission]
        try:
            data = json.loads(self._digests_path(mission).read_text(encoding="utf-8"))
            return data if isinstance(data, dict) else {}
        except (OSError, ValueError):
            return {}

    def save_output_digests(self, mission: str, digests: dict[str, list]) -> None:
        self._digests[mission] = digests
        write_json_atomic(self._digests_path(mission), digests, mkdir=True,
                          separators=(",", ":"))

    def release(self, mission: str) -> None:
        """Stop holding the mission's output digests in memory (they are on disk)."""
        self._digests.pop(mission, None)

    def forget(self, mission: str) -> None:
        self._path(mission).unlink(missing_ok=True)
