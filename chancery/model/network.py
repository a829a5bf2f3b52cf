"""The network: HQ settings plus every mission found under ``content/``."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from chancery.errors import ContentError, Problem, display_path
from chancery.loaders.yaml_source import YamlSource, load_yaml_file
from chancery.model.hq import HQ
from chancery.model.mission import Mission
from chancery.model.validation import missing_translations, validate

HQ_DIR = "_hq"
MISSION_FILE = "mission.yml"
HQ_FILE = "hq.yml"


@dataclass
class MissionEntry:
    """A validated mission with where it came from."""

    mission: Mission
    root: Path
    source: YamlSource

    @property
    def id(self) -> str:
        return self.mission.id


@dataclass
class Network:
    """Validated HQ settings and missions, keyed by mission id."""

    content_dir: Path
    hq: HQ
    hq_source: YamlSource
    missions: dict[str, MissionEntry] = field(default_factory=dict)

    @property
    def hq_dir(self) -> Path:
        return self.content_dir / HQ_DIR


def mission_dirs(content_dir: Path) -> list[Path]:
    """Folders under ``content_dir`` that hold a mission (everything but ``_``-folders)."""
    if not content_dir.is_dir():
        return []
    return sorted(
        p for p in content_dir.iterdir()
        if p.is_dir() and not p.name.startswith(("_", "."))
    )


def load_hq(content_dir: Path) -> tuple[HQ, YamlSource]:
    path = content_dir / HQ_DIR / HQ_FILE
    source = load_yaml_file(path, display_path(path))
    return validate(HQ, source), source


def load_mission(folder: Path) -> MissionEntry:
    """Load and validate one ``mission.yml``; the id must match the folder name."""
    path = folder / MISSION_FILE
    display = display_path(path)
    if not path.is_file():
        raise ContentError(
            [Problem(display, 0, "", f"missing; every mission folder needs a {MISSION_FILE} "
                                     f"(create one with: python build.py new mission {folder.name})")]
        )
    source = load_yaml_file(path, display)
    mission = validate(Mission, source)
    problems = []
    if mission.id != folder.name:
        problems.append(Problem(display, source.line_of(("id",)), "id",
                                f"'{mission.id}' does not match the folder name '{folder.name}'; "
                                f"use id: {folder.name} or rename the folder"))
    if mission.id[:2] != mission.host_country.lower():
        problems.append(Problem(display, source.line_of(("id",)), "id",
                                f"'{mission.id}' should start with the host country code "
                                f"'{mission.host_country.lower()}-'"))
    problems += missing_translations(mission, mission.languages, source,
                                     "every language of the mission needs it")
    if problems:
        raise ContentError(problems)
    return MissionEntry(mission, folder, source)


def load_network(content_dir: Path, only: list[str] | None = None) -> Network:
    """Load HQ settings and missions; raise one :class:`ContentError` with every problem.

    ``only`` restricts loading to some mission ids (unknown ids are errors), but
    duplicate ids and addresses are still checked across the whole network.
    """
    content_dir = Path(content_dir)
    problems: list[Problem] = []
    try:
        hq, hq_source = load_hq(content_dir)
    except ContentError as exc:
        problems += exc.problems
        hq = hq_source = None
    folders = mission_dirs(content_dir)
    names = {folder.name for folder in folders}
    for wanted in only or []:
        if wanted not in names:
            problems.append(Problem(display_path(content_dir), 0, "",
                                    f"no mission '{wanted}'; known: {', '.join(sorted(names))}"))
    entries: dict[str, MissionEntry] = {}
    seen_ids: dict[str, MissionEntry] = {}
    seen_urls: dict[str, MissionEntry] = {}
    for folder in folders:
        try:
            entry = load_mission(folder)
        except ContentError as exc:
            if only is None or folder.name in only:
                problems += exc.problems
            continue
        for key, seen, label in ((entry.id, seen_ids, "id"),
                                 (entry.mission.site_url, seen_urls, "site_url")):
            if key in seen:
                other = seen[key]
                problems.append(Problem(entry.source.file, entry.source.line_of((label,)), label,
                                        f"duplicate {label} '{key}', also used by "
                                        f"{other.source.file}:{other.source.line_of((label,))}; "
                                        f"every mission needs its own"))
            seen[key] = entry
        if only is None or folder.name in only:
            entries[folder.name] = entry
    if hq is not None:
        for entry in entries.values():
            problems += missing_translations(
                hq, entry.mission.languages, hq_source,
                f"mission {entry.id} publishes in '{'/'.join(entry.mission.languages)}'")
    if problems:
        raise ContentError(sorted(set(problems)))
    return Network(content_dir, hq, hq_source, entries)
