"""Which site engine renders the pages: the single place the core names it.

The engine module must offer ``build_language(content_dir, mission, lang, site_dir, *,
strict)`` and ``serve_language(target, host, port, report)`` (a ``chancery.checks.preview``
target; it never stops on a content error and raises ``OSError`` if the port is busy). Today it is
the MkDocs adapter; moving to another engine means writing that module and changing
this name.
"""

from __future__ import annotations

from importlib import import_module
from types import ModuleType

ENGINE_MODULE = "chancery_plugins.engine"
# Another site configuration (and with it, its theme) to build with, e.g. to try a theme
# change on a copy: a path to a ``mkdocs.yml``. Incremental builds hash its folder too.
CONFIG_ENV = "CHANCERY_CONFIG"
# A folder where the engine may keep compiled templates between runs (build.py's cache).
TEMPLATE_CACHE_ENV = "CHANCERY_TEMPLATE_CACHE"


def load_engine(name: str = ENGINE_MODULE) -> ModuleType:
    return import_module(name)
