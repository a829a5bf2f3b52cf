"""Bad mission.yml files: one clear ``file:line: field: message`` per problem."""

from __future__ import annotations

from pathlib import Path

import pytest

from chancery.content.model.network import hq_text_gaps, load_network
from chancery.core.errors import ContentError
from tests.conftest import MISSION_YML, write


def problems(content: Path, mission_yml: str) -> list[str]:
    write(content / "fr-lyon" / "mission.yml", mission_yml)
    with pytest.raises(ContentError) as info:
        load_network(content)
    return [str(p).replace(str(content.parent) + "/", "") for p in info.value.problems]


@pytest.fixture(autouse=True)
def _cwd(network_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(network_dir)  # problems name files relative to the working directory


def test_valid_example_loads(network_dir: Path) -> None:
    network = load_network(network_dir)
    mission = network.missions["fr-lyon"].mission
    assert mission.languages == ["vi", "fr"]
    assert mission.default_language == "vi"
    assert network.hq.ministry.citizen_protection_hotline == "+84 981 84 84 84"


def test_missing_field(network_dir: Path) -> None:
    text = MISSION_YML.replace('hotline: "+33 6 12 34 56 78"\n', "")
    assert problems(network_dir, text) == [
        "fr-lyon/mission.yml:1: hotline: required but missing; add 'hotline: ...'"
    ]


def test_wrong_type(network_dir: Path) -> None:
    text = MISSION_YML.replace("languages: [vi, fr]", "languages: vi")
    assert problems(network_dir, text) == [
        "fr-lyon/mission.yml:4: languages: wrong type: got 'vi'; expected a list ('- item' lines)"
    ]


def test_unknown_language(network_dir: Path) -> None:
    text = MISSION_YML.replace("languages: [vi, fr]", "languages: [vi, fr, xx]")
    (message,) = problems(network_dir, text)
    assert message.startswith(
        "fr-lyon/mission.yml:4: languages[2]: unknown language: 'xx' is not a language CLDR "
        "knows; the closest known tags are: "
    )


def test_language_hq_does_not_declare(network_dir: Path) -> None:
    """CLDR knows Swahili, but HQ's languages.yml does not declare it."""
    declared = (network_dir / "_hq/languages.yml").read_text(encoding="utf-8")
    assert "code: sw\n" not in declared
    text = MISSION_YML.replace("languages: [vi, fr]", "languages: [vi, fr, sw]")
    text = text.replace("  fr: Consulat général du Viet Nam à Lyon\n",
                        "  fr: Consulat général du Viet Nam à Lyon\n  sw: Ubalozi\n")
    text = text.replace("{vi: Tổng đài, fr: Standard}", "{vi: Tổng đài, fr: Standard, sw: S}")
    text = text.replace("{vi: Văn phòng, fr: Secrétariat}",
                        "{vi: Văn phòng, fr: Secrétariat, sw: O}")
    text += "  sw: Lyon\n"
    (message,) = problems(network_dir, text)
    assert message.startswith("fr-lyon/mission.yml:4: languages[2]: 'sw' is not a language HQ "
                              "declares (vi, ")
    assert "'- code: sw' in _hq/languages.yml" in message


def test_vietnamese_must_come_first(network_dir: Path) -> None:
    text = MISSION_YML.replace("languages: [vi, fr]", "languages: [fr, vi]")
    assert problems(network_dir, text) == [
        "fr-lyon/mission.yml:4: languages: the first language must be 'vi' (the default); "
        "got [fr, vi]"
    ]


def test_missing_translation(network_dir: Path) -> None:
    text = MISSION_YML.replace("  fr: Région Auvergne-Rhône-Alpes\n", "")
    assert problems(network_dir, text) == [
        "fr-lyon/mission.yml:21: jurisdiction: no 'fr' text; add 'fr: ...' "
        "(every language of the mission needs it)"
    ]


def test_phone_not_international(network_dir: Path) -> None:
    text = MISSION_YML.replace('"+33 4 72 00 00 00"', '"04 72 00 00 00"')
    assert problems(network_dir, text) == [
        "fr-lyon/mission.yml:16: phones[0].number: '04 72 00 00 00' is not in international "
        "format; expected international format starting with +, e.g. +33 1 44 14 64 00"
    ]


def test_unknown_field_and_bad_kind_reported_together(network_dir: Path) -> None:
    text = MISSION_YML.replace("kind: consulate-general", "kind: consulate\nwebsite: x")
    found = problems(network_dir, text)
    assert found == [
        "fr-lyon/mission.yml:2: kind: 'consulate' is not allowed; expected one of: "
        "'embassy', 'consulate-general' or 'permanent-mission'",
        "fr-lyon/mission.yml:3: website: unknown field 'website'; remove it or check its spelling",
    ]


def test_invalid_yaml(network_dir: Path) -> None:
    text = MISSION_YML.replace("city: Lyon", "city: Lyon: Presqu'île")
    (message,) = problems(network_dir, text)
    assert message.startswith(
        "fr-lyon/mission.yml:12: invalid YAML: mapping values are not allowed here;"
    )


def test_tab_indentation(network_dir: Path) -> None:
    text = MISSION_YML.replace("  street:", "\tstreet:")
    assert problems(network_dir, text) == [
        "fr-lyon/mission.yml:10: tab character in YAML; indent with spaces"
    ]


def test_duplicate_id(network_dir: Path) -> None:
    write(
        network_dir / "fr-lyon2" / "mission.yml",
        MISSION_YML.replace("https://fr-lyon.test.example/", "https://other.test.example/"),
    )
    with pytest.raises(ContentError) as info:
        load_network(network_dir)
    messages = [str(p) for p in info.value.problems]
    assert (
        "fr-lyon2/mission.yml:1: id: duplicate id 'fr-lyon', also used by "
        "fr-lyon/mission.yml:1; every mission needs its own"
    ) in messages
    assert (
        "fr-lyon2/mission.yml:1: id: 'fr-lyon' does not match the folder name 'fr-lyon2'; "
        "use id: fr-lyon2 or rename the folder"
    ) in messages


def test_placeholders_left_by_scaffolding(network_dir: Path) -> None:
    text = MISSION_YML.replace("city: Lyon", "city: TODO")
    assert problems(network_dir, text) == [
        "fr-lyon/mission.yml:12: address.city: still a placeholder ('TODO'); "
        "replace it with the real value"
    ]


def test_hq_texts_a_language_lacks_are_warnings(network_dir: Path) -> None:
    text = MISSION_YML.replace("languages: [vi, fr]", "languages: [vi, fr, de]")
    text = text.replace(
        "  fr: Consulat général du Viet Nam à Lyon\n",
        "  fr: Consulat général du Viet Nam à Lyon\n  de: Generalkonsulat\n",
    )
    text = text.replace(
        "{vi: Tổng đài, fr: Standard}", "{vi: Tổng đài, fr: Standard, de: Zentrale}"
    )
    text = text.replace(
        "{vi: Văn phòng, fr: Secrétariat}", "{vi: Văn phòng, fr: Secrétariat, de: Sekretariat}"
    )
    text += "  de: Region Auvergne-Rhône-Alpes\n"
    write(network_dir / "fr-lyon" / "mission.yml", text)
    network = load_network(network_dir)  # loads: readers see Vietnamese meanwhile
    found = [str(p) for p in hq_text_gaps(network, network.missions["fr-lyon"])]
    assert found[0].startswith("_hq/hq.yml:")
    assert (
        "[warning] ministry.name: no 'de' text; readers see the Vietnamese text "
        "until HQ adds 'de: ...' (mission fr-lyon publishes in vi/fr/de)" in found[0]
    )


def test_every_problem_at_once(network_dir: Path) -> None:
    text = (
        MISSION_YML.replace('hotline: "+33 6 12 34 56 78"\n', "")
        .replace("host_country: FR", "host_country: France")
        .replace("https://fr-lyon.test.example/", "http://fr-lyon.test.example/")
    )
    assert problems(network_dir, text) == [
        "fr-lyon/mission.yml:1: hotline: required but missing; add 'hotline: ...'",
        "fr-lyon/mission.yml:3: host_country: 'France' is not an ISO 3166-1 country code; "
        "expected two capital letters, e.g. FR",
        "fr-lyon/mission.yml:8: site_url: 'http://fr-lyon.test.example/' is not an https:// "
        "address; expected e.g. https://example.org/",
    ]
