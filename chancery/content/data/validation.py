"""Validate part of a data file and report problems at ``file:line``."""

from __future__ import annotations

from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from chancery.content.loaders.yaml_source import Path_, YamlSource, dotted
from chancery.content.model.validation import _clean_loc, _describe, localized_fields
from chancery.core.errors import ContentError, Problem, msg

M = TypeVar("M", bound=BaseModel)
# why a mission's own translated text needs every language (see untranslated)
EVERY_LANGUAGE = msg("every language of the mission needs it")


def problem(source: YamlSource, path: Path_, message: str, severity: str = "error") -> Problem:
    """A problem located at the line of ``path`` in ``source``."""
    return Problem(source.file, source.line_of(path), dotted(path), message, severity)


def validate_at(model: type[M], data: Any, source: YamlSource, prefix: Path_ = ()) -> M:
    """Validate ``data`` (found at ``prefix`` in ``source``); raise every problem at once."""
    if not isinstance(data, dict):
        raise ContentError([problem(source, prefix, msg("expected 'key: value' lines here"))])
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        problems = []
        for error in exc.errors(include_url=False):
            loc = prefix + _clean_loc(tuple(error["loc"]))
            problems.append(problem(source, loc, _describe(error, model)))
        raise ContentError(problems) from None


def untranslated(
    obj: Any, languages: list[str], source: YamlSource, prefix: Path_, why: str,
    severity: str = "error",
) -> list[Problem]:
    """Problems for every translated text below ``obj`` that lacks one of ``languages``.

    HQ's texts are ``warning``: readers see the Vietnamese text meanwhile.
    """
    return [
        problem(source, path, msg("no '{code}' text; add '{code}: ...' ({why})",
                                  code=code, why=why) if severity == "error" else
                msg("no '{code}' text; readers see the Vietnamese text until HQ adds "
                    "'{code}: ...' ({why})", code=code, why=why), severity)
        for path, value in localized_fields(obj, prefix)
        for code in value.missing(languages)
    ]
