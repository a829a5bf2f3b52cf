"""A mission's finished build: ``<out>/<id>/`` plus ``<out>/<id>.manifest.json``, verified."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from chancery.core.errors import display_path
from chancery.pipeline.digest import tree_digest
from chancery.publish.errors import PublishError
from chancery.publish.releases import SHORT_ID


@dataclass(frozen=True)
class BuiltSite:
    """A verified build of one mission, ready to publish."""

    mission: str
    path: Path
    manifest: dict

    @property
    def build_id(self) -> str:
        return self.manifest["build_id"]

    @property
    def built_at(self) -> str:
        return str(self.manifest.get("built_at", ""))

    @property
    def short_id(self) -> str:
        return self.build_id[:SHORT_ID]


def manifest_path(out: Path, mission: str) -> Path:
    return Path(out) / f"{mission}.manifest.json"


def load_built_site(out: Path, mission: str) -> BuiltSite:
    """Read and verify a mission's build; refuse anything incomplete or changed since.

    A failed build leaves no new directory and no new manifest, so this refuses it;
    a build whose files no longer hash to the manifest's ``build_id`` is refused too.
    """
    site = Path(out) / mission
    manifest_file = manifest_path(out, mission)
    rebuild = f"build it with: python3 build.py build --mission {mission}"
    if not site.is_dir() or not manifest_file.is_file():
        missing = display_path(site if not site.is_dir() else manifest_file)
        raise PublishError(f"{missing}: not found, so there is no finished build of {mission} to "
                           f"publish (a failed build publishes nothing); {rebuild}")
    try:
        manifest = json.loads(manifest_file.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise PublishError(f"{display_path(manifest_file)}: unreadable manifest ({exc}); "
                           f"{rebuild}") from None
    build_id = manifest.get("build_id") if isinstance(manifest, dict) else None
    if not isinstance(build_id, str) or len(build_id) != 64:
        raise PublishError(f"{display_path(manifest_file)}: no valid build_id; {rebuild}")
    if manifest.get("mission") != mission:
        raise PublishError(f"{display_path(manifest_file)}: is for mission "
                           f"'{manifest.get('mission')}', not '{mission}'; {rebuild}")
    actual = tree_digest(site)
    if actual != build_id:
        raise PublishError(f"{display_path(site)}: its files do not match the build_id in "
                           f"{display_path(manifest_file)} ({build_id[:SHORT_ID]}… expected, "
                           f"{actual[:SHORT_ID]}… found), so it changed after the build or the "
                           f"build did not finish; {rebuild}")
    return BuiltSite(mission, site, manifest)
