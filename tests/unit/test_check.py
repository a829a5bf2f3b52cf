"""``check``: front matter, links and images, located at file:line, without rendering."""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image

from chancery.checks.content import check_mission
from chancery.content.model.network import load_network
from tests.conftest import page, write


@pytest.fixture(autouse=True)
def _cwd(network_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(network_dir)


def found(content: Path) -> list[str]:
    network = load_network(content)
    return [str(p) for p in check_mission(network, network.missions["fr-lyon"])]


def test_valid_mission_has_no_problem(network_dir: Path) -> None:
    assert found(network_dir) == []


def test_broken_link_names_file_line_and_language(network_dir: Path) -> None:
    write(
        network_dir / "fr-lyon/pages/fr/about.md",
        "---\ntitle: À propos\n---\n\nIntro.\n\nVoir [le contact](/contact.md).\n",
    )
    assert found(network_dir) == [
        "fr-lyon/pages/fr/about.md:7: link to '/contact.md', which does not exist in 'fr'; "
        "check the path or create pages/fr/contact.md"
    ]


def test_relative_links_resolve_from_the_page_folder(network_dir: Path) -> None:
    write(
        network_dir / "fr-lyon/pages/vi/consular/visa.md", page("Thị thực", "[Home](../index.md)")
    )
    write(network_dir / "fr-lyon/pages/vi/consular/index.md", page("Lãnh sự", "[Visa](visa.md)"))
    assert found(network_dir) == []


def test_link_to_inherited_hq_page_is_fine(network_dir: Path) -> None:
    write(network_dir / "fr-lyon/pages/vi/about.md", page("Giới thiệu", "[Riêng tư](/privacy.md)"))
    assert found(network_dir) == []


def test_missing_image_and_missing_alt(network_dir: Path) -> None:
    (network_dir / "fr-lyon/media").mkdir(parents=True, exist_ok=True)
    Image.new("RGB", (8, 8)).save(network_dir / "fr-lyon/media/chancery.jpg", "JPEG")
    write(
        network_dir / "fr-lyon/pages/vi/about.md",
        "---\ntitle: Giới thiệu\n---\n![Trụ sở](/media/missing.jpg)\n\n![](/media/chancery.jpg)\n",
    )
    assert found(network_dir) == [
        "fr-lyon/pages/vi/about.md:4: image or file '/media/missing.jpg' not found; put it in "
        "the mission's media/ folder and link it as /media/<name>",
        "fr-lyon/pages/vi/about.md:6: image '/media/chancery.jpg' has no alt text; describe "
        "the picture, e.g. ![The chancery building in winter](/media/chancery.jpg), or mark a "
        'purely decorative picture with alt="" and the decorative class: '
        '![](/media/chancery.jpg){: .decorative } or <img src="/media/chancery.jpg" alt="" '
        'class="decorative">',
    ]


def test_links_inside_code_blocks_are_ignored(network_dir: Path) -> None:
    write(
        network_dir / "fr-lyon/pages/vi/about.md", "---\ntitle: A\n---\n```\n[x](/nope.md)\n```\n"
    )
    assert found(network_dir) == []


def test_directory_style_link_asks_for_the_md_file(network_dir: Path) -> None:
    write(network_dir / "fr-lyon/pages/vi/about.md", page("A", "[Liên hệ](/contact/)"))
    assert found(network_dir) == [
        "fr-lyon/pages/vi/about.md:5: link '/contact/' should name the page's .md file, "
        "e.g. /contact/index.md"
    ]


def test_front_matter_errors(network_dir: Path) -> None:
    write(network_dir / "fr-lyon/pages/vi/about.md", "---\ntitel: A\nweight: first\n---\nx\n")
    assert found(network_dir) == [
        "fr-lyon/pages/vi/about.md:2: titel: unknown field 'titel'; remove it or check its "
        "spelling",
        "fr-lyon/pages/vi/about.md:2: title: required but missing; add 'title: ...'",
        "fr-lyon/pages/vi/about.md:3: weight: wrong type: got 'first'; expected a whole number: "
        "write the number without quotes, e.g. 5",
    ]


def test_undeclared_language_folder_and_missing_home(network_dir: Path) -> None:
    write(network_dir / "fr-lyon/pages/de/index.md", page("Start"))
    (network_dir / "fr-lyon/pages/fr/index.md").unlink()
    assert found(network_dir) == [
        "fr-lyon/pages/de: folder for language 'de', which mission.yml does not list "
        "(languages: vi, fr); add it there or rename the folder",
        "fr-lyon/pages/fr/index.md: missing: every language needs a home page; create it with "
        "python3 build.py new page --mission fr-lyon index.md",
    ]


def test_hq_locked_page_cannot_be_overridden(network_dir: Path) -> None:
    write(network_dir / "fr-lyon/pages/vi/privacy.md", page("Riêng tư"))
    (message,) = found(network_dir)
    assert message.startswith(
        "fr-lyon/pages/vi/privacy.md:1: 'privacy.md' is maintained by HQ "
        "for every mission and cannot be overridden; delete this file"
    )


def test_front_matter_read_quickly_still_reports_repeated_keys_and_tabs(network_dir: Path) -> None:
    """Pages are read quickly first; whatever the careful reader refuses is still found."""
    write(network_dir / "fr-lyon/pages/vi/about.md",
          "---\ntitle: A\nimage:\n  src: /media/a.jpg\n  src: /media/b.jpg\n---\nx\n")
    write(network_dir / "fr-lyon/pages/fr/about.md", "---\ntitle: A\n\tweight: 2\n---\nx\n")
    assert found(network_dir) == [
        "fr-lyon/pages/fr/about.md:3: tab character in YAML; indent with spaces",
        "fr-lyon/pages/vi/about.md:5: image.src: duplicate key (first given on line 4); "
        "keep only one",
    ]
