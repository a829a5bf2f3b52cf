"""How complete and how reviewed each UI catalog is: for the HQ dashboard and ``i18n check``."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po

from chancery.content.i18n.catalog import DOMAIN, LOCALES_DIR, po_path
from chancery.content.i18n.messages import PROJECT_ROOT, TEMPLATE, untranslated
from chancery.content.i18n.review import Review, review
from chancery.core.errors import display_path


@dataclass(frozen=True)
class CatalogStatus:
    """One language's catalog: strings translated of the template's, and its review state."""

    lang: str
    path: str
    exists: bool
    total: int
    translated: int
    review: Review


def template() -> Catalog:
    """The committed template (``messages.pot``); empty if there is none."""
    if not TEMPLATE.is_file():
        return Catalog(domain=DOMAIN)
    with TEMPLATE.open("rb") as handle:
        return read_po(handle, domain=DOMAIN)


def catalog_statuses(codes: Iterable[str], source: Catalog | None = None,
                     locales_dir: Path = LOCALES_DIR) -> list[CatalogStatus]:
    """The status of each language's catalog, measured against ``source`` (the template)."""
    source = source if source is not None else template()
    total = sum(1 for message in source if message.id)
    statuses = []
    for code in codes:
        path = po_path(code, locales_dir)
        missing = untranslated(code, source, locales_dir)
        statuses.append(CatalogStatus(code, display_path(path, PROJECT_ROOT), path.is_file(), total,
                                      total - len(missing), review(path)))
    return statuses
