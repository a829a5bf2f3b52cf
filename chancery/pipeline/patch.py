"""Bring a few rebuilt pages into the live output in place, instead of swapping a whole copy.

When a mission's languages were either unchanged or had only a few pages rendered again
(see :mod:`chancery.pipeline.plan`), copying the whole site (thousands of hard links and
folders) to swap it in would cost more than the build itself. The staging folder then
holds only what those languages wrote, laid out as in the site (see
:mod:`chancery.pipeline.staging`), and :func:`prepare` lists what differs from the live
output: files, and search bundles (replaced as whole folders).

:func:`apply` first writes that list to a journal in the staging folder, then moves each
entry into place with an atomic rename, so that a reader never sees a half-written file.
A build interrupted while applying (power cut, killed process) leaves the journal behind;
:func:`resume` finishes it before the next build plans anything. Nothing is applied
before every language of the mission succeeded: a failed build leaves the output as it was.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from pathlib import Path

from chancery.core.atomic import write_json_atomic
from chancery.pipeline.digest import KnownDigests, file_entry, site_paths
from chancery.pipeline.search_index import SEARCH_DIR
from chancery.pipeline.staging import STAGING_DIR, discard, language_root

JOURNAL = "journal.json"


@dataclass
class Patch:
    """What to move from a staging folder into the live output of a mission."""

    staging: Path
    live: Path
    files: list[tuple[str, str]] = field(default_factory=list)  # (staged file, live path)
    folders: list[tuple[str, str]] = field(default_factory=list)  # search bundles

    @property
    def empty(self) -> bool:
        return not self.files and not self.folders


def prepare(staging: Path, live: Path, built: list[str], languages: list[str]) -> Patch:
    """What the languages ``built`` under ``staging`` change in ``live``.

    As :func:`chancery.pipeline.staging.nest_languages` does, only the default language's folder and
    the other languages' own subfolder and search index count. Files the same as in the live
    output are left out; a rebuilt search bundle replaces its live folder as a whole.
    """
    patch = Patch(staging, live)
    for lang in built:
        root = language_root(staging, lang)
        search = root / SEARCH_DIR / lang
        if search.is_dir():
            for bundle in sorted(p for p in search.iterdir() if p.is_dir()):
                rel = bundle.relative_to(root).as_posix()
                if _same_bundle(bundle, live / rel):
                    continue
                patch.folders.append((str(bundle), rel))
        tops = None if lang == languages[0] else {lang, SEARCH_DIR}
        for rel, path in site_paths(root):
            top = rel.split("/", 1)[0]
            if tops is not None and top not in tops:
                continue
            if rel.startswith(f"{SEARCH_DIR}/") and rel.count("/") > 2:
                continue  # inside a bundle: moved with it
            if not _same(path, live / rel):
                patch.files.append((path, rel))
    _link_twins(patch)
    return patch


def _same_bundle(staged: Path, live: Path) -> bool:
    """Whether a bundle is file for file the live one (e.g. linked there, not indexed)."""
    ours, theirs = site_paths(staged), site_paths(live)
    return [rel for rel, _ in ours] == [rel for rel, _ in theirs] and all(
        _same(path, Path(other)) for (_, path), (_, other) in zip(ours, theirs, strict=True))


def _link_twins(patch: Patch) -> None:
    """Hard-link the files every search bundle has (scripts, styles, WebAssembly) in the new
    bundles to those of a live bundle that stays, as a full build links them."""
    replaced = {rel for _, rel in patch.folders}
    kept = [bundle for bundle in sorted((patch.live / SEARCH_DIR).glob("*/*/"))
            if bundle.relative_to(patch.live).as_posix() not in replaced]
    if not kept:
        return
    for staged, _ in patch.folders:
        for file in Path(staged).iterdir():
            twin = kept[0] / file.name
            if file.is_file() and twin.is_file() and _same(str(file), twin):
                spare = file.with_name(file.name + ".link")
                os.link(twin, spare)
                spare.replace(file)


def _same(staged: str, live: Path) -> bool:
    try:
        if os.path.samefile(staged, live):
            return True
        if os.path.getsize(staged) != live.stat().st_size:
            return False
        with open(staged, "rb") as new, open(live, "rb") as old:
            return new.read() == old.read()
    except OSError:
        return False


def apply(patch: Patch) -> None:
    """Journal the patch in its staging folder, then move every entry into place."""
    write_json_atomic(patch.staging / JOURNAL, {"live": str(patch.live), "files": patch.files,
                                                "folders": patch.folders})
    _run(patch)


def _run(patch: Patch) -> None:
    """Move what is still staged into place (a second run finishes an interrupted one)."""
    replaced = patch.staging / "replaced"
    for number, (staged, rel) in enumerate(patch.folders):
        target = patch.live / rel
        if not os.path.isdir(staged):
            continue  # already moved
        if target.exists():
            replaced.mkdir(exist_ok=True)
            target.rename(replaced / str(number))
        target.parent.mkdir(parents=True, exist_ok=True)
        os.rename(staged, target)
    for staged, rel in patch.files:
        if os.path.exists(staged):
            target = patch.live / rel
            target.parent.mkdir(parents=True, exist_ok=True)
            os.replace(staged, target)  # atomic on one file system


def update_digests(known: KnownDigests, patch: Patch) -> None:
    """Bring the live output's file digests (see ``tree_digest``) up to date with ``patch``."""
    for _, rel in patch.folders:
        for old in [path for path in known if path.startswith(rel + "/")]:
            del known[old]
        for inner, path in site_paths(patch.live / rel):
            known[f"{rel}/{inner}"] = file_entry(path)
    for _, rel in patch.files:
        known[rel] = file_entry(str(patch.live / rel))


def resume(out_dir: Path) -> list[str]:
    """Finish the patches that an interrupted build left journaled under ``out_dir``;
    return the missions' folders they were for."""
    finished = []
    area = out_dir / STAGING_DIR
    for journal in sorted(area.glob(f"*/{JOURNAL}")) if area.is_dir() else []:
        try:
            data = json.loads(journal.read_text(encoding="utf-8"))
            patch = Patch(journal.parent, Path(data["live"]),
                          [tuple(item) for item in data["files"]],
                          [tuple(item) for item in data["folders"]])
        except (OSError, ValueError, KeyError, TypeError):
            continue  # unreadable: the mission is not "intact" and will be built again
        _run(patch)
        discard(journal.parent)
        finished.append(patch.live.name)
    return finished
