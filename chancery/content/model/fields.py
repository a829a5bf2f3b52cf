"""Field types shared by the HQ and mission schemas."""

from __future__ import annotations

import re
from typing import Annotated

import phonenumbers
from babel import Locale
from pydantic import AfterValidator, BaseModel, ConfigDict, Field, RootModel

from chancery.content.model.languages import UnknownLanguage, language
from chancery.core.errors import msg

_TERRITORIES = {code for code in Locale("en").territories if re.fullmatch(r"[A-Z]{2}", code)}


class Strict(BaseModel):
    """Base for schema models: unknown keys are errors, so typos do not pass silently; and
    types are strict: a quoted ``"no"`` or a ``1`` is not a boolean, ``"5"`` not a number."""

    model_config = ConfigDict(extra="forbid", frozen=True, strict=True)


def _language_code(value: str) -> str:
    """A tag CLDR knows; whether HQ declares it is checked where HQ's list is at hand."""
    try:
        language(value)
    except UnknownLanguage as exc:
        raise ValueError(msg("unknown language: {why}", why=exc.args[0])) from None
    return value


def _country_code(value: str) -> str:
    if value not in _TERRITORIES:
        raise ValueError(
            msg("'{value}' is not an ISO 3166-1 country code; expected two capital letters, "
                "e.g. FR", value=value)
        )
    return value


def _phone(value: str) -> str:
    hint = msg("expected international format starting with +, e.g. +33 1 44 14 64 00")
    if not str(value).startswith("+"):
        raise ValueError(msg("'{value}' is not in international format; {hint}",
                             value=value, hint=hint))
    try:
        number = phonenumbers.parse(str(value), None)
    except phonenumbers.NumberParseException:
        raise ValueError(msg("'{value}' is not a phone number; {hint}", value=value,
                             hint=hint)) from None
    if not phonenumbers.is_valid_number(number):
        raise ValueError(msg("'{value}' is not a valid phone number; {hint}",
                             value=value, hint=hint))
    return " ".join(str(value).split())


def _https_url(value: str) -> str:
    """An ``https://`` address with nothing that could end an attribute (``safe_url``)."""
    from chancery.content.model.safe_url import https_url

    return https_url(value)


def _slug(value: str) -> str:
    if not re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", value):
        raise ValueError(msg("'{value}' must be lower-case letters, digits and dashes, e.g. "
                             "'culture'", value=value))
    return value


LanguageCode = Annotated[str, AfterValidator(_language_code)]
CountryCode = Annotated[str, AfterValidator(_country_code)]
Phone = Annotated[str, AfterValidator(_phone)]
HttpsUrl = Annotated[str, AfterValidator(_https_url)]
Slug = Annotated[str, AfterValidator(_slug)]
Text = Annotated[str, Field(min_length=1)]
# The version of the Vietnamese source a translation translates (see chancery.content.freshness).
SourceHash = Annotated[str, Field(pattern=r"^[0-9a-f]{12}$")]


class Localized(RootModel[dict[LanguageCode, Text]]):
    """A text given once per language, e.g. ``{vi: Đại sứ quán, en: Embassy}``."""

    model_config = ConfigDict(frozen=True, strict=True)

    def get(self, code: str, fallback: str = "vi") -> str:
        """Text in ``code``, else in ``fallback``, else any text at all."""
        root = self.root
        return root.get(code) or root.get(fallback) or next(iter(root.values()), "")

    def missing(self, codes: list[str]) -> list[str]:
        return [code for code in codes if code not in self.root]


def tel_uri(phone: str) -> str:
    """``tel:`` URI for a phone number in international format."""
    return "tel:" + re.sub(r"[^\d+]", "", phone)
