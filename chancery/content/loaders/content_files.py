"""Symbolic links in a mission's folder must stay inside that folder.

A mission's files (``mission.yml``, ``pages/``, ``media/``, ``data/``...) are written by
its editors, who are not trusted: a link to ``/etc/passwd``, to CI secrets or to another
mission's folder would be read, copied and published as if it were content. So every
link under the mission folder, and the folder itself, must resolve inside the mission's
own folder; any other is an error at the link's path. The check runs when a mission is
loaded (:func:`chancery.content.model.network.load_mission`), which ``check``, ``build`` and
``publish`` all do, so such a mission is neither built nor published.
"""

from __future__ import annotations

import os
from pathlib import Path

from chancery.core.errors import Problem, display_path, msg

_FIX = msg("content must be real files: replace the link by a copy of what it points to, "
           "inside this mission's folder, or remove it")


def _inside(path: str, root: str) -> bool:
    return path == root or path.startswith(root.rstrip(os.sep) + os.sep)


def outside_links(folder: Path) -> list[Problem]:
    """A problem for every symbolic link under ``folder`` that leaves it (or leads nowhere)."""
    folder = Path(folder)
    written = os.path.abspath(folder)
    root = os.path.realpath(folder)
    if root != os.path.join(os.path.realpath(os.path.dirname(written)), folder.name):
        return [Problem(display_path(folder), 0, "",
                        msg("the mission folder is a symbolic link (to {target!r}); {fix}",
                            target=os.readlink(written), fix=_FIX))]
    problems: list[Problem] = []
    stack = [written]
    while stack:
        try:
            with os.scandir(stack.pop()) as listing:
                entries = sorted(listing, key=lambda e: e.name)
        except OSError:
            continue  # an unreadable folder is reported by the loaders that need it
        for entry in entries:
            if entry.is_symlink():
                problems += _link_problem(entry.path, root)
            elif entry.is_dir(follow_symlinks=False):
                stack.append(entry.path)
    return sorted(problems)


def file_link_problems(path: Path, folder: Path) -> list[Problem]:
    """:func:`outside_links` for one file of ``folder`` only (cheap: nothing is walked)."""
    if os.path.islink(folder):
        return outside_links(folder)
    if not os.path.islink(path):
        return []
    return _link_problem(str(path), os.path.realpath(folder))


def _link_problem(path: str, root: str) -> list[Problem]:
    try:
        text = os.readlink(path)
    except OSError:
        text = "?"
    target = os.path.realpath(path)
    if not os.path.exists(target):
        return [Problem(display_path(path), 0, "",
                        msg("symbolic link to {text!r}, which does not exist; {fix}",
                            text=text, fix=_FIX))]
    if _inside(target, root):
        return []
    return [Problem(display_path(path), 0, "",
                    msg("symbolic link to {text!r}, outside this mission's folder; {fix}",
                        text=text, fix=_FIX))]
