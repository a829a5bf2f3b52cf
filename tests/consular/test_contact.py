"""The contact page: the mission's facts, hours, a map link, and schema.org JSON-LD."""

from __future__ import annotations

import json
import re
from pathlib import Path

from tests.consular.conftest import html


def jsonld(text: str) -> dict:
    (script,) = re.findall(r'<script type="application/ld\+json">(.*?)</script>', text, re.S)
    return json.loads(script)


def test_json_ld_parses_and_carries_the_address(lyon_site: Path) -> None:
    data = jsonld(html(lyon_site, "fr-lyon/fr/contact/index.html"))
    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "GovernmentOffice"  # a consulate general
    assert data["name"] == "Consulat général du Viet Nam à Lyon"
    assert data["url"] == "https://fr-lyon.test.example/fr/contact/"
    assert data["address"] == {
        "@type": "PostalAddress", "streetAddress": "12 rue de la République",
        "postalCode": "69002", "addressLocality": "Lyon", "addressCountry": "FR",
    }
    assert data["telephone"] == "+33 4 72 00 00 00"
    assert data["email"] == "lyon@fr-lyon.test.example"
    assert data["geo"] == {"@type": "GeoCoordinates", "latitude": 45.764, "longitude": 4.8357}


def test_json_ld_has_opening_hours_and_closures(lyon_site: Path) -> None:
    data = jsonld(html(lyon_site, "fr-lyon/contact/index.html"))
    first = data["openingHoursSpecification"][0]
    assert first["dayOfWeek"][0] == "https://schema.org/Monday"
    assert (first["opens"], first["closes"]) == ("09:00", "12:30")
    closed = data["specialOpeningHoursSpecification"]
    assert {"@type": "OpeningHoursSpecification", "validFrom": "2026-12-24",
            "validThrough": "2026-12-24", "opens": "00:00", "closes": "00:00"} in closed


def test_contact_block_follows_the_editor_text(lyon_site: Path) -> None:
    text = html(lyon_site, "fr-lyon/fr/contact/index.html")
    assert text.index("Texte de la page contact (fr).") < text.index('id="contact-address"')
    assert ("<strong>Consulat général du Viet Nam à Lyon</strong><br>\n"
            "<bdi>12 rue de la République</bdi><br>\n<bdi>69002 Lyon</bdi><br>\n"
            "<bdi>France</bdi><br>") in text  # one line per line of the address
    assert '<dt>Standard</dt><dd><a href="tel:+33472000000" dir="ltr">+33 4 72 00 00 00</a>' in text
    assert ('<a href="mailto:lyon@fr-lyon.test.example" dir="ltr">lyon@fr-lyon.test.example</a>'
            ) in text
    assert "<p>Région Auvergne-Rhône-Alpes</p>" in text
    assert '<h2 id="upcoming-closures">Fermetures dans les 12 prochains mois</h2>' in text


def test_the_map_is_a_plain_link_and_nothing_is_embedded(lyon_site: Path) -> None:
    text = html(lyon_site, "fr-lyon/fr/contact/index.html")
    assert ('<a class="chancery-contact__map" href="https://www.openstreetmap.org/?mlat=45.764'
            '&amp;mlon=4.8357#map=18/45.764/4.8357" rel="noopener">Voir l\'emplacement sur '
            "OpenStreetMap</a>") in text
    assert "<iframe" not in text
    assert not re.search(r'<(img|script)[^>]+src="(https?:)?//', text)
