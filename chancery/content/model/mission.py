"""One mission's facts, entered once for all its languages: ``content/<id>/mission.yml``."""

from __future__ import annotations

import re
from typing import Annotated, Literal

from pydantic import AfterValidator, EmailStr, Field, field_validator

from chancery.content.model import publish_fields
from chancery.content.model.crisis import Crisis
from chancery.content.model.fields import (
    CountryCode,
    HttpsUrl,
    LanguageCode,
    Localized,
    Phone,
    Strict,
    _https_url,
)
from chancery.content.model.languages import DEFAULT_LANGUAGE
from chancery.core.errors import msg

MissionKind = Literal["embassy", "consulate-general", "permanent-mission"]
SocialNetwork = Literal["facebook", "x", "youtube", "zalo", "instagram", "linkedin", "tiktok"]


class Geo(Strict):
    lat: float = Field(ge=-90, le=90)
    lon: float = Field(ge=-180, le=180)


class Address(Strict):
    """Postal address of the chancery, written as the host country writes it."""

    street: str = Field(min_length=1)
    postal_code: str = ""
    city: str = Field(min_length=1)
    country: CountryCode
    geo: Geo | None = None


class PhoneEntry(Strict):
    number: Phone
    label: Localized


class EmailEntry(Strict):
    address: EmailStr
    label: Localized


class SocialLink(Strict):
    network: SocialNetwork
    url: HttpsUrl


class GitTarget(Strict):
    """Push the built site to a branch of a git remote (e.g. GitHub Pages)."""

    method: Literal["git"]
    remote: Annotated[str, AfterValidator(publish_fields.git_remote)]
    branch: Annotated[str, AfterValidator(publish_fields.branch)] = "gh-pages"


class SshTarget(Strict):
    """rsync over SSH into a release directory, then switch a ``current`` symlink."""

    method: Literal["ssh"]
    host: Annotated[str, AfterValidator(publish_fields.host)]
    user: Annotated[str, AfterValidator(publish_fields.user)]
    port: int = Field(22, ge=1, le=65535)
    path: Annotated[str, AfterValidator(publish_fields.absolute_path)]
    keep: int = Field(5, ge=1, le=100)


def _endpoint_url(value: str) -> str:
    """An ``https://`` address; plain ``http://`` only for a server on this machine."""
    if re.fullmatch(r"http://(127\.0\.0\.1|localhost|\[::1\])(:\d+)?/?", value):
        return value
    return _https_url(value)


class S3Target(Strict):
    """An S3-compatible bucket (credentials come from the environment only).

    Releases go under ``<prefix>releases/<name>/``; the pointer ``<prefix>current.json``
    is written last and names the live release; ``keep`` releases stay for rollback.
    """

    method: Literal["s3"]
    bucket: Annotated[str, AfterValidator(publish_fields.bucket)]
    prefix: Annotated[str, AfterValidator(publish_fields.prefix)] = ""
    endpoint: Annotated[str, AfterValidator(_endpoint_url)] | None = None
    region: Annotated[str, AfterValidator(publish_fields.region)] = "us-east-1"
    keep: int = Field(5, ge=1, le=100)


PublishTarget = Annotated[GitTarget | SshTarget | S3Target, Field(discriminator="method")]


class Mission(Strict):
    """Everything in ``content/<id>/mission.yml``."""

    id: str = Field(pattern=r"^[a-z]{2}-[a-z0-9]+(-[a-z0-9]+)*$")
    kind: MissionKind
    name: Localized
    short_name: Localized | None = None
    host_country: CountryCode
    languages: list[LanguageCode] = Field(min_length=1)
    site_url: HttpsUrl
    address: Address
    hotline: Phone
    phones: list[PhoneEntry] = Field(min_length=1)
    emails: list[EmailEntry] = Field(min_length=1)
    jurisdiction: Localized
    social: list[SocialLink] = Field(default_factory=list)
    publish: PublishTarget | None = None
    crisis: Crisis | None = Field(
        None, description="the emergency layout until its end (chancery/features/crisis)")

    @field_validator("languages")
    @classmethod
    def _vietnamese_first(cls, value: list[str]) -> list[str]:
        if value[0] != DEFAULT_LANGUAGE:
            raise ValueError(
                msg("the first language must be '{default_language}' (the default); got "
                    "[{value}]", default_language=DEFAULT_LANGUAGE, value=', '.join(value))
            )
        duplicates = sorted({code for code in value if value.count(code) > 1})
        if duplicates:
            raise ValueError(msg("language listed twice: {duplicates}",
                                 duplicates=', '.join(duplicates)))
        return value

    @field_validator("site_url")
    @classmethod
    def _trailing_slash(cls, value: str) -> str:
        return value if value.endswith("/") else value + "/"

    @property
    def default_language(self) -> str:
        return self.languages[0]

    def display_name(self, lang: str) -> str:
        return (self.short_name or self.name).get(lang)
