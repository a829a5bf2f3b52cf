"""Turn schema errors into editor-friendly problems located at ``file:line``."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from chancery.content.loaders.yaml_source import YamlSource, dotted
from chancery.content.model.fields import Localized
from chancery.core.errors import ContentError, Problem, Text, msg

M = TypeVar("M", bound=BaseModel)


def _describe(error: dict[str, Any], model: type[BaseModel]) -> str:
    kind = error["type"]
    ctx = error.get("ctx") or {}
    value = error.get("input")
    if kind == "missing":
        return msg("required but missing; add '{name}: ...'", name=error["loc"][-1])
    if kind == "extra_forbidden":
        return msg("unknown field '{name}'; remove it or check its spelling",
                   name=error["loc"][-1])
    if kind == "literal_error":
        return msg("'{value}' is not allowed; expected one of: {expected}", value=value,
                   expected=ctx.get("expected", ""))
    if kind == "union_tag_invalid":
        return msg("'{value}' is not allowed; expected one of: {expected}",
                   value=ctx.get("tag"), expected=ctx.get("expected_tags"))
    if kind == "union_tag_not_found":
        return msg("missing '{name}' to say which kind this is",
                   name=ctx.get("discriminator", "").strip(chr(39)))
    if kind == "value_error":  # our validators raise ValueError(msg(...)): keep the message
        raised = ctx.get("error", error["msg"])
        given = getattr(raised, "args", None) or (None,)
        return given[0] if isinstance(given[0], Text) else str(raised)
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
            "string_type": msg("text"),
            "int_type": msg("a whole number"),
            "int_parsing": msg("a whole number"),
            "float_type": msg("a number"),
            "float_parsing": msg("a number"),
            "bool_type": msg("true or false"),
            "list_type": msg("a list ('- item' lines)"),
            "dict_type": msg("'key: value' lines"),
            "model_type": msg("'key: value' lines"),
        }[kind]
        return msg("wrong type: got {got}; expected {expected}{how}", got=_show(value),
                   expected=expected, how=_how(kind, value))
    if kind == "string_too_short":
        return msg("must not be empty")
    if kind == "too_short":
        return msg("needs at least {count} item(s)", count=ctx.get("min_length", 1))
    if kind == "string_pattern_mismatch":
        return msg("'{value}' does not have the expected form ({pattern})", value=value,
                   pattern=ctx.get("pattern"))
    if kind in ("greater_than_equal", "less_than_equal", "greater_than", "less_than"):
        return msg("{value} is out of range: {why}", value=value, why=error["msg"].lower())
    return msg("{message} (got {value})", message=error["msg"], value=_show(value))


def _how(kind: str, value: Any) -> str:
    """How to write the value the field wants, when the editor's is close to it."""
    if kind == "bool_type":
        return msg(": write true or false without quotes")
    if kind in ("int_type", "int_parsing", "float_type", "float_parsing") and isinstance(
            value, str):
        return msg(": write the number without quotes, e.g. 5")
    if kind in ("int_type", "int_parsing") and isinstance(value, float):
        return msg(": write a whole number, without a decimal point")
    return ""


def _show(value: Any) -> str:
    if isinstance(value, dict):
        return msg("'key: value' lines")
    if isinstance(value, list):
        return msg("a list")
    if value is None:
        return msg("nothing")
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
                    source.file, source.line_of(()), "",
                    msg("expected 'key: value' lines at top level")
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
    obj: BaseModel, languages: list[str], source: YamlSource, why: str,
    message: Callable[[str, str], str] | None = None,
) -> list[Problem]:
    """Problems for every translated text that lacks one of ``languages``; ``message(code,
    why)`` says it (by default: add the text)."""
    problems = []
    for path, value in localized_fields(obj):
        for code in value.missing(languages):
            problems.append(
                Problem(
                    source.file,
                    source.line_of(path),
                    dotted(path),
                    (message or _add_text)(code, why),
                )
            )
    return problems


def _add_text(code: str, why: str) -> str:
    return msg("no '{code}' text; add '{code}: ...' ({why})", code=code, why=why)
