"""The bilateral-relations page of one mission in one language."""

from __future__ import annotations

from chancery.content.data.pages import GeneratedPage
from chancery.content.i18n.catalog import ui_strings
from chancery.content.model.network import MissionEntry, Network
from chancery.features.profile.relations import PAGE, load_relations
from chancery.features.profile.views import RelationsView, relations_view


def relations_content(network: Network, entry: MissionEntry, lang: str) -> RelationsView | None:
    """``None`` when the mission has no ``relations.yml``; raise if it is invalid."""
    loaded = load_relations(entry)
    if loaded is None:
        return None
    vietnam = network.hq.ministry.country_name.get(lang)
    return relations_view(loaded.relations, lang, vietnam, entry.mission.host_country)


def relations_page(languages: list[str]) -> GeneratedPage:
    """The relations page for a mission that has data but no page of its own."""
    _ = {code: ui_strings(code).gettext for code in languages}
    return GeneratedPage(PAGE, {code: _[code]("Bilateral relations") for code in languages},
                         {}, weight=40)
