"""Line-aware, strict YAML loading for files that editors write by hand.

Two differences from ``yaml.safe_load`` matter to editors:

* Only ``true``/``false`` are booleans and only plain decimal numbers are
  numbers, so a country code ``NO``, a postal code ``01000`` or a word ``yes``
  stay text (YAML 1.1 would turn them into ``False``, ``1000`` and ``True``);
  a time such as ``9:30`` without quotes is an error (YAML 1.1 tools read 570).
* Every key and list item remembers its line, so that a later validation
  error can point at ``file:line``; duplicate keys are errors, not overwrites.

And limits, so that no file can hang or crash a build (see :mod:`.yaml_limits`):
nesting depth, aliases and what they expand to, text keys only, numbers of
sane size, no control characters, no tags but the plain scalars'.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from chancery.content.loaders.text import read_text
from chancery.content.loaders.yaml_limits import (
    LimitError,
    ValueProblem,
    configure,
    dotted,
    raw_text_problems,
    walk_nodes,
)
from chancery.core.errors import ContentError, Problem, msg

Path_ = tuple[str | int, ...]


class StrictLoader(yaml.SafeLoader):
    """SafeLoader with YAML 1.2 core-schema scalars: everything else is a string.

    Pure Python: used to explain a syntax error with PyYAML's wording and our hints.
    """


class FastStrictLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
    """The same scalars on libyaml's C parser (about ten times faster); line marks included."""


for _loader in (StrictLoader, FastStrictLoader):
    configure(_loader)


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
    ("\\t", msg("indent with spaces, not tabs")),
    ("found character '\\t'", msg("indent with spaces, not tabs")),
    ("mapping values are not allowed",
     msg("put a space after ':' and quote text that contains ': '")),
    ("could not find expected ':'", msg("every line of a mapping needs 'key: value'")),
    ("expected <block end>", msg("check the indentation of this line against the lines above")),
    ("found undefined alias", msg("'*' starts a YAML alias; quote text that begins with '*'")),
    ("expected ',' or ']'", msg("a '[' list is not closed; if this is text, put it in quotes")),
    ("expected ',' or '}'", msg("a '{{' mapping is not closed; if this is text, put it in quotes")),
    ("found unexpected end of stream", msg("a quote or bracket is not closed")),
    ("found character '@'", msg("quote text that begins with '@'")),
    ("found character '`'", msg("quote text that begins with '`'")),
    ("could not determine a constructor", msg("YAML tags ('!' or '!!') are not allowed; write "
     "the value without one (put text that begins with '!' in quotes)")),
    ("found unhashable key", msg("a key must be text, not a list or mapping")),
)


# PyYAML's commonest wordings, so that a report may give them in the reader's language.
_PARSER_WORDS = {str(text): text for text in (
    msg("mapping values are not allowed here"),
    msg("could not find expected ':'"),
    msg("found character that cannot start any token"),
    msg("found unexpected end of stream"),
    msg("did not find expected key"),
    msg("did not find expected node content"),
    msg("did not find expected '-' indicator"),
    msg("found unexpected ':'"),
)}


# ... and those that name what PyYAML found: (its words as a pattern, ours with the value).
_PARSER_PATTERNS = tuple((re.compile(pattern), words) for pattern, words in (
    (r"expected ',' or '\]', but got (.+)",
     lambda found: msg("expected ',' or ']', but got {found}", found=found)),
    (r"expected ',' or '\}', but got (.+)",
     lambda found: msg("expected ',' or '}}', but got {found}", found=found)),
    (r"expected <block end>, but found (.+)",
     lambda found: msg("expected the end of a block, but found {found}", found=found)),
    (r"found character (.+) that cannot start any token",
     lambda found: msg("found character {found} that cannot start any token", found=found)),
    (r"found undefined alias (.+)",
     lambda found: msg("found undefined alias {found}", found=found)),
    (r"could not determine a constructor for the tag (.+)",
     lambda found: msg("the tag {found} is not allowed here", found=found)),
    (r"found unknown escape character (.+)",
     lambda found: msg("found unknown escape character {found}", found=found)),
    (r"expected alphabetic or numeric character, but found (.+)",
     lambda found: msg("expected a letter or a digit, but found {found}", found=found)),
))


