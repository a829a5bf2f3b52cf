"""Where data files live and how they are read (a missing file is not an error; each is
parsed once per load of the network, see :mod:`chancery.content.loaders.parsed`)."""

from __future__ import annotations

from pathlib import Path

from chancery.content.loaders.yaml_source import YamlSource
from chancery.content.model.network import MissionEntry, Network

DATA_DIR = "data"


def hq_data_path(network: Network, name: str) -> Path:
    """``content/_hq/data/<name>``: HQ defaults and HQ-wide data."""
    return network.hq_dir / DATA_DIR / name


def mission_data_path(entry: MissionEntry, name: str) -> Path:
    """``content/<id>/data/<name>``: one mission's data."""
    return entry.root / DATA_DIR / name


def hq_data(network: Network, name: str) -> YamlSource | None:
    """HQ's data file ``name`` parsed (``None`` if absent), once per load of the network."""
    return network.parsed.optional(hq_data_path(network, name))


def mission_data(entry: MissionEntry, name: str) -> YamlSource | None:
    """The mission's data file ``name`` parsed (``None`` if absent), once per load of it."""
    return entry.parsed.optional(mission_data_path(entry, name))
