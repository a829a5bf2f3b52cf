"""One language site, assembled once from a render request by an ordered tuple of features."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from chancery.content.model.network import load_network
from chancery.core.clock import parse_now
from chancery.core.errors import ContentError
from chancery.features.section import FeatureOptions, Section, SectionInput
from chancery.site.assemble import FEATURES, assemble, release
from chancery.site.data_checks import data_problems
from chancery.site.lite.edition import LiteEdition
from chancery.site.request import RenderRequest
from tests.conftest import CONTENT

NOW = parse_now("2026-12-01T10:00:00+07:00")
NETWORK = load_network(CONTENT)


def _with_hours() -> list[tuple[str, str]]:
    """(mission, language) of every example mission with opening hours, every language."""
    return [(entry.id, lang) for entry in NETWORK.missions.values()
            if (entry.root / "data" / "hours.yml").is_file()
            for lang in entry.mission.languages]


@pytest.fixture
def assembled():
    sites = []

    def make(mission: str, lang: str, **options):
        site = assemble(RenderRequest(CONTENT, mission, lang, NOW), FeatureOptions(**options)
                        if options else None)
        sites.append(site)
        return site

    yield make
    for site in sites:
        release(site)


@pytest.mark.parametrize(("mission", "lang"), _with_hours())
def test_each_data_file_is_loaded_once_per_assembly(assembled, mission: str, lang: str) -> None:
    site = assembled(mission, lang)
    LiteEdition(site, NOW).pages()  # the text-only edition reuses what the sections loaded
    loaded = site.facts.loaded()
    for load in ("load_hours", "mission_schedule", "contact_content", "valid_catalog"):
        assert loaded.count(load) == 1, loaded


@pytest.mark.parametrize(("mission", "lang"), _with_hours())
def test_the_data_checks_read_the_files_the_assembly_parsed(assembled, mission: str,
                                                            lang: str) -> None:
    """The assembly checked the data on the parses its features used: checking it again
    parses nothing new, and finds what the assembly kept."""
    site = assembled(mission, lang)
    parsed = (len(site.network.parsed), len(site.entry.parsed))
    assert parsed[1] > 0  # hours.yml at least
    assert data_problems(site.network, site.entry, NOW) == list(site.problems)
    assert (len(site.network.parsed), len(site.entry.parsed)) == parsed


def test_the_features_run_in_one_written_order(assembled) -> None:
    entry = next(iter(NETWORK.missions.values()))
    site = assembled(entry.id, entry.mission.default_language)
    assert [s.name for s in site.sections] == [name for name, _ in FEATURES]
    assert all(isinstance(s, Section) for s in site.sections)


def test_a_section_left_out_by_hq_is_not_assembled(assembled) -> None:
    entry = next(iter(NETWORK.missions.values()))
    kept = frozenset(name for name, _ in FEATURES) - {"news", "consular"}
    site = assembled(entry.id, entry.mission.default_language, enabled=kept)
    assert {s.name for s in site.sections} == kept
    assert not any(path.startswith("consular/") for path in site.generated)


def test_the_language_site_is_frozen_once_assembled(assembled) -> None:
    entry = next(iter(NETWORK.missions.values()))
    site = assembled(entry.id, entry.mission.default_language)
    with pytest.raises(dataclasses.FrozenInstanceError):
        site.sections = ()  # type: ignore[misc]
    with pytest.raises(dataclasses.FrozenInstanceError):
        site.sections[0].blocks = {}  # type: ignore[misc]


def test_assembling_twice_gives_the_same_site(assembled) -> None:
    for entry in NETWORK.missions.values():
        for lang in entry.mission.languages:
            first, second = assembled(entry.id, lang), assembled(entry.id, lang)
            assert first.versions == second.versions
            assert first.unlisted == second.unlisted
            assert first.navigation() == second.navigation()
            assert [s.name for s in first.sections] == [s.name for s in second.sections]


def test_a_feature_only_returns_what_it_makes(assembled) -> None:
    """A feature given the facts returns its section; the facts' pages are not changed."""
    entry = next(iter(NETWORK.missions.values()))
    site = assembled(entry.id, entry.mission.default_language)
    facts = SectionInput(site.network, site.entry, site.lang, NOW, site.pages, site.pictures)
    before = {code: dict(pages) for code, pages in site.pages.by_lang.items()}
    for _, feature in FEATURES:
        assert isinstance(feature(facts), Section)
    assert {code: dict(pages) for code, pages in site.pages.by_lang.items()} == before


def test_data_made_pages_are_removed_with_the_site(assembled) -> None:
    entry = next(e for e in NETWORK.missions.values() if (e.root / "data/consular.yml").is_file())
    site = assemble(RenderRequest(CONTENT, entry.id, entry.mission.default_language, NOW))
    assert site.generated and all(Path(file).is_file() for file in site.generated.values())
    release(site)
    assert not any(Path(file).exists() for file in site.generated.values())


def test_a_language_the_mission_lacks_is_reported_at_its_line() -> None:
    entry = next(iter(NETWORK.missions.values()))
    declared = {code for e in NETWORK.missions.values() for code in e.mission.languages}
    known = [code for code in NETWORK.languages.codes if code not in declared]
    with pytest.raises(ContentError) as caught:
        assemble(RenderRequest(CONTENT, entry.id, known[0], NOW))
    problem = caught.value.problems[0]
    assert problem.file.endswith("mission.yml") and problem.line > 0
    assert known[0] in problem.message
