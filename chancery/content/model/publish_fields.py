"""Strict types for where a mission publishes: git remotes, SSH logins and paths, S3 names.

A publish target reaches command lines (``git``, ``ssh``, ``rsync``) and object keys, and
mission editors are not trusted, so every part has one narrow written form and nothing
may start with ``-`` (which a program would read as an option). Each validator returns
the value normalised (host names lower-cased, repeated ``/`` and ``.`` segments removed)
and raises ``ValueError`` with the fix, which ``check`` reports at ``file:line``.
"""

from __future__ import annotations

import ipaddress
import re
from dataclasses import dataclass

from chancery.core.errors import msg

_LABEL = r"(?!-)[a-z0-9-]{1,63}(?<!-)"
_HOST_NAME = re.compile(rf"{_LABEL}(?:\.{_LABEL})*\.?", re.IGNORECASE)
_USER = re.compile(r"[a-z_][a-z0-9_-]{0,31}\$?")
_SEGMENT = re.compile(r"[A-Za-z0-9_.@+=,][A-Za-z0-9_.@+=,-]*")
_BRANCH_PART = re.compile(r"[A-Za-z0-9_][A-Za-z0-9_.+-]*")
_BUCKET = re.compile(r"[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]")
_BUCKET_BAD_START = ("xn--", "sthree-", "amzn-s3-demo-")
_BUCKET_BAD_END = ("-s3alias", "--ol-s3", ".mrap", "--x-s3", "--table-s3")
_KEY_SEGMENT = re.compile(r"[A-Za-z0-9_.][A-Za-z0-9_.-]*")
_REGION = re.compile(r"[a-z0-9]+(-[a-z0-9]+)*")

_HTTPS = re.compile(r"https://(?P<host>\[[0-9A-Fa-f:.]+\]|[^/:@\[\]]+)(?::(?P<port>\d{1,5}))?"
                    r"(?P<path>/[^?#]*)", re.IGNORECASE)
_SSH = re.compile(r"ssh://(?:(?P<user>[^@/]+)@)?(?P<host>\[[0-9A-Fa-f:.]+\]|[^/:@\[\]]+)"
                  r"(?::(?P<port>\d{1,5}))?(?P<path>/.*)", re.IGNORECASE)
_SCP = re.compile(r"(?P<user>[^@/:]+)@(?P<host>\[[0-9A-Fa-f:.]+\]|[^/:@\[\]]+):(?P<path>.+)")

_TRANSPORT = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*::")

REMOTE_FORMS = msg("https://host/org/repo.git, ssh://user@host[:port]/path/repo.git, "
                   "user@host:org/repo.git, or (test and HQ machines only) an absolute path "
                   "/srv/git/repo.git or file:///srv/git/repo.git")


def _no_option(value: str, what: str) -> None:
    """Refuse text a program could read as an option, or that hides characters."""
    if value.startswith("-"):
        raise ValueError(msg("{what} '{value}' must not start with '-' (a program would read it "
                             "as an option); write the real name", what=what, value=value))
    if any(ch.isspace() or ord(ch) < 32 or ord(ch) == 127 for ch in value):
        raise ValueError(msg("{what} {value!r} must not contain spaces or control characters",
                             what=what, value=value))


def host(value: str) -> str:
    """A host name (RFC 1123) or an IP address (IPv6 with or without ``[...]``), lower-cased."""
    _no_option(value, "host")
    bare = value[1:-1] if value.startswith("[") and value.endswith("]") else value
    try:
        return ipaddress.ip_address(bare).compressed
    except ValueError:
        pass
    name = value.rstrip(".")
    if (len(name) <= 253 and _HOST_NAME.fullmatch(value)
            and not name.rsplit(".", 1)[-1].isdigit()):
        return name.lower()
    raise ValueError(msg("'{value}' is not a host name or IP address; write e.g. "
                         "web.example.org or 192.0.2.10 (letters, digits, '-' and '.')",
                         value=value))


def user(value: str) -> str:
    """A POSIX login name: ``[a-z_][a-z0-9_-]*`` (an optional final ``$``), at most 32."""
    _no_option(value, "user")
    if not _USER.fullmatch(value):
        raise ValueError(msg("'{value}' is not a login name; use lower-case letters, digits, "
                             "'_' and '-', starting with a letter or '_', e.g. deploy",
                             value=value))
    return value


