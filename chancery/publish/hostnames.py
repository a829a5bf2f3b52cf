"""Which machine a host name means, for comparing targets: time-bounded and offline-safe.

A host is known by a set of *keys*: its case-folded name, every address it resolves to,
and ``loopback`` for this machine (``localhost``, ``127.0.0.0/8``, ``::1``, ``0.0.0.0``
or any name resolving there). Two hosts are the same machine when their keys meet.
Names are resolved in daemon threads with one deadline for all of them, so a slow or
absent resolver never holds a check up for long; a name not resolved in time is
compared by its spelling only.
"""

from __future__ import annotations

import ipaddress
import socket
import threading
import time
from collections.abc import Iterable

LOOPBACK = "loopback"
DEADLINE = 2.0  # seconds for all the names of one comparison

_cache: dict[str, frozenset[str]] = {}
_lock = threading.Lock()


def _address_key(text: str) -> str:
    """``loopback`` for this machine, else the address in its one written form."""
    address = ipaddress.ip_address(text.split("%", 1)[0])
    mapped = getattr(address, "ipv4_mapped", None)
    if mapped is not None:
        address = mapped
    if address.is_loopback or address.is_unspecified:
        return LOOPBACK
    return address.compressed


def _literal_keys(host: str) -> frozenset[str] | None:
    """Keys known without asking a resolver: IP literals and ``localhost`` names."""
    name = host.strip("[]").rstrip(".").lower()
    try:
        return frozenset({_address_key(name)})
    except ValueError:
        pass
    if name == "localhost" or name.endswith(".localhost"):
        return frozenset({LOOPBACK})
    return None


def _resolve(name: str) -> None:
    try:
        infos = socket.getaddrinfo(name, None, proto=socket.IPPROTO_TCP)
        keys = frozenset({name} | {_address_key(str(info[4][0])) for info in infos})
    except (OSError, UnicodeError, ValueError):
        keys = frozenset({name})
    with _lock:
        _cache[name] = keys


def host_keys(hosts: Iterable[str], deadline: float = DEADLINE) -> dict[str, frozenset[str]]:
    """The keys of each host, resolving the names not yet known within ``deadline`` s."""
    result: dict[str, frozenset[str]] = {}
    threads = []
    for host in set(hosts):
        literal = _literal_keys(host)
        name = host.rstrip(".").lower()
        if literal is not None:
            result[host] = literal
            continue
        with _lock:
            known = _cache.get(name)
        if known is None:
            thread = threading.Thread(target=_resolve, args=(name,), daemon=True,
                                      name=f"resolve {name}")
            thread.start()
            threads.append(thread)
    end = time.monotonic() + deadline
    for thread in threads:
        thread.join(max(0.0, end - time.monotonic()))
    for host in set(hosts) - set(result):
        name = host.rstrip(".").lower()
        with _lock:
            result[host] = _cache.get(name, frozenset({name}))
    return result


def same_machine(a: frozenset[str], b: frozenset[str]) -> bool:
    return bool(a & b)
