"""Decap CMS fields made from our pydantic schemas, so the editor never drifts from them.

Every field of a model becomes one Decap field: its widget from the field's type, whether
it is required from the schema, its pattern and help text from the schema's constraints
and description. A type this module does not know raises :class:`UnknownType` (a schema
change the editor would not reflect fails the tests instead of passing silently).
"""

from __future__ import annotations

import types
from datetime import date, datetime
from decimal import Decimal
from typing import Annotated, Any, Literal, Union, get_args, get_origin

from annotated_types import Ge, Gt, Le, Lt, MaxLen, MinLen
from pydantic import BaseModel, RootModel
from pydantic.fields import FieldInfo

from chancery.content.model import fields as model_fields
from chancery.content.model import types as data_types
from chancery.features.cms.labels import hint_for, label_for
from chancery.features.news.dates import parse_zoned

# Date format of day fields as Decap stores them (dayjs tokens): 2027-02-06.
DAY_FORMAT = "YYYY-MM-DD"
# A date and time with its UTC offset, as posts are dated: 2026-02-14T18:30:00+01:00.
ZONED_FORMAT = "YYYY-MM-DDTHH:mm:ssZ"

_SLUG = r"^[a-z0-9]+(-[a-z0-9]+)*$"
# (pattern, what to write) for text fields our validators check; Decap shows the message.
_PATTERNS: dict[Any, tuple[str, str]] = {
    model_fields._slug: (_SLUG, "chữ thường, số và dấu gạch ngang, ví dụ: culture"),
    model_fields._country_code: (r"^[A-Z]{2}$", "mã quốc gia ISO 3166-1, ví dụ: FR"),
    model_fields._phone: (r"^\+[0-9 ()-]{6,}$", "số quốc tế bắt đầu bằng +, ví dụ: "
                          "+33 1 44 14 64 00"),
    model_fields._https_url: (r"^https://\S+$", "địa chỉ bắt đầu bằng https://"),
    model_fields._language_code: (r"^[a-z]{2,3}(-[A-Za-z0-9]+)*$", "mã ngôn ngữ, ví dụ: fr"),
    data_types.parse_day: (r"^\d{4}-\d{2}-\d{2}$", "YYYY-MM-DD, ví dụ: 2027-02-06"),
    data_types.parse_moment: (r"^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2})?(Z|[+-]\d{2}:\d{2})?)?$",
                              "YYYY-MM-DD hoặc YYYY-MM-DDTHH:MM, ví dụ: 2027-02-06T08:00"),
    data_types.parse_partial_date: (r"^\d{4}(-\d{2}(-\d{2})?)?$",
                                    "YYYY, YYYY-MM hoặc YYYY-MM-DD, ví dụ: 1993-02"),
    data_types.parse_clock: (r"^([01]?\d|2[0-3]):[0-5]\d$", "HH:MM (24 giờ), ví dụ: 09:00"),
    data_types.parse_currency: (r"^[A-Z]{3}$", "mã tiền tệ ISO 4217, ví dụ: EUR"),
    data_types.parse_timezone: (r"^[A-Za-z_]+(/[A-Za-z_+-]+)*$", "múi giờ IANA, ví dụ: "
                                "Europe/Paris"),
}
_EMAIL = (r"^[^@\s]+@[^@\s]+\.[^@\s]+$", "địa chỉ thư điện tử, ví dụ: lanhsu@example.org")
# Validators of values that only HQ sets (publish targets): kept, never edited here.
_HIDDEN_MODULES = ("chancery.content.model.publish_fields",)


class UnknownType(TypeError):
    """A schema type with no Decap widget here: map it in :func:`field_for`."""


def model_fields_for(model: type[BaseModel], languages: list[str], *,
                     hidden: frozenset[str] = frozenset(), path: str = "") -> list[dict]:
    """One Decap field per field of ``model`` (``hidden``: dotted paths kept as they are)."""
    return [
        field_for(name, info, languages, hidden=hidden, path=f"{path}{name}")
        for name, info in model.model_fields.items()
    ]


