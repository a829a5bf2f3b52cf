"""Dates of posts: strict ISO 8601 parsing with a time zone, Babel output.

The build's clock is :mod:`chancery.core.clock`.
"""

from __future__ import annotations

from datetime import date, datetime
from email.utils import format_datetime

from babel.dates import format_date

from chancery.core.errors import msg

EXAMPLE = "2026-02-10T18:00:00+01:00"


def parse_zoned(value: object) -> datetime:
    """An ISO 8601 date and time with a UTC offset; ``ValueError`` says how to write it."""
    if isinstance(value, datetime):
        if value.tzinfo is None:
            raise ValueError(msg("'{value}' has no time zone; add it, e.g. {example}",
                                 value=value.isoformat(), example=EXAMPLE))
        return value
    if not isinstance(value, str):
        raise ValueError(
            msg("expected a date and time with a time zone, e.g. {example}; got {value!r}",
                example=EXAMPLE, value=value)
        )
    text = value.strip()
    try:
        parsed = datetime.fromisoformat(text)
    except ValueError:
        raise ValueError(
            msg("'{text}' is not a valid date and time; expected ISO 8601 with a time zone, "
                "e.g. {example}", text=text, example=EXAMPLE)
        ) from None
    if parsed.tzinfo is None:
        if len(text) == 10:
            raise ValueError(
                msg("'{text}' has no time and no time zone; write e.g. {text}T09:00:00+01:00",
                    text=text)
            )
        raise ValueError(
            msg("'{text}' has no time zone; add the UTC offset of the place, e.g. {text}+01:00",
                text=text)
        )
    return parsed


def local_date(moment: datetime) -> date:
    """The calendar day of ``moment`` where it was written (its own UTC offset)."""
    return moment.date()


def long_date(moment: datetime, lang: str) -> str:
    """``moment``'s day in the long format of ``lang``, e.g. ``10 tháng 2, 2026``."""
    from chancery.content.model.languages import language  # CLDR and HQ data: not needed by --help

    return format_date(local_date(moment), "long", locale=language(lang).babel_locale)


def rfc822(moment: datetime) -> str:
    """RSS 2.0 date, e.g. ``Tue, 10 Feb 2026 18:00:00 +0100``."""
    return format_datetime(moment)


def iso(moment: datetime) -> str:
    """ISO 8601 with the offset, as in ``<time datetime>``, Atom and JSON-LD."""
    return moment.isoformat()
