"""Problems with a mission's consular data, for ``build.py check`` and every build."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from urllib.parse import urlsplit

from chancery.content.data.files import hq_data_path
from chancery.content.data.validation import EVERY_LANGUAGE, problem, untranslated
from chancery.content.loaders.yaml_source import YamlSource
from chancery.content.model.network import MissionEntry, Network
from chancery.content.pages import MEDIA_DIR
from chancery.core.errors import ContentError, Problem, display_path, msg
from chancery.features.consular.closures import (
    HQ_NAMES_FILE,
    VIETNAM,
    Holiday,
    HolidaySources,
    closed_days,
    library_name,
    load_hq_names,
    open_on_problems,
    settings_problems,
    supported,
    unknown_names,
)
from chancery.features.consular.hours import MissionHours, load_hours
from chancery.features.consular.model import EVISA_HOST, EVISA_PORTAL
from chancery.features.consular.services import Catalog, ServiceRecord, load_catalog


def _no_name(holiday: Holiday, lang: str, yaml: str) -> str:
    return msg("public holiday '{key}' ({day}) has no '{lang}' name and will be shown in "
               "English; add under {yaml}", key=holiday.key, day=holiday.day.isoformat(),
               lang=lang, yaml=yaml)

def service_problems(record: ServiceRecord, entry: MissionEntry, network: Network,
                     today: date) -> list[Problem]:
    """Translations, the visa page's links, form files, processing time, review date."""
    service = record.service
    languages = entry.mission.languages
    problems = []
    for name in type(service).model_fields:
        if name == "fees":
            continue
        source, path = record.where(name)
        problems += untranslated(getattr(service, name), languages, source, path,
                                 _why(source, entry), _severity(source, entry))
    for i, fee in enumerate(service.fees):
        source, path = record.fee_label(i)
        problems += untranslated(fee.label, languages, source, path, _why(source, entry),
                                 _severity(source, entry))
    if service.kind == "visa":
        problems += _visa_links(record)
    for i, form in enumerate(service.forms):
        source, path = record.where("forms")
        relative = form.file.removeprefix(f"/{MEDIA_DIR}/")
        roots = (entry.root / MEDIA_DIR, network.hq_dir / MEDIA_DIR)
        if not any((root / relative).is_file() for root in roots):
            problems.append(problem(source, path + (i, "file"),
                                    msg("'{file}' not found; put the file in the mission's "
                                        "{media_dir}/ folder (or HQ's) and link it as "
                                        "/{media_dir}/<name>",
                                        file=form.file, media_dir=MEDIA_DIR)))
    processing = service.processing
    if processing and processing.from_days is not None and processing.from_days > processing.days:
        source, path = record.where("processing")
        problems.append(problem(source, path + ("from_days",),
                                msg("from_days ({from_days}) is more than days ({days}); 'days' "
                                    "is the longest time",
                                    from_days=processing.from_days, days=processing.days)))
    if service.review_by < today:
        source, path = record.where("review_by")
        problems.append(problem(
            source, path,
            msg("review date {review_by} has passed; check that the '{id}' service's documents, "
                "fees and times are still right, then set a new review_by date",
                review_by=service.review_by.isoformat(), id=service.id), "warning"))
    return problems


def _severity(source: YamlSource, entry: MissionEntry) -> str:
    """A mission's own untranslated text is an error; HQ's falls back, so it is a warning."""
    return "error" if source.file.startswith(display_path(entry.root) + "/") else "warning"


def _why(source: YamlSource, entry: MissionEntry) -> str:
    if source.file.startswith(display_path(entry.root) + "/"):
        return EVERY_LANGUAGE
    return msg("mission {mission} publishes in {languages}", mission=entry.id,
               languages="/".join(entry.mission.languages))


