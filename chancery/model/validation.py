"""Turn schema errors into editor-friendly problems located at ``file:line``."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from chancery.errors import ContentError, Problem
from chancery.loaders.yaml_source import YamlSource, dotted
from chancery.model.fields import Localized

M = TypeVar("M", bound=BaseModel)


def _describe(error: dict[str, Any], model: type[BaseModel]) -> str:
    kind = error["type"]
    ctx = error.get("ctx") or {}
    value = error.get("input")
    if kind == "missing":
        return f"required but missing; add '{error['loc'][-1]}: ...'"
    if kind == "extra_forbidden":
        return f"unknown field '{error['loc'][-1]}'; remove it or check its spelling"
    if kind == "literal_error":
        return f"'{value}' is not allowed; expected one of: {ctx.get('expected', '')}"
    if kind == "union_tag_invalid":
        return f"'{ctx.get('tag')}' is not allowed; expected one of: {ctx.get('expected_tags')}"
    if kind == "union_tag_not_found":
        return f"missing '{ctx.get('discriminator', '').strip(chr(39))}' to say which kind this is"
    if kind == "value_error":
        return str(ctx.get("error", error["msg"]))
    if kind in (
        "string_type",
        "int_type",
        "int_parsing",
        "float_type",
        "float_parsing",
        "bool_type",
        "list_type",
        "dict_type",
        "model_type",
    ):
        expected = {
            "string_type": "text",
            "int_type": "a whole number",
            "int_parsing": "a whole number",
            "float_type": "a number",
            "float_parsing": "a number",
            "bool_type": "true or false",
            "list_type": "a list ('- item' lines)",
            "dict_type": "'key: value' lines",
            "model_type": "'key: value' lines",
        }[kind]
        return f"wrong type: got {_show(value)}; expected {expected}{_how(kind, value)}"
    if kind == "string_too_short":
        return "must not be empty"
    if kind == "too_short":
        return f"needs at least {ctx.get('min_length', 1)} item(s)"
    if kind == "string_pattern_mismatch":
        return f"'{value}' does not have the expected form ({ctx.get('pattern')})"
    if kind in ("greater_than_equal", "less_than_equal", "greater_than", "less_than"):
        return f"{value} is out of range: {error['msg'].lower()}"
    return f"{error['msg']} (got {_show(value)})"


def _how(kind: str, value: Any) -> str:
    """How to write the value the field wants, when the editor's is close to it."""
    if kind == "bool_type":
        return ": write true or false without quotes"
    if kind in ("int_type", "int_parsing", "float_type", "float_parsing") and isinstance(
            value, str):
        return ": write the number without quotes, e.g. 5"
    if kind in ("int_type", "int_parsing") and isinstance(value, float):
        return ": write a whole number, without a decimal point"
    return ""


def _show(value: Any) -> str:
    if isinstance(value, dict):
        return "'key: value' lines"
    if isinstance(value, list):
        return "a list"
    if value is None:
        return "nothing"
    shown = repr(value)
    return shown if len(shown) <= 60 else shown[:57] + "..."


def _clean_loc(loc: tuple) -> tuple:
    """Drop pydantic's union branch names (e.g. ``git``) and ``root`` from a location."""
    return tuple(part for part in loc if part not in ("root", "git", "ssh", "s3", "function-after"))


def validate(model: type[M], source: YamlSource) -> M:
    """Validate ``source`` against ``model``; raise every problem at once."""
    if not isinstance(source.data, dict):
        raise ContentError(
            [
                Problem(
                    source.file, source.line_of(()), "", "expected 'key: value' lines at top level"
                )
            ]
        )
    try:
        return model.model_validate(source.data)
    except ValidationError as exc:
        problems = []
        for error in exc.errors(include_url=False):
            loc = _clean_loc(tuple(error["loc"]))
            problems.append(
                Problem(source.file, source.line_of(loc), dotted(loc), _describe(error, model))
            )
        raise ContentError(problems) from None


def localized_fields(obj: Any, path: tuple = ()) -> Iterator[tuple[tuple, Localized]]:
    """Yield ``(path, value)`` for every :class:`Localized` inside a model."""
    if isinstance(obj, Localized):
        yield path, obj
    elif isinstance(obj, BaseModel):
        for name in type(obj).model_fields:
            yield from localized_fields(getattr(obj, name), path + (name,))
    elif isinstance(obj, list | tuple):
        for i, item in enumerate(obj):
            yield from localized_fields(item, path + (i,))


def missing_translations(
    obj: BaseModel, languages: list[str], source: YamlSource, why: str
) -> list[Problem]:
    """Problems for every translated text that lacks one of ``languages``."""
    problems = []
    for path, value in localized_fields(obj):
        for code in value.missing(languages):
            problems.append(
                Problem(
                    source.file,
                    source.line_of(path),
                    dotted(path),
                    f"no '{code}' text; add '{code}: ...' ({why})",
                )
            )
    return problems
