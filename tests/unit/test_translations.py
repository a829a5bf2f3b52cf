"""Translation freshness and status: missing and outdated translations, reported exactly."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from chancery.checks.content import check_mission
from chancery.content.freshness import mark_translated, mission_status, source_hash
from chancery.content.i18n.messages import extract, untranslated
from chancery.content.model.network import load_network
from tests.conftest import CONTENT, ROOT, page, write


@pytest.fixture
def lyon(network_dir: Path) -> Path:
    """fr-lyon: vi has 4 pages; fr translates 3 (one outdated), lacks 1."""
    vi, fr = network_dir / "fr-lyon/pages/vi", network_dir / "fr-lyon/pages/fr"
    write(vi / "consular/index.md", page("Lãnh sự", "Giờ làm việc: 9h-12h."))
    write(vi / "news/index.md", page("Tin tức"))
    write(fr / "consular/index.md", page("Consulaire", "Horaires : 9h-12h."))
    for path in ("index.md", "about.md", "consular/index.md"):
        mark_translated(vi / path, fr / path)
    write(vi / "consular/index.md", page("Lãnh sự", "Giờ làm việc: 9h-12h và 14h-16h."))
    return network_dir


def run_cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(ROOT / "build.py"), *args], capture_output=True,
                          text=True, env={"CHANCERY_NO_BOOTSTRAP": "1", "PATH": "/usr/bin:/bin"})


def test_status_reports_exactly_the_missing_and_outdated_pages(lyon: Path) -> None:
    network = load_network(lyon)
    (status,) = mission_status(network, network.missions["fr-lyon"])
    pages = {p.path: p.state for p in status.pages}
    shared = {path for path, state in pages.items() if path.startswith(("accessibility",
                                                                        "privacy", "profile"))}
    assert {k: v for k, v in pages.items() if k not in shared} == {
        "about.md": "translated", "index.md": "translated",
        "consular/index.md": "outdated", "news/index.md": "missing"}
    assert (status.outdated, status.missing) == (1, 1)


def test_status_command_table_and_json(lyon: Path) -> None:
    result = run_cli("status", "--content", str(lyon), "--format", "json", "--pages")
    assert result.returncode == 0, result.stderr
    (data,) = json.loads(result.stdout)
    assert data["mission"] == "fr-lyon" and data["lang"] == "fr"
    assert data["outdated"] == 1 and data["missing"] == 1
    assert {"path": "news/index.md", "state": "missing"} in data["pages"]
    table = run_cli("status", "--content", str(lyon))
    assert table.stdout.splitlines()[0].split() == ["mission", "language", "total", "translated",
                                                    "missing", "outdated"]


def test_marking_done_makes_it_current_again(lyon: Path) -> None:
    result = run_cli("translated", "--content", str(lyon), "--mission", "fr-lyon", "--lang", "fr",
                     "consular/index.md")
    assert result.returncode == 0, result.stderr
    text = (lyon / "fr-lyon/pages/fr/consular/index.md").read_text(encoding="utf-8")
    digest = source_hash(lyon / "fr-lyon/pages/vi/consular/index.md")
    assert f'source_hash: "{digest}"' in text
    assert text.startswith("---\ntitle: Consulaire\nsource_hash: ")
    network = load_network(lyon)
    (status,) = mission_status(network, network.missions["fr-lyon"])
    assert status.outdated == 0
    missing = run_cli("translated", "--content", str(lyon), "--mission", "fr-lyon",
                      "news/index.md")
    assert missing.returncode == 1
    assert "news/index.md: not translated into 'fr' yet" in missing.stderr


def test_outdated_consular_page_is_a_warning_that_strict_check_fails(lyon: Path) -> None:
    network = load_network(lyon)
    problems = check_mission(network, network.missions["fr-lyon"])
    assert [(p.severity, p.field) for p in problems] == [("warning", "source_hash")]
    assert "older than the Vietnamese page consular/index.md" in problems[0].message
    assert run_cli("check", "--content", str(lyon)).returncode == 0
    assert run_cli("check", "--content", str(lyon), "--strict").returncode == 1


def test_build_writes_the_dashboard_and_the_outdated_notice(lyon: Path, tmp_path: Path) -> None:
    result = run_cli("build", "--content", str(lyon), "--out", str(tmp_path / "site"))
    assert result.returncode == 0, result.stderr
    dashboard = (tmp_path / "site/_dashboard/index.html").read_text(encoding="utf-8")
    assert "<svg" in dashboard and "fr-lyon" in dashboard and "consular/index.md" in dashboard
    html = (tmp_path / "site/fr-lyon/fr/consular/index.html").read_text(encoding="utf-8")
    assert "chancery-notice--outdated" in html
    fine = (tmp_path / "site/fr-lyon/fr/about/index.html").read_text(encoding="utf-8")
    assert "chancery-notice--outdated" not in fine


def test_example_network_is_fully_translated_and_current() -> None:
    network = load_network(CONTENT)
    for entry in network.missions.values():
        for status in mission_status(network, entry):
            assert (status.missing, status.outdated) == (0, 0), (entry.id, status.lang)


def test_every_mission_language_has_every_ui_string() -> None:
    catalog = extract()
    network = load_network(CONTENT)
    languages = {code for entry in network.missions.values() for code in entry.mission.languages}
    for code in sorted(languages):  # the missions' own, whatever they are
        assert untranslated(code, catalog) == [], code
