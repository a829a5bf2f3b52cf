"""Markdown files with a YAML front matter block between ``---`` lines."""

from __future__ import annotations

import os
import stat as stat_mode
from dataclasses import dataclass
from pathlib import Path

import yaml

from chancery.content.loaders.text import has_control, read_text
from chancery.content.loaders.yaml_limits import STR, quick_safe
from chancery.content.loaders.yaml_source import FastStrictLoader, YamlSource, parse_yaml
from chancery.core.errors import ContentError, Problem, msg
from chancery.core.incremental.reads import ReadCache, fact_of


@dataclass
class MarkdownSource:
    """A Markdown document split into its front matter and its body."""

    file: str
    meta: YamlSource
    body: str
    body_line: int  # line number of the first body line in the file


def split_front_matter(text: str, file: str) -> MarkdownSource:
    """Split ``text`` into front matter and body; errors name ``file:line``."""
    text = text.removeprefix("\ufeff")
    lines = text.split("\n")
    if not lines or lines[0].rstrip() != "---":
        return MarkdownSource(file, YamlSource(file, {}, {(): 1}), text, 1)
    for end in range(1, len(lines)):
        if lines[end].rstrip() in ("---", "..."):
            break
    else:
        raise ContentError(
            [Problem(file, 1, "",
                     msg("front matter starts with '---' but has no closing '---' line"))]
        )
    meta = parse_yaml("\n".join(lines[1:end]), file, line_offset=1)
    if meta.data is None:
        meta.data = {}
    if not isinstance(meta.data, dict):
        raise ContentError(
            [
                Problem(
                    file, 2, "",
                    msg("front matter must be 'key: value' lines, e.g. 'title: About us'"),
                )
            ]
        )
    return MarkdownSource(file, meta, "\n".join(lines[end + 1 :]), end + 2)


def read_markdown(path: Path, display: str | None = None) -> MarkdownSource:
    """Read a Markdown file and split its front matter."""
    file = display or path.as_posix()
    return split_front_matter(read_text(path, file), file)


class _RepeatedKey(yaml.YAMLError):
    """A mapping gives one key twice (the careful reader says where)."""


class _QuickLoader(FastStrictLoader):
    """The strict scalars on libyaml, refusing repeated keys at any depth, as the careful
    reader does (it compares the keys as written)."""

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict:
        written = [key.value for key, _ in node.value
                   if isinstance(key, yaml.ScalarNode) and key.tag == STR]
        if len(written) != len(node.value) or len(written) != len(set(written)):
            raise _RepeatedKey("repeated key")
        return super().construct_mapping(node, deep=deep)


def _quick(text: str) -> tuple[dict, str, int] | None:
    """``(front matter, body, line of the body)`` as :func:`split_front_matter` finds
    them, or ``None`` when in doubt (tabs, a repeated key, not a mapping, bad YAML, a
    control character, anything near a limit of the careful reader)."""
    text = text.removeprefix("\ufeff")
    if has_control(text):
        return None
    lines = text.split("\n")
    if not lines or lines[0].rstrip() != "---":
        return {}, text, 1
    for end in range(1, len(lines)):
        if lines[end].rstrip() in ("---", "..."):
            break
    else:
        return None
    meta_text = "\n".join(lines[1:end])
    if "\t" in meta_text or not quick_safe(meta_text):
        return None
    try:
        data = yaml.load(meta_text, Loader=_QuickLoader)  # noqa: S506 - a strict safe loader
    except (yaml.YAMLError, ValueError, TypeError, RecursionError):
        return None
    if data is None:
        data = {}
    if not isinstance(data, dict):
        return None
    return data, "\n".join(lines[end + 1 :]), end + 2


def quick_parse(text: str) -> tuple[dict, str, int] | None:
    """``(front matter, body, line of the body)`` of a Markdown text read quickly (as
    :func:`quick_read` reads a file), or ``None`` when in doubt."""
    return _quick(text)


def quick_split(text: str) -> tuple[dict, str] | None:
    """Front matter (without line numbers) and body, as :func:`split_front_matter` gives
    them, for a file it would accept; ``None`` when in doubt (tabs, a repeated key, not a
    mapping, bad YAML): then read it with :func:`split_front_matter` to learn why.

    About three times faster: for facts that need no line numbers (translation freshness).
    """
    found = _quick(text)
    return None if found is None else (found[0], found[1])


def quick_read(path: Path) -> tuple[dict, str, int] | None:
    """``(front matter, body, line of the body)`` of a Markdown file read quickly, or
    ``None`` when in doubt or unreadable. Reads the file every time: a caller that asks
    again passes a read cache to :func:`quick_markdown` (or uses
    :func:`chancery.core.incremental.reads.fact_of`)."""
    try:
        stat = os.stat(path)
    except OSError:
        return None
    if not stat_mode.S_ISREG(stat.st_mode):
        return None  # never opened: a named pipe would block (the careful reader says why)
    try:
        return _quick(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError):
        return None


QUICK_READ = "markdown"  # the name of quick_read's answers in a read cache (not persisted)


def cached_quick_read(path: Path, reads: ReadCache | None = None) -> tuple[dict, str, int] | None:
    """:func:`quick_read` through ``reads`` (default: the active read cache, if any),
    remembered while the file keeps its stamp: a build reads its posts for the news, then
    checks them."""
    return fact_of(reads, path, QUICK_READ, quick_read, keep=False)


def quick_markdown(path: Path, display: str | None = None,
                   reads: ReadCache | None = None) -> MarkdownSource | None:
    """:func:`read_markdown` without line numbers in the front matter (every key is on line
    1), or ``None`` when in doubt; for checks that find nothing wrong in most files and
    read the file again with :func:`read_markdown` to locate what they do find."""
    found = cached_quick_read(path, reads)
    if found is None:
        return None
    file = display or path.as_posix()
    data, body, body_line = found
    return MarkdownSource(file, YamlSource(file, dict(data), {(): 1}), body, body_line)
