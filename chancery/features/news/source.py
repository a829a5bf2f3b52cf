"""Fast reading of post front matter for builds (libyaml, no line numbers).

Builds read every post of every language of a mission, so this skips the
line-aware loader; whatever does not load or validate here is read again with
:func:`chancery.content.loaders.frontmatter.read_markdown` to report it at ``file:line``.
Scalars follow the same rules as the strict loader (YAML 1.2 core schema).

What is read goes through a read cache (:class:`chancery.core.incremental.reads.ReadCache`,
given or the active one): a worker checks its language and then builds it, reading each
post once, and the front matter is kept (as :data:`FRONT_MATTER`) in the file the pipeline
persists per mission, so that rebuilding after one post was edited reads that post only.
"""

from __future__ import annotations

from pathlib import Path

from pydantic import ValidationError

from chancery.content.loaders.frontmatter import cached_quick_read
from chancery.core.incremental.reads import ReadCache, fact_of
from chancery.features.news.model import PostMeta

DRAFT = "draft"
FRONT_MATTER = "front-matter"  # a post's front matter in a read cache (persisted)
POST = "post"  # its validated form (kept in memory only)


def meta_of(found: tuple[dict, str, int] | None) -> dict | None:
    """The front matter in what :func:`~chancery.content.loaders.frontmatter.quick_read`
    found, ``None`` for a file without front matter or read in doubt."""
    return None if found is None or found[2] == 1 else dict(found[0])  # body on line 1: none


def read_meta(path: Path, reads: ReadCache | None = None) -> dict | None:
    """The front matter of ``path`` as a dict; ``None`` when it cannot be read that simply
    (no front matter, a repeated key, a tab, bad YAML: the careful reader says why)."""
    data = fact_of(reads, path, FRONT_MATTER,
                   lambda file: meta_of(cached_quick_read(file, reads)))
    return None if data is None else dict(data)


def fast_meta(path: Path, reads: ReadCache | None = None) -> PostMeta | str | None:
    """A post's valid front matter, :data:`DRAFT`, or ``None`` if it needs the careful reader."""
    def validated(file: Path) -> PostMeta | str | None:
        data = read_meta(file, reads)
        if data is not None and data.get("draft") is True:
            return DRAFT
        if data is not None:
            try:
                return PostMeta.model_validate(data)
            except ValidationError:
                return None
        return None

    return fact_of(reads, path, POST, validated, keep=False)
