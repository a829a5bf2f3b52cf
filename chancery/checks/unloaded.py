"""What ``check`` can still read of a mission (or of HQ) that failed to load.

A broken ``mission.yml``, a file no reader can use or broken HQ settings stop a mission from
loading, but must not hide its other problems. A mission whose ``mission.yml`` still reads
(its id does not match its folder, a TODO is left...) gets every check; of any other, each
page's front matter, each data file's YAML and ``mission.yml`` itself are read here, each
on its own. Files already reported are not opened again, nor are symbolic links (where
they point was not checked).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from pathlib import Path

from chancery.checks.content import check_mission, check_page_meta
from chancery.content.loaders.frontmatter import read_markdown
from chancery.content.loaders.yaml_source import load_yaml_file
from chancery.content.model.mission import Mission
from chancery.content.model.network import MISSION_FILE, Network, load_mission, undeclared_languages
from chancery.content.model.validation import validate
from chancery.content.pages import PAGES_DIR, PageSource
from chancery.core.errors import ContentError, Problem, display_path

DATA_SUFFIXES = (".yml", ".yaml")


def failed_mission_problems(network: Network | None, folder: Path,
                            known: Iterable[Problem]) -> list[Problem]:
    """The problems of a mission that did not load, beyond ``known`` (why it did not):
    every check when its ``mission.yml`` can be read and HQ's settings could (``network``),
    else what each of its files shows on its own."""
    known = list(known)
    if network is not None:
        try:
            entry, _ = load_mission(folder)
        except ContentError:
            entry = None
        if entry is not None and not undeclared_languages(entry, network.languages):
            return check_mission(network, entry)
    return unloaded_problems(folder, known)


def unloaded_problems(folder: Path, known: Iterable[Problem]) -> list[Problem]:
    """Problems of ``folder``'s files (a mission's or HQ's) beyond ``known``; none of a
    folder that is a symbolic link (it may lead out of the content folder)."""
    if folder.is_symlink() or not folder.is_dir():
        return []
    reported = {p.file for p in known}
    problems: list[Problem] = []
    mission_file = folder / MISSION_FILE
    if _readable(mission_file, reported):
        problems += _problems_of(lambda: validate(
            Mission, load_yaml_file(mission_file, display_path(mission_file))))
    for path in _files(folder, reported):
        relative = path.relative_to(folder).parts
        if relative[0] == PAGES_DIR and len(relative) > 2 and path.suffix == ".md":
            page = PageSource("/".join(relative[2:]), relative[1], path, "mission")
            problems += _problems_of(lambda page=page: _front_matter(page))
        elif path.suffix in DATA_SUFFIXES and path != mission_file:
            problems += _problems_of(lambda path=path: load_yaml_file(path, display_path(path)))
    return problems


def _front_matter(page: PageSource) -> list[Problem]:
    return check_page_meta(page, read_markdown(page.file, display_path(page.file)))


def _problems_of(read: Callable[[], object]) -> list[Problem]:
    """What ``read()`` returns or raises as problems (anything else it returns: none)."""
    try:
        found = read()
    except ContentError as exc:
        return list(exc.problems)
    return found if isinstance(found, list) else []


def _files(folder: Path, reported: set[str]) -> list[Path]:
    """Regular files below ``folder`` that no problem names (nor a folder above them)."""
    found = []
    for top, folders, names in os.walk(folder):  # symbolic links to folders not followed
        folders[:] = sorted(name for name in folders
                            if display_path(Path(top) / name) not in reported)
        found += [Path(top) / name for name in sorted(names)
                  if _readable(Path(top) / name, reported)]
    return found


def _readable(path: Path, reported: set[str]) -> bool:
    try:
        return path.is_file() and not path.is_symlink() and display_path(path) not in reported
    except OSError:
        return False
