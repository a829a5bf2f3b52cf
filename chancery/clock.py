"""The build's clock: the real time, or the moment set in ``CHANCERY_NOW``.

Alerts, holiday closures and ``review_by`` dates depend on "now"; setting
``CHANCERY_NOW`` (ISO 8601, e.g. ``2027-02-01T09:00:00+07:00``) builds the sites
as they will look at that moment. A time without an offset is taken as UTC.
"""

from __future__ import annotations

import os
from datetime import UTC, datetime

ENV = "CHANCERY_NOW"


def parse_now(value: str) -> datetime:
    """An aware datetime from an ISO 8601 date or date-time; ``ValueError`` if malformed."""
    text = value.strip()
    try:
        moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        raise ValueError(
            f"{ENV}='{value}' is not an ISO 8601 date or time; "
            f"expected e.g. 2027-02-01 or 2027-02-01T09:00:00+07:00"
        ) from None
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def now() -> datetime:
    """The current moment (timezone-aware), from ``CHANCERY_NOW`` if it is set."""
    value = os.environ.get(ENV, "").strip()
    return parse_now(value) if value else datetime.now(UTC)
