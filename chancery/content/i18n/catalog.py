"""Load the theme's gettext catalogs (``themes/chancery/locales``) for one language.

Catalogs are kept as ``.po`` files under version control and compiled in memory
when a build starts, so a build never uses a stale ``.mo`` file.
"""

from __future__ import annotations

import io
from functools import lru_cache
from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.support import NullTranslations, Translations

from chancery.core.incremental.stamps import FileStamp
from chancery.core.project import PROJECT_ROOT

DOMAIN = "messages"
SOURCE_LANGUAGE = "en"  # the language the UI strings (msgid) are written in
LOCALES_DIR = PROJECT_ROOT / "themes" / "chancery" / "locales"


def gettext_locale(lang: str) -> str:
    """A BCP 47 tag in gettext's and Babel's spelling: ``zh-Hant`` -> ``zh_Hant``."""
    return lang.replace("-", "_")


def po_path(lang: str, locales_dir: Path = LOCALES_DIR) -> Path:
    """``locales/<ll_Scrp_RR>/LC_MESSAGES/messages.po`` (the folder in gettext's spelling)."""
    return locales_dir / gettext_locale(lang) / "LC_MESSAGES" / f"{DOMAIN}.po"


def ui_strings(lang: str, locales_dir: Path = LOCALES_DIR) -> NullTranslations:
    """The UI strings of ``lang`` (gettext); English source strings when none exist.

    Compiled once per version of the catalog file (a catalog edited while ``serve`` runs
    is read again)."""
    path = po_path(lang, locales_dir)
    try:
        stamp = FileStamp.of(path.stat())
    except OSError:
        return NullTranslations()
    return _compiled(lang, path, stamp)


@lru_cache(maxsize=32)
def _compiled(lang: str, path: Path, stamp: FileStamp) -> NullTranslations:  # noqa: ARG001
    with path.open("rb") as handle:
        catalog = read_po(handle, locale=gettext_locale(lang), domain=DOMAIN)
    buffer = io.BytesIO()
    write_mo(buffer, catalog)
    buffer.seek(0)
    return Translations(buffer, domain=DOMAIN)
