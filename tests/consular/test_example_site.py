"""The example missions: every consular, contact and relations page, in all their languages."""

from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from chancery.checks.content import check_mission
from chancery.content.model.network import load_network
from chancery.core.urls import language_prefix
from chancery.features.consular.pages import valid_catalog
from tests.conftest import CONTENT

NETWORK = load_network(CONTENT)
PAGES = [
    (mission, lang)
    for mission, entry in sorted(NETWORK.missions.items())
    for lang in entry.mission.languages
]


def read(site: Path, mission: str, lang: str, path: str) -> str:
    prefix = language_prefix(lang, NETWORK.missions[mission].mission.default_language)
    return (site / mission / prefix / path / "index.html").read_text(encoding="utf-8")


def test_example_data_has_no_problem() -> None:
    for entry in NETWORK.missions.values():
        assert [str(p) for p in check_mission(NETWORK, entry)] == [], entry.id


@pytest.mark.parametrize(("mission", "lang"), PAGES)
def test_every_service_has_its_page_in_every_language(
    example_site: Path, mission: str, lang: str
) -> None:
    entry = NETWORK.missions[mission]
    services = valid_catalog(NETWORK, entry).services
    assert len(services) >= 5
    index = read(example_site, mission, lang, "consular")
    for record in services:
        service = record.service
        assert f'href="{service.id}/">{service.title.get(lang)}</a>' in index.replace(
            "&#39;", "'"), (mission, lang, service.id)
        page = read(example_site, mission, lang, f"consular/{service.id}")
        assert f'data-chancery-service="{service.id}"' in page
    assert '<h2 id="opening-hours">' in index and '<h2 id="upcoming-closures">' in index


@pytest.mark.parametrize(("mission", "lang"), PAGES)
def test_every_contact_page_has_json_ld_with_the_address(
    example_site: Path, mission: str, lang: str
) -> None:
    mission_data = NETWORK.missions[mission].mission
    page = read(example_site, mission, lang, "contact")
    (script,) = re.findall(r'<script type="application/ld\+json">(.*?)</script>', page, re.S)
    data = json.loads(script)
    assert data["@type"] == ("Embassy" if mission_data.kind == "embassy" else "GovernmentOffice")
    assert data["address"]["streetAddress"] == mission_data.address.street
    assert data["address"]["postalCode"] == mission_data.address.postal_code
    assert data["address"]["addressCountry"] == mission_data.address.country
    assert data["geo"]["latitude"] == mission_data.address.geo.lat
    assert data["openingHoursSpecification"]
    assert "https://www.openstreetmap.org/?mlat=" in page and "<iframe" not in page


@pytest.mark.parametrize(("mission", "lang"), PAGES)
def test_every_relations_page_has_facts_and_visits(
    example_site: Path, mission: str, lang: str
) -> None:
    page = read(example_site, mission, lang, "profile/relations")
    assert '<dl class="chancery-facts">' in page
    assert '<ol class="chancery-timeline">' in page
    assert "chancery-notice--fallback" not in page  # the mission's own text, translated
    assert read(example_site, mission, lang, "profile/vietnam")  # HQ's "Viet Nam at a glance"


@pytest.mark.parametrize(
    ("mission", "lang", "fee"),
    [
        ("fr-paris", "fr", "65,00\u00a0€"),
        ("fr-paris", "vi", "65,00\u00a0€"),
        ("eg-cairo", "ar", "\u200f3,500.00\u00a0ج.م.\u200f"),
        ("jp-osaka", "ja", "￥10,500"),
        ("gb-london", "en", "£55.00"),
    ],
)
def test_passport_fees_in_the_local_currency_and_locale(
    example_site: Path, mission: str, lang: str, fee: str
) -> None:
    page = read(example_site, mission, lang, "consular/passport")
    assert f'<td class="chancery-fees__amount">{fee}</td>' in page


@pytest.mark.parametrize(("mission", "lang"), PAGES)
def test_visa_pages_link_only_to_the_official_portal(
    example_site: Path, mission: str, lang: str
) -> None:
    page = read(example_site, mission, lang, "consular/visa")
    block = page[page.index('<div class="chancery-service"'):page.index("</article>")]
    hosts = {urlsplit(h).hostname for h in re.findall(r'href="([^"]+)"', block)
             if urlsplit(h).scheme}
    assert hosts == {"evisa.gov.vn"}
