"""A build's identity: one hash over every file path and byte of a built site."""

from __future__ import annotations

import hashlib
from pathlib import Path


def tree_digest(root: Path) -> str:
    """sha256 over the sorted relative POSIX paths and contents of the files under ``root``."""
    digest = hashlib.sha256()
    root = Path(root)
    for path in sorted(p for p in root.rglob("*") if p.is_file()):
        rel = path.relative_to(root).as_posix().encode()
        digest.update(len(rel).to_bytes(4, "big") + rel)
        with path.open("rb") as handle:
            data = handle.read()
        digest.update(len(data).to_bytes(8, "big") + data)
    return digest.hexdigest()
