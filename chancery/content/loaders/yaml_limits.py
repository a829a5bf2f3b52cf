"""What the YAML loader accepts, and the limits that keep a hostile file from hanging a build.

* Scalars: YAML 1.2 core schema (``true``/``false``, plain decimal numbers, ``null``);
  everything else is text. A plain ``9:30`` (a number to YAML 1.1 tools) is an error.
* Numbers: at most :data:`MAX_DIGITS` digits, finite; text: no control characters.
* No tags but those of the plain scalars, text keys only.
* Nesting at most :data:`MAX_DEPTH` levels, at most :data:`MAX_ALIASES` aliases adding at
  most :data:`MAX_ALIAS_NODES` values; no alias inside the value it names.

Every check is iterative (libyaml's composer and PyYAML's constructor recurse, so depth is
bounded before them), and each problem is a :class:`~chancery.core.errors.Problem` at its line.
"""

from __future__ import annotations

import math
import re

import yaml
from yaml.constructor import ConstructorError

from chancery.core.errors import ContentError, Problem, msg

MAX_DEPTH = 50
MAX_ALIASES = 50
MAX_ALIAS_NODES = 10_000
MAX_DIGITS = 18
MAX_FLOW_TEXT = 200  # brackets open at once, counted in the text before libyaml reads it
MAX_YAML_CHARS = 4_000_000

STR = "tag:yaml.org,2002:str"
_CLOCK_TAG = "tag:chancery,2026:sexagesimal"
_ALLOWED = ("null", "bool", "int", "float", "str", "seq", "map")

