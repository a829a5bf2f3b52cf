"""The network: HQ settings plus every mission found under ``content/``."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from chancery.content.loaders.content_files import outside_links
from chancery.content.loaders.files import content_problems
from chancery.content.loaders.parsed import ParsedFiles
from chancery.content.loaders.yaml_source import YamlSource, dotted, load_yaml_file
from chancery.content.model.hq import HQ
from chancery.content.model.languages import Languages, load_languages
from chancery.content.model.mission import Mission
from chancery.content.model.validation import missing_translations, validate
from chancery.core.errors import ContentError, Problem, display_path, msg

HQ_DIR = "_hq"
MISSION_FILE = "mission.yml"
HQ_FILE = "hq.yml"


@dataclass
class MissionEntry:
    """A validated mission with where it came from."""

    mission: Mission
    root: Path
    source: YamlSource
    # The mission's data files, parsed once for this load (see chancery.content.data.files)
    parsed: ParsedFiles = field(default_factory=ParsedFiles, repr=False, compare=False)

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
    languages: Languages = field(default_factory=lambda: Languages({}, None))  # HQ declares
    # HQ's data files, parsed once for this load (see chancery.content.data.files)
    parsed: ParsedFiles = field(default_factory=ParsedFiles, repr=False, compare=False)

    @property
    def hq_dir(self) -> Path:
        return self.content_dir / HQ_DIR


def mission_dirs(content_dir: Path) -> list[Path]:
    """Folders under ``content_dir`` that hold a mission (everything but ``_``-folders)."""
    if not content_dir.is_dir():
        return []
    return sorted(
        p for p in content_dir.iterdir() if p.is_dir() and not p.name.startswith(("_", "."))
    )


def load_hq(content_dir: Path) -> tuple[HQ, YamlSource]:
    path = content_dir / HQ_DIR / HQ_FILE
    unusable = content_problems(content_dir / HQ_DIR) + content_problems(
        content_dir, recursive=False)
    if unusable:
        raise ContentError(unusable)
    source = load_yaml_file(path, display_path(path))
    hq = validate(HQ, source)
    repeated = repeated_ids(source, ("news", "categories"), msg("category"))
    if repeated:
        raise ContentError(repeated)
    return hq, source


def repeated_ids(source: YamlSource, path: tuple, what: str) -> list[Problem]:
    """An ``id`` given twice in the list at ``path`` of ``source``."""
    items = source.data
    for part in path:
        items = items.get(part) if isinstance(items, dict) else None
    seen: dict[str, int] = {}
    problems = []
    for i, item in enumerate(items if isinstance(items, list) else []):
        ident = item.get("id") if isinstance(item, dict) else None
        if not isinstance(ident, str):
            continue
        if ident in seen:
            problems.append(Problem(
                source.file, source.line_of((*path, i, "id")), dotted((*path, i, "id")),
                msg("{what} id '{id}' is used twice (first on line {line}); give each {what} "
                    "its own id", what=what, id=ident,
                    line=source.line_of((*path, seen[ident], "id")))))
        else:
            seen[ident] = i
    return problems


def load_mission(folder: Path) -> tuple[MissionEntry, list[Problem]]:
    """Load one ``mission.yml``: schema errors raise, other problems are returned.

    The id must match the folder name and start with the host country's code.
    """
    path = folder / MISSION_FILE
    display = display_path(path)
    unusable = content_problems(folder)
    if unusable:
        raise ContentError(unusable)
    if not os.path.lexists(path):
        raise ContentError(
            [
                Problem(
                    display,
                    0,
                    "",
                    msg("missing; every mission folder needs a {file} "
                        "(create one with: python build.py new mission {mission})",
                        file=MISSION_FILE, mission=folder.name),
                )
            ]
        )
    links = outside_links(folder)  # before reading anything: mission.yml may be a link
    if links:
        raise ContentError(links)
    source = load_yaml_file(path, display)
    todo = todo_markers(source)
    try:
        mission = validate(Mission, source)
    except ContentError as exc:
        todo_lines = {p.line for p in todo}
        raise ContentError(todo + [p for p in exc.problems if p.line not in todo_lines]) from None
    problems = list(todo)
    if mission.id != folder.name:
        problems.append(
            Problem(
                display,
                source.line_of(("id",)),
                "id",
                msg("'{id}' does not match the folder name '{folder}'; "
                    "use id: {folder} or rename the folder", id=mission.id, folder=folder.name),
            )
        )
    if mission.id[:2] != mission.host_country.lower():
        problems.append(
            Problem(
                display,
                source.line_of(("id",)),
                "id",
                msg("'{id}' should start with the host country code '{country}-'",
                    id=mission.id, country=mission.host_country.lower()),
            )
        )
    problems += missing_translations(
        mission, mission.languages, source, msg("every language of the mission needs it")
    )
    return MissionEntry(mission, folder, source), problems


PLACEHOLDER = "still a placeholder"


def unfinished(problems: list[Problem]) -> bool:
    """Whether a mission's only errors are the ``TODO`` values ``build.py new`` left."""
    errors = [p for p in problems if p.is_error]
    return bool(errors) and all(p.message.startswith(PLACEHOLDER) for p in errors)


