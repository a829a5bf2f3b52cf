"""Country names in each language (CLDR), for texts built from typed data."""

from __future__ import annotations

from babel import Locale

from chancery.content.data.formats import locale_of


def country_name(code: str, lang: str) -> str:
    """``FR`` in Vietnamese is ``Pháp``; unknown codes come back unchanged."""
    return Locale.parse(locale_of(lang)).territories.get(code, code)
