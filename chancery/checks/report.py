"""``check``'s one list: every problem once, grouped by the folder its file is in, sorted by
file and line, with a count at the end; as text, JSON or GitHub annotations, in the reader's
language (:mod:`chancery.content.i18n.problems`).

A problem belongs to the folder its file is in (``content/<mission>/`` or HQ's ``_hq/``),
not to the mission whose check found it: an HQ page's problem is listed once, under HQ,
however many missions and languages publish the page.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sized
from dataclasses import dataclass
from pathlib import Path

from chancery.content.i18n.problems import localised, translate
from chancery.core.errors import Problem, display_path, msg

FORMATS = ("text", "json", "github")
NETWORK_GROUP = ""  # files of no mission nor HQ: the content folder, the theme's catalogs...


@dataclass(frozen=True)
class Report:
    """The problems of one run, by group (a folder name under the content folder)."""

    groups: dict[str, list[Problem]]
    checked: int  # missions checked

    @property
    def problems(self) -> list[Problem]:
        return [p for found in self.groups.values() for p in found]

    @property
    def errors(self) -> int:
        return sum(p.is_error for found in self.groups.values() for p in found)

    @property
    def warnings(self) -> int:
        return sum(not p.is_error for found in self.groups.values() for p in found)


def make_report(problems: Iterable[Problem], content_dir: Path, checked: Sized) -> Report:
    """Each problem once (the error when the same text is also a warning), grouped and
    sorted. ``problems`` may be a generator (repeats are dropped as they come) that fills
    ``checked`` (the missions checked, counted once it is done)."""
    unique: dict[tuple, Problem] = {}
    for problem in problems:
        key = (problem.file, problem.line, problem.field, str(problem.message))
        if key not in unique or (problem.is_error and not unique[key].is_error):
            unique[key] = problem
    prefix = display_path(content_dir).rstrip("/") + "/"
    groups: dict[str, list[Problem]] = {}
    for problem in unique.values():
        groups.setdefault(group_of(problem.file, prefix, content_dir), []).append(problem)
    return Report({name: sorted(groups[name], key=_order) for name in sorted(groups)},
                  len(checked))


def group_of(file: str, prefix: str, content_dir: Path) -> str:
    """The folder of the content folder (shown as ``prefix``) that ``file`` is, or is in."""
    if prefix == "./":
        prefix = ""
    if not file.startswith(prefix):
        return NETWORK_GROUP
    folder, _, rest = file[len(prefix):].partition("/")
    if rest or (folder and (content_dir / folder).is_dir()):
        return folder
    return NETWORK_GROUP  # a file of the content folder, or the folder itself


def _order(problem: Problem) -> tuple:
    return (problem.file, problem.line, problem.field, not problem.is_error,
            str(problem.message))


def _problems(count: int) -> str:
    return msg("{count} problem(s)", count=count)


def heading(group: str, problems: list[Problem]) -> str:
    """The line above a group, e.g. ``mission fr-lyon: 2 problem(s)``."""
    if group == NETWORK_GROUP:
        return msg("network-wide: {count}", count=_problems(len(problems)))
    if group.startswith("_"):
        return msg("HQ ({folder}): {count}", folder=group, count=_problems(len(problems)))
    return msg("mission {mission}: {count}", mission=group, count=_problems(len(problems)))


def summary(report: Report) -> str:
    """The count line: ``checked 3 mission(s): 5 error(s), 1 warning(s)``."""
    return msg("checked {checked} mission(s): {errors} error(s), {warnings} warning(s)",
               checked=report.checked, errors=report.errors, warnings=report.warnings)


def as_text(report: Report, lang: str) -> tuple[str, str]:
    """(the problems, grouped under headings; the count line), in ``lang``."""
    blocks = []
    for group, problems in report.groups.items():
        lines = [translate(heading(group, problems), lang)]
        lines += [localised(problem, lang) for problem in problems]
        blocks.append("\n".join(lines))
    return "\n\n".join(blocks), translate(summary(report), lang)


def as_json(report: Report, lang: str) -> str:
    """``{"checked", "errors", "warnings", "lang", "problems": [{mission, file, line, field,
    severity, message}, ...]}`` (``mission`` is the folder: ``_hq`` for HQ's files, empty
    for the content folder's own)."""
    return json.dumps({
        "checked": report.checked,
        "errors": report.errors,
        "warnings": report.warnings,
        "lang": lang,
        "problems": [
            {"mission": group, "file": p.file, "line": p.line, "field": p.field,
             "severity": p.severity, "message": translate(p.message, lang)}
            for group, problems in report.groups.items() for p in problems
        ],
    }, ensure_ascii=False, indent=2)


def as_github(report: Report, lang: str) -> str:
    """GitHub Actions workflow commands, one ``::error`` or ``::warning`` per problem
    (``file=``, ``line=`` when known, ``title=`` the field), then the count line."""
    lines = []
    for problem in report.problems:
        command = "error" if problem.is_error else "warning"
        properties = [f"file={_property(problem.file)}"]
        if problem.line:
            properties.append(f"line={problem.line}")
        if problem.field:
            properties.append(f"title={_property(problem.field)}")
        lines.append(f"::{command} {','.join(properties)}::"
                     f"{_data(translate(problem.message, lang))}")
    lines.append(translate(summary(report), lang))
    return "\n".join(lines)


def _data(text: str) -> str:
    """A workflow command's message, escaped as GitHub's runner reads it: no line break can
    end the command early and start another."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _property(text: str) -> str:
    return _data(text).replace(":", "%3A").replace(",", "%2C")
