"""Read every post of a mission, in every language, from front matter only."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from chancery.content.loaders.frontmatter import read_markdown
from chancery.content.loaders.yaml_source import YamlSource
from chancery.content.model.hq import HQ
from chancery.content.model.network import MissionEntry, Network
from chancery.content.pages import MEDIA_DIR, MissionPages, PageSource
from chancery.core.errors import ContentError, Problem, display_path, msg
from chancery.core.incremental.reads import ReadCache
from chancery.features.news.model import Post, PostMeta, is_post_path
from chancery.features.news.source import DRAFT, fast_meta
from chancery.features.news.validate import NewsRules, check_post, rule_problems

_NO_LINES = YamlSource("", {})


@dataclass
class MissionNews:
    """Every valid, non-draft post of a mission per language, and what is wrong with the rest."""

    posts: dict[str, list[Post]] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)  # in single posts
    conflicts: list[Problem] = field(default_factory=list)  # between posts

    def raise_errors(self) -> None:
        errors = [p for p in self.problems + self.conflicts if p.is_error]
        if errors:
            raise ContentError(errors)


def media_lookup(roots: list[Path]) -> Callable[[str], bool]:
    """``exists("media/x.jpg")`` over media folders (HQ's, then the mission's), listed once."""
    found: set[str] = set()

    def exists(path: str) -> bool:
        if not found:
            found.add("")  # listed, even if empty
            for root in roots:
                if root.is_dir():
                    found.update(
                        f"{MEDIA_DIR}/{p.relative_to(root).as_posix()}"
                        for p in root.rglob("*")
                        if p.is_file()
                    )
        return path in found

    return exists


def news_rules(hq: HQ, media_roots: list[Path]) -> NewsRules:
    from chancery.render.images.checks import media_problem

    return NewsRules(tuple(c.id for c in hq.news.categories), media_lookup(media_roots),
                     media_problem(media_roots))


def mission_rules(network: Network, entry: MissionEntry) -> NewsRules:
    return news_rules(network.hq, [network.hq_dir / MEDIA_DIR, entry.root / MEDIA_DIR])


def _read_post(page: PageSource, rules: NewsRules, reads: ReadCache | None = None
               ) -> tuple[Post | None, list[Problem]]:
    """Fast path first (through ``reads``); anything doubtful is read again with line
    numbers."""
    meta = fast_meta(page.file, reads)
    if meta == DRAFT:
        return None, []
    if isinstance(meta, PostMeta) and not rule_problems(meta, _NO_LINES, page.path, rules):
        return Post.create(page.lang, page.path, page.file, meta), []
    try:
        doc = read_markdown(page.file, display_path(page.file))
    except ContentError as exc:
        return None, list(exc.problems)
    meta, problems = check_post(doc, page.path, rules)
    if meta is None or meta.draft or any(p.is_error for p in problems):
        return None, problems
    return Post.create(page.lang, page.path, page.file, meta), problems


def load_mission_news(
    pages: MissionPages, rules: NewsRules, languages: list[str] | None = None,
    reads: ReadCache | None = None,
) -> MissionNews:
    """Read the posts of a mission's ``languages`` (default: all) in time linear in their
    number; ``reads`` keeps what was read of them for the rest of the work."""
    news = MissionNews()
    for lang, by_path in pages.by_lang.items():
        if languages is not None and lang not in languages:
            continue
        found = []
        for path, page in by_path.items():
            if not is_post_path(path) or page.fallback_from:
                continue  # news never falls back to another language's text
            post, problems = _read_post(page, rules, reads)
            news.problems += problems
            if post is not None:
                found.append(post)
        news.posts[lang] = found
        news.conflicts += conflicts(found)
    return news


def conflicts(posts: list[Post]) -> list[Problem]:
    """Two posts of one language at one address, or sharing a translation key."""
    problems = []
    addresses: dict[str, Post] = {}
    keys: dict[str, Post] = {}
    for post in sorted(posts, key=lambda p: p.path):
        if (where := _taken(addresses, post.url, post)) is not None:
            problems.append(
                _conflict(
                    post,
                    "slug",
                    msg("address /{url} is already used by {where}; set a different 'slug:' in "
                        "one of them", url=post.url, where=where),
                )
            )
        if (where := _taken(keys, post.key, post)) is not None:
            problems.append(
                _conflict(
                    post,
                    "translation_key",
                    msg("translation key '{key}' is already used by {where}; each language has "
                        "one version of a post, so give each post its own key",
                        key=post.key, where=where),
                )
            )
    return problems


def _taken(seen: dict[str, Post], value: str, post: Post) -> str | None:
    """The file of the post seen first with ``value`` if it is another; else ``None``, and
    ``post`` is that first one from now on."""
    other = seen.setdefault(value, post)
    return None if other is post else display_path(other.source)


def _conflict(post: Post, key: str, message: str) -> Problem:
    """A problem located at ``key`` in the post's front matter (or at its title)."""
    file = display_path(post.source)
    try:
        source = read_markdown(post.source, file).meta
        line = source.lines.get((key,)) or source.line_of(("title",))
    except (ContentError, OSError):
        line = 1
    return Problem(file, line, key, message)
