"""Check one post's front matter and turn every problem into ``file:line`` with what is allowed."""

from __future__ import annotations

import posixpath
from collections.abc import Callable
from dataclasses import dataclass, replace

from chancery.content.loaders.frontmatter import MarkdownSource
from chancery.content.loaders.yaml_source import YamlSource
from chancery.content.model.network import todo_markers
from chancery.content.model.validation import validate
from chancery.content.pages import MEDIA_DIR
from chancery.core.errors import ContentError, Problem, msg
from chancery.features.news.model import PostImage, PostMeta


@dataclass(frozen=True)
class NewsRules:
    """What a post's front matter is checked against beyond its schema."""

    categories: tuple[str, ...]  # HQ's category ids, in HQ's order
    media_exists: Callable[[str], bool]  # e.g. "media/news/x.jpg" -> is it a media file?
    # Why a media file cannot be published as a picture (chancery.render.images.checks), or None.
    media_problem: Callable[[str], str | None] = lambda path: None  # noqa: ARG005

    def category_list(self) -> str:
        return ", ".join(self.categories)


def _fields(model: type) -> str:
    return ", ".join(model.model_fields)


def _explain(problem: Problem, rules: NewsRules) -> Problem:
    """Say what is allowed where the generic schema message does not."""
    field, message = problem.field, problem.message
    if message.startswith("unknown field"):
        model = PostImage if field.startswith("image.") else PostMeta
        message = message.split(";")[0] + f"; expected one of: {_fields(model)}"
    elif field == "image.alt" and message.startswith("required"):
        message = (
            "required when there is an image: describe what the picture shows for people "
            'who cannot see it, e.g. alt: "Volunteers wrapping bánh chưng at the embassy"'
        )
    elif field == "draft":
        got = message.split(";")[0] + "; " if message.startswith("wrong type") else ""
        message = (f"{got}expected true or false, without quotes; write draft: true, or remove "
                   f"the line to publish")
    elif field == "categories" and not message.startswith("wrong type"):
        message = f"{message}; expected one or more of: {rules.category_list()}"
    return replace(problem, message=message)


def rule_problems(meta: PostMeta, source: YamlSource, path: str, rules: NewsRules) -> list[Problem]:
    """Problems a schema cannot see: HQ's categories, media files, date order, folder year."""
    file, line = source.file, source.line_of
    problems = []
    for i, category in enumerate(meta.categories):
        if category not in rules.categories:
            problems.append(
                Problem(
                    file,
                    line(("categories", i)),
                    f"categories[{i}]",
                    msg("unknown category '{category}'; expected one of: {category_list}",
                        category=category, category_list=rules.category_list()),
                )
            )
    if meta.image is not None:
        src = meta.image.src
        resolved = posixpath.normpath(src.lstrip("/")) if src.startswith("/") else ""
        if not resolved.startswith(f"{MEDIA_DIR}/") or not rules.media_exists(resolved):
            problems.append(
                Problem(
                    file,
                    line(("image", "src")),
                    "image.src",
                    msg("image '{src}' not found; put it in the mission's {media_dir}/ folder "
                        "and write src: /{media_dir}/<name>", src=src, media_dir=MEDIA_DIR),
                )
            )
        elif problem := rules.media_problem(resolved):
            problems.append(Problem(file, line(("image", "src")), "image.src",
                                    msg("image '{src}': {problem}", src=src, problem=problem)))
    for name in ("updated", "expires"):
        moment = getattr(meta, name)
        if moment is not None and moment < meta.date:
            problems.append(
                Problem(
                    file,
                    line((name,)),
                    name,
                    msg("{moment} is before the post's date ({date}); {name} must come after it",
                        moment=moment.isoformat(), date=meta.date.isoformat(), name=name),
                )
            )
    folder_year = path.split("/")[1]
    if folder_year != str(meta.date.year):
        problems.append(
            Problem(
                file,
                line(("date",)),
                "date",
                msg("the post is in the folder {folder_year}/ but dated {year}; its address "
                    "uses {year}: move it to news/{year}/",
                    folder_year=folder_year, year=meta.date.year),
                "warning",
            )
        )
    return problems


def check_post(
    doc: MarkdownSource, path: str, rules: NewsRules
) -> tuple[PostMeta | None, list[Problem]]:
    """Validate a post read with line numbers; return its front matter (if valid) and problems.

    Problems in a draft are warnings: drafts are never built, and an unfinished
    draft must not stop the mission's other news from being published.
    """
    source = doc.meta
    is_draft = isinstance(source.data, dict) and source.data.get("draft") is True
    problems = todo_markers(source)
    try:
        meta = validate(PostMeta, source)
    except ContentError as exc:
        meta = None
        problems += [_explain(p, rules) for p in exc.problems]
    else:
        problems += rule_problems(meta, source, path, rules)
    if is_draft:
        problems = [replace(p, severity="warning") for p in problems]
    return meta, problems
