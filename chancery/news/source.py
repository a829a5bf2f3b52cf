"""Fast reading of post front matter for builds (libyaml, no line numbers).

Builds read every post of every language of a mission, so this skips the
line-aware loader; whatever does not load or validate here is read again with
:func:`chancery.loaders.frontmatter.read_markdown` to report it at ``file:line``.
Scalars follow the same rules as the strict loader (YAML 1.2 core schema).
Results are kept per process while a file is unchanged: a worker checks its
language and then builds it, and ``serve`` rebuilds after every save.
"""

from __future__ import annotations

import re
from pathlib import Path

import yaml
from pydantic import ValidationError

from chancery.loaders.yaml_source import StrictLoader
from chancery.news.model import PostMeta

_Base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _FastLoader(_Base):
    """libyaml's parser with the strict loader's scalar rules."""


_FastLoader.yaml_implicit_resolvers = StrictLoader.yaml_implicit_resolvers
_END = re.compile(r"^(?:---|\.\.\.)[ \t]*\r?$", re.MULTILINE)


def read_meta(path: Path) -> dict | None:
    """The front matter of ``path`` as a dict; ``None`` when it cannot be read that simply."""
    try:
        text = path.read_text(encoding="utf-8").removeprefix("\ufeff")
    except (OSError, UnicodeDecodeError):
        return None
    first = text.find("\n")
    if first < 0 or text[:first].rstrip() != "---":
        return None
    end = _END.search(text, first + 1)
    if end is None:
        return None
    try:
        data = yaml.load(text[first + 1 : end.start()], Loader=_FastLoader)
    except yaml.YAMLError:
        return None
    return data if isinstance(data, dict) else None


DRAFT = "draft"
_SEEN: dict[Path, tuple[tuple[int, int], PostMeta | str | None]] = {}


def fast_meta(path: Path) -> PostMeta | str | None:
    """A post's valid front matter, :data:`DRAFT`, or ``None`` if it needs the careful reader."""
    try:
        stat = path.stat()
    except OSError:
        return None
    key = (stat.st_mtime_ns, stat.st_size)
    seen = _SEEN.get(path)
    if seen is not None and seen[0] == key:
        return seen[1]
    data = read_meta(path)
    result: PostMeta | str | None = None
    if data is not None and data.get("draft") is True:
        result = DRAFT
    elif data is not None:
        try:
            result = PostMeta.model_validate(data)
        except ValidationError:
            result = None
    _SEEN[path] = (key, result)
    return result
