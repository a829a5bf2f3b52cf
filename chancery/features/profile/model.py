"""Schema of ``content/<id>/data/relations.yml``: the facts of the bilateral relations."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from chancery.content.model.fields import Localized, Strict
from chancery.content.model.types import Day, Partial

PartnershipLevel = Literal[
    "comprehensive-strategic-partnership",
    "strategic-partnership",
    "extensive-strategic-partnership",
    "comprehensive-partnership",
    "friendship-and-cooperation",
]
VisitKind = Literal["state", "official", "working", "summit", "other"]


class Partnership(Strict):
    """A framework of relations, from a date (its full official name if it has one)."""

    level: PartnershipLevel
    since: Partial
    name: Localized | None = None


class Agreement(Strict):
    title: Localized
    signed: Partial
    in_force: Partial | None = None


class Visit(Strict):
    """A high-level visit, described by the visitor's role (no names, no quotes)."""

    date: Partial
    to: Literal["vietnam", "host"] = Field(description="the country visited")
    kind: VisitKind
    role: Localized
    summary: Localized | None = None


class Relations(Strict):
    """Everything in ``relations.yml``."""

    established: Day
    partnership: Partnership | None = None
    earlier: list[Partnership] = Field(default_factory=list)
    agreements: list[Agreement] = Field(default_factory=list)
    visits: list[Visit] = Field(default_factory=list)
