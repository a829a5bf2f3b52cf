"""Bad post front matter: every case is a problem at file:line that says what is allowed."""

from __future__ import annotations

from pathlib import Path

import pytest

from chancery.checks.content import check_mission
from chancery.content.model.network import load_network
from chancery.pipeline.runner import build_missions
from tests.conftest import MISSION_YML, write
from tests.news.helpers import JPEG, add_post

CATEGORIES = "diplomacy, community, economy, culture, consular-notices"
FIELDS = (
    "title, date, updated, categories, tags, summary, image, author, draft, expires, "
    "translation_key, slug, source_hash"
)


@pytest.fixture(autouse=True)
def _cwd(news_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(news_dir)
    write(news_dir / "fr-lyon/media/news/tet.jpg", "")
    (news_dir / "fr-lyon/media/news/tet.jpg").write_bytes(JPEG)


def found(content: Path) -> list[str]:
    network = load_network(content)
    return [str(p) for p in check_mission(network, network.missions["fr-lyon"])]


def test_a_valid_post_has_no_problem(news_dir: Path) -> None:
    add_post(
        news_dir,
        "vi",
        "2026/tet",
        "Gặp mặt Tết",
        categories=("community", "culture"),
        tags="[Tết, cộng đồng]",
        updated="2026-02-11T09:00:00+01:00",
        expires="2027-01-31T00:00:00+01:00",
        image={"src": "/media/news/tet.jpg", "alt": "Bà con gói bánh chưng"},
        author='"Phòng Báo chí"',
        translation_key="tet-2026",
        slug="tet-2026-community",
    )
    assert found(news_dir) == []


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        (
            {"categories": ("community", "sport")},
            f"4: categories[1]: unknown category 'sport'; expected one of: {CATEGORIES}",
        ),
        (
            {"categories": ()},
            f"4: categories: needs at least 1 item(s); expected one or more of: {CATEGORIES}",
        ),
        (
            {"image": {"src": "/media/news/tet.jpg"}},
            "6: image.alt: required when there is an image: describe what the picture shows for "
            'people who cannot see it, e.g. alt: "Volunteers wrapping bánh chưng at the embassy"',
        ),
        (
            {"image": {"src": "/media/news/missing.jpg", "alt": "Ảnh"}},
            "7: image.src: image '/media/news/missing.jpg' not found; put it in the mission's "
            "media/ folder and write src: /media/<name>",
        ),
        (
            {"date": "2026-02-30T18:00:00+01:00"},
            "3: date: '2026-02-30T18:00:00+01:00' is not a valid date and time; expected ISO 8601 "
            "with a time zone, e.g. 2026-02-10T18:00:00+01:00",
        ),
        (
            {"date": "2026-02-10T18:00:00"},
            "3: date: '2026-02-10T18:00:00' has no time zone; add the UTC offset of the place, "
            "e.g. 2026-02-10T18:00:00+01:00",
        ),
        (
            {"date": "2026-02-10"},
            "3: date: '2026-02-10' has no time and no time zone; write e.g. "
            "2026-02-10T09:00:00+01:00",
        ),
        (
            {"catgories": "[culture]"},
            f"6: catgories: unknown field 'catgories'; expected one of: {FIELDS}",
        ),
        (
            {"image": {"src": "/media/news/tet.jpg", "alt": "Ảnh", "caption": "x"}},
            "9: image.caption: unknown field 'caption'; expected one of: src, alt",
        ),
        (
            {"expires": "2026-01-01T00:00:00+01:00"},
            "6: expires: 2026-01-01T00:00:00+01:00 is before the post's date "
            "(2026-02-10T18:00:00+01:00); expires must come after it",
        ),
        (
            {"slug": "Tết-2026"},
            "6: slug: 'Tết-2026' must be lower-case letters, digits and dashes, e.g. 'culture'",
        ),
        (
            {"draft": "yes please"},
            "6: draft: wrong type: got 'yes please'; expected true or false, without quotes; "
            "write draft: true, or remove the line to publish",
        ),
    ],
)
def test_bad_front_matter_names_file_line_and_what_is_allowed(
    news_dir: Path, fields: dict, expected: str
) -> None:
    add_post(news_dir, "vi", "2026/tet", "Gặp mặt Tết", **fields)
    assert found(news_dir) == [f"fr-lyon/pages/vi/news/2026/tet.md:{expected}"]


def test_missing_required_fields(news_dir: Path) -> None:
    write(news_dir / "fr-lyon/pages/fr/news/2026/vide.md", "---\ntitle: Vide\n---\nTexte.\n")
    assert found(news_dir) == [
        "fr-lyon/pages/fr/news/2026/vide.md:2: categories: required but missing; add "
        f"'categories: ...'; expected one or more of: {CATEGORIES}",
        "fr-lyon/pages/fr/news/2026/vide.md:2: date: required but missing; add 'date: ...'",
        "fr-lyon/pages/fr/news/2026/vide.md:2: summary: required but missing; add 'summary: ...'",
    ]


def test_two_posts_at_one_address_or_with_one_key(news_dir: Path) -> None:
    add_post(news_dir, "fr", "2026/a", "Visite officielle", slug="visite")
    add_post(
        news_dir,
        "fr",
        "2026/b",
        "Une autre visite",
        slug="visite",
        translation_key="news/2026/a.md",
    )
    assert found(news_dir) == [
        "fr-lyon/pages/fr/news/2026/b.md:6: slug: address /news/2026/visite/ is already used by "
        "fr-lyon/pages/fr/news/2026/a.md; set a different 'slug:' in one of them",
        "fr-lyon/pages/fr/news/2026/b.md:7: translation_key: translation key 'news/2026/a.md' is "
        "already used by fr-lyon/pages/fr/news/2026/a.md; each language has one version of a "
        "post, so give each post its own key",
    ]


def test_problems_in_a_draft_are_warnings(news_dir: Path) -> None:
    add_post(news_dir, "vi", "2026/nhap", "Nháp", categories=("sport",), draft=True)
    network = load_network(news_dir)
    problems = check_mission(network, network.missions["fr-lyon"])
    assert [(p.line, p.severity) for p in problems] == [(4, "warning")]


def test_post_in_the_wrong_year_folder_is_a_warning(news_dir: Path) -> None:
    add_post(news_dir, "vi", "2025/tet", "Tết", date="2026-02-10T18:00:00+01:00")
    assert found(news_dir) == [
        "fr-lyon/pages/vi/news/2025/tet.md:3: [warning] date: the post is in the folder 2025/ "
        "but dated 2026; its address uses 2026: move it to news/2026/"
    ]


def test_a_bad_post_fails_its_mission_only(news_dir: Path, tmp_path: Path) -> None:
    write(
        news_dir / "fr-nice/mission.yml",
        MISSION_YML.replace("fr-lyon", "fr-nice").replace("Lyon", "Nice"),
    )
    for lang in ("vi", "fr"):
        write(news_dir / f"fr-nice/pages/{lang}/index.md", "---\ntitle: Nice\n---\nx\n")
    add_post(news_dir, "vi", "2026/tet", "Tết", categories=("sport",))
    reports = {
        r.mission: r
        for r in build_missions(news_dir, tmp_path / "site", jobs=2, progress=lambda line: None)
    }
    assert reports["fr-nice"].ok and (tmp_path / "site/fr-nice/index.html").is_file()
    assert not reports["fr-lyon"].ok
    assert any(
        "tet.md:4: categories[0]: unknown category 'sport'" in e for e in reports["fr-lyon"].errors
    )
    assert not (tmp_path / "site/fr-lyon").exists()