def field_for(name: str, info: FieldInfo, languages: list[str], *,
              hidden: frozenset[str] = frozenset(), path: str = "") -> dict:
    """The Decap field for one pydantic field."""
    path = path or name
    annotation, optional = _unwrap_optional(info.annotation)
    field: dict[str, Any] = {"label": label_for(name), "name": name}
    if path in hidden:
        return {**field, "widget": "hidden", "required": False}  # kept as the file has it
    field.update(_widget(annotation, info.metadata, languages, hidden, path))
    required = info.is_required() and not optional
    if not required:
        field["required"] = False
        if field["widget"] == "object":
            _optional_inside(field)
    default = info.get_default(call_default_factory=True) if not info.is_required() else None
    if isinstance(default, bool | int | float | str) and field["widget"] in (
            "boolean", "number", "string", "select"):
        field["default"] = default
    description = hint_for(name) or info.description  # our Vietnamese hint first
    if description:
        field["hint"] = description
    return field


def _optional_inside(field: dict) -> None:
    """An optional group: Decap would demand its required fields even when it is left
    empty, so they are optional here and say that they are needed once the group is used
    (the schema, and so ``check``, still demands them)."""
    for inner in field["fields"]:
        if inner.get("required", True) and inner["widget"] != "hidden":
            inner["required"] = False
            note = "bắt buộc nếu điền mục này"
            inner["hint"] = f"{inner['hint']} ({note})" if inner.get("hint") else note


def _unwrap_optional(annotation: Any) -> tuple[Any, bool]:
    if get_origin(annotation) in (Union, types.UnionType):
        args = [arg for arg in get_args(annotation) if arg is not type(None)]
        if len(args) < len(get_args(annotation)):
            inner = args[0] if len(args) == 1 else Union[tuple(args)]  # noqa: UP007
            return inner, True
    return annotation, False


def _flatten(annotation: Any, metadata: list) -> tuple[Any, list]:
    """The bare type and every constraint/validator, through nested ``Annotated``."""
    metadata = list(metadata)
    while get_origin(annotation) is Annotated:
        annotation, *extra = get_args(annotation)
        metadata += extra
    flat = []
    for item in metadata:
        if isinstance(item, FieldInfo):
            flat += item.metadata
        else:
            flat.append(item)
    return annotation, flat


def _validators(metadata: list) -> list:
    return [getattr(item, "func", None) for item in metadata if hasattr(item, "func")]


def _constraint(metadata: list, kind: type, attr: str) -> Any:
    for item in metadata:
        if isinstance(item, kind):
            return getattr(item, attr)
    return None


def _pattern(metadata: list) -> str | None:
    for item in metadata:
        pattern = getattr(item, "pattern", None)
        if isinstance(pattern, str):
            return pattern
    return None


