"""Where data files live and how they are read (a missing file is not an error)."""

from __future__ import annotations

import os
from pathlib import Path

from chancery.content.loaders.yaml_source import YamlSource, load_yaml_file
from chancery.content.model.network import MissionEntry, Network
from chancery.core.errors import display_path

DATA_DIR = "data"


def hq_data_path(network: Network, name: str) -> Path:
    """``content/_hq/data/<name>``: HQ defaults and HQ-wide data."""
    return network.hq_dir / DATA_DIR / name


def mission_data_path(entry: MissionEntry, name: str) -> Path:
    """``content/<id>/data/<name>``: one mission's data."""
    return entry.root / DATA_DIR / name


def read_optional(path: Path) -> YamlSource | None:
    """The parsed file, ``None`` if it does not exist; an empty file reads as ``{}``.

    Anything else at that path (a folder, a named pipe) is a :class:`ContentError`."""
    if not os.path.lexists(path):
        return None
    source = load_yaml_file(path, display_path(path))
    if source.data is None:
        source.data = {}
    return source
