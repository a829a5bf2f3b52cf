"""Field types for data files: dates, times, money, time zones; each error says the fix.

The YAML loader keeps dates and times as text, so these types parse them and can
say exactly what is wrong (``2026-02-30``: February 2026 has 28 days).
"""

from __future__ import annotations

import calendar
import difflib
import re
from dataclasses import dataclass
from datetime import date, datetime, time
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from typing import Annotated, Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

from babel.numbers import list_currencies
from pydantic import PlainValidator

from chancery.core.errors import msg

_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_MONTH = re.compile(r"(\d{4})-(\d{2})")
_YEAR = re.compile(r"\d{4}")
_TIME = re.compile(r"(\d{1,2}):(\d{2})")
# Dates an editor can mean: a year 9999 (or 0001) would overflow date arithmetic.
MIN_YEAR, MAX_YEAR = 1800, 2200


def check_year(year: int, text: str) -> None:
    """Refuse a year outside :data:`MIN_YEAR`..:data:`MAX_YEAR` (a typo, or a test of limits)."""
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise ValueError(msg("'{text}': the year {year} is out of range; dates are between "
                             "{min_year} and {max_year}, check the year",
                             text=text, year=year, min_year=MIN_YEAR, max_year=MAX_YEAR))


def in_years(value: date | datetime) -> date | datetime:
    """``value`` if its year is in range (an ``AfterValidator`` for dates and date-times)."""
    check_year(value.year, value.isoformat())
    return value


def _real_date(year: int, month: int, day: int, text: str) -> date:
    check_year(year, text)
    if not 1 <= month <= 12:
        raise ValueError(msg("'{text}' is not a date: there is no month {month} (months are 01 "
                             "to 12)", text=text, month=month))
    last = calendar.monthrange(year, month)[1]
    if not 1 <= day <= last:
        month_name = calendar.month_name[month]
        raise ValueError(
            msg("'{text}' is not a date: {month_name} {year} has {last} days; correct the day "
                "(YYYY-MM-DD, e.g. {year}-{month:02d}-{last:02d})",
                text=text, month_name=month_name, year=year, last=last, month=month)
        )
    return date(year, month, day)


def parse_day(value: Any) -> date:
    """``YYYY-MM-DD`` text (or a date) as a :class:`date`."""
    if isinstance(value, datetime):
        return in_years(value.date())
    if isinstance(value, date):
        return in_years(value)
    text = str(value).strip()
    match = _DATE.fullmatch(text)
    if not match:
        raise ValueError(msg("'{text}' is not a date; write it as YYYY-MM-DD, e.g. 2027-02-06",
                             text=text))
    return _real_date(*(int(part) for part in match.groups()), text)


def parse_moment(value: Any) -> date | datetime:
    """A day (``2027-02-06``) or a date-time (``2027-02-06T08:00``, optional UTC offset)."""
    if isinstance(value, date):
        return in_years(value)
    text = str(value).strip()
    if _DATE.fullmatch(text):
        return parse_day(text)
    if _DATE.match(text):
        parse_day(text[:10])  # an impossible day (or year) gets the precise message
        try:
            return datetime.fromisoformat(text.replace("Z", "+00:00"))
        except ValueError:
            pass
    raise ValueError(
        msg("'{text}' is not a date or time; write YYYY-MM-DD or YYYY-MM-DDTHH:MM (optionally "
            "with a UTC offset, e.g. 2027-02-06T08:00+01:00)", text=text)
    )


@dataclass(frozen=True, order=True)
class PartialDate:
    """A year, a month or a day, when history records no more (``1993``, ``1993-02``)."""

    year: int
    month: int = 0  # 0: unknown
    day: int = 0

    @property
    def iso(self) -> str:
        parts = [f"{self.year:04d}"] + [f"{p:02d}" for p in (self.month, self.day) if p]
        return "-".join(parts)

    def __str__(self) -> str:
        return self.iso