# YAML's printable characters (tab, line ends, and the rest of Unicode but C0/C1 controls,
# DEL, surrogates and the non-characters U+FFFE/U+FFFF).
_RAW = re.compile("[^\t\n\r\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
# In a value, after escapes: every control character but tab and line ends.
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")
_FLOW = re.compile(r"""[\[\]{}"'#\n]""")
_DEEP_BLOCK = re.compile(r"^[ ?-]{400,}[^ ?-]", re.M)  # libyaml's composer recurses in C
_ALIAS_MARK = re.compile(r"(?:^|[\s\[{,])[&*][^\s\]},]", re.M)


class LimitError(ContentError):
    """A file beyond what the loader reads (too deep, too many aliases): never re-parsed."""


class ValueProblem(ConstructorError):
    """A scalar the strict loader refuses (its message is the whole explanation)."""


def dotted(path: tuple) -> str:
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def char_name(char: str) -> str:
    return f"U+{ord(char):04X}"


def control_message(char: str) -> str:
    return msg("control character {char} (invisible) in the text; delete it "
               "(retype the line if you cannot see it)", char=char_name(char))


def raw_text_problems(text: str, file: str, offset: int = 0) -> list[Problem]:
    """Characters YAML refuses, a text too long, or brackets nested too deeply to read."""
    if len(text) > MAX_YAML_CHARS:
        return [Problem(file, 1 + offset, "", msg(
            "{size} characters is too long for a data file (at most {limit}); split it or "
            "remove what is not needed", size=len(text), limit=MAX_YAML_CHARS))]
    match = _RAW.search(text)
    if match:
        line = text.count("\n", 0, match.start()) + 1 + offset
        return [Problem(file, line, "", control_message(match.group()))]
    deep = _DEEP_BLOCK.search(text)
    if deep:
        return [Problem(file, text.count("\n", 0, deep.start()) + 1 + offset, "",
                        _depth_message())]
    if text.count("[") + text.count("{") > MAX_FLOW_TEXT:
        line = _deep_flow(text)
        if line:
            return [Problem(file, line + offset, "", _depth_message())]
    return []


def _deep_flow(text: str) -> int:
    """The line where more than :data:`MAX_FLOW_TEXT` brackets are open, else 0.

    A rough reading (quotes and comments skipped), only to keep libyaml, which takes
    quadratic time in the depth of brackets, away from a hostile file.
    """
    depth, line, quote, comment = 0, 1, "", False
    for match in _FLOW.finditer(text):
        char = match.group()
        if char == "\n":
            line += 1
            comment = False
            continue
        if comment:
            continue
        if quote:
            if char == quote:
                quote = ""
            continue
        if char in "\"'":
            quote = char
        elif char == "#":
            comment = True
        elif char in "[{":
            depth += 1
            if depth > MAX_FLOW_TEXT:
                return line
        else:
            depth = max(0, depth - 1)
    return 0


def _depth_message() -> str:
    return msg("nested more than {limit} levels deep; data files need only a few levels: "
               "check the indentation and the brackets", limit=MAX_DEPTH)


def quick_safe(text: str) -> bool:
    """Whether ``text`` can go straight to the quick loader: no possible alias or anchor,
    no raw control character, and too few lines and brackets to nest beyond the limit."""
    if _ALIAS_MARK.search(text) or _RAW.search(text):
        return False
    deepest = 0
    for line in text.split("\n"):
        indent = len(line) - len(line.lstrip(" -?"))
        if indent > deepest:
            deepest = indent
    return 2 * (deepest + 1) + text.count("[") + text.count("{") <= MAX_DEPTH


def _fail(node: yaml.Node, message: str) -> ValueProblem:
    return ValueProblem(None, None, message, node.start_mark)


def _str(loader: yaml.BaseLoader, node: yaml.Node) -> str:
    value = loader.construct_scalar(node)
    if not isinstance(value, str):
        raise _fail(node, msg("expected text"))
    match = _CONTROL.search(value)
    if match:
        raise _fail(node, control_message(match.group()))
    return value


_DECIMAL = re.compile(r"[-+]?(?:0|[1-9][0-9]*)")
_FLOAT = re.compile(r"[-+]?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][-+]?[0-9]+)?")


def _int(loader: yaml.BaseLoader, node: yaml.Node) -> int:
    value = str(loader.construct_scalar(node))
    if not _DECIMAL.fullmatch(value):
        raise _fail(node, msg("'{value}' is not a whole number", value=value[:40]))
    if len(value.lstrip("+-")) > MAX_DIGITS:
        raise _fail(node, msg("a number of {digits} digits is too large (at most {limit}); "
                              "if it is text, put it in quotes",
                              digits=len(value.lstrip("+-")), limit=MAX_DIGITS))
    return int(value)


def _float(loader: yaml.BaseLoader, node: yaml.Node) -> float:
    value = str(loader.construct_scalar(node))
    if not _FLOAT.fullmatch(value) or len(value) > 2 * MAX_DIGITS:
        raise _fail(node, msg("'{value}' is not a number of sane size; write e.g. 51.5049",
                              value=value[:40]))
    number = float(value)
    if not math.isfinite(number):
        raise _fail(node, msg("'{value}' is too large a number", value=value))
    return number


def _bool(loader: yaml.BaseLoader, node: yaml.Node) -> bool:
    value = str(loader.construct_scalar(node))
    if value.lower() not in ("true", "false"):
        raise _fail(node, msg("'{value}' is not true or false", value=value[:40]))
    return value.lower() == "true"


def _sexagesimal(loader: yaml.BaseLoader, node: yaml.Node) -> None:
    value = node.value
    raise _fail(node, msg("'{value}' without quotes is a number to many YAML tools (base 60); "
                          "write a time in quotes with two-digit hours, e.g. \"{time}\", "
                          "and other text with ':' in quotes too", value=value,
                          time=_two_digit(value)))


def _two_digit(value: str) -> str:
    head, _, rest = value.partition(":")
    return f"{head.zfill(2)}:{rest}" if head.isdigit() and len(head) < 2 else value


def configure(loader: type) -> None:
    """Give ``loader`` the strict scalars, constructors and limits (class attributes)."""
    loader.yaml_implicit_resolvers = {}
    loader.add_implicit_resolver(
        "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"),
        list("tTfF"),
    )
    loader.add_implicit_resolver(
        "tag:yaml.org,2002:int", re.compile(r"^[-+]?(?:0|[1-9][0-9]*)$"), list("-+0123456789")
    )
    loader.add_implicit_resolver(
        "tag:yaml.org,2002:float",
        re.compile(r"^[-+]?(?:(?:0|[1-9][0-9]*)\.[0-9]+(?:[eE][-+]?[0-9]+)?)$"),
        list("-+0123456789"),
    )
    loader.add_implicit_resolver(
        "tag:yaml.org,2002:null", re.compile(r"^(?:~|null|Null|NULL|)$"), ["~", "n", "N", ""]
    )
    loader.add_implicit_resolver(
        _CLOCK_TAG, re.compile(r"^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$"),
        list("-+0123456789"),
    )
    kept = {f"tag:yaml.org,2002:{name}" for name in _ALLOWED}
    loader.yaml_constructors = {
        tag: make for tag, make in yaml.SafeLoader.yaml_constructors.items() if tag in kept
    }
    loader.yaml_constructors[None] = yaml.SafeLoader.yaml_constructors[None]  # undefined
    loader.add_constructor(STR, _str)
    loader.add_constructor("tag:yaml.org,2002:int", _int)
    loader.add_constructor("tag:yaml.org,2002:float", _float)
    loader.add_constructor("tag:yaml.org,2002:bool", _bool)
    loader.add_constructor(_CLOCK_TAG, _sexagesimal)


