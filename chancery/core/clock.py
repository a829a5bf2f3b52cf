"""The two times Chancery knows, and the only module that reads either.

- The **build's clock** (:func:`now`): the moment a site is built *as of*. Alerts, holiday
  closures, scheduled and expired posts and ``review_by`` dates depend on it. It is the
  real time, unless ``--now`` or ``$CHANCERY_NOW`` (ISO 8601, e.g.
  ``2027-02-01T09:00:00+07:00``) builds the sites as they will look at that moment. It
  is read once, where a command starts; from there the moment travels in the render
  request (chancery.site.request), never through the environment.
- The **wall clock** (:func:`wall_now`): when something really happens, whatever
  ``--now`` says: a manifest's ``built_at``, a release's name, the translation
  dashboard's "generated" line, the date a new post is scaffolded with.

A date or a time written without an offset is taken as UTC.
"""

from __future__ import annotations

import os
from datetime import UTC, datetime

ENV = "CHANCERY_NOW"
EXAMPLE = "2027-02-01T09:00:00+07:00"


def parse_now(value: str) -> datetime:
    """An aware datetime from an ISO 8601 date or date-time; ``ValueError`` if malformed."""
    text = value.strip()
    try:
        moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        raise ValueError(
            f"'{text}' is not an ISO 8601 date or time; expected e.g. 2027-02-01 or {EXAMPLE}"
        ) from None
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def now() -> datetime:
    """The build's clock (timezone-aware): ``$CHANCERY_NOW`` if it is set, else the real time."""
    value = os.environ.get(ENV, "").strip()
    if not value:
        return wall_now()
    try:
        return parse_now(value)
    except ValueError as exc:
        raise ValueError(f"{ENV}: {exc}") from None


def wall_now() -> datetime:
    """The real current time in UTC, which ``--now`` does not change."""
    return datetime.now(UTC)