def _widget(annotation: Any, metadata: list, languages: list[str],
            hidden: frozenset[str], path: str) -> dict:
    annotation, metadata = _flatten(annotation, metadata)
    funcs = _validators(metadata)
    if any(getattr(func, "__module__", "") in _HIDDEN_MODULES for func in funcs):
        return {"widget": "hidden"}
    origin = get_origin(annotation)
    if origin in (Union, types.UnionType):
        return {"widget": "hidden"}  # a tagged union (publish target): HQ's, kept as is
    if origin is Literal:
        return {"widget": "select", "options": [str(option) for option in get_args(annotation)]}
    if origin is list:
        return _list_widget(get_args(annotation)[0], metadata, languages, hidden, path)
    if origin is dict:
        return {"widget": "hidden"}  # a keyed map (holiday names): edited in the file
    if isinstance(annotation, type) and issubclass(annotation, model_fields.Localized):
        return _localized(languages)
    if isinstance(annotation, type) and issubclass(annotation, RootModel):
        root = annotation.model_fields["root"].annotation
        if get_origin(root) is dict:  # another text per language, none of them required
            return _localized(languages, first_required=False)
        raise UnknownType(f"{path}: root model {annotation.__name__}")
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return {"widget": "object", "collapsed": False,
                "fields": model_fields_for(annotation, languages, hidden=hidden,
                                           path=f"{path}.")}
    if data_types.parse_day in funcs:
        return {"widget": "datetime", "format": DAY_FORMAT, "date_format": DAY_FORMAT,
                "time_format": False, "picker_utc": True}
    if parse_zoned in funcs:
        return {"widget": "datetime", "format": ZONED_FORMAT}
    if data_types.parse_amount in funcs:
        return {"widget": "number", "value_type": "float", "min": 0}
    for func in funcs:
        if func in _PATTERNS:
            return {"widget": "string", "pattern": list(_PATTERNS[func])}
    if annotation is bool:
        return {"widget": "boolean"}
    if annotation is int or annotation is float:
        widget: dict[str, Any] = {"widget": "number",
                                  "value_type": "int" if annotation is int else "float"}
        low = _constraint(metadata, Ge, "ge")
        high = _constraint(metadata, Le, "le")
        if low is not None:
            widget["min"] = low
        if high is not None:
            widget["max"] = high
        if _constraint(metadata, Gt, "gt") is not None or _constraint(metadata, Lt, "lt"):
            raise UnknownType(f"{path}: strict bounds")
        return widget
    if annotation is str:
        widget = {"widget": "string"}
        pattern = _pattern(metadata)
        if pattern:
            widget["pattern"] = [pattern, "xem gợi ý bên dưới"]
        return widget
    if getattr(annotation, "__name__", "") == "EmailStr" or "EmailStr" in repr(annotation):
        return {"widget": "string", "pattern": list(_EMAIL)}
    if annotation in (date, datetime, Decimal):
        raise UnknownType(f"{path}: {annotation.__name__} without a known validator")
    if isinstance(annotation, type) and annotation is dict:
        return {"widget": "hidden"}  # free-form settings (search:): edited in the file
    raise UnknownType(f"{path}: {annotation!r}")


def _list_widget(item: Any, metadata: list, languages: list[str],
                 hidden: frozenset[str], path: str) -> dict:
    widget: dict[str, Any] = {"widget": "list"}
    low, high = _constraint(metadata, MinLen, "min_length"), _constraint(metadata, MaxLen,
                                                                        "max_length")
    if low:
        widget["min"] = low
    if high:
        widget["max"] = high
    bare, _ = _flatten(item, [])
    inner = field_for("item", FieldInfo.from_annotation(item), languages, hidden=hidden,
                      path=f"{path}[]")
    if isinstance(bare, type) and issubclass(bare, BaseModel) \
            and not issubclass(bare, RootModel):
        widget["fields"] = inner["fields"]
        widget["collapsed"] = False  # fees and hours in sight, not behind a fold
        return widget
    inner.pop("required", None)
    widget["field"] = inner
    return widget


def _localized(languages: list[str], first_required: bool = True) -> dict:
    """A text in each of the mission's languages: the default one required."""
    fields = []
    for position, code in enumerate(languages):
        field: dict[str, Any] = {"label": code, "name": code, "widget": "string"}
        if position or not first_required:
            field["required"] = False
        fields.append(field)
    return {"widget": "object", "collapsed": False, "fields": fields}


def field_names(fields: list[dict], prefix: str = "") -> set[str]:
    """Every dotted field path of a Decap field list (``[]`` for list items)."""
    found: set[str] = set()
    for field in fields:
        path = f"{prefix}{field['name']}"
        found.add(path)
        if "fields" in field:
            inner = f"{path}[]." if field.get("widget") == "list" else f"{path}."
            found |= field_names(field["fields"], inner)
        if "field" in field:
            found |= field_names([field["field"]], f"{path}[].")
    return found
