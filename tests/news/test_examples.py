"""The example network's news: every feed parses, dates are in each page's language."""

from __future__ import annotations

import re
from datetime import datetime
from pathlib import Path

import feedparser
import pytest

from chancery.content.model.network import load_network
from chancery.core.urls import language_prefix
from chancery.features.news.dates import long_date
from chancery.features.news.model import is_post_path
from tests.conftest import CONTENT

NETWORK = load_network(CONTENT)
LANGUAGES = [
    (mission_id, lang, language_prefix(lang, entry.mission.default_language))
    for mission_id, entry in sorted(NETWORK.missions.items())
    for lang in entry.mission.languages
]


def has_posts(mission_id: str, lang: str) -> bool:
    root = CONTENT / mission_id / "pages" / lang
    return any(is_post_path(p.relative_to(root).as_posix()) for p in root.rglob("*.md"))


def post_count(mission_id: str, lang: str) -> int:
    """A language may open with fewer posts than the others (or none yet)."""
    root = CONTENT / mission_id / "pages" / lang
    return sum(is_post_path(p.relative_to(root).as_posix()) for p in root.rglob("*.md"))


@pytest.fixture(autouse=True)
def _examples_have_posts() -> None:
    if not any(has_posts(mission, lang) for mission, lang, _ in LANGUAGES):
        pytest.skip("the example network has no posts yet (content/<id>/pages/<lang>/news/)")


@pytest.mark.parametrize(("mission", "lang", "prefix"), LANGUAGES)
def test_every_feed_parses_with_its_language_and_at_least_five_entries(
    example_site: Path, mission: str, lang: str, prefix: str
) -> None:
    site_url = NETWORK.missions[mission].mission.site_url
    for name in ("feed.xml", "atom.xml"):
        feed = feedparser.parse((example_site / mission / prefix / "news" / name).read_bytes())
        assert not feed.bozo, (name, feed.get("bozo_exception"))
        assert feed.feed.get("language") == lang
        assert len(feed.entries) >= min(5, post_count(mission, lang)), name
        for entry in feed.entries:
            local = entry.link.removeprefix(site_url)
            assert local != entry.link and (example_site / mission / local / "index.html").is_file()


@pytest.mark.parametrize(("mission", "lang", "prefix"), LANGUAGES)
def test_post_dates_are_written_in_the_pages_language(
    example_site: Path, mission: str, lang: str, prefix: str
) -> None:
    news = example_site / mission / prefix / "news"
    checked = 0
    for path in sorted(news.glob("[0-9][0-9][0-9][0-9]/*/index.html")):
        if path.parent.name == "page":
            continue
        text = path.read_text(encoding="utf-8")
        header = text.split('class="chancery-post__header"', 1)[1].split("</header>", 1)[0]
        for iso, shown in re.findall(r'<time datetime="([^"]+)">([^<]+)</time>', header):
            assert shown == long_date(datetime.fromisoformat(iso), lang), path
            checked += 1
    assert checked >= 5
