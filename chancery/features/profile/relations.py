"""Load a mission's bilateral-relations data and find its problems."""

from __future__ import annotations

from dataclasses import dataclass

from chancery.content.data.files import mission_data
from chancery.content.data.validation import EVERY_LANGUAGE, problem, untranslated, validate_at
from chancery.content.loaders.yaml_source import YamlSource
from chancery.content.model.network import MissionEntry
from chancery.core.errors import ContentError, Problem, msg
from chancery.features.profile.model import Relations

FILE = "relations.yml"
PAGE = "profile/relations.md"


@dataclass(frozen=True)
class MissionRelations:
    relations: Relations
    source: YamlSource


def load_relations(entry: MissionEntry) -> MissionRelations | None:
    """The mission's relations data, ``None`` without the file; raise if invalid."""
    source = mission_data(entry, FILE)
    if source is None:
        return None
    return MissionRelations(validate_at(Relations, source.data, source), source)


def relations_problems(entry: MissionEntry) -> list[Problem]:
    """Schema errors, missing translations, dates out of order."""
    try:
        loaded = load_relations(entry)
    except ContentError as exc:
        return list(exc.problems)
    if loaded is None:
        return []
    relations, source = loaded.relations, loaded.source
    problems = untranslated(relations, entry.mission.languages, source, (), EVERY_LANGUAGE)
    established = relations.established.year
    for i, earlier in enumerate(relations.earlier):
        if relations.partnership and earlier.since > relations.partnership.since:
            problems.append(problem(source, ("earlier", i, "since"),
                                    msg("{since} is after the current partnership's date "
                                        "({partnership}); list only earlier frameworks under "
                                        "'earlier'",
                                        since=earlier.since,
                                        partnership=relations.partnership.since)))
    for i, agreement in enumerate(relations.agreements):
        if agreement.in_force and agreement.in_force < agreement.signed:
            problems.append(problem(source, ("agreements", i, "in_force"),
                                    msg("in force {in_force} before it was signed ({signed}); "
                                        "check both dates",
                                        in_force=agreement.in_force, signed=agreement.signed)))
    for i, visit in enumerate(relations.visits):
        if visit.date.year < established:
            problems.append(problem(source, ("visits", i, "date"),
                                    msg("{date} is before relations were established "
                                        "({established}); check the date",
                                        date=visit.date,
                                        established=relations.established.isoformat()),
                                    "warning"))
    return problems
