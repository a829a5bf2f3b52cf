"""``build.py check`` for news: each post's front matter, and conflicts between posts."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from chancery.content.loaders.frontmatter import MarkdownSource
from chancery.content.model.network import HQ_DIR, HQ_FILE, MissionEntry, Network, load_hq
from chancery.content.pages import MEDIA_DIR, MissionPages, PageSource
from chancery.core.errors import Problem
from chancery.core.incremental.reads import ReadCache
from chancery.core.incremental.stamps import FileStamp
from chancery.features.news.load import load_mission_news, mission_rules, news_rules
from chancery.features.news.model import is_post_path
from chancery.features.news.validate import NewsRules, check_post


def is_post(page: PageSource) -> bool:
    return is_post_path(page.path)


def check_post_page(page: PageSource, doc: MarkdownSource) -> list[Problem]:
    """Every problem in one post's front matter, at ``file:line``."""
    return check_post(doc, page.path, _rules_for(page))[1]


def check_news_conflicts(
    network: Network, entry: MissionEntry, pages: MissionPages, languages: list[str],
    reads: ReadCache | None = None,
) -> list[Problem]:
    """Posts of one language at the same address, or with the same translation key."""
    return load_mission_news(pages, mission_rules(network, entry), languages, reads).conflicts


def _rules_for(page: PageSource) -> NewsRules:
    # page.file is <content>/<mission or _hq>/pages/<lang>/<page.path>
    owner = page.file.parents[page.path.count("/") + 2]
    content = owner.parent
    hq_file = content / HQ_DIR / HQ_FILE
    return _rules(content, owner, FileStamp.read(hq_file))


@lru_cache(maxsize=64)
def _rules(content: Path, owner: Path, stamp: FileStamp | None) -> NewsRules:
    hq, _ = load_hq(content)
    return news_rules(hq, [content / HQ_DIR / MEDIA_DIR, owner / MEDIA_DIR])
