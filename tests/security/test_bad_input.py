"""Bad input is normal input (issue 15, "Safe loading"): hundreds of generated hostile or
mistaken inputs, each of which must make ``build.py build`` exit non-zero within 10 s,
name the right ``file:line``, print no traceback, and leave the previous site byte-identical.

How it stays fast: one small mission (the example's ``gb-london``, its default language
only) is built once; every case is a copy of it (``gb-c001``...) with one defect and, as its
previous output, a hard-linked copy of that build. Cases of one kind are built together, a
mission each (each mission's errors name its own folder); HQ's cases each get their own
network. Most builds run the CLI in-process (``chancery.cli.main``); every fifth batch and the
``hq.yml`` cases run it as a real subprocess.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import os
import re
import shutil
import socket
import subprocess
import sys
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "content"
BASE = "gb-london"  # the example mission every case is a copy of
TEMPLATE = "gb-c000"
NOW = "2026-12-01T12:00:00+00:00"
LIMIT_SECONDS = 10.0
BATCH = 6  # missions per build whose errors are found while checking (each also renders)
SUBPROCESS_EVERY = 5


def _languages() -> list[str]:
    from chancery.content.loaders.yaml_source import load_yaml_file

    return list(load_yaml_file(EXAMPLE / BASE / "mission.yml").data["languages"])


LANG = _languages()[0]  # the mission's default language: the copies keep only that one
ALERTS_YML = """\
alerts:
  - id: closed-for-works
    severity: warning
    title:
      {lang}: Works
    body:
      {lang}: The consular section is closed for works.
    start: 2026-11-20
    end: 2027-01-10
