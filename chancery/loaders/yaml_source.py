"""Line-aware, strict YAML loading for files that editors write by hand.

Two differences from ``yaml.safe_load`` matter to editors:

* Only ``true``/``false`` are booleans and only plain decimal numbers are
  numbers, so a country code ``NO``, a postal code ``01000`` or a time ``8:30``
  stay text (YAML 1.1 would turn them into ``False``, ``1000`` and ``510``).
* Every key and list item remembers its line, so that a later validation
  error can point at ``file:line``; duplicate keys are errors, not overwrites.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from chancery.errors import ContentError, Problem
from chancery.loaders.text import read_text

Path_ = tuple[str | int, ...]


class StrictLoader(yaml.SafeLoader):
    """SafeLoader with YAML 1.2 core-schema scalars: everything else is a string.

    Pure Python: used to explain a syntax error with PyYAML's wording and our hints.
    """


class FastStrictLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
    """The same scalars on libyaml's C parser (about ten times faster); line marks included."""


for _loader in (StrictLoader, FastStrictLoader):
    _loader.yaml_implicit_resolvers = {}
    _loader.add_implicit_resolver(
        "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"),
        list("tTfF"),
    )
    _loader.add_implicit_resolver(
        "tag:yaml.org,2002:int", re.compile(r"^[-+]?(?:0|[1-9][0-9]*)$"), list("-+0123456789")
    )
    _loader.add_implicit_resolver(
        "tag:yaml.org,2002:float",
        re.compile(r"^[-+]?(?:(?:0|[1-9][0-9]*)\.[0-9]+(?:[eE][-+]?[0-9]+)?)$"),
        list("-+0123456789"),
    )
    _loader.add_implicit_resolver(
        "tag:yaml.org,2002:null", re.compile(r"^(?:~|null|Null|NULL|)$"), ["~", "n", "N", ""]
    )


@dataclass
class YamlSource:
    """Parsed YAML data plus the line of every key and list item."""

    file: str
    data: Any
    lines: dict[Path_, int] = field(default_factory=dict)
    line_offset: int = 0

    def line_of(self, path: Path_) -> int:
        """Line of ``path``, or of its nearest ancestor that exists in the file."""
        path = tuple(path)
        while path:
            if path in self.lines:
                return self.lines[path]
            path = path[:-1]
        return self.lines.get((), 1)


_HINTS = (
    ("\\t", "indent with spaces, not tabs"),
    ("found character '\\t'", "indent with spaces, not tabs"),
    ("mapping values are not allowed", "put a space after ':' and quote text that contains ': '"),
    ("could not find expected ':'", "every line of a mapping needs 'key: value'"),
    ("expected <block end>", "check the indentation of this line against the lines above"),
    ("found undefined alias", "'*' starts a YAML alias; quote text that begins with '*'"),
    ("expected ',' or ']'", "a '[' list is not closed; if this is text, put it in quotes"),
    ("expected ',' or '}'", "a '{' mapping is not closed; if this is text, put it in quotes"),
    ("found unexpected end of stream", "a quote or bracket is not closed"),
    ("found character '@'", "quote text that begins with '@'"),
    ("found character '`'", "quote text that begins with '`'"),
)


def _hint(message: str) -> str:
    for needle, hint in _HINTS:
        if needle in message:
            return hint
    return "check the YAML syntax on this line"


def parse_yaml(text: str, file: str, line_offset: int = 0) -> YamlSource:
    """Parse ``text``; raise :class:`ContentError` naming ``file:line`` on bad YAML."""
    if "\t" in text:
        problems = [
            Problem(file, n + 1 + line_offset, "", "tab character in YAML; indent with spaces")
            for n, line in enumerate(text.splitlines())
            if "\t" in line[: len(line) - len(line.lstrip())]
        ]
        if problems:
            raise ContentError(problems)
    try:
        return _parse(FastStrictLoader, text, file, line_offset)
    except ContentError:
        # Explain the problem with the pure-Python parser's wording and our hints.
        return _parse(StrictLoader, text, file, line_offset)


def _parse(loader_class: type, text: str, file: str, line_offset: int) -> YamlSource:
    loader = loader_class(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return YamlSource(file, None, {(): 1 + line_offset}, line_offset)
        lines: dict[Path_, int] = {(): node.start_mark.line + 1 + line_offset}
        problems: list[Problem] = []
        _index(node, (), lines, problems, file, line_offset)
        if problems:
            raise ContentError(problems)
        data = loader.construct_document(node)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = (mark.line + 1 if mark else 1) + line_offset
        what = (exc.problem or exc.context or "invalid YAML").strip()
        raise ContentError(
            [Problem(file, line, "", f"invalid YAML: {what}; {_hint(str(exc))}")]
        ) from None
    except yaml.YAMLError as exc:
        raise ContentError([Problem(file, 1 + line_offset, "", f"invalid YAML: {exc}")]) from None
    finally:
        loader.dispose()
    return YamlSource(file, data, lines, line_offset)


def _index(node: yaml.Node, path: Path_, lines: dict, problems: list, file: str, off: int) -> None:
    """Record the line of every key and item below ``node``; flag duplicate keys."""
    if isinstance(node, yaml.MappingNode):
        seen: dict[str, int] = {}
        for key_node, value_node in node.value:
            key = key_node.value
            line = key_node.start_mark.line + 1 + off
            if key in seen:
                problems.append(
                    Problem(
                        file,
                        line,
                        _dotted(path + (key,)),
                        f"duplicate key (first given on line {seen[key]}); keep only one",
                    )
                )
                continue
            seen[key] = line
            lines[path + (key,)] = line
            _index(value_node, path + (key,), lines, problems, file, off)
    elif isinstance(node, yaml.SequenceNode):
        for i, item in enumerate(node.value):
            lines[path + (i,)] = item.start_mark.line + 1 + off
            _index(item, path + (i,), lines, problems, file, off)


def _dotted(path: Path_) -> str:
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def load_yaml_file(path: Path, display: str | None = None) -> YamlSource:
    """Read and parse a YAML file; unreadable or non-UTF-8 files are content errors."""
    file = display or path.as_posix()
    return parse_yaml(read_text(path, file), file)


dotted = _dotted
