"""Everything a mission's languages lack from HQ, listed by ``build.py check`` in one run.

A language can open before HQ has translated everything: HQ's texts (``hq.yml``) and data
labels fall back to Vietnamese (marked so), HQ's pages to the Vietnamese page with a notice,
interface strings to English. None of that is silent: each gap is a warning here (``check
--strict`` fails on it), located at the file HQ completes. Holiday names and the labels of
HQ's data files are warned about by their own checks (``chancery.features.consular.checks``).
"""

from __future__ import annotations

from functools import lru_cache

from babel.messages.pofile import read_po

from chancery.content.i18n.catalog import DOMAIN, po_path
from chancery.content.i18n.messages import TEMPLATE, untranslated
from chancery.content.model.network import MissionEntry, Network, hq_text_gaps
from chancery.content.pages import MissionPages, hq_page_gaps
from chancery.core.errors import Problem, display_path, msg
from chancery.core.incremental.stamps import FileStamp


def language_gaps(network: Network, entry: MissionEntry, pages: MissionPages,
                  languages: list[str], reads: object = None) -> list[Problem]:
    """HQ texts, HQ pages and UI strings that the mission's languages lack (warnings)."""
    problems = hq_text_gaps(network, entry) + hq_page_gaps(network, entry)
    for lang in entry.mission.languages:
        problems += ui_catalog_gaps(lang)
    return problems


def ui_catalog_gaps(lang: str) -> list[Problem]:
    """One warning if the interface catalog of ``lang`` is missing or incomplete."""
    return list(_catalog_gaps(lang, FileStamp.read(po_path(lang))))


@lru_cache(maxsize=128)
def _catalog_gaps(lang: str, _stamp: FileStamp | None) -> tuple[Problem, ...]:
    if not TEMPLATE.is_file():
        return ()
    with TEMPLATE.open("rb") as handle:
        template = read_po(handle, domain=DOMAIN)
    path = po_path(lang)
    where = display_path(path)
    if not path.is_file():
        return (Problem(where, 0, "", msg("no interface catalog for '{lang}'; readers see the "
                                          "interface in English; create it with: python3 "
                                          "build.py i18n update --lang {lang}", lang=lang),
                    "warning"),)
    missing = untranslated(lang, template)
    if not missing:
        return ()
    shown = ", ".join(f"'{text}'" for text in missing[:3])
    return (Problem(where, 0, "", msg("{count} interface string(s) untranslated in '{lang}' "
                                      "(e.g. {shown}); readers see them in English; list them "
                                      "with: python3 build.py i18n check --lang {lang}",
                                      count=len(missing), lang=lang, shown=shown), "warning"),)
