"""Schema of ``crisis:`` in a mission's ``mission.yml`` and in HQ's ``hq.yml``.

A mission declares at most one crisis; HQ declares a list, each naming the missions it
covers (``missions: all`` or a list of ids). Texts are plain text (no Markdown, no HTML),
one per language: a language the crisis lacks shows the Vietnamese text (``check`` warns),
so a crisis never waits for its translations.
"""

from __future__ import annotations

from typing import Literal

from pydantic import ConfigDict, Field, RootModel

from chancery.content.model.fields import LanguageCode, Slug, Strict, Text
from chancery.content.model.types import Moment

MAX_DAYS = 30  # a crisis longer than this is renewed by writing a new end


class CrisisText(RootModel[dict[LanguageCode, Text]]):
    """A text per language. Not a ``Localized``: a missing language falls back, and is
    not an error of the mission (see :mod:`chancery.features.crisis.crisis`)."""

    model_config = ConfigDict(frozen=True, strict=True)


class Crisis(Strict):
    """One crisis. ``start``/``end`` are days (``end`` included) or times (``end``
    excluded); without a UTC offset they are meant in the issuer's time zone."""

    start: Moment
    end: Moment | None = None  # mandatory: checked with a message that says why
    title: CrisisText
    message: CrisisText


class HqCrisis(Crisis):
    """A crisis HQ declares for some missions, or for ``all``."""

    id: Slug
    missions: Literal["all"] | list[str] = Field(min_length=1)
