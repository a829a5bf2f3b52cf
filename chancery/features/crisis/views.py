"""A crisis as pages show it in one language (the Vietnamese text where it lacks one)."""

from __future__ import annotations

from dataclasses import dataclass

from chancery.content.model.languages import DEFAULT_LANGUAGE, language
from chancery.features.consular.views import paragraphs
from chancery.features.crisis.crisis import ScheduledCrisis


@dataclass(frozen=True)
class CrisisView:
    id: str  # "hq-<id>" or the mission's id
    title: str
    message: list[str]  # paragraphs, plain text (templates escape them)
    lang: str  # language of title and message
    dir: str
    ends: str  # ISO 8601, UTC offset included


def crisis_view(scheduled: ScheduledCrisis, lang: str) -> CrisisView:
    crisis = scheduled.crisis
    both = lang in crisis.title.root and lang in crisis.message.root
    code = lang if both else DEFAULT_LANGUAGE
    ident = f"hq-{crisis.id}" if scheduled.scope == "hq" else scheduled.scope  # type: ignore[attr-defined]
    return CrisisView(ident, crisis.title.root[code], paragraphs(crisis.message.root[code]),
                      code, language(code).direction, scheduled.ends.isoformat())
