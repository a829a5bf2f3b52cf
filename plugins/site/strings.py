"""Material's interface strings, looked up once per key instead of on every use.

Material's ``partials/language.html`` answers ``lang.t(key)`` by importing the
language's string table and building it as a dictionary literal on every call (a few
dozen calls per page). The theme's own ``partials/language.html`` calls
:func:`material_strings` instead: the same answer (the language's string, else the
English one, else the key), asked of Material's tables once per key and build.
"""

from __future__ import annotations

from collections.abc import Callable

from jinja2 import Environment, TemplateNotFound

TABLES = "partials/languages/{}.html"
GLOBAL = "chancery_material_t"


def material_strings(env: Environment, language: str,
                     direction: str | None = None) -> Callable[[str], str]:
    """``t(key)`` over Material's tables for ``language`` (English as fallback).

    ``language`` and ``direction`` answer from our own language data (CLDR), not from the
    tables: Material has none for some languages (``lo``), and English's would say ``en``.
    """
    tables = []
    for code in dict.fromkeys((language, "en")):
        try:
            tables.append(env.get_template(TABLES.format(code)).module)
        except TemplateNotFound:  # Material has no table for this language: English
            continue
    known: dict[str, str] = {"language": language}
    if direction:
        known["direction"] = direction

    def t(key: str) -> str:
        if key not in known:
            # Markup: the tables' macros escape (autoescape), so their text is printed as is.
            known[key] = next((text for table in tables if (text := table.t(key))), key)
        return known[key]

    return t


def install(env: Environment, language: str, direction: str | None = None) -> None:
    env.globals[GLOBAL] = material_strings(env, language, direction)
