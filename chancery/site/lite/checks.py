"""The ``lite/`` folder of every language is the text-only edition's: no page may use it."""

from __future__ import annotations

from chancery.content.model.network import MissionEntry, Network
from chancery.content.pages import MissionPages
from chancery.core.errors import Problem, display_path, msg
from chancery.site.lite import LITE_DIR


def lite_problems(network: Network, entry: MissionEntry, pages: MissionPages,
                  languages: list[str], reads: object = None) -> list[Problem]:
    """An error for every page written under ``lite/`` (its address is the edition's)."""
    return [
        Problem(display_path(page.file), 1, "",
                msg("'{path}' is inside {lite_dir}/, the folder of the text-only edition that "
                    "every build writes; move the page to another folder",
                    path=path, lite_dir=LITE_DIR))
        for lang in languages
        for path, page in pages.by_lang.get(lang, {}).items()
        if path.startswith(f"{LITE_DIR}/") and not page.fallback_from
    ]
