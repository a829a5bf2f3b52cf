"""Which site engine renders the pages: the single place the core names it.

The engine module must offer ``build_language(request, site_dir, *, strict)`` (a
``chancery.site.request.RenderRequest``) and ``serve_language(target, host, port, report)``
(a ``chancery.checks.preview`` target; it never stops on a content error and raises
``OSError`` if the port is busy). Today it is the MkDocs adapter; moving to another engine
means writing that module and changing this name.
"""

from __future__ import annotations

import os
from importlib import import_module
from pathlib import Path
from types import ModuleType

from chancery.core.project import PROJECT_ROOT

ENGINE_MODULE = "chancery_plugins.engine"
# Another site configuration (and with it, its theme) to build with, e.g. to try a theme
# change on a copy: a path to a ``mkdocs.yml``. Incremental builds hash its folder too.
CONFIG_ENV = "CHANCERY_CONFIG"


def chosen_config() -> str:
    """The site configuration chosen with ``$CHANCERY_CONFIG`` (``""``: the project's own).

    Read where it is needed, never written: it is HQ's choice, not a build's state."""
    return os.environ.get(CONFIG_ENV, "")


def site_config_file() -> Path:
    """The site configuration to build with: the chosen one, else the project's ``mkdocs.yml``."""
    return Path(chosen_config() or PROJECT_ROOT / "mkdocs.yml")


def load_engine(name: str = ENGINE_MODULE) -> ModuleType:
    return import_module(name)
