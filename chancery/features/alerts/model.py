"""Schema of ``alerts.yml``: HQ's (``content/_hq/data/``, every mission) or a mission's."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from chancery.content.model.fields import HttpsUrl, Localized, Slug, Strict
from chancery.content.model.types import Moment

Severity = Literal["info", "warning", "critical"]


class Alert(Strict):
    """One alert. ``start``/``end`` are days (``end`` included) or times (``end`` excluded).

    A day or a time without a UTC offset is meant in the issuer's time zone: the
    mission's, or Viet Nam's for HQ's alerts.
    """

    id: Slug
    severity: Severity
    title: Localized
    body: Localized
    start: Moment
    end: Moment | None = None  # mandatory: checked with a message that says why
    link: HttpsUrl | None = None


class AlertsFile(Strict):
    alerts: list[Alert] = Field(default_factory=list)
