"""Reading editors' text files: regular UTF-8 files only, and a clear error naming the line
otherwise (a named pipe is never opened: reading one would block the build)."""

from __future__ import annotations

import os
import re
import stat
from pathlib import Path

from chancery.core.errors import ContentError, Problem, msg

MAX_TEXT_BYTES = 8_000_000
# Control characters but tab and line ends (NUL, escape, DEL, C1...), surrogates, U+FFFE/F.
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")


def has_control(text: str) -> bool:
    """Whether ``text`` holds a control character an editor cannot see."""
    return _CONTROL.search(text) is not None


def special_kind(mode: int) -> str | None:
    """What a file that is neither a regular file nor a folder is, in words (else None)."""
    if stat.S_ISFIFO(mode):
        return msg("a named pipe (FIFO)")
    if stat.S_ISSOCK(mode):
        return msg("a socket")
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return msg("a device")
    if stat.S_ISDIR(mode) or stat.S_ISREG(mode):
        return None
    return msg("not a regular file")


def _fail(file: str, line: int, message: str) -> ContentError:
    return ContentError([Problem(file, line, "", message)])


def read_bytes(path: Path, file: str) -> bytes:
    """The bytes of a regular, readable file of sane size; else a :class:`ContentError`."""
    try:
        info = os.stat(path)
    except FileNotFoundError:
        raise _fail(file, 0, msg("file not found")) from None
    except OSError as exc:
        raise _fail(file, 0, _unreadable(exc)) from None
    if stat.S_ISDIR(info.st_mode):
        raise _fail(file, 0, msg("is a folder, not a file; rename or remove the folder"))
    kind = special_kind(info.st_mode)
    if kind:
        raise _fail(file, 0, msg("is {kind}, not a file; replace it with a regular file",
                                 kind=kind))
    if info.st_size > MAX_TEXT_BYTES:
        raise _fail(file, 0, msg("{size} bytes is too large for a text file (at most "
                                 "{limit}); split it", size=info.st_size, limit=MAX_TEXT_BYTES))
    try:
        with open(path, "rb") as handle:
            return handle.read(MAX_TEXT_BYTES + 1)
    except PermissionError:
        raise _fail(file, 0, msg("cannot be read (permission denied); make the file readable "
                                 "(e.g. chmod a+r)")) from None
    except OSError as exc:
        raise _fail(file, 0, _unreadable(exc)) from None


def _unreadable(exc: OSError) -> str:
    return msg("cannot be read ({why}); check the file", why=exc.strerror)


def text_problems(text: str, file: str, first_line: int = 1) -> list[Problem]:
    """A problem at the line of each control character (at most five lines)."""
    problems: list[Problem] = []
    for match in _CONTROL.finditer(text):
        line = text.count("\n", 0, match.start()) + first_line
        if problems and problems[-1].line == line:
            continue
        problems.append(Problem(
            file, line, "", msg("control character {char} (invisible) in the text; delete it "
                                "(retype the line if you cannot see it)",
                                char=f"U+{ord(match.group()):04X}")))
        if len(problems) == 5:
            break
    return problems


def read_text(path: Path, file: str) -> str:
    """The file's text; a missing, special, unreadable or non-UTF-8 file, or one holding a
    control character (a NUL byte...), is a :class:`ContentError` at ``file:line``."""
    data = read_bytes(path, file)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise _fail(file, line,
                    msg("file is not UTF-8 text; save it with UTF-8 encoding")) from None
    problems = text_problems(text, file)
    if problems:
        raise ContentError(problems)
    return text
