"""Extract the editor messages (``msg("...")`` in our code) and keep the ``chancery``
catalogs in step with them.

``python -m chancery.content.i18n.problem_catalog`` writes
``chancery/content/i18n/locales/chancery.pot`` and merges it into every language's
``chancery.po`` (``... problem_catalog vi`` creates or updates one language): new
messages arrive untranslated, and until they are translated the editors read them in
English. English is the source language: it has no catalog.
"""

from __future__ import annotations

import sys
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po, write_po

from chancery.content.i18n.problems import (
    DOMAIN,
    LOCALES_DIR,
    SOURCE_LANGUAGE,
    available_languages,
    placeholders,
    po_path,
)
from chancery.core.project import PROJECT_ROOT

SOURCES = [PROJECT_ROOT / "chancery", PROJECT_ROOT / "plugins"]
KEYWORDS = {"msg": None}  # msg(template, **values): the first argument is the message
TEMPLATE = LOCALES_DIR / f"{DOMAIN}.pot"


def extract() -> Catalog:
    """Every ``msg()`` template of the code, with where it is written."""
    catalog = Catalog(project="Chancery", domain=DOMAIN, charset="utf-8")
    for root in SOURCES:
        found = extract_from_dir(root, [("**.py", "python")], keywords=KEYWORDS,
                                 comment_tags=("TRANSLATORS:",))
        for filename, lineno, message, comments, context in found:
            if not isinstance(message, str):
                continue
            location = ((root.relative_to(PROJECT_ROOT) / filename).as_posix(), lineno)
            catalog.add(message, None, [location], auto_comments=comments, context=context)
    return catalog


def read_catalog(lang: str) -> Catalog | None:
    path = po_path(lang)
    if not path.is_file():
        return None
    with path.open("rb") as handle:
        return read_po(handle, locale=lang.replace("-", "_"), domain=DOMAIN)


def translated(lang: str) -> dict[str, str]:
    """``{template: translation}`` of ``lang``'s catalog (fuzzy ones left out)."""
    po = read_catalog(lang)
    return {} if po is None else {m.id: m.string for m in po
                                  if m.id and m.string and not m.fuzzy}


def untranslated(lang: str, catalog: Catalog | None = None) -> list[str]:
    """The messages of the code that ``lang``'s catalog does not translate."""
    catalog = catalog or extract()
    known = translated(lang)
    return sorted(m.id for m in catalog if m.id and not known.get(m.id))


def mismatched(lang: str) -> list[str]:
    """Translations whose ``{placeholders}`` are not those of their English template."""
    return sorted(english for english, text in translated(lang).items()
                  if placeholders(english) != placeholders(text))


def update(languages: list[str] | None = None) -> list[Path]:
    """Write the template and merge it into each language's catalog."""
    catalog = extract()
    TEMPLATE.parent.mkdir(parents=True, exist_ok=True)
    with TEMPLATE.open("wb") as handle:
        write_po(handle, catalog, width=100, sort_output=True, include_lineno=False)
    written = []
    for lang in languages or [c for c in available_languages() if c != SOURCE_LANGUAGE]:
        po = read_catalog(lang) or Catalog(locale=lang.replace("-", "_"), domain=DOMAIN,
                                           project="Chancery", charset="utf-8")
        po.update(catalog, update_header_comment=False, no_fuzzy_matching=True)
        path = po_path(lang)
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("wb") as handle:
            write_po(handle, po, width=100, sort_output=True, ignore_obsolete=True,
                     include_lineno=False)
        written.append(path)
    return written


if __name__ == "__main__":
    for path in update(sys.argv[1:] or None):
        print(f"updated {path.relative_to(PROJECT_ROOT)}")
