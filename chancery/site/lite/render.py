"""The Jinja environment of the text-only pages: the theme's ``lite/`` templates, autoescaped."""

from __future__ import annotations

from functools import lru_cache

from jinja2 import Environment, FileSystemLoader

from chancery.content.i18n.catalog import ui_strings


@lru_cache(maxsize=64)
def environment(theme_dirs: tuple[str, ...], lang: str) -> Environment:
    """Templates from ``theme_dirs`` (first wins), UI strings in ``lang``, every value escaped."""
    env = Environment(loader=FileSystemLoader(list(theme_dirs)), autoescape=True,
                      extensions=["jinja2.ext.i18n"], trim_blocks=True, lstrip_blocks=True)
    env.install_gettext_translations(ui_strings(lang), newstyle=True)  # type: ignore[attr-defined]
    return env


def render(theme_dirs: tuple[str, ...], ui_lang: str, template: str, **context: object) -> str:
    """``template`` rendered with ``context``, its UI strings in ``ui_lang``."""
    return environment(theme_dirs, ui_lang).get_template(template).render(**context)
