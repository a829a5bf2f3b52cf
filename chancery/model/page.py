"""Front matter of an ordinary page (news posts have their own model)."""

from __future__ import annotations

from pydantic import Field

from chancery.model.fields import Strict


class PageMeta(Strict):
    """What an editor may write between the ``---`` lines of a page."""

    title: str = Field(min_length=1)
    description: str | None = None
    weight: int = Field(100, ge=0, le=10000)
    hide: list[str] = Field(default_factory=list)
    search: dict | None = None
    source_hash: str | None = Field(
        None, pattern=r"^[0-9a-f]{12}$",
        description="the version of the Vietnamese source this translation translates; "
        "written by `build.py translated`",
    )
