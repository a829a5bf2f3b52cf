"""Page bodies rendered to HTML for the checks, as the site renders them.

The Markdown extensions and their settings are read from the site configuration
(``mkdocs.yml``, or ``$CHANCERY_CONFIG``), so that ``build.py check`` sees the same HTML
as the build (the ids of headings, footnotes, raw HTML, ``attr_list`` attributes...).
"""

from __future__ import annotations

from functools import lru_cache
from importlib import import_module

import markdown
import yaml

from chancery.core.engine import site_config_file
from chancery.core.project import PROJECT_ROOT

ROOT = PROJECT_ROOT




class _ConfigLoader(yaml.SafeLoader):
    """The site configuration (trusted, HQ's): engine tags such as ``!ENV`` read as
    nothing, ``!!python/name:`` as the object it names (Markdown extensions use it)."""


def _unknown(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> None:
    return None


def _python_name(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> object:
    module, _, name = suffix.rpartition(".")
    return getattr(import_module(module), name)


_ConfigLoader.add_multi_constructor("tag:yaml.org,2002:python/name:", _python_name)
_ConfigLoader.add_multi_constructor("!", _unknown)


@lru_cache(maxsize=4)
def markdown_settings(config_file: str) -> tuple[tuple[str, ...], dict[str, dict]]:
    """``(extensions, their settings)`` from the ``markdown_extensions`` of a configuration."""
    with open(config_file, encoding="utf-8") as stream:
        config = yaml.load(stream, Loader=_ConfigLoader) or {}  # noqa: S506 - safe loader
    names, settings = [], {}
    for entry in config.get("markdown_extensions") or []:
        if isinstance(entry, dict):
            for name, options in entry.items():
                names.append(name)
                settings[name] = options or {}
        else:
            names.append(str(entry))
    return tuple(names), settings


@lru_cache(maxsize=4)
def _converter(config_file: str) -> markdown.Markdown:
    names, settings = markdown_settings(config_file)
    return markdown.Markdown(extensions=list(names), extension_configs=settings)


def render_body(body: str) -> str:
    """The HTML of a page body (one converter per process, reset for each page)."""
    md = _converter(str(site_config_file()))
    md.reset()
    return md.convert(body)
