"""Country names in each language (CLDR), for texts built from typed data."""

from __future__ import annotations

from babel import Locale

from chancery.content.data.formats import locale_of
from chancery.content.model.mission import Address


def country_name(code: str, lang: str) -> str:
    """``FR`` in Vietnamese is ``Pháp``; unknown codes come back unchanged."""
    return Locale.parse(locale_of(lang)).territories.get(code, code)


# Countries that write the postcode after the town.
_POSTCODE_LAST = {"GB", "US", "CA", "AU", "IE", "IN", "NZ", "ZA", "BR", "SG"}


def address_lines(address: Address, lang: str) -> list[str]:
    """Street, town with postcode (in the country's order), country in ``lang``."""
    town = (f"{address.city} {address.postal_code}" if address.country in _POSTCODE_LAST
            else f"{address.postal_code} {address.city}").strip()
    return [address.street, town, country_name(address.country, lang)]
