"""The search index of a mission: Pagefind, run once over the assembled site.

Pagefind reads each page's ``<html lang>`` and writes one index per language under
``/pagefind/``; the search page of a language loads only that language's index, so
results never mix languages. Only the ``data-pagefind-body`` part of a page (its
article) is indexed, and untranslated fallback copies are left out.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path


class SearchIndexError(RuntimeError):
    """Pagefind could not index the site."""


def index_site(root: Path) -> None:
    """Index ``root`` in place (writes ``root/pagefind/``)."""
    result = subprocess.run(
        [sys.executable, "-m", "pagefind", "--site", str(root), "--silent"],
        capture_output=True, text=True, check=False,
    )
    if result.returncode != 0:
        detail = (result.stderr or result.stdout).strip().splitlines()[-5:]
        raise SearchIndexError("search indexing failed: " + " | ".join(detail))
