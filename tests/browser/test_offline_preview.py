"""``build.py preview``: a built mission that a reviewer clicks through from disk.

Each example mission's preview is written from the session's build; every relative address
must lead to a file of the preview, every page says ``noindex``, and real Chromium, opening
the files with ``file://``, follows the menu and the language switcher to pages that are
styled, in the right language, with no policy violation.
"""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from chancery.content.model.network import load_network
from chancery.tools.offline_preview import NOINDEX, offline_address, write_offline_preview
from tests.conftest import CONTENT

ROOT = Path(__file__).resolve().parents[2]
NETWORK = load_network(CONTENT)
MISSIONS = sorted(NETWORK.missions)
RECORD_VIOLATIONS = """
window.__violations = [];
document.addEventListener("securitypolicyviolation",
  (event) => window.__violations.push(event.violatedDirective));
"""


@pytest.mark.parametrize(("address", "expected"), [
    ("../", "../index.html"), ("./", "./index.html"), ("..", "../index.html"),
    ("about/", "about/index.html"), ("about/#team", "about/index.html#team"),
    ("search/?q=visa", "search/index.html?q=visa"), ("../../fr/", "../../fr/index.html"),
    ("assets/site.css", "assets/site.css"), ("#fees", "#fees"), ("", ""),
    ("https://example.org/a/", "https://example.org/a/"), ("/absolute/", "/absolute/"),
    ("mailto:consul@example.org", "mailto:consul@example.org"), ("tel:+33144", "tel:+33144"),
])
def test_a_folder_address_names_its_index_file(address: str, expected: str) -> None:
    assert offline_address(address) == expected


@pytest.fixture(scope="module")
def previews(example_site: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Every example mission's preview, made with the command line as a reviewer would."""
    to = tmp_path_factory.mktemp("previews")
    for mission in MISSIONS:
        result = subprocess.run(
            [sys.executable, str(ROOT / "build.py"), "preview", "--mission", mission,
             "--out", str(example_site), "--to", str(to)],
            capture_output=True, text=True, timeout=120)
        assert result.returncode == 0, result.stderr
        assert "warning" not in result.stderr, result.stderr
        assert f"{mission}: " in result.stdout and "index.html" in result.stdout
    return to


@pytest.mark.parametrize("mission", MISSIONS)
def test_every_address_leads_to_a_file_and_every_page_says_noindex(
        example_site: Path, tmp_path: Path, mission: str) -> None:
    report = write_offline_preview(example_site / mission, tmp_path / mission)
    assert report.broken == []
    assert report.pages > 10 and report.addresses > report.pages
    for page in (tmp_path / mission).rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        assert html.count(NOINDEX) == 1, page
        policy = html.find('<meta http-equiv="Content-Security-Policy"')
        assert 0 < policy < html.index(NOINDEX), page  # the policy stays first in <head>
        assert 'href="../"' not in html and 'href="./"' not in html, page
    live = (example_site / mission / "index.html").read_text(encoding="utf-8")
    assert NOINDEX not in live  # the published site is untouched


@pytest.fixture
def tab(browser: object) -> Iterator[object]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.add_init_script(RECORD_VIOLATIONS)
    page = context.new_page()
    yield page
    context.close()


@pytest.mark.parametrize("mission", MISSIONS)
def test_a_reviewer_clicks_through_the_preview_from_disk(
        tab: object, previews: Path, mission: str) -> None:
    languages = NETWORK.missions[mission].mission.languages
    tab.goto((previews / mission / "index.html").as_uri())
    assert tab.evaluate("document.documentElement.lang") == languages[0]
    menu = [link.get_attribute("href") for link in tab.locator(
        "nav a[href$='index.html']:not([href^='http'])").all() if link.is_visible()]
    targets = list(dict.fromkeys(href for href in menu if href not in ("./index.html",)))[:4]
    assert targets, "the menu has no links to pages"
    for href in targets:
        tab.goto((previews / mission / "index.html").as_uri())
        tab.locator(f"nav a[href='{href}']").first.click()
        tab.wait_for_load_state("load")
        assert tab.url.startswith("file://") and tab.url.split("#")[0].endswith(".html"), \
            tab.url
        assert tab.locator("h1").count() >= 1, tab.url  # a page, not a folder listing
        position = tab.evaluate(
            "getComputedStyle(document.querySelector('.md-header')).position")
        assert position in ("sticky", "fixed"), tab.url  # the stylesheet loaded
        assert tab.evaluate("window.__violations") == [], tab.url
    tab.goto((previews / mission / "index.html").as_uri())
    for lang in languages[1:] + languages[:1]:
        tab.locator(f".chancery-lang-switch a[hreflang='{lang}']").first.click()
        tab.wait_for_load_state("load")
        assert tab.url.startswith("file://") and "index.html" in tab.url, tab.url
        assert tab.evaluate("document.documentElement.lang") == lang
        assert tab.evaluate("window.__violations") == []


def test_a_mission_not_built_is_refused_without_traceback(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, str(ROOT / "build.py"), "preview", "--mission", MISSIONS[0],
         "--out", str(tmp_path / "empty"), "--to", str(tmp_path / "to")],
        capture_output=True, text=True, timeout=60)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert f"build it with: python3 build.py build --mission {MISSIONS[0]}" in result.stderr
    assert not (tmp_path / "to").exists()


def test_a_mission_id_cannot_name_another_folder(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, str(ROOT / "build.py"), "preview", "--mission", "../outside",
         "--out", str(tmp_path), "--to", str(tmp_path / "to")],
        capture_output=True, text=True, timeout=60)
    assert result.returncode == 2 and "not a mission id" in result.stderr
