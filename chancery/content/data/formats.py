"""Dates, times and money written the way each language writes them (Babel/CLDR)."""

from __future__ import annotations

from datetime import date, time
from decimal import Decimal

from babel.dates import format_date, format_skeleton, format_time, get_day_names
from babel.numbers import format_currency

from chancery.content.model.languages import language
from chancery.content.model.types import PartialDate


def locale_of(lang: str) -> str:
    """Babel's locale name for a site language (``zh`` is ``zh_Hans``)."""
    return language(lang).babel_locale


def money(amount: Decimal, currency: str, lang: str) -> str:
    """``65,00 €`` in French, ``￥10,500`` in Japanese: CLDR's pattern for the locale."""
    return format_currency(amount, currency, locale=locale_of(lang))


def day(value: date, lang: str, style: str = "long") -> str:
    """``6 février 2027`` (``long``), ``samedi 6 février 2027`` (``full``)."""
    return format_date(value, style, locale=locale_of(lang))


def partial(value: PartialDate, lang: str) -> str:
    """A year, month or day, as precise as it was recorded."""
    if not value.month:
        return format_skeleton("y", date(value.year, 1, 1), locale=locale_of(lang))
    if not value.day:
        return format_skeleton("yMMMM", date(value.year, value.month, 1), locale=locale_of(lang))
    return day(date(value.year, value.month, value.day), lang)


def clock(value: time, lang: str) -> str:
    """``09:00`` in French, ``9:00 AM`` in English."""
    return format_time(value, "short", locale=locale_of(lang))


def weekday_names(lang: str) -> list[str]:
    """Monday first, in the language, capitalised as a table row starts."""
    names = get_day_names("wide", locale=locale_of(lang))
    return [names[i][:1].upper() + names[i][1:] for i in range(7)]
