"""Schema of consular services: ``content/_hq/data/consular.yml`` and a mission's own.

HQ lists the services every mission offers, complete; a mission's file changes
what differs for it (fees in its currency, appointment link, review date) by
giving a service's ``id`` and only those fields, drops one with ``offered: false``,
or adds a service of its own in full.
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from chancery.content.model.fields import HttpsUrl, Localized, Slug, Strict
from chancery.content.model.types import Amount, CurrencyCode, Day

ServiceKind = Literal[
    "visa",
    "passport",
    "legalisation",
    "civil-status",
    "nationality",
    "citizen-protection",
    "other",
]

EVISA_PORTAL = "https://evisa.gov.vn/"
EVISA_HOST = "evisa.gov.vn"


class Fee(Strict):
    """One fee: the same amount in every language, formatted for each locale."""

    id: Slug | None = Field(None, description="lets a mission change the amount only")
    label: Localized
    amount: Amount
    currency: CurrencyCode
    in_force: Day = Field(description="date from which this amount applies")


class FeeChange(Strict):
    """A mission's fee: HQ's fee ``id`` with the amount charged here, or a new fee in full."""

    id: Slug | None = None
    label: Localized | None = None
    amount: Amount
    currency: CurrencyCode
    in_force: Day


class Processing(Strict):
    """Processing time in working days: ``days`` at most, from ``from_days`` at least."""

    days: int = Field(ge=0, le=365)
    from_days: int | None = Field(None, ge=0, le=365)
    note: Localized | None = None


class FormField(Strict):
    """One field of a form, for the form's HTML version."""

    label: Localized
    hint: Localized | None = None


class Form(Strict):
    """A form to download (a file in ``media/``) and its HTML version (its fields)."""

    id: Slug
    title: Localized
    file: str = Field(pattern=r"^/media/\S+$", description="e.g. /media/forms/tk01.pdf")
    fields: list[FormField] = Field(min_length=1)


class LegalBasis(Strict):
    title: Localized
    url: HttpsUrl | None = None


class Service(Strict):
    """A consular service, complete."""

    id: Slug
    kind: ServiceKind
    title: Localized
    summary: Localized
    audience: Localized
    documents: list[Localized] = Field(default_factory=list)
    fees: list[Fee] = Field(default_factory=list)
    processing: Processing | None = None
    how_to_apply: Localized
    how_to_pay: Localized | None = None
    online: HttpsUrl | None = None
    appointment: HttpsUrl | None = None
    forms: list[Form] = Field(default_factory=list)
    legal_basis: list[LegalBasis] = Field(default_factory=list)
    review_by: Day
    weight: int = 100


class ServiceChange(Strict):
    """A mission's entry: changes to an HQ service (any fields), or a new service in full."""

    id: Slug
    offered: bool = True
    kind: ServiceKind | None = None
    title: Localized | None = None
    summary: Localized | None = None
    audience: Localized | None = None
    documents: list[Localized] | None = None
    fees: list[FeeChange] | None = None
    processing: Processing | None = None
    how_to_apply: Localized | None = None
    how_to_pay: Localized | None = None
    online: HttpsUrl | None = None
    appointment: HttpsUrl | None = None
    forms: list[Form] | None = None
    legal_basis: list[LegalBasis] | None = None
    review_by: Day | None = None
    weight: int | None = None


class HQServices(Strict):
    """``content/_hq/data/consular.yml``."""

    services: list[Service] = Field(default_factory=list)


class MissionServices(Strict):
    """``content/<id>/data/consular.yml``."""

    services: list[ServiceChange] = Field(default_factory=list)
