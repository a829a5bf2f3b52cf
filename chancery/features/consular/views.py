"""What a consular page shows in one language: texts chosen, numbers and dates formatted.

Templates only place these values; every decision (which text, which format,
which link) is made here, where it can be tested without rendering a site.
"""

from __future__ import annotations

from dataclasses import dataclass

from chancery.content.data import formats
from chancery.content.i18n.catalog import ui_strings
from chancery.content.i18n.fallback import Fallback, localized
from chancery.content.model.fields import Localized
from chancery.core.urls import page_url, relative_url
from chancery.features.consular.model import EVISA_PORTAL, Fee, Form, Processing, Service

SECTION = "consular"
INDEX = f"{SECTION}/index.md"


def service_path(service_id: str) -> str:
    """The page of a service: ``consular/<id>.md``, published at ``consular/<id>/``."""
    return f"{SECTION}/{service_id}.md"


def paragraphs(text: str) -> list[str]:
    """A text split into paragraphs at line breaks (a blank line in plain YAML text).

    Paragraphs of a text in another language (:class:`Fallback`) keep its language.
    """
    found = [" ".join(part.split()) for part in text.split("\n") if part.strip()]
    return [text.with_text(part) for part in found] if isinstance(text, Fallback) else found


@dataclass(frozen=True)
class FeeView:
    label: str
    amount: str  # formatted for the locale, e.g. "65,00 €"
    in_force: str
    in_force_iso: str


@dataclass(frozen=True)
class FormFieldView:
    label: str
    hint: str | None


@dataclass(frozen=True)
class FormView:
    id: str
    title: str
    href: str  # relative to the page
    format: str  # e.g. "PDF"
    fields: list[FormFieldView]


@dataclass(frozen=True)
class Link:
    label: str
    href: str


@dataclass(frozen=True)
class ServiceView:
    id: str
    kind: str
    title: str
    summary: str
    audience: list[str]
    documents: list[str]
    fees: list[FeeView]
    processing: str | None
    processing_note: str | None
    how_to_apply: list[str]
    how_to_pay: list[str]
    online: Link | None
    appointment: Link | None
    forms: list[FormView]
    legal_basis: list[Link | str]
    href: str = ""  # from the services index


def _text(value: Localized | None, lang: str) -> str | None:
    return localized(value, lang)


def fee_view(fee: Fee, lang: str) -> FeeView:
    _ = ui_strings(lang).gettext
    amount = formats.money(fee.amount, fee.currency, lang) if fee.amount else _("Free of charge")
    return FeeView(_text(fee.label, lang), amount, formats.day(fee.in_force, lang),
                   fee.in_force.isoformat())


def processing_text(processing: Processing, lang: str) -> str:
    """``5 working days``, ``3–5 working days`` or ``Same day``, in the language."""
    ngettext = ui_strings(lang).ngettext
    if processing.days == 0:
        return ui_strings(lang).gettext("Same day")
    if processing.from_days is not None and processing.from_days < processing.days:
        return ngettext("%(low)d–%(num)d working day", "%(low)d–%(num)d working days",
                        processing.days) % {"low": processing.from_days, "num": processing.days}
    return ngettext("%(num)d working day", "%(num)d working days",
                    processing.days) % {"num": processing.days}


def form_view(form: Form, lang: str, page: str) -> FormView:
    target = form.file.lstrip("/")
    extension = target.rsplit(".", 1)[-1].upper() if "." in target else ""
    return FormView(
        form.id,
        _text(form.title, lang),
        relative_url(page_url(page), target),
        extension,
        [FormFieldView(_text(f.label, lang), _text(f.hint, lang)) for f in form.fields],
    )


def service_view(service: Service, lang: str, page: str | None = None) -> ServiceView:
    """``service`` in ``lang`` for the page at ``page`` (its own page by default)."""
    _ = ui_strings(lang).gettext
    page = page or service_path(service.id)
    online = None
    if service.kind == "visa":
        online = Link(_("Apply for an e-visa on the official portal"), EVISA_PORTAL)
    elif service.online:
        online = Link(_("Apply online"), service.online)
    appointment = Link(_("Book an appointment"), service.appointment) if (
        service.appointment and service.kind != "visa") else None
    return ServiceView(
        id=service.id,
        kind=service.kind,
        title=_text(service.title, lang),
        summary=_text(service.summary, lang),
        audience=paragraphs(_text(service.audience, lang)),
        documents=[_text(doc, lang) for doc in service.documents],
        fees=[fee_view(fee, lang) for fee in service.fees],
        processing=processing_text(service.processing, lang) if service.processing else None,
        processing_note=_text(service.processing.note, lang) if service.processing else None,
        how_to_apply=paragraphs(_text(service.how_to_apply, lang)),
        how_to_pay=paragraphs(_text(service.how_to_pay, lang)) if service.how_to_pay else [],
        online=online,
        appointment=appointment,
        forms=[form_view(form, lang, page) for form in service.forms],
        legal_basis=[
            Link(_text(item.title, lang), item.url) if item.url else _text(item.title, lang)
            for item in service.legal_basis
        ],
        href=relative_url(page_url(INDEX), page_url(service_path(service.id))),
    )
