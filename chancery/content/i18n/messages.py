"""Extract, update and check the UI string catalogs (Babel), for ``build.py i18n``."""

from __future__ import annotations

from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po, write_po

from chancery.content.i18n.catalog import (
    DOMAIN,
    LOCALES_DIR,
    SOURCE_LANGUAGE,
    gettext_locale,
    po_path,
)
from chancery.content.i18n.review import DRAFT, SOURCE, read_marker, set_marker
from chancery.content.model.languages import project_languages
from chancery.core.project import PROJECT_ROOT

# Where UI strings are written: theme templates (Jinja) and our Python code.
SOURCES = [
    (PROJECT_ROOT / "themes", [("**.html", "jinja2")]),
    (PROJECT_ROOT / "chancery", [("**.py", "python")]),
    (PROJECT_ROOT / "plugins", [("**.py", "python")]),
]
JINJA_OPTIONS = {"extensions": "jinja2.ext.i18n", "newstyle_gettext": "true"}
TEMPLATE = LOCALES_DIR / f"{DOMAIN}.pot"


def extract() -> Catalog:
    """Collect every ``_()`` / ``gettext()`` string of the templates and code."""
    catalog = Catalog(project="Chancery", domain=DOMAIN, charset="utf-8")
    for root, method_map in SOURCES:
        options = {pattern: JINJA_OPTIONS for pattern, method in method_map if method == "jinja2"}
        for filename, lineno, message, comments, context in extract_from_dir(
            root, method_map, options_map=options
        ):
            location = ((root.relative_to(PROJECT_ROOT) / filename).as_posix(), lineno)
            catalog.add(message, None, [location], auto_comments=comments, context=context)
    return catalog


def write_template(catalog: Catalog, path: Path = TEMPLATE) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("wb") as handle:
        write_po(handle, catalog, width=100, omit_header=False, sort_output=True)


def update(catalog: Catalog, languages: list[str] | None = None,
           locales_dir: Path = LOCALES_DIR) -> list[Path]:
    """Merge the extracted strings into each language's ``.po`` under ``locales_dir`` (new
    ones untranslated).

    The review marker is kept (Babel would drop it); a catalog without one is marked as a draft
    (English, the language the strings are written in, as the source).
    """
    written = []
    for code in languages or project_languages().codes:
        path = po_path(code, locales_dir)
        marker = read_marker(path) or (SOURCE if code == SOURCE_LANGUAGE else DRAFT)
        if path.is_file():
            with path.open("rb") as handle:
                po = read_po(handle, locale=gettext_locale(code), domain=DOMAIN)
        else:
            po = Catalog(locale=gettext_locale(code), domain=DOMAIN, project="Chancery",
                         charset="utf-8")
        po.update(catalog, update_header_comment=False)
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("wb") as handle:
            write_po(handle, po, width=100, sort_output=True, ignore_obsolete=True)
        set_marker(path, marker)
        written.append(path)
    return written


def untranslated(code: str, catalog: Catalog | None = None,
                 locales_dir: Path = LOCALES_DIR) -> list[str]:
    """Strings of the current templates and code that ``code``'s catalog lacks or marks fuzzy."""
    catalog = catalog or extract()
    path = po_path(code, locales_dir)
    if not path.is_file():
        return [str(message.id) for message in catalog if message.id]
    with path.open("rb") as handle:
        po = read_po(handle, locale=gettext_locale(code), domain=DOMAIN)
    missing = []
    for message in catalog:
        if not message.id:
            continue
        found = po.get(message.id, context=message.context)
        text = found.string if found else None
        if found is None or found.fuzzy or not text or (isinstance(text, tuple) and not all(text)):
            missing.append(str(message.id if isinstance(message.id, str) else message.id[0]))
    return missing