def port(value: str | int) -> int:
    number = int(value)
    if not 1 <= number <= 65535:
        raise ValueError(msg("port {value} is out of range; use 1 to 65535 (ssh: 22)", value=value))
    return number


def _segments(path: str, what: str) -> list[str]:
    """The segments of ``path`` without empty or ``.`` ones; refuse ``..`` and odd names."""
    _no_option(path, what)
    parts = [part for part in path.split("/") if part not in ("", ".")]
    for part in parts:
        if part == ".." or set(part) == {"."}:
            raise ValueError(msg("{what} '{path}' must not contain '..' (it would leave the "
                                 "target folder); write the folder's full path",
                                 what=what, path=path))
        if not _SEGMENT.fullmatch(part):
            raise ValueError(msg("{what} '{path}': '{part}' may hold only letters, digits and _ "
                                 ". @ + = , - (not first)", what=what, path=path, part=part))
    return parts


def absolute_path(value: str) -> str:
    """An absolute folder path without ``..``, normalised (``/srv//www/./x/`` → ``/srv/www/x``)."""
    if not value.startswith("/"):
        raise ValueError(msg("path '{value}' must be absolute, e.g. /srv/www/fr-paris",
                             value=value))
    parts = _segments(value, "path")
    if not parts:
        raise ValueError(msg("path '/' is the whole disk; name the site's own folder, e.g. "
                             "/srv/www/fr-paris"))
    return "/" + "/".join(parts)


def branch(value: str) -> str:
    """A git branch name such as ``gh-pages`` or ``sites/fr-paris``."""
    _no_option(value, "branch")
    parts = value.split("/")
    if (not all(_BRANCH_PART.fullmatch(p) for p in parts) or ".." in value
            or value.endswith((".lock", ".")) or value == "HEAD"):
        raise ValueError(msg("'{value}' is not a branch name; use letters, digits and _ . + - "
                             "in parts separated by '/', e.g. gh-pages", value=value))
    return value


@dataclass(frozen=True)
class Remote:
    """A parsed git remote: ``kind`` is ``https``, ``ssh`` or ``local``."""

    kind: str
    host: str = ""
    user: str = ""
    port: int | None = None
    path: str = ""

    def __str__(self) -> str:
        if self.kind == "local":
            return self.path
        bracket = f"[{self.host}]" if ":" in self.host else self.host
        where = bracket + (f":{self.port}" if self.port else "")
        if self.kind == "https":
            return f"https://{where}{self.path}"
        if self.path.startswith("/") or self.port:
            login = f"{self.user}@" if self.user else ""
            return f"ssh://{login}{where}{self.path}"
        return f"{self.user}@{bracket}:{self.path}"


def parse_remote(value: str) -> Remote:
    """The parts of a git remote written in one of :data:`REMOTE_FORMS`."""
    if not isinstance(value, str) or not value:
        raise ValueError(msg("a git remote is required; write {remote_forms}",
                             remote_forms=REMOTE_FORMS))
    if _TRANSPORT.match(value):
        raise ValueError(msg("remote '{value}': git's '<transport>::' helpers (ext::, fd::...) "
                             "run commands and are not allowed; write {remote_forms}",
                             value=value, remote_forms=REMOTE_FORMS))
    _no_option(value, "remote")
    scheme = value.split("://", 1)[0].lower() if "://" in value else ""
    if scheme == "https":
        match = _HTTPS.fullmatch(value)
        if match is None:
            raise ValueError(msg("remote '{value}' is not https://host/path (no user name or "
                                 "password in it: the token comes from CHANCERY_GIT_TOKEN, no "
                                 "?query or #fragment)", value=value))
        return Remote("https", host(match["host"]), "", _port(match["port"], 443),
                      _remote_path(match["path"], value, absolute=True))
    if scheme == "ssh":
        match = _SSH.fullmatch(value)
        if match is None:
            raise ValueError(msg("remote '{value}' is not ssh://[user@]host[:port]/path",
                                 value=value))
        return Remote("ssh", host(match["host"]), user(match["user"]) if match["user"] else "",
                      _port(match["port"], 22), _remote_path(match["path"], value, absolute=True))
    if scheme == "file":
        rest = value[len("file://"):]
        if not rest.startswith("/"):
            raise ValueError(msg("remote '{value}': write file:///absolute/path (no host)",
                                 value=value))
        return Remote("local", path=absolute_path(rest))
    if scheme:
        raise ValueError(msg("remote '{value}': the scheme '{scheme}://' is not allowed; write "
                             "{remote_forms}",
                             value=value, scheme=scheme, remote_forms=REMOTE_FORMS))
    if value.startswith("/"):
        return Remote("local", path=absolute_path(value))
    match = _SCP.fullmatch(value)
    if match is None:
        raise ValueError(msg("remote '{value}' is not a git remote Chancery accepts; write "
                             "{remote_forms}", value=value, remote_forms=REMOTE_FORMS))
    return Remote("ssh", host(match["host"]), user(match["user"]), None,
                  _remote_path(match["path"], value, absolute=match["path"].startswith("/")))


