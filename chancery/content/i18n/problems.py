"""Problems in the reader's language: the ``chancery`` gettext catalogs of editor messages.

Messages are written in English with :func:`chancery.core.errors.msg` (``{name}`` placeholders);
the English template is the msgid. ``chancery/content/i18n/locales/<lang>/LC_MESSAGES/chancery.po``
translates templates, and the values are put into the translated template afterwards (a
value that is a message itself is translated too; what an editor wrote never is). A
message without a translation, or written as plain text, stays in English as a whole.

This catalog is the tool's own (the editors' messages), apart from the theme's interface
catalogs in ``themes/chancery/locales/`` (the readers' strings). Standard library only
until a translation is asked for (``check --help`` must answer at once).
"""

from __future__ import annotations

import os
import string
from collections.abc import Mapping
from functools import lru_cache
from pathlib import Path

from chancery.core.errors import Problem, Text, msg

DOMAIN = "chancery"
LOCALES_DIR = Path(__file__).resolve().parent / "locales"
SOURCE_LANGUAGE = "en"  # the language the messages are written in (the msgids)
_LOCALE_VARIABLES = ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")


def po_path(lang: str, locales_dir: Path = LOCALES_DIR) -> Path:
    return locales_dir / lang.replace("-", "_") / "LC_MESSAGES" / f"{DOMAIN}.po"


def available_languages(locales_dir: Path = LOCALES_DIR) -> list[str]:
    """English and every language with a catalog (read from the folder)."""
    found = {SOURCE_LANGUAGE}
    if locales_dir.is_dir():
        found |= {folder.name.replace("_", "-") for folder in locales_dir.iterdir()
                  if po_path(folder.name, locales_dir).is_file()}
    return sorted(found)


def language_from_environment(environ: Mapping[str, str] | None = None,
                              locales_dir: Path = LOCALES_DIR) -> str:
    """The language of the locale, as gettext chooses it: the first of ``LC_ALL``,
    ``LC_MESSAGES``, ``LANG`` that is set gives the locale (``vi_VN.UTF-8`` -> ``vi``);
    ``LANGUAGE`` (a list, ``vi:en``) comes first unless that locale is ``C``. English when
    none names a language with a catalog."""
    environ = os.environ if environ is None else environ
    known = available_languages(locales_dir)
    locale = next((environ[name] for name in _LOCALE_VARIABLES[1:] if environ.get(name)), "")
    wanted = [] if _code(locale) in ("", "C", "POSIX") else [locale]
    if environ.get("LANGUAGE") and _code(locale) not in ("C", "POSIX"):
        wanted = environ["LANGUAGE"].split(":") + wanted
    for value in wanted:
        code = _code(value)
        for candidate in (code.replace("_", "-"), code.split("_", 1)[0]):
            if candidate in known:
                return candidate
    return SOURCE_LANGUAGE


def _code(value: str) -> str:
    """``vi_VN`` of ``vi_VN.UTF-8@euro``."""
    return value.split(".", 1)[0].split("@", 1)[0]


@lru_cache(maxsize=16)
def catalog(lang: str, locales_dir: Path = LOCALES_DIR) -> dict[str, str]:
    """``{English template: translated template}`` of ``lang`` (empty for English)."""
    path = po_path(lang, locales_dir)
    if lang == SOURCE_LANGUAGE or not path.is_file():
        return {}
    from babel.messages.pofile import read_po  # only when a translation is asked for

    with path.open("rb") as handle:
        read = read_po(handle, locale=lang.replace("-", "_"), domain=DOMAIN)
    return {m.id: m.string for m in read
            if m.id and isinstance(m.id, str) and m.string and not m.fuzzy}


def translate(text: str, lang: str, locales_dir: Path = LOCALES_DIR) -> str:
    """``text`` in ``lang``: a :class:`Text`'s template translated, then its values put in
    (values that are :class:`Text` translated the same way); in English when the catalog
    lacks the template, or its translation does not fit the values."""
    if not isinstance(text, Text):
        return str(text)
    template = catalog(lang, locales_dir).get(text.template)
    if template is None:
        return str(text)
    params = {name: translate(value, lang, locales_dir) if isinstance(value, Text) else value
              for name, value in text.params.items()}
    try:
        return template.format(**params)
    except (KeyError, IndexError, ValueError):  # a broken translation never hides the problem
        return str(text)


def placeholders(template: str) -> set[str]:
    """The ``{name}`` fields of a template (``{{`` is a brace)."""
    try:
        return {name for _, name, _, _ in string.Formatter().parse(template) if name}
    except ValueError:
        return {"<unbalanced braces>"}


def localised(problem: Problem, lang: str) -> str:
    """``file:line: [warning] field: message``, as :class:`Problem` prints it, in ``lang``."""
    where = f"{problem.file}:{problem.line}" if problem.line else problem.file
    field = f" {problem.field}:" if problem.field else ""
    tag = "" if problem.is_error else f" [{translate(severity_name(problem.severity), lang)}]"
    return f"{where}:{tag}{field} {translate(problem.message, lang)}"


def severity_name(severity: str) -> str:
    return {"error": msg("error"), "warning": msg("warning")}.get(severity, severity)
