"""HQ's allow-list of publishing hosts: the only machines credentials are ever sent to.

An entry of ``publishing.hosts`` in ``hq.yml`` is one of:

* a host name, ``web.example.gov.vn`` (matches that name only);
* a pattern ``*.example.gov.vn`` (matches any name ending in ``.example.gov.vn``, at any
  depth, but not ``example.gov.vn`` itself: list that too if it is meant);
* an IP address, ``192.0.2.10`` or ``::1`` (``[::1]`` is accepted), or a network in CIDR
  form, ``10.20.0.0/16``.

Names are compared case-folded with a trailing dot removed; addresses by value (so
``::ffff:127.0.0.1`` is ``127.0.0.1``). Ports are not part of an entry: an allowed machine
is trusted on every port. The comparison is textual, never through a resolver, so what a
name resolves to today cannot widen the list.
"""

from __future__ import annotations

import ipaddress
import re
from collections.abc import Iterable

from chancery.core.errors import msg

_LABEL = r"(?!-)[a-z0-9-]{1,63}(?<!-)"
_NAME = re.compile(rf"{_LABEL}(?:\.{_LABEL})+|{_LABEL}")

Address = ipaddress.IPv4Address | ipaddress.IPv6Address
Network = ipaddress.IPv4Network | ipaddress.IPv6Network


def _fold(name: str) -> str:
    return name.strip().rstrip(".").casefold()


def _address(text: str) -> Address | None:
    bare = text[1:-1] if text.startswith("[") and text.endswith("]") else text
    try:
        address = ipaddress.ip_address(bare.split("%", 1)[0])
    except ValueError:
        return None
    mapped = getattr(address, "ipv4_mapped", None)
    return mapped if mapped is not None else address


def host_pattern(value: str) -> str:
    """One allow-list entry, normalised; ``ValueError`` with the accepted forms otherwise."""
    forms = msg("write a host name (web.example.gov.vn), a pattern (*.example.gov.vn), an IP "
                "address (192.0.2.10) or a network (10.20.0.0/16), without scheme, port or path")
    if not isinstance(value, str) or not value.strip():
        raise ValueError(msg("an empty entry allows nothing; {forms}", forms=forms))
    text = value.strip()
    if "/" in text and "://" not in text:
        try:
            return ipaddress.ip_network(text, strict=False).compressed
        except ValueError:
            raise ValueError(msg("'{value}' is not a network; {forms}", value=value,
                                 forms=forms)) from None
    address = _address(text)
    if address is not None:
        return address.compressed
    name = _fold(text)
    rest = name[2:] if name.startswith("*.") else name
    if "." not in rest and name.startswith("*."):
        raise ValueError(msg("'{value}' would allow a whole top-level domain; name the "
                             "ministry's own domain, e.g. *.example.gov.vn", value=value))
    if len(rest) > 253 or not _NAME.fullmatch(rest) or rest.rsplit(".", 1)[-1].isdigit():
        raise ValueError(msg("'{value}' is not a host name or pattern; {forms}",
                             value=value, forms=forms))
    return name


def normalise_host(host: str) -> str:
    """A target's host as it is compared: an address in its one form, else a folded name."""
    address = _address(host.strip())
    return address.compressed if address is not None else _fold(host)


def allowed(host: str, patterns: Iterable[str]) -> bool:
    """True when ``host`` matches one of the (normalised) ``patterns``."""
    address = _address(host.strip())
    name = _fold(host)
    for pattern in patterns:
        if "/" in pattern:
            network: Network = ipaddress.ip_network(pattern)
            if address is not None and address.version == network.version \
                    and address in network:
                return True
        elif address is not None:
            if _address(pattern) == address:
                return True
        elif pattern.startswith("*."):
            if name.endswith(pattern[1:]) and len(name) > len(pattern) - 1:
                return True
        elif name == pattern:
            return True
    return False