def _parser_words(what: str) -> str:
    """PyYAML's description of a syntax error, as a message (when we know its wording)."""
    if what in _PARSER_WORDS:
        return _PARSER_WORDS[what]
    for pattern, words in _PARSER_PATTERNS:
        match = pattern.fullmatch(what)
        if match:
            return words(match.group(1))
    return what


def _hint(message: str) -> str:
    for needle, hint in _HINTS:
        if needle in message:
            return hint
    return msg("check the YAML syntax on this line")


def parse_yaml(text: str, file: str, line_offset: int = 0) -> YamlSource:
    """Parse ``text``; raise :class:`ContentError` naming ``file:line`` on bad YAML."""
    problems = raw_text_problems(text, file, line_offset)
    if problems:
        raise ContentError(problems)
    if "\t" in text:
        problems = [
            Problem(file, n + 1 + line_offset, "", msg("tab character in YAML; indent with spaces"))
            for n, line in enumerate(text.splitlines())
            if "\t" in line[: len(line) - len(line.lstrip())]
        ]
        if problems:
            raise ContentError(problems)
    try:
        return _parse(FastStrictLoader, text, file, line_offset)
    except LimitError:
        raise  # never handed to the pure-Python parser: it recurses
    except _SyntaxError as fast:
        # Explain the problem with the pure-Python parser's wording and our hints.
        try:
            return _parse(StrictLoader, text, file, line_offset)
        except ContentError:
            raise
        except (RecursionError, MemoryError):
            raise ContentError(fast.problems) from None


class _SyntaxError(ContentError):
    """What the YAML parser itself found wrong (another parser may word it better)."""


def _parse(loader_class: type, text: str, file: str, line_offset: int) -> YamlSource:
    loader = loader_class(text)
    lines: dict[Path_, int] = {}
    try:
        node = loader.get_single_node()
        if node is None:
            return YamlSource(file, None, {(): 1 + line_offset}, line_offset)
        lines[()] = node.start_mark.line + 1 + line_offset
        problems = walk_nodes(node, lines, file, line_offset)
        if problems:
            raise ContentError(problems)
        data = loader.construct_document(node)
    except ValueProblem as exc:
        line = (exc.problem_mark.line + 1 if exc.problem_mark else 1) + line_offset
        where = [path for path, at in lines.items() if at == line]
        raise LimitError([Problem(file, line, dotted(where[-1]) if where else "",
                                  exc.problem if isinstance(exc.problem, str)
                                  else str(exc.problem))]) from None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = (mark.line + 1 if mark else 1) + line_offset
        what = (exc.problem or exc.context or "invalid YAML").strip()
        raise _SyntaxError(
            [Problem(file, line, "", msg("invalid YAML: {what}; {hint}",
                                         what=_parser_words(what),
                                         hint=_hint(str(exc))))]
        ) from None
    except yaml.YAMLError as exc:
        raise _SyntaxError(
            [Problem(file, 1 + line_offset, "", msg("invalid YAML: {what}", what=str(exc)))]
        ) from None
    except (RecursionError, MemoryError):
        raise LimitError([Problem(
            file, 1 + line_offset, "",
            msg("the YAML is nested too deeply to read; simplify it"))]) from None
    finally:
        loader.dispose()
    return YamlSource(file, data, lines, line_offset)


def load_yaml_file(path: Path, display: str | None = None) -> YamlSource:
    """Read and parse a YAML file; unreadable or non-UTF-8 files are content errors."""
    file = display or path.as_posix()
    return parse_yaml(read_text(path, file), file)