def _visa_links(record: ServiceRecord) -> list[Problem]:
    """The visa page links only to the official e-visa portal."""
    service = record.service
    found = [("online", (), service.online), ("appointment", (), service.appointment)]
    found += [("legal_basis", (i, "url"), item.url) for i, item in enumerate(service.legal_basis)]
    problems = []
    for name, sub, url in found:
        if url and urlsplit(url).hostname != EVISA_HOST:
            source, path = record.where(name)
            problems.append(problem(
                source, path + sub,
                msg("'{url}': the visa page links only to the official e-visa portal "
                    "{evisa_portal}; remove this address", url=url, evisa_portal=EVISA_PORTAL)))
    return problems


def catalog_problems(catalog: Catalog, entry: MissionEntry, network: Network,
                     today: date) -> list[Problem]:
    problems = list(catalog.problems)
    for record in catalog.services:
        problems += service_problems(record, entry, network, today)
    return problems


def consular_problems(network: Network, entry: MissionEntry, today: date) -> list[Problem]:
    """Every problem of the mission's services (HQ's defaults included) and hours."""
    catalog = load_catalog(network, entry)
    return catalog_problems(catalog, entry, network, today) + hours_problems(entry, network, today)


def hours_problems(entry: MissionEntry, network: Network, today: date) -> list[Problem]:
    """Invalid hours, holiday settings, closures, and holidays no language can name."""
    try:
        mission_hours = load_hours(entry)
        hq_names, hq_source = load_hq_names(network)
    except ContentError as exc:
        return list(exc.problems)
    if mission_hours is None:
        return []
    languages = entry.mission.languages
    source = mission_hours.source
    hours = mission_hours.hours
    problems = untranslated(hours, languages, source, (), EVERY_LANGUAGE)
    host = entry.mission.host_country
    settings = settings_problems(mission_hours, host)
    if settings:
        return problems + settings
    problems += open_on_problems(mission_hours, host)
    holidays = hours.holidays
    if holidays.host and host != VIETNAM and supported(host):
        problems += unknown_names(holidays.names, host, holidays.subdivision, today, source,
                                  ("holidays", "names"))
    if hq_source is not None:
        problems += unknown_names(hq_names.names, VIETNAM, None, today, hq_source, ("names",))
    names = HolidaySources(hours.holidays.names, hq_names.names)
    problems += _unnamed(mission_hours, host, names, languages, today, hq_source,
                         hq_data_path(network, HQ_NAMES_FILE))
    return problems


def _unnamed(mission_hours: MissionHours, host: str, sources: HolidaySources,
             languages: list[str], today: date, hq_source: YamlSource | None,
             hq_file: Path) -> list[Problem]:
    """Warn once per holiday and language that would be shown in English instead."""
    subdivision = mission_hours.hours.holidays.subdivision
    seen = set()
    problems = []
    for closed in closed_days(mission_hours, host, today):
        shown: dict[str, Holiday] = {}  # as on the page: one name per holiday, the first
        for holiday in closed.holidays:
            shown.setdefault(holiday.key, holiday)
        for holiday in shown.values():
            for lang in languages:
                given = sources.lookup(holiday)
                if (given and lang in given.root) or (holiday.key, lang) in seen:
                    continue
                region = None if holiday.country == VIETNAM else subdivision
                if library_name(holiday, region, lang):
                    continue
                seen.add((holiday.key, lang))
                facts = {"key": holiday.key, "day": holiday.day.isoformat(), "lang": lang}
                if holiday.country != VIETNAM:
                    problems.append(problem(
                        mission_hours.source, ("holidays",),
                        _no_name(holiday, lang,
                                 f'holidays.names: "{holiday.key}": {{{lang}: ...}}'),
                        "warning"))
                elif hq_source is not None:
                    problems.append(problem(
                        hq_source, ("names",),
                        _no_name(holiday, lang, f'names: "{holiday.key}": {{{lang}: ...}}'),
                        "warning"))
                else:
                    problems.append(Problem(
                        display_path(hq_file), 0, "",
                        msg("public holiday '{key}' ({day}) has no '{lang}' name and will be "
                            "shown in English; add under {yaml} (create the file)", **facts,
                            yaml=f'names: "{holiday.key}": {{{lang}: ...}}'),
                        "warning"))
    return problems
