"""The bilateral-relations block of one language: facts, agreements, visits in order."""

from __future__ import annotations

from dataclasses import dataclass

from chancery.content.data import formats
from chancery.content.data.places import country_name
from chancery.content.i18n.catalog import ui_strings
from chancery.features.profile.model import Partnership, Relations, Visit


@dataclass(frozen=True)
class PartnershipView:
    level: str
    name: str | None
    since: str
    since_iso: str


@dataclass(frozen=True)
class AgreementView:
    title: str
    signed: str
    signed_iso: str
    in_force: str | None


@dataclass(frozen=True)
class VisitView:
    date: str
    iso: str
    heading: str
    role: str
    summary: str | None


@dataclass(frozen=True)
class RelationsView:
    established: str
    established_iso: str
    partnership: PartnershipView | None
    earlier: list[PartnershipView]
    agreements: list[AgreementView]
    visits: list[VisitView]


def level_name(level: str, lang: str) -> str:
    _ = ui_strings(lang).gettext
    return {
        "comprehensive-strategic-partnership": _("Comprehensive strategic partnership"),
        "strategic-partnership": _("Strategic partnership"),
        "extensive-strategic-partnership": _("Extensive strategic partnership"),
        "comprehensive-partnership": _("Comprehensive partnership"),
        "friendship-and-cooperation": _("Friendship and cooperation"),
    }[level]


def visit_heading(kind: str, country: str, lang: str) -> str:
    _ = ui_strings(lang).gettext
    pattern = {
        "state": _("State visit to %(country)s"),
        "official": _("Official visit to %(country)s"),
        "working": _("Working visit to %(country)s"),
        "summit": _("Summit in %(country)s"),
        "other": _("Visit to %(country)s"),
    }[kind]
    return pattern % {"country": country}


def _partnership(item: Partnership, lang: str) -> PartnershipView:
    return PartnershipView(level_name(item.level, lang),
                           item.name.get(lang) if item.name else None,
                           formats.partial(item.since, lang), item.since.iso)


def _visit(visit: Visit, lang: str, vietnam: str, host: str) -> VisitView:
    country = vietnam if visit.to == "vietnam" else host
    return VisitView(formats.partial(visit.date, lang), visit.date.iso,
                     visit_heading(visit.kind, country, lang), visit.role.get(lang),
                     visit.summary.get(lang) if visit.summary else None)


def relations_view(relations: Relations, lang: str, vietnam: str, host_country: str
                   ) -> RelationsView:
    """``vietnam`` is Viet Nam's name in ``lang`` (HQ's); the host's comes from CLDR."""
    host = country_name(host_country, lang)
    return RelationsView(
        formats.day(relations.established, lang),
        relations.established.isoformat(),
        _partnership(relations.partnership, lang) if relations.partnership else None,
        [_partnership(p, lang) for p in sorted(relations.earlier, key=lambda p: p.since)],
        [AgreementView(a.title.get(lang), formats.partial(a.signed, lang), a.signed.iso,
                       formats.partial(a.in_force, lang) if a.in_force else None)
         for a in sorted(relations.agreements, key=lambda a: a.signed)],
        [_visit(v, lang, vietnam, host) for v in sorted(relations.visits, key=lambda v: v.date)],
    )
