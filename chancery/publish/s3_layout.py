"""Where things live in a mission's bucket, and how a reader's request finds its object.

Under the target ``prefix``::

    releases/<name>/...     every file of a release; never changed once written
    releases/<name>.json    written after all of the release's files: it is complete
    current.json            the pointer: {"release": <name>, "build_id": ...}; written last
    archive/<name>.tar.gz   the dated archive of every release, never pruned

Readers are served through an edge (CDN function, worker or proxy) that reads the pointer
and maps ``/<path>`` to ``releases/<release>/<path>``: :func:`object_key` is that mapping.
"""

from __future__ import annotations

POINTER = "current.json"


def pointer_key(prefix: str) -> str:
    return f"{prefix}{POINTER}"


def release_prefix(prefix: str, name: str) -> str:
    return f"{prefix}releases/{name}/"


def marker_key(prefix: str, name: str) -> str:
    return f"{prefix}releases/{name}.json"


def archive_key(prefix: str, name: str) -> str:
    return f"{prefix}archive/{name}.tar.gz"


def object_key(prefix: str, release: str, url_path: str) -> str:
    """The object serving ``url_path`` (``/fr/`` → ``…/fr/index.html``) from ``release``."""
    path = url_path.split("?", 1)[0].lstrip("/")
    if path == "" or path.endswith("/"):
        path += "index.html"
    return release_prefix(prefix, release) + path
