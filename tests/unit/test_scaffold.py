"""``build.py new``: scaffolds carry valid front matter and never invent facts."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from chancery.checks.content import check_mission
from chancery.content.loaders.frontmatter import read_markdown
from chancery.content.model.network import load_network, load_network_tolerant
from chancery.core.errors import ContentError
from chancery.tools.scaffold import STANDARD_PAGES, new_mission, new_page
from tests.conftest import ROOT


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
        "'xx' is not a language CLDR knows; the closest known tags are: xh",
        "kind must be one of: embassy, consulate-general, permanent-mission",
        "mission id must be '<country code>-<city>', lower case, e.g. fr-lyon",
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


def fill_todos(mission_yml: Path, host: str) -> None:
    """Replace every TODO of a scaffolded mission.yml with a real-looking value."""
    import yaml

    values = {"site_url": f"https://{mission_yml.parent.name}.test.example/",
              "number": "+49 30 2264890", "hotline": "+49 170 1234567",
              "address": f"info@{mission_yml.parent.name}.test.example", "postal_code": "10117"}

    def fill(value: object, key: object = None) -> object:
        if isinstance(value, dict):
            return {k: fill(v, k) for k, v in value.items()}
        if isinstance(value, list):
            return [fill(v, key) for v in value]
        if isinstance(value, str) and "TODO" in value:
            return values.get(str(key), f"{host} {key}")
        return value

    data = yaml.safe_load(mission_yml.read_text(encoding="utf-8"))
    mission_yml.write_text(yaml.safe_dump(fill(data), allow_unicode=True, sort_keys=False),
                           encoding="utf-8")
    assert "TODO" not in mission_yml.read_text(encoding="utf-8")


def run_cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(ROOT / "build.py"), *args], capture_output=True,
                          text=True, timeout=600, cwd=ROOT,
                          env={"CHANCERY_NO_BOOTSTRAP": "1", "PATH": "/usr/bin:/bin"})


def test_scaffolds_pass_strict_check_once_their_todos_are_filled(network_dir: Path) -> None:
    # languages HQ has every text in: those of a mission that already builds
    languages = load_network(network_dir).missions["fr-lyon"].mission.languages
    created = run_cli("new", "mission", "de-berlin", "--languages", ",".join(languages),
                      "--content", str(network_dir))
    assert created.returncode == 0, created.stderr
    unfilled = run_cli("check", "--strict", "--content", str(network_dir))
    assert unfilled.returncode == 1 and "still a placeholder" in unfilled.stderr

    fill_todos(network_dir / "de-berlin/mission.yml", "Berlin")
    for new in (("page", "consular/visa.md", "--title", "Thị thực"),
                ("post", "--title", "Khai trương", "--category", "community")):
        result = run_cli("new", *new, "--mission", "de-berlin", "--content", str(network_dir))
        assert result.returncode == 0, result.stderr
    for post in (network_dir / "de-berlin/pages").glob("*/news/*/*.md"):
        text = post.read_text(encoding="utf-8")
        post.write_text(text.replace("TODO title in", "Opening:").replace(
            "TODO one or two sentences", "Opening"), encoding="utf-8")
    result = run_cli("check", "--strict", "--content", str(network_dir))
    assert result.returncode == 0, result.stderr
    assert "not yet marked" not in result.stderr and "older than" not in result.stderr


def test_a_never_marked_translation_says_how_to_mark_it(network_dir: Path) -> None:
    network = load_network(network_dir)
    entry = network.missions["fr-lyon"]
    new_page(entry.root, entry.mission.languages, "consular/visa.md", "Thị thực")
    translation = entry.root / "pages" / entry.mission.languages[1] / "consular/visa.md"
    translation.write_text("---\ntitle: Visa\n---\n\nTexte.\n", encoding="utf-8")  # by hand
    (problem,) = [p for p in check_mission(network, entry) if p.field == "source_hash"]
    assert problem.severity == "warning"
    assert problem.message.startswith("not yet marked as translated from the Vietnamese page "
                                      "consular/visa.md: once it is translated")
    assert f"build.py translated --mission fr-lyon --lang {translation.parts[-3]} " \
        "consular/visa.md" in problem.message
    assert "older" not in problem.message


def test_an_unfinished_mission_is_skipped_and_the_others_build(network_dir: Path,
                                                               tmp_path: Path) -> None:
    new_mission(network_dir, "de-berlin", "embassy", ["vi", "de"])
    out, cache = tmp_path / "site", tmp_path / "cache"
    common = ("--content", str(network_dir), "--out", str(out), "--cache-dir", str(cache),
              "--jobs", "2")
    network = run_cli("build", *common)
    assert network.returncode == 0, network.stderr
    assert "skipped de-berlin: unfinished" in network.stderr
    assert "de-berlin/mission.yml:" in network.stderr and "still a placeholder" in network.stderr
    assert (out / "fr-lyon/index.html").is_file() and not (out / "de-berlin").exists()
    alone = run_cli("build", "--mission", "de-berlin", *common)
    assert alone.returncode == 1