"""


# --- the cases -------------------------------------------------------------------------

Apply = Callable[[Path], None]


@dataclass(frozen=True)
class Case:
    """One defect: ``apply`` gets the mission's (or HQ's) folder; the error names ``rel``."""

    name: str
    scope: str  # "mission": in a copy of the mission; "hq": in HQ's folder
    phase: str  # "load": found while loading (no render starts); "check": by the checks
    rel: str  # the file named, relative to the mission's (or HQ's) folder
    line: int | None  # None: a problem of the whole file (``file: message``)
    apply: Apply


def put(path: Path, data: str | bytes) -> None:
    """Write ``path`` anew (never through a hard link into the template)."""
    if path.exists() or path.is_symlink():
        path.unlink()
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, str):
        data = data.encode("utf-8")
    path.write_bytes(data)


def _trimmed(text: str) -> str:
    """A mission file as the template has it: the default language only."""
    return re.sub(r"^languages: \[.*\]$", f"languages: [{LANG}]", text, flags=re.M)


def _base_text(scope: str, rel: str) -> str:
    """The file as the cases' copies have it (the example's mission id still in it)."""
    if scope == "hq":
        return (EXAMPLE / "_hq" / rel).read_text(encoding="utf-8")
    if rel == "data/alerts.yml":
        return ALERTS_YML.format(lang=LANG)
    return _trimmed((EXAMPLE / BASE / rel).read_text(encoding="utf-8"))


def _writer(rel: str, data: str | bytes) -> Apply:
    """Write ``data`` at ``rel``, naming the mission it is written into."""
    def apply(folder: Path) -> None:
        own = data
        if folder.parent.name == "content" and folder.name != "_hq":
            own = (data.replace(BASE, folder.name) if isinstance(data, str)
                   else data.replace(BASE.encode(), folder.name.encode()))
        put(folder / rel, own)
    return apply


def appended(scope: str, rel: str, snippet: str | bytes, offset: int = 0) -> tuple[Apply, int]:
    """The file with ``snippet`` added as its last lines; the line ``offset`` into it."""
    text = _base_text(scope, rel).rstrip("\n")
    first = text.count("\n") + 2
    if isinstance(snippet, bytes):
        data: str | bytes = text.encode("utf-8") + b"\n" + snippet + b"\n"
    else:
        data = text + "\n" + snippet + "\n"
    return _writer(rel, data), first + offset


def in_front_matter(scope: str, rel: str, snippet: str | bytes,
                    offset: int = 0) -> tuple[Apply, int]:
    """The page with ``snippet`` added as the last lines of its front matter."""
    lines = _base_text(scope, rel).split("\n")
    end = next(i for i in range(1, len(lines)) if lines[i].rstrip() == "---")
    head, tail = "\n".join(lines[:end]), "\n".join(lines[end:])
    if isinstance(snippet, bytes):
        data: str | bytes = head.encode() + b"\n" + snippet + b"\n" + tail.encode()
    else:
        data = f"{head}\n{snippet}\n{tail}"
    return _writer(rel, data), end + 1 + offset


def replaced(scope: str, rel: str, old: str, new: str, offset: int = 0,
             nth: int = 0) -> tuple[Apply, int]:
    """The file with the ``nth`` line holding ``old`` changed: ``old`` becomes ``new``."""
    lines = _base_text(scope, rel).split("\n")
    found = [i for i, line in enumerate(lines) if old in line]
    assert len(found) > nth, f"{old!r} not in {rel}"
    i = found[nth]
    lines[i] = lines[i].replace(old, new, 1)
    return _writer(rel, "\n".join(lines)), i + 1 + offset


def in_body(scope: str, rel: str, bad: bytes) -> tuple[Apply, int]:
    """The page with ``bad`` in the middle of the second line after its front matter."""
    raw = _base_text(scope, rel).encode("utf-8")
    lines = raw.split(b"\n")
    end = next(i for i in range(1, len(lines)) if lines[i].rstrip() == b"---")
    target = end + 2
    text = lines[target].decode("utf-8")
    lines[target] = text[:3].encode("utf-8") + bad + text[3:].encode("utf-8")
    return _writer(rel, b"\n".join(lines)), target + 1


def _laughs() -> str:
    rows = ["zz0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    rows += [f"zz{i}: &l{i} [{', '.join([f'*l{i - 1}'] * 9)}]" for i in range(1, 9)]
    return "\n".join(rows)


def _doubling() -> str:
    rows = ["d0: &d0 [x, x]"] + [f"d{i}: &d{i} [*d{i - 1}, *d{i - 1}]" for i in range(1, 20)]
    return "\n".join(rows)


def _nested_blocks(levels: int) -> str:
    return "\n".join("  " * i + "k:" for i in range(levels)) + " v"


# (name, snippet, line of the error within the snippet); ``{key}`` is the file's first key.
YAML_DEFECTS: list[tuple[str, str | bytes, int]] = [
    ("billion-laughs", _laughs(), 4),  # zz4 would repeat more than 10,000 values
    ("alias-doubling", _doubling(), 11),  # d11 would pass 10,000 values
    ("recursive-alias", "zz: &r [1, *r]", 0),
    ("recursive-alias-map", "zz: &r {a: *r}", 0),
    ("many-aliases", "zz0: &a x\nzz1: [" + ", ".join(["*a"] * 60) + "]", 1),
    ("nested-brackets", "zz: " + "[" * 20000 + "]" * 20000, 0),
    ("nested-dashes", "zz:\n  " + "- " * 3000 + "x", 1),
    ("nested-blocks", _nested_blocks(80), 49),
    ("list-key", "? [a, b]\n: x", 0),
    ("map-key", "{a: 1}: x", 0),
    ("number-key", "7: x", 0),
    ("boolean-key", "true: x", 0),
    ("huge-integer", "zz: " + "9" * 5000, 0),
    ("huge-float", "zz: 1.0e999", 0),
    ("nul-byte", b"zz: a\x00b", 0),
    ("escape-byte", b"zz: a\x1bb", 0),
    ("c1-control", "zz: a\u009bb", 0),
    ("escaped-control", 'zz: "a\\x01b"', 0),
    ("escaped-nul", 'zz: "\\0"', 0),
    ("escaped-surrogate", 'zz: "\\ud800"', 0),
    ("not-utf8", b"zz: caf\xe9", 0),
    ("tab-indent", "zz:\n\tb: 1", 1),
    ("sexagesimal-time", "zz: 9:30", 0),
    ("timestamp-tag", "zz: !!timestamp 2026-01-01", 0),
    ("python-tag", "zz: !!python/object/apply:os.system [echo]", 0),
    ("set-tag", "zz: !!set {a, b}", 0),
    ("duplicate-key", "{key}: again", 0),
    ("colon-in-text", "zz: Paris: capital", 0),
]
# The few that HQ's files get (each HQ case is a build of its own).
HQ_YAML = ("billion-laughs", "recursive-alias", "nested-brackets", "list-key", "huge-integer",
           "nul-byte", "escaped-control", "sexagesimal-time", "python-tag", "duplicate-key")

MISSION_YAML_FILES = ["mission.yml", "data/hours.yml", "data/consular.yml",
                      "data/relations.yml", "data/alerts.yml"]
HQ_YAML_FILES = ["hq.yml", "data/consular.yml", "data/holidays.yml", "data/alerts.yml"]
PAGE = f"pages/{LANG}/about/index.md"
POST = f"pages/{LANG}/news/2025/students-welcome.md"
HQ_PAGE = f"pages/{LANG}/privacy.md"


def _first_key(text: str) -> str:
    return next(line.split(":")[0] for line in text.split("\n")
                if re.match(r"[a-z_]+:", line))


def _yaml_cases() -> list[Case]:
    cases = []
    for scope, files, only in (("mission", MISSION_YAML_FILES, None),
                               ("hq", HQ_YAML_FILES, HQ_YAML)):
        for rel in files:
            key = _first_key(_base_text(scope, rel))
            for name, snippet, offset in YAML_DEFECTS:
                if only is not None and name not in only:
                    continue
                if isinstance(snippet, str):
                    snippet = snippet.replace("{key}", key)
                apply, line = appended(scope, rel, snippet, offset)
                phase = "load" if (scope, rel) == ("mission", "mission.yml") else "check"
                cases.append(Case(f"{scope}:{rel}:{name}", scope, phase, rel, line, apply))
        pages = [PAGE, POST] if scope == "mission" else [HQ_PAGE]
        for rel in pages:
            for name, snippet, offset in YAML_DEFECTS:
                if only is not None and name not in only:
                    continue
                if isinstance(snippet, str):
                    snippet = snippet.replace("{key}", "title")
                apply, line = in_front_matter(scope, rel, snippet, offset)
                cases.append(Case(f"{scope}:{rel}:{name}", scope, "check", rel, line, apply))
    return cases


# (file, old, new, offset): one field made wrong, reported at the changed line (+ offset).
MISSION_FIELDS: list[tuple[str, str, str, str, int]] = [
    ("kind-number", "mission.yml", "kind: embassy", "kind: 1", 0),
    ("kind-unknown", "mission.yml", "kind: embassy", "kind: palace", 0),
    ("languages-text", "mission.yml", "languages: [", "languages: x #[", 0),
    ("hotline-number", "mission.yml", 'hotline: "+44 7911 123456"', "hotline: 447911123456", 0),
    ("geo-quoted", "mission.yml", "lat: 51.5049", 'lat: "51.5049"', 0),
    ("geo-range", "mission.yml", "lat: 51.5049", "lat: 91", 0),
    ("keep-quoted", "mission.yml", "keep: 5", 'keep: "5"', 0),
    ("keep-float", "mission.yml", "keep: 5", "keep: 5.0", 0),
    ("keep-bool", "mission.yml", "keep: 5", "keep: true", 0),
    ("id-dots", "mission.yml", f"id: {BASE}", 'id: "../gb-etc"', 0),
    ("email-bad", "mission.yml", "address: office@", "address: not-an-email@@", 0),
    ("unknown-field", "mission.yml", "kind: embassy", "kind: embassy\nkinds: embassy", 1),
    ("opens-sexagesimal", "data/hours.yml", 'opens: "09:30"', "opens: 9:30", 0),
    ("opens-bad", "data/hours.yml", 'opens: "09:30"', 'opens: "9:3"', 0),
    ("closes-before", "data/hours.yml", 'closes: "12:30"', 'closes: "08:00"', 0),
    ("vietnam-yes", "data/hours.yml", "vietnam: true", 'vietnam: "yes"', 0),
    ("vietnam-one", "data/hours.yml", "vietnam: true", "vietnam: 1", 0),
    ("host-no", "data/hours.yml", "host: true", 'host: "no"', 0),
    ("hours-overlap", "data/hours.yml", 'opens: "14:00"', 'opens: "12:00"', 0),
    ("hours-repeated", "data/hours.yml", 'opens: "14:00"', 'opens: "09:30"', 0),
    ("day-twice", "data/hours.yml", "days: [mon, tue, wed, thu, fri]",
     "days: [mon, tue, wed, thu, mon]", 0),
    ("holiday-unknown", "data/hours.yml", '"Boxing Day":', '"Boxing Dya":', 0),
    ("closure-year-9999", "data/hours.yml", "start: 2026-12-24",
     "start: 2026-12-24\n    end: 9999-12-31", 1),
    ("closure-year-10000", "data/hours.yml", "start: 2026-12-24",
     "start: 2026-12-24\n    end: 10000-01-01", 1),
    ("closure-year-1", "data/hours.yml", "start: 2026-12-24", "start: 0001-01-01", 0),
    ("timezone-bad", "data/hours.yml", "timezone: Europe/London", "timezone: Mars/Olympus", 0),
    ("fee-id-twice", "data/consular.yml", "{id: multiple-entry,", "{id: single-entry,", 0),
    ("offered-no-text", "data/consular.yml", "  - id: passport",
     '  - id: passport\n    offered: "no"', 1),
    ("offered-zero", "data/consular.yml", "  - id: passport", "  - id: passport\n    offered: 0",
     1),
    ("amount-huge", "data/consular.yml", "amount: 20,", 'amount: "1e999999999",', 0),
    ("amount-negative", "data/consular.yml", "amount: 20,", "amount: -20,", 0),
    ("currency-bad", "data/consular.yml", "currency: GBP", "currency: QQQ", 0),
    ("in-force-9999", "data/consular.yml", "in_force: 2026-01-01", "in_force: 9999-12-31", 0),
    ("review-year-10000", "data/consular.yml", "review_by: 2027-06-30",
     "review_by: 10000-01-01", 0),
    ("service-twice", "data/consular.yml", "  - id: passport", "  - id: visa", 0),
    ("established-9999", "data/relations.yml", "established: 1973-09-11",
     "established: 9999-12-31", 0),
    ("established-impossible", "data/relations.yml", "established: 1973-09-11",
     "established: 1973-02-30", 0),
    ("visit-kind", "data/relations.yml", "kind: official", "kind: secret", 0),
    ("alert-end-9999", "data/alerts.yml", "end: 2027-01-10", "end: 9999-12-31", 0),
    ("alert-start-bad", "data/alerts.yml", "start: 2026-11-20", "start: 2026-13-01", 0),
    ("alert-severity", "data/alerts.yml", "severity: warning", "severity: panic", 0),
    ("alert-draft-text", "data/alerts.yml", "severity: warning", "severity: [warning]", 0),
    ("draft-yes", POST, "author:", 'draft: "yes"\nauthor:', 0),
    ("draft-one", POST, "author:", "draft: 1\nauthor:", 0),
    ("draft-false-text", POST, "author:", 'draft: "false"\nauthor:', 0),
    ("post-date-9999", POST, "date: 2025-10-12T18:00:00+01:00",
     "date: 9999-12-31T23:59:59-12:00", 0),
    ("post-date-no-zone", POST, "date: 2025-10-12T18:00:00+01:00", "date: 2025-10-12", 0),
    ("post-expires-10000", POST, "author:", "expires: 10000-01-01T00:00:00+00:00\nauthor:", 0),
    ("post-categories-text", POST, "categories: [community]", "categories: community", 0),
    ("post-category-unknown", POST, "categories: [community]", "categories: [gossip]", 0),
    ("post-tags-number", POST, "tags: [", "tags: [7, ", 0),
    ("post-title-list", POST, "title: ", "title: [a]  #", 0),
    ("post-slug-dots", POST, "author:", 'slug: "../../etc"\nauthor:', 0),
    ("page-weight-text", PAGE, "weight: 10", 'weight: "10"', 0),
    ("page-weight-float", PAGE, "weight: 10", "weight: 10.5", 0),
    ("page-weight-bool", PAGE, "weight: 10", "weight: true", 0),
    ("page-weight-range", PAGE, "weight: 10", "weight: 99999", 0),
    ("page-title-empty", PAGE, "title: ", 'title: ""  #', 0),
    ("page-hide-text", PAGE, "weight: 10", "weight: 10\nhide: toc", 1),
    ("page-unknown", PAGE, "weight: 10", "weight: 10\nlayout: x", 1),
]
HQ_FIELDS: list[tuple[str, str, str, str, int]] = [
    ("category-twice", "hq.yml", "  - id: culture", "  - id: community", 0),
    ("page-size-text", "hq.yml", "page_size: ", 'page_size: "10" #', 0),
    ("page-size-float", "hq.yml", "page_size: ", "page_size: 10.0 #", 0),
    ("hq-fee-id-twice", "data/consular.yml", "- id: multiple-entry", "- id: single-entry", 0),
    ("hq-weight-text", "data/consular.yml", "weight: 10", 'weight: "10"', 0),
    ("hq-holiday-unknown", "data/holidays.yml", "\"New Year's Day\":", '"New Years Dya":', 0),
    ("hq-alert-end-9999", "data/alerts.yml", "end: 2027-01-31", "end: 9999-12-31", 0),
]


def _field_cases() -> list[Case]:
    cases = []
    for scope, table in (("mission", MISSION_FIELDS), ("hq", HQ_FIELDS)):
        for name, rel, old, new, offset in table:
            apply, line = replaced(scope, rel, old, new, offset)
            phase = "load" if (scope, rel) == ("mission", "mission.yml") else "check"
            cases.append(Case(f"{scope}:{rel}:{name}", scope, phase, rel, line, apply))
    return cases


BODY_DEFECTS = [("nul", b"\x00"), ("escape", b"\x1b[31m"), ("delete", b"\x7f"),
                ("c1", "\u0085".encode()), ("noncharacter", "\ufffe".encode()),
                ("bell", b"\x07"), ("latin-1", b"caf\xe9"), ("cut-utf8", b"\xe1\xba")]


def _body_cases() -> list[Case]:
    cases = []
    for scope, rel in (("mission", PAGE), ("mission", POST), ("mission", f"pages/{LANG}/index.md"),
                       ("hq", HQ_PAGE)):
        for name, bad in BODY_DEFECTS:
            if scope == "hq" and name not in ("nul", "latin-1"):
                continue
            apply, line = in_body(scope, rel, bad)
            cases.append(Case(f"{scope}:{rel}:body-{name}", scope, "check", rel, line, apply))
    return cases


def _fifo(rel: str) -> Apply:
    def apply(folder: Path) -> None:
        path = folder / rel
        if path.exists():
            path.unlink()
        path.parent.mkdir(parents=True, exist_ok=True)
        os.mkfifo(path)
    return apply


def _folder(rel: str) -> Apply:
    def apply(folder: Path) -> None:
        path = folder / rel
        if path.exists():
            path.unlink()
        (path / "inside.txt").parent.mkdir(parents=True)
        (path / "inside.txt").write_text("x")
    return apply


def _socket(rel: str) -> Apply:
    def apply(folder: Path) -> None:
        path = folder / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        server = socket.socket(socket.AF_UNIX)
        try:
            server.bind(os.fspath(path))
        except OSError:  # a path too long for a socket: a named pipe instead
            os.mkfifo(path)
        finally:
            server.close()
    return apply


def _copy_as(source_rel: str, rel: str) -> Apply:
    def apply(folder: Path) -> None:
        put(folder / rel, (folder / source_rel).read_bytes())
    return apply


FILE_DEFECTS: list[tuple[str, str, str, Callable[[str], Apply], str]] = [
    # (name, scope, file named, how it is made, phase)
    ("fifo-page", "mission", f"pages/{LANG}/pipe.md", _fifo, "load"),
    ("fifo-post", "mission", f"pages/{LANG}/news/2026/pipe.md", _fifo, "load"),
    ("fifo-mission-yml", "mission", "mission.yml", _fifo, "load"),
    ("fifo-hours", "mission", "data/hours.yml", _fifo, "load"),
    ("fifo-consular", "mission", "data/consular.yml", _fifo, "load"),
    ("fifo-media", "mission", "media/pipe.jpg", _fifo, "load"),
    ("fifo-elsewhere", "mission", "notes/pipe.txt", _fifo, "load"),
    ("socket-page", "mission", f"pages/{LANG}/sock.md", _socket, "load"),
    ("folder-page", "mission", f"pages/{LANG}/folder.md", _folder, "check"),
    ("folder-mission-yml", "mission", "mission.yml", _folder, "load"),
    ("folder-hours", "mission", "data/hours.yml", _folder, "check"),
    ("folder-consular", "mission", "data/consular.yml", _folder, "check"),
    ("dots-page", "mission", f"pages/{LANG}/a..b.md", lambda r: _copy_as(PAGE, r), "load"),
    ("dots-only-page", "mission", f"pages/{LANG}/..md", lambda r: _copy_as(PAGE, r), "load"),
    ("dash-page", "mission", f"pages/{LANG}/-rf.md", lambda r: _copy_as(PAGE, r), "load"),
    ("newline-page", "mission", f"pages/{LANG}/a\nb.md", lambda r: _copy_as(PAGE, r), "load"),
    ("tab-page", "mission", f"pages/{LANG}/a\tb.md", lambda r: _copy_as(PAGE, r), "load"),
    ("escape-page", "mission", f"pages/{LANG}/a\x1bb.md", lambda r: _copy_as(PAGE, r), "load"),
    ("question-page", "mission", f"pages/{LANG}/what?.md", lambda r: _copy_as(PAGE, r), "load"),
    ("space-page", "mission", f"pages/{LANG}/ lead.md", lambda r: _copy_as(PAGE, r), "load"),
    ("dash-folder", "mission", f"pages/{LANG}/-x", lambda r: _folder(r + "/index.md"), "load"),
    ("dash-media", "mission", "media/-x.jpg", lambda r: _copy_as("mission.yml", r), "load"),
    ("fifo-hq-page", "hq", f"pages/{LANG}/pipe.md", _fifo, "load"),
    ("fifo-hq-yml", "hq", "hq.yml", _fifo, "load"),
    ("folder-hq-yml", "hq", "hq.yml", _folder, "load"),
    ("fifo-hq-media", "hq", "media/pipe.png", _fifo, "load"),
]


def _unreadable(rel: str) -> Apply:
    def apply(folder: Path) -> None:
        put(folder / rel, (folder / rel).read_bytes())  # not the template's inode
        (folder / rel).chmod(0)
    return apply


def _file_cases() -> list[Case]:
    cases = [Case(f"{scope}:{rel!r}:{name}", scope, phase, rel, None, make(rel))
             for name, scope, rel, make, phase in FILE_DEFECTS]
    if hasattr(os, "geteuid") and os.geteuid() != 0:  # root reads every file
        cases.append(Case("mission:unreadable-page", "mission", "load", PAGE, None,
                          _unreadable(PAGE)))
    apply, line = appended("mission", "mission.yml", b"city_note: M\xfcnchen")
    cases.append(Case("mission:mission.yml:latin-1", "mission", "load", "mission.yml", line,
                      apply))
    cases.append(Case("mission:mission.yml:empty", "mission", "load", "mission.yml", 1,
                      _writer("mission.yml", "")))
    cases.append(Case("mission:mission.yml:list", "mission", "load", "mission.yml", 1,
                      _writer("mission.yml", "- a\n- b\n")))
    return cases


CASES = _yaml_cases() + _field_cases() + _body_cases() + _file_cases()


def test_there_are_enough_cases() -> None:
    assert len(CASES) >= 300, len(CASES)
    assert len({case.name for case in CASES}) == len(CASES)


# --- building them ---------------------------------------------------------------------


@dataclass
class Run:
    code: int
    output: str
    seconds: float
    subprocess: bool


def _hardlink_tree(source: Path, target: Path) -> None:
    shutil.copytree(source, target, copy_function=os.link, symlinks=True)


def _mission_copy(template: Path, target: Path, mission_id: str) -> None:
    """The template mission under another id (hard links, texts naming the id rewritten)."""
    _hardlink_tree(template, target)
    for path in target.rglob("*"):
        if path.suffix in (".yml", ".md") and path.is_file():
            text = path.read_text(encoding="utf-8")
            if TEMPLATE in text:
                put(path, text.replace(TEMPLATE, mission_id))


def _digests(folder: Path) -> dict[str, str]:
    return {
        path.relative_to(folder).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*")) if path.is_file()
    }


def _run(args: list[str], cwd: Path, as_subprocess: bool) -> Run:
    started = time.monotonic()
    if as_subprocess:
        done = subprocess.run([sys.executable, str(ROOT / "build.py"), *args], cwd=cwd,
                              capture_output=True, text=True, timeout=120, check=False)
        return Run(done.returncode, done.stdout + done.stderr, time.monotonic() - started, True)
    from chancery.cli import main

    out, err = io.StringIO(), io.StringIO()
    before = os.getcwd()
    os.chdir(cwd)
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            try:
                code = main(args)
            except BaseException:  # noqa: BLE001 - the test reports it as a traceback
                code = -1
                err.write(traceback.format_exc())
    finally:
        os.chdir(before)
    return Run(code, out.getvalue() + err.getvalue(), time.monotonic() - started, False)


def _build_args(content: Path, out: Path, cache: Path) -> list[str]:
    return ["build", "--content", str(content), "--out", str(out), "--cache-dir", str(cache),
            "--now", NOW, "--jobs", "2"]


class World:
    """The template mission built once, and each batch of cases built on demand."""

    def __init__(self, root: Path) -> None:
        self.root = root
        content = root / "template" / "content"
        shutil.copytree(EXAMPLE / "_hq", content / "_hq")
        mission = content / TEMPLATE
        shutil.copytree(EXAMPLE / BASE, mission)
        self._trim(mission)
        self.template = content
        self.out = root / "template" / "out"
        run = _run(_build_args(content, self.out, root / "template" / "cache"), root, False)
        assert run.code == 0, run.output
        self.previous = _digests(self.out / TEMPLATE)
        self.runs: dict[int, Run] = {}
        self.ids: dict[str, tuple[int, str]] = {}
        self.batches: list[list[Case]] = []
        self._plan()

    @staticmethod
    def _trim(mission: Path) -> None:
        """Only the default language, two posts, and an alerts file; ids rewritten."""
        for path in mission.rglob("*"):
            if path.suffix in (".yml", ".md") and path.is_file():
                text = path.read_text(encoding="utf-8")
                path.write_text(text.replace(BASE, TEMPLATE), encoding="utf-8")
        yml = mission / "mission.yml"
        text = yml.read_text(encoding="utf-8")
        yml.write_text(_trimmed(text), encoding="utf-8")
        for folder in (mission / "pages").iterdir():
            if folder.name != LANG:
                shutil.rmtree(folder)
        keep = {(mission / POST).resolve()}
        posts = sorted((mission / "pages" / LANG / "news").glob("20*/*.md"))
        keep.add(next(p for p in posts if p.resolve() not in keep).resolve())
        for post in posts:
            if post.resolve() not in keep:
                post.unlink()
        (mission / "data" / "alerts.yml").write_text(ALERTS_YML.format(lang=LANG),
                                                      encoding="utf-8")

    def _plan(self) -> None:
        mission_cases = [c for c in CASES if c.scope == "mission"]
        load = [c for c in mission_cases if c.phase == "load"]
        check = [c for c in mission_cases if c.phase == "check"]
        self.batches.append(load)
        self.batches += [check[i:i + BATCH] for i in range(0, len(check), BATCH)]
        self.batches += [[c] for c in CASES if c.scope == "hq"]
        for b, batch in enumerate(self.batches):
            for k, case in enumerate(batch):
                self.ids[case.name] = (b, f"gb-c{b:02d}{k:02d}" if case.scope == "mission"
                                       else TEMPLATE)

    def result(self, case: Case) -> tuple[Run, str, Path]:
        number, mission_id = self.ids[case.name]
        if number not in self.runs:
            self.runs[number] = self._build(number)
        return self.runs[number], mission_id, self.root / f"batch{number}"

    def _build(self, number: int) -> Run:
        batch = self.batches[number]
        folder = self.root / f"batch{number}"
        content, out = folder / "content", folder / "out"
        hq_case = batch[0] if batch[0].scope == "hq" else None
        _hardlink_tree(self.template / "_hq", content / "_hq")
        out.mkdir(parents=True)
        (out / "_dashboard").mkdir()
        if hq_case is not None:
            _hardlink_tree(self.template / TEMPLATE, content / TEMPLATE)
            _hardlink_tree(self.out / TEMPLATE, out / TEMPLATE)
            hq_case.apply(content / "_hq")
        else:
            for case in batch:
                mission_id = self.ids[case.name][1]
                _mission_copy(self.template / TEMPLATE, content / mission_id, mission_id)
                _hardlink_tree(self.out / TEMPLATE, out / mission_id)
                case.apply(content / mission_id)
        as_subprocess = number % SUBPROCESS_EVERY == 0 or (
            hq_case is not None and hq_case.rel == "hq.yml")
        return _run(_build_args(content, out, folder / "cache"), folder, as_subprocess)


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> World:
    return World(tmp_path_factory.mktemp("bad-input"))


def _visible(text: str) -> str:
    """As problems show file names: control characters as ``\\xNN``."""
    return re.sub(r"[\x00-\x1f\x7f-\x9f]", lambda m: f"\\x{ord(m.group()):02x}", text)


def _where(case: Case, mission_id: str) -> str:
    folder = "_hq" if case.scope == "hq" else mission_id
    where = _visible(f"{folder}/{case.rel}")
    return f"{where}:{case.line}:" if case.line is not None else f"{where}: "


@pytest.mark.parametrize("case", CASES, ids=[re.sub(r"[^\w.:/-]", "?", c.name) for c in CASES])
def test_bad_input_fails_closed(world: World, case: Case) -> None:
    run, mission_id, folder = world.result(case)
    shown = run.output if len(run.output) < 6000 else run.output[:6000] + "..."
    assert run.code not in (0, -1), shown
    assert "Traceback" not in run.output, shown
    assert _where(case, mission_id) in run.output, shown
    assert run.seconds <= LIMIT_SECONDS, f"{run.seconds:.1f} s"
    assert _digests(folder / "out" / mission_id) == world.previous