def _port(text: str | None, default: int) -> int | None:
    """``None`` for the protocol's default port, so ``host:443`` equals ``host``."""
    if text is None:
        return None
    number = port(text)
    return None if number == default else number


def _remote_path(path: str, remote: str, absolute: bool) -> str:
    parts = _segments(path, f"remote '{remote}': path")
    if not parts:
        raise ValueError(msg("remote '{remote}' names no repository; add its path, e.g. "
                             "org/site.git", remote=remote))
    return ("/" if absolute else "") + "/".join(parts)


def git_remote(value: str) -> str:
    """A git remote in one of :data:`REMOTE_FORMS`, normalised."""
    return str(parse_remote(value))


def bucket(value: str) -> str:
    """An S3 bucket name as AWS allows it (3-63 lower-case letters, digits, '.', '-')."""
    _no_option(value, "bucket")
    hint = msg("S3 bucket names are 3 to 63 lower-case letters, digits, '.' and '-', starting "
               "and ending with a letter or digit, e.g. eg-cairo-site")
    if not _BUCKET.fullmatch(value) or ".." in value or ".-" in value or "-." in value:
        raise ValueError(msg("'{value}' is not a bucket name; {hint}", value=value, hint=hint))
    if value.startswith(_BUCKET_BAD_START) or value.endswith(_BUCKET_BAD_END):
        raise ValueError(msg("'{value}': AWS reserves names starting with {bucket_bad_start} or "
                             "ending with {bucket_bad_end}; {hint}",
                             value=value, bucket_bad_start=', '.join(_BUCKET_BAD_START),
                             bucket_bad_end=', '.join(_BUCKET_BAD_END), hint=hint))
    try:
        ipaddress.IPv4Address(value)
    except ValueError:
        return value
    raise ValueError(msg("'{value}' looks like an IP address, which AWS does not allow; {hint}",
                         value=value, hint=hint))


def prefix(value: str) -> str:
    """An S3 key prefix: empty (the whole bucket) or folders ending with ``/``, no ``..``."""
    hint = msg("empty (the whole bucket) or folder names ending with '/', e.g. eg-cairo/")
    if value == "":
        return value
    _no_option(value, "prefix")
    if value.startswith("/") or not value.endswith("/") or "//" in value:
        raise ValueError(msg("prefix '{value}' must be {hint}", value=value, hint=hint))
    for part in value[:-1].split("/"):
        if part in (".", "..") or set(part) == {"."}:
            raise ValueError(msg("prefix '{value}' must not contain '.' or '..' folders; it "
                                 "must be {hint}", value=value, hint=hint))
        if not _KEY_SEGMENT.fullmatch(part):
            raise ValueError(msg("prefix '{value}': '{part}' may hold only letters, digits and "
                                 "_ . - (not first); it must be {hint}",
                                 value=value, part=part, hint=hint))
    return value


def region(value: str) -> str:
    """An S3 region name such as ``eu-central-1``."""
    _no_option(value, "region")
    if not _REGION.fullmatch(value) or len(value) > 40:
        raise ValueError(msg("'{value}' is not a region name; write e.g. eu-central-1",
                             value=value))
    return value
