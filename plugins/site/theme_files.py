"""List the theme's files without walking its hidden folders.

MkDocs copies a theme's static files by listing every file of every theme folder and
testing each name against its patterns, which exclude hidden files and folders. Material
keeps about 14,000 icons in ``.icons/`` (they are included by name, never copied): listing
and testing them took about a tenth of a one-page rebuild. The listing here leaves hidden
folders out from the start, so MkDocs finds exactly the same files.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from types import MethodType

import jinja2


def visible_templates(loader: jinja2.FileSystemLoader) -> list[str]:
    """``loader.list_templates()`` without anything inside a folder whose name starts with '.'."""
    found: set[str] = set()
    for searchpath in loader.searchpath:
        start = len(searchpath)
        for folder, folders, names in os.walk(searchpath, followlinks=loader.followlinks):
            folders[:] = [name for name in folders if not name.startswith(".")]
            for name in names:
                found.add(os.path.join(folder, name)[start:].strip(os.sep).replace(os.sep, "/"))
    return sorted(found)


def without_hidden_folders(get_env: Callable[[], jinja2.Environment]
                           ) -> Callable[[], jinja2.Environment]:
    """Wrap ``Theme.get_env`` so that its environment lists templates as above."""
    def environment() -> jinja2.Environment:
        env = get_env()
        loader = env.loader
        if isinstance(loader, jinja2.FileSystemLoader):
            loader.list_templates = MethodType(visible_templates, loader)  # type: ignore[method-assign]
        return env

    return environment
