"""The search index of a mission: Pagefind, one index per language under ``/pagefind/``.

Pagefind reads each page's ``<html lang>`` and indexes only the ``data-pagefind-body``
part of a page (its article); untranslated fallback copies are left out. The search page
of a language loads only that language's index, so results never mix languages.

Each language is indexed on its own, inside its worker, right after it is built: its
pages sit in a folder laid out as in the final site (``fr/…`` for French), so the URLs
are the final ones. Pagefind's files are named after their language and content, so
the languages' folders merge into the site's ``pagefind/`` exactly as if Pagefind had
indexed the whole site at once; ``pagefind-entry.json`` is rewritten with its languages
in the mission's order (Pagefind's own order varies from run to run). An unchanged
language keeps its files from the previous build.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

SEARCH_DIR = "pagefind"
ENTRY = "pagefind-entry.json"


class SearchIndexError(RuntimeError):
    """Pagefind could not index the site."""


def _pagefind() -> list[str]:
    """The Pagefind executable (without the Python wrapper's start-up when it can be found)."""
    try:
        from pagefind.service import _must_get_executable

        return [str(_must_get_executable().resolve())]
    except Exception:  # noqa: BLE001 - any trouble: let the wrapper find it
        return [sys.executable, "-m", "pagefind"]


def _run(root: Path, output: Path) -> None:
    result = subprocess.run(
        [*_pagefind(), "--site", str(root), "--output-path", str(output), "--silent"],
        capture_output=True, text=True, check=False,
    )
    if result.returncode != 0:
        detail = (result.stderr or result.stdout).strip().splitlines()[-5:]
        raise SearchIndexError("search indexing failed: " + " | ".join(detail))


def index_language(root: Path) -> tuple[list[str], dict]:
    """Index the one language built under ``root`` into ``root/pagefind/``.

    Returns the index's files (relative to ``pagefind/``) and its entry (the parsed
    ``pagefind-entry.json``, which names this language only).
    """
    output = root / SEARCH_DIR
    _run(root, output)
    entry = json.loads((output / ENTRY).read_text(encoding="utf-8"))
    files = sorted(
        os.path.relpath(os.path.join(folder, name), output)
        for folder, _, names in os.walk(output) for name in names
    )
    return [f for f in files if f != ENTRY], entry


def merged_entry(entries: list[dict], languages: list[str]) -> dict:
    """One ``pagefind-entry.json`` for the languages indexed separately, in ``languages`` order."""
    first = entries[0]
    merged: dict = {}
    for entry in entries:
        if entry.get("version") != first.get("version"):
            raise SearchIndexError("search indexes made by different Pagefind versions")
        merged.update(entry.get("languages", {}))
    order = {code: i for i, code in enumerate(languages)}
    ordered = dict(sorted(merged.items(), key=lambda item: (order.get(item[0], len(order)),
                                                             item[0])))
    return {**first, "languages": ordered}


def write_entry(search_dir: Path, entry: dict) -> None:
    """Write ``pagefind-entry.json`` as Pagefind does (compact, UTF-8, no final newline)."""
    text = json.dumps(entry, ensure_ascii=False, separators=(",", ":"))
    (search_dir / ENTRY).write_text(text, encoding="utf-8")


def merge_into(target: Path, source: Path) -> None:
    """Move a language's index files into the site's ``pagefind/`` (shared files once)."""
    for folder, _, names in os.walk(source):
        for name in names:
            src = Path(folder) / name
            rel = src.relative_to(source)
            if rel.as_posix() == ENTRY:
                continue
            dst = target / rel
            if dst.exists():
                if dst.stat().st_size != src.stat().st_size or dst.read_bytes() != src.read_bytes():
                    raise SearchIndexError(f"two languages wrote different {SEARCH_DIR}/{rel}")
                continue
            dst.parent.mkdir(parents=True, exist_ok=True)
            src.rename(dst)

