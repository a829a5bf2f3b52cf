"""Assemble a mission's language builds and swap them in only when all succeeded."""

from __future__ import annotations

import os
import shutil
import uuid
from pathlib import Path

STAGING_DIR = ".staging"


def staging_root(out_dir: Path, mission: str) -> Path:
    """A fresh private folder on the same file system as ``out_dir`` (so renames are atomic)."""
    root = out_dir / STAGING_DIR / f"{mission}-{uuid.uuid4().hex[:10]}"
    root.mkdir(parents=True)
    return root


def assemble(staging: Path, languages: list[str]) -> Path:
    """Nest the non-default languages under the default one: ``vi/`` + ``fr/`` -> ``/``, ``/fr/``.

    Files identical to the default language's (theme assets) are hard-linked to save space.
    """
    default, others = languages[0], languages[1:]
    root = staging / default
    for lang in others:
        target = root / lang
        if target.exists():
            raise FileExistsError(f"the default language has a folder named '{lang}'")
        (staging / lang).rename(target)
        _link_duplicates(root, target)
    return root


def _link_duplicates(root: Path, lang_root: Path) -> None:
    assets = lang_root / "assets"
    if not assets.is_dir():
        return
    for file in assets.rglob("*"):
        if not file.is_file():
            continue
        twin = root / file.relative_to(lang_root)
        try:
            if (
                twin.is_file()
                and twin.stat().st_size == file.stat().st_size
                and twin.read_bytes() == file.read_bytes()
            ):
                file.unlink()
                os.link(twin, file)
        except OSError:
            continue


def swap_in(new_root: Path, live: Path) -> None:
    """Replace ``live`` with ``new_root``; the old output is removed only after the switch."""
    trash = live.parent / STAGING_DIR / f"old-{live.name}-{uuid.uuid4().hex[:10]}"
    if live.exists():
        live.rename(trash)
    new_root.rename(live)
    if trash.exists():
        shutil.rmtree(trash, ignore_errors=True)


def discard(staging: Path) -> None:
    shutil.rmtree(staging, ignore_errors=True)
    parent = staging.parent
    if parent.name == STAGING_DIR and parent.is_dir() and not any(parent.iterdir()):
        parent.rmdir()
