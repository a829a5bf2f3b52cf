"""``build.py new``: scaffolds carry valid front matter and never invent facts."""

from __future__ import annotations

from pathlib import Path

import pytest

from chancery.check import check_mission
from chancery.errors import ContentError
from chancery.loaders.frontmatter import read_markdown
from chancery.model.network import load_network, load_network_tolerant
from chancery.scaffold import STANDARD_PAGES, new_mission, new_page


def test_new_mission_pages_are_titled_in_each_language(network_dir: Path) -> None:
    created = new_mission(network_dir, "jp-fukuoka", "consulate-general", ["vi", "ja", "en"])
    assert len(created) == 1 + 3 * len(STANDARD_PAGES)
    titles = {
        lang: read_markdown(network_dir / f"jp-fukuoka/pages/{lang}/consular/index.md").meta.data[
            "title"
        ]
        for lang in ("vi", "ja", "en")
    }
    assert titles == {"vi": "Dịch vụ lãnh sự", "ja": "領事サービス", "en": "Consular services"}


def test_new_mission_lists_every_placeholder_to_fill(
    network_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(network_dir)
    new_mission(network_dir, "jp-fukuoka", "consulate-general", ["ja"])
    _, failures = load_network_tolerant(network_dir)
    messages = [str(p) for p in failures["jp-fukuoka"]]
    fields = [m.split(": ")[1] for m in messages]
    assert fields == [
        "name.vi",
        "name.ja",
        "site_url",
        "address.street",
        "address.postal_code",
        "address.city",
        "hotline",
        "phones[0].number",
        "phones[0].label.vi",
        "phones[0].label.ja",
        "emails[0].address",
        "emails[0].label.vi",
        "emails[0].label.ja",
        "jurisdiction.vi",
        "jurisdiction.ja",
    ]
    assert all("still a placeholder" in m for m in messages), messages


def test_new_mission_rejects_bad_input(network_dir: Path) -> None:
    with pytest.raises(ContentError) as info:
        new_mission(network_dir, "Lyon", "consulate", ["vi", "xx"])
    messages = [p.message for p in info.value.problems]
    assert messages == [
        "kind must be one of: embassy, consulate-general, permanent-mission",
        "mission id must be '<country code>-<city>', lower case, e.g. fr-lyon",
        "unknown language(s) xx; expected: vi, en, fr, ar, fa, ja, zh, ko, ru, de, es, pt",
    ]


def test_new_page_in_every_language_passes_check(network_dir: Path) -> None:
    network = load_network(network_dir)
    entry = network.missions["fr-lyon"]
    created = new_page(entry.root, entry.mission.languages, "about/team", "Đội ngũ")
    assert [p.relative_to(entry.root).as_posix() for p in created] == [
        "pages/vi/about/team.md",
        "pages/fr/about/team.md",
    ]
    assert check_mission(network, entry) == []
    with pytest.raises(ContentError, match="already exists"):
        new_page(entry.root, entry.mission.languages, "about/team.md", "Đội ngũ")
    with pytest.raises(ContentError, match="lower-case letters"):
        new_page(entry.root, entry.mission.languages, "../Escape.md", "x")
