"""Addresses written by editors, refused unless they can only lead to a page or an app.

A link in content may use ``https:``, ``http:``, ``mailto:`` or ``tel:``, or be relative to
the site (``/consular/``, ``../media/form.pdf``, ``#fees``). Anything else (``javascript:``,
``data:``, ``vbscript:``, ``file:``, an address of another site without its scheme ``//``)
is an error in ``build.py check``, reported at its line, never published. Characters that
have no place in an address (spaces, quotes, ``<``, ``>``, backslashes, control and
invisible characters) are refused too, so that an address is the same to every browser,
whatever its escaping.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Annotated

from pydantic import AfterValidator

from chancery.core.errors import msg

SCHEMES = ("https", "http", "mailto", "tel")
_SCHEME = re.compile(r"([A-Za-z][A-Za-z0-9+.-]*):")
_LABEL = r"[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?"
_HOST = re.compile(rf"{_LABEL}(\.{_LABEL})*")
_FORBIDDEN = set(' "<>\\^`{|}')
_REFERENCE = re.compile(r"&(#|[A-Za-z][A-Za-z0-9]*;)")  # &#106; or &colon; in an address
_EXAMPLES = msg("e.g. https://example.org/page, mailto:consular@example.org, tel:+33144146400 "
                "or /contact/")


def _bad_character(value: str) -> str | None:
    for char in value:
        if char in _FORBIDDEN or char.isspace() or unicodedata.category(char) in ("Cc", "Cf"):
            return f"U+{ord(char):04X}" if not char.isprintable() or char == " " else f"'{char}'"
    return None


def _checked(value: str) -> str:
    if not isinstance(value, str) or not value:
        raise ValueError(msg("an address is needed; expected {examples}", examples=_EXAMPLES))
    bad = _bad_character(value)
    if bad:
        raise ValueError(msg("'{value}' contains {bad}, which has no place in an address; write "
                             "spaces as %20 and leave out quotes and angle brackets",
                             value=value, bad=bad))
    if _REFERENCE.search(value):
        raise ValueError(msg("'{value}' contains an HTML character reference ('&...;'); write "
                             "the character itself, or %-encode it", value=value))
    return value


def _http_host(value: str, rest: str) -> None:
    """``rest`` is what follows ``http(s)://``: a host name, a port, then a path."""
    authority = re.split(r"[/?#]", rest, maxsplit=1)[0]
    if "@" in authority:
        raise ValueError(msg("'{value}' has a user name before '@'; write the address without it",
                             value=value))
    host, _, port = authority.partition(":")
    if not _HOST.fullmatch(host) or (port and not port.isdigit()):
        raise ValueError(msg("'{value}' has no valid host name; expected e.g. "
                             "https://example.org/", value=value))


def safe_url(value: str) -> str:
    """``value`` if it is an https:, http:, mailto: or tel: address, or site-relative."""
    _checked(value)
    scheme = _SCHEME.match(value)
    if scheme:
        name = scheme.group(1).lower()
        if name not in SCHEMES:
            raise ValueError(msg("'{value}': links may not use '{name}:' (only {schemes} or an "
                                 "address on this site); expected {examples}",
                                 value=value, name=name,
                                 schemes=', '.join(s + ':' for s in SCHEMES), examples=_EXAMPLES))
        if name in ("http", "https"):
            if not value[scheme.end():].startswith("//"):
                raise ValueError(msg("'{value}' lacks '//' after '{name}:'; expected e.g. "
                                     "{name}://example.org/", value=value, name=name))
            _http_host(value, value[scheme.end() + 2:])
        elif len(value) == scheme.end():
            raise ValueError(msg("'{value}' says nothing after '{name}:'; expected {examples}",
                                 value=value, name=name, examples=_EXAMPLES))
        return value
    if value.startswith("//"):
        raise ValueError(msg("'{value}' leads to another site without saying how; write "
                             "https:{value}", value=value))
    if ":" in re.split(r"[/?#]", value, maxsplit=1)[0]:
        raise ValueError(msg("'{value}' is not a valid address (a ':' before the first '/'); "
                             "expected {examples}", value=value, examples=_EXAMPLES))
    return value


def https_url(value: str) -> str:
    """``value`` if it is an ``https://`` address of a named host."""
    _checked(value)
    scheme = _SCHEME.match(value)
    if scheme and scheme.group(1).lower() not in SCHEMES:
        raise ValueError(msg("'{value}': links may not use '{match}:'; expected an https:// "
                             "address, e.g. https://example.org/",
                             value=value, match=scheme.group(1).lower()))
    if not value.startswith("https://"):
        raise ValueError(msg("'{value}' is not an https:// address; expected e.g. "
                             "https://example.org/", value=value))
    _http_host(value, value[len("https://"):])
    return value


SafeUrl = Annotated[str, AfterValidator(safe_url)]
HttpsUrl = Annotated[str, AfterValidator(https_url)]