def _key_problem(key: yaml.Node, file: str, line: int, path: tuple) -> Problem | None:
    if isinstance(key, yaml.ScalarNode) and key.tag == STR:
        return None
    if isinstance(key, yaml.ScalarNode):
        shown = key.value[:40]
        return Problem(file, line, dotted(path), msg(
            "the key '{key}' is read as a number, a boolean or nothing; keys are text: write "
            "it in quotes, \"{key}\":", key=shown))
    return Problem(file, line, dotted(path), msg("a key must be text, not a list or a mapping; "
                                                 "write 'key: value'"))


def walk_nodes(root: yaml.Node, lines: dict, file: str, offset: int) -> list[Problem]:
    """Record the line of every key and item below ``root`` (into ``lines``); return the
    duplicate and non-text keys; raise :class:`LimitError` beyond a limit. Iterative."""
    problems: list[Problem] = []
    seen: set[int] = set()
    open_ids: set[int] = set()
    sizes: dict[int, int] = {}
    aliases = added = 0
    stack: list = [(root, (), 1, lines[()])]
    while stack:
        item = stack.pop()
        if item[0] is None:
            open_ids.discard(item[1])
            continue
        node, path, depth, line = item
        key = id(node)
        if key in seen:
            if key in open_ids:
                raise LimitError([Problem(file, line, dotted(path), msg(
                    "an alias ('*name') inside the value it names repeats forever; remove it"))])
            aliases += 1
            added += _size(node, sizes)
            if aliases > MAX_ALIASES or added > MAX_ALIAS_NODES:
                raise LimitError([Problem(file, line, dotted(path), (
                    msg("too many aliases ('*name'): at most {limit}, repeating at most "
                        "{values} values in all; write the values out instead",
                        limit=MAX_ALIASES, values=MAX_ALIAS_NODES)))])
            continue
        seen.add(key)
        if isinstance(node, yaml.ScalarNode):
            continue
        if depth > MAX_DEPTH:
            raise LimitError([Problem(file, line, "", _depth_message())])
        open_ids.add(key)
        stack.append((None, key))
        children = []
        if isinstance(node, yaml.MappingNode):
            first: dict[str, int] = {}
            for key_node, value_node in node.value:
                where = key_node.start_mark.line + 1 + offset
                wrong = _key_problem(key_node, file, where, path)
                if wrong is not None:
                    problems.append(wrong)
                    continue
                name = key_node.value
                if name in first:
                    problems.append(Problem(
                        file, where, dotted(path + (name,)),
                        msg("duplicate key (first given on line {line}); keep only one",
                            line=first[name])))
                    continue
                first[name] = where
                lines[path + (name,)] = where
                children.append((value_node, path + (name,), depth + 1, where))
        else:
            for i, child in enumerate(node.value):
                where = line if id(child) in seen else child.start_mark.line + 1 + offset
                lines[path + (i,)] = where
                children.append((child, path + (i,), depth + 1, where))
        stack.extend(reversed(children))
    return problems


def _children(node: yaml.Node) -> list[yaml.Node]:
    if isinstance(node, yaml.MappingNode):
        return [part for pair in node.value for part in pair]
    if isinstance(node, yaml.SequenceNode):
        return list(node.value)
    return []


def _size(node: yaml.Node, sizes: dict[int, int]) -> int:
    """How many values ``node`` stands for, aliases expanded (each node counted once)."""
    stack = [(node, False)]
    while stack:
        current, done = stack.pop()
        key = id(current)
        if key in sizes:
            continue
        kids = _children(current)
        if done:
            sizes[key] = 1 + sum(sizes.get(id(kid), 1) for kid in kids)
            continue
        stack.append((current, True))
        stack.extend((kid, False) for kid in kids if id(kid) not in sizes)
    return sizes[id(node)]
