"""``build.py new post``: a post in every language of a mission, as a draft to complete."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

from chancery.content.model.languages import language
from chancery.content.model.network import MissionEntry, Network
from chancery.content.pages import PAGES_DIR
from chancery.core.clock import wall_now
from chancery.core.errors import ContentError, Problem, display_path, msg
from chancery.features.news import NEWS_DIR
from chancery.features.news.slugs import default_slug
from chancery.tools.scaffold import mark_as_translations

BODY = "<!-- Write the post here, in Markdown, without a '# title' line. -->\n"


def post_text(title: str, date: datetime, category: str, summary: str) -> str:
    """A draft post with valid front matter; ``TODO`` marks what the editor must write."""
    return (
        "---\n"
        f"title: {json.dumps(title, ensure_ascii=False)}\n"
        f"date: {date.isoformat()}\n"
        f"categories: [{category}]\n"
        f"summary: {json.dumps(summary, ensure_ascii=False)}\n"
        "draft: true  # remove this line to publish\n"
        "---\n\n" + BODY
    )


def new_post(
    network: Network,
    entry: MissionEntry,
    title: str,
    category: str,
    now: datetime | None = None,
) -> list[Path]:
    """Create ``pages/<lang>/news/<YYYY>/<slug>.md`` in every language of the mission.

    The file name comes from the (Vietnamese) title and is the same in every
    language, so the versions are linked as translations of one post.
    """
    categories = [c.id for c in network.hq.news.categories]
    if category not in categories:
        raise ContentError(
            [
                Problem(
                    "build.py new post",
                    0,
                    "category",
                    msg("unknown category '{category}'; expected one of: {categories}",
                        category=category, categories=', '.join(categories)),
                )
            ]
        )
    date = (now or wall_now().astimezone()).replace(second=0, microsecond=0)
    path = f"{NEWS_DIR}/{date.year}/{default_slug(title, 'post.md')}.md"
    files = [entry.root / PAGES_DIR / lang / path for lang in entry.mission.languages]
    existing = [f for f in files if f.exists()]
    if existing:
        raise ContentError(
            [
                Problem(display_path(f), 0, "", msg("already exists; choose another title"))
                for f in existing
            ]
        )
    for lang, file in zip(entry.mission.languages, files, strict=True):
        first = lang == entry.mission.default_language
        name = language(lang).native_name
        text = post_text(
            title if first else f"TODO title in {name} ({title})",
            date,
            category,
            f"TODO one or two sentences in {name} for listings, feeds and social networks",
        )
        file.parent.mkdir(parents=True, exist_ok=True)
        file.write_text(text, encoding="utf-8")
    mark_as_translations(files)
    return files
