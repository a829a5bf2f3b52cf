"""The dated archive of every published release: ``<archive>/<mission>/<name>.tar.gz``.

Each archive holds ``chancery-release.json`` (mission, release, build id, build and
publish times, target) followed by the site's files under ``site/``, in a stable order
with stable timestamps. An archive is written before its release is uploaded, kept
aside as ``.<name>.tar.gz.pending`` and renamed into place once the release is live, so
the folder lists exactly the releases that went live. Archives are never pruned.
"""

from __future__ import annotations

import gzip
import io
import json
import os
import tarfile
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from chancery.core.atomic import atomic_output
from chancery.pipeline.digest import site_files
from chancery.publish.built import BuiltSite
from chancery.publish.errors import PublishError
from chancery.publish.releases import is_release_name, parse_release_name

ARCHIVE_ENV = "CHANCERY_ARCHIVE_DIR"
INFO_NAME = "chancery-release.json"
SUFFIX = ".tar.gz"


@dataclass(frozen=True)
class ArchivedRelease:
    """One archive file and what its ``chancery-release.json`` says."""

    path: Path
    info: dict

    @property
    def name(self) -> str:
        return self.path.name.removesuffix(SUFFIX)

    @property
    def build_id(self) -> str:
        return str(self.info.get("build_id", ""))


def default_archive_dir(project_root: Path) -> Path:
    """``$CHANCERY_ARCHIVE_DIR`` if set, else ``archive/`` in the project."""
    return Path(os.environ.get(ARCHIVE_ENV) or project_root / "archive")


def archive_file(archive_dir: Path, mission: str, name: str) -> Path:
    return Path(archive_dir) / mission / f"{name}{SUFFIX}"


def _epoch(iso: str) -> int:
    try:
        when = datetime.fromisoformat(iso.replace("Z", "+00:00"))
    except ValueError:
        return 0
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0, int(when.timestamp()))


def write_archive(site: BuiltSite, path: Path, name: str, target: str) -> Path:
    """Write ``site`` as release ``name`` to the archive file ``path`` (atomically)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    published = parse_release_name(name)
    info = {
        "mission": site.mission,
        "release": name,
        "build_id": site.build_id,
        "built_at": site.built_at,
        "published_at": published[0].isoformat() if published else None,
        "target": target,
        "languages": site.manifest.get("languages", []),
        "pages": site.manifest.get("pages"),
    }
    mtime = _epoch(site.built_at)
    with atomic_output(path) as raw, \
            gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0) as zipped, \
            tarfile.open(fileobj=zipped, mode="w", format=tarfile.PAX_FORMAT) as tar:
        data = json.dumps(info, indent=2, ensure_ascii=False).encode("utf-8") + b"\n"
        tar.addfile(_member(INFO_NAME, len(data), mtime), io.BytesIO(data))
        for rel in site_files(site.path):
            file = site.path / rel
            with file.open("rb") as handle:
                tar.addfile(_member(f"site/{rel}", file.stat().st_size, mtime), handle)
    return path


def pending_file(archive_dir: Path, mission: str, name: str) -> Path:
    """Where a release's archive waits until the release is live (then it is renamed)."""
    return Path(archive_dir) / mission / f".{name}{SUFFIX}.pending"


def clear_pending(archive_dir: Path, mission: str) -> None:
    """Remove archives left by publishes that never went live."""
    folder = Path(archive_dir) / mission
    if folder.is_dir():
        for leftover in folder.glob(".*.pending"):
            leftover.unlink(missing_ok=True)
        # half-written archives (chancery.core.atomic's temporary names; .partial before it)
        for pattern in (".*.tmp", ".*.partial"):
            for leftover in folder.glob(pattern):
                leftover.unlink(missing_ok=True)


def _member(name: str, size: int, mtime: int) -> tarfile.TarInfo:
    member = tarfile.TarInfo(name)
    member.size, member.mtime, member.mode = size, mtime, 0o644
    member.uid = member.gid = 0
    member.uname = member.gname = ""
    return member


def read_info(path: Path) -> dict:
    """The ``chancery-release.json`` of an archive (its first member)."""
    try:
        with tarfile.open(path, "r:gz") as tar:
            member = tar.next()
            if member is None or member.name != INFO_NAME:
                raise PublishError(f"{path}: not a Chancery release archive")
            handle = tar.extractfile(member)
            return json.loads(handle.read()) if handle else {}
    except (OSError, tarfile.TarError, ValueError) as exc:
        raise PublishError(f"{path}: unreadable archive ({exc})") from None


def list_archives(archive_dir: Path, mission: str) -> list[ArchivedRelease]:
    """Every archived release of ``mission``, oldest first."""
    folder = Path(archive_dir) / mission
    if not folder.is_dir():
        return []
    files = sorted(p for p in folder.iterdir()
                   if p.name.endswith(SUFFIX) and is_release_name(p.name.removesuffix(SUFFIX)))
    return [ArchivedRelease(p, read_info(p)) for p in files]