def todo_markers(source: YamlSource) -> list[Problem]:
    """Values still reading ``TODO`` (left by ``build.py new``)."""
    problems = []

    def walk(value: object, path: tuple) -> None:
        if isinstance(value, dict):
            for key, item in value.items():
                walk(item, path + (key,))
        elif isinstance(value, list):
            for i, item in enumerate(value):
                walk(item, path + (i,))
        elif isinstance(value, str) and "TODO" in value:
            problems.append(
                Problem(
                    source.file,
                    source.line_of(path),
                    dotted(path),
                    msg("still a placeholder ('{value}'); replace it with the real value",
                        value=value),
                )
            )

    walk(source.data, ())
    return problems


def load_one(content_dir: Path, mission_id: str) -> Network:
    """HQ settings and one mission, without the network-wide duplicate checks.

    For worker processes: the parent has already checked the whole network once.
    """
    content_dir = Path(content_dir)
    hq, hq_source = load_hq(content_dir)
    folder = content_dir / mission_id
    if not folder.is_dir():
        raise ContentError([Problem(display_path(content_dir), 0, "",
                                    msg("no mission '{mission}'", mission=mission_id))])
    languages = load_languages(content_dir / HQ_DIR)
    entry, problems = load_mission(folder)
    problems += undeclared_languages(entry, languages)
    problems = [p for p in problems if p.is_error]  # HQ's untranslated texts fall back
    if problems:
        raise ContentError(problems)
    return Network(content_dir, hq, hq_source, {mission_id: entry}, languages)


def load_network(content_dir: Path, only: list[str] | None = None) -> Network:
    """Load HQ settings and missions; raise one :class:`ContentError` with every problem.

    ``only`` restricts loading to some mission ids (unknown ids are errors), but
    duplicate ids and addresses are still checked across the whole network.
    """
    network, failures = load_network_tolerant(content_dir, only)
    problems = sorted({p for found in failures.values() for p in found})
    if problems:
        raise ContentError(problems)
    return network


def unknown_missions(content_dir: Path, only: list[str] | None,
                     folders: list[Path] | None = None) -> list[Problem]:
    """An error for each id of ``only`` that names no mission folder."""
    names = {folder.name for folder in (mission_dirs(content_dir) if folders is None
                                        else folders)}
    return [
        Problem(display_path(content_dir), 0, "",
                msg("no mission '{mission}'; known: {known}", mission=wanted,
                    known=", ".join(sorted(names))))
        for wanted in dict.fromkeys(only or []) if wanted not in names
    ]


def load_network_tolerant(
    content_dir: Path, only: list[str] | None = None
) -> tuple[Network, dict[str, list[Problem]]]:
    """Load what is valid; return the network and the problems of each failed mission.

    Problems of HQ settings, or unknown ids in ``only``, are raised at once: no
    mission can be built without HQ's settings.
    """
    content_dir = Path(content_dir)
    hq, hq_source = load_hq(content_dir)
    languages = load_languages(content_dir / HQ_DIR)
    folders = mission_dirs(content_dir)
    unknown = unknown_missions(content_dir, only, folders)
    if unknown:
        raise ContentError(unknown)
    failures: dict[str, list[Problem]] = {}
    entries: dict[str, MissionEntry] = {}
    seen_ids: dict[str, MissionEntry] = {}
    seen_urls: dict[str, MissionEntry] = {}
    for folder in folders:
        wanted = only is None or folder.name in only
        try:
            entry, problems = load_mission(folder)
        except ContentError as exc:
            if wanted:
                failures[folder.name] = list(exc.problems)
            continue
        for key, seen, label in (
            (entry.id, seen_ids, "id"),
            (entry.mission.site_url, seen_urls, "site_url"),
        ):
            if key in seen:
                other = seen[key]
                problems.append(
                    Problem(
                        entry.source.file,
                        entry.source.line_of((label,)),
                        label,
                        msg("duplicate {field} '{value}', also used by {where}; every "
                            "mission needs its own", field=label, value=key,
                            where=f"{other.source.file}:{other.source.line_of((label,))}"),
                    )
                )
            seen[key] = entry
        problems += undeclared_languages(entry, languages)
        if not wanted:
            continue
        if any(p.is_error for p in problems):
            failures[folder.name] = problems
        else:
            entries[folder.name] = entry
    return Network(content_dir, hq, hq_source, entries, languages), failures


def undeclared_languages(entry: MissionEntry, languages: Languages) -> list[Problem]:
    """A mission may publish only in languages HQ declares (``_hq/languages.yml``)."""
    where = entry.source.line_of(("languages",))
    return [
        Problem(entry.source.file, entry.source.line_of(("languages", i)) or where,
                f"languages[{i}]", languages.not_declared(code))
        for i, code in enumerate(entry.mission.languages) if code not in languages
    ]


def hq_text_gaps(network: Network, entry: MissionEntry) -> list[Problem]:
    """Warnings for HQ's texts (``hq.yml``) that a language of the mission lacks.

    Readers see the Vietnamese text, marked with its language (chancery.content.i18n.fallback).
    """
    return [
        Problem(p.file, p.line, p.field, p.message, "warning")
        for p in missing_translations(
            network.hq, entry.mission.languages, network.hq_source,
            msg("mission {mission} publishes in {languages}", mission=entry.id,
                languages="/".join(entry.mission.languages)), _hq_text_gap)
    ]


def _hq_text_gap(code: str, why: str) -> str:
    return msg("no '{code}' text; readers see the Vietnamese text until HQ adds '{code}: ...' "
               "({why})", code=code, why=why)
