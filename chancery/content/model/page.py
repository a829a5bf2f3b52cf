"""Front matter of an ordinary page (news posts have their own model)."""

from __future__ import annotations

from pydantic import Field

from chancery.content.model.fields import SourceHash, Strict


class PageMeta(Strict):
    """What an editor may write between the ``---`` lines of a page."""

    title: str = Field(min_length=1)
    description: str | None = None
    weight: int = Field(100, ge=0, le=10000)
    hide: list[str] = Field(default_factory=list)
    search: dict | None = None
    source_hash: SourceHash | None = None  # written by `build.py translated`