def parse_partial_date(value: Any) -> PartialDate:
    if isinstance(value, PartialDate):
        return value
    if isinstance(value, date):
        return PartialDate(value.year, value.month, value.day)
    text = str(value).strip()
    if _YEAR.fullmatch(text):
        check_year(int(text), text)
        return PartialDate(int(text))
    match = _MONTH.fullmatch(text)
    if match:
        year, month = (int(part) for part in match.groups())
        _real_date(year, month, 1, text)
        return PartialDate(year, month)
    if _DATE.fullmatch(text):
        day = parse_day(text)
        return PartialDate(day.year, day.month, day.day)
    raise ValueError(msg("'{text}' is not a date; write YYYY, YYYY-MM or YYYY-MM-DD, e.g. "
                         "1993-02", text=text))


def parse_clock(value: Any) -> time:
    """``HH:MM`` on the 24-hour clock."""
    if isinstance(value, time):
        return value
    text = str(value).strip()
    match = _TIME.fullmatch(text)
    if match:
        hours, minutes = (int(part) for part in match.groups())
        if hours < 24 and minutes < 60:
            return time(hours, minutes)
    raise ValueError(msg("'{text}' is not a time; write HH:MM on the 24-hour clock, e.g. 09:00",
                         text=text))


@lru_cache(maxsize=1)
def currency_codes() -> frozenset[str]:
    """Every ISO 4217 code Babel knows."""
    return frozenset(list_currencies())


def parse_currency(value: Any) -> str:
    text = str(value).strip()
    if text in currency_codes():
        return text
    close = difflib.get_close_matches(text.upper(), sorted(currency_codes()), n=1)
    hint = msg("did you mean {close}? ", close=close[0]) if close else ""
    raise ValueError(
        msg("'{text}' is not an ISO 4217 currency code; {hint}use the three capital letters of "
            "the currency, e.g. EUR, USD, GBP, JPY, EGP", text=text, hint=hint)
    )


MAX_AMOUNT = 10**12


def parse_amount(value: Any) -> Decimal:
    """A fee: a number that is zero or more."""
    if isinstance(value, bool):
        raise ValueError(msg("{value!r} is not an amount; write a number, e.g. 65 or 65.50",
                             value=value))
    try:
        amount = Decimal(str(value).strip())
    except InvalidOperation:
        raise ValueError(msg("'{value}' is not an amount; write a number, e.g. 65 or 65.50",
                             value=value)) from None
    if not amount.is_finite():
        raise ValueError(msg("'{value}' is not an amount; write a number, e.g. 65 or 65.50",
                             value=value))
    if amount < 0:
        raise ValueError(
            msg("negative fee {value}; a fee is 0 or more (write 0 for a free service)",
                value=value)
        )
    if amount > MAX_AMOUNT or amount != amount.quantize(Decimal("0.0001")):
        raise ValueError(msg("'{value}' is not a fee of sane size; write at most {max_amount:,} "
                             "with at most 4 decimals, e.g. 65.50",
                             value=str(value)[:40], max_amount=MAX_AMOUNT))
    return amount


def parse_timezone(value: Any) -> str:
    text = str(value).strip()
    try:
        ZoneInfo(text)
    except (ZoneInfoNotFoundError, ValueError):
        close = difflib.get_close_matches(text, sorted(available_timezones()), n=1)
        hint = msg("did you mean {close}? ", close=close[0]) if close else ""
        raise ValueError(
            msg("'{text}' is not a time zone; {hint}use an IANA name such as Europe/Paris",
                text=text, hint=hint)
        ) from None
    return text


Day = Annotated[date, PlainValidator(parse_day)]
Moment = Annotated[date | datetime, PlainValidator(parse_moment)]
Partial = Annotated[PartialDate, PlainValidator(parse_partial_date)]
Clock = Annotated[time, PlainValidator(parse_clock)]
CurrencyCode = Annotated[str, PlainValidator(parse_currency)]
Amount = Annotated[Decimal, PlainValidator(parse_amount)]
TimeZone = Annotated[str, PlainValidator(parse_timezone)]
