"""Where the project's own files are: the one module that computes it from its location."""

from __future__ import annotations

from pathlib import Path

# chancery/core/project.py -> the checkout (or installed tree) holding chancery/, themes/,
# content/ and mkdocs.yml.
PROJECT_ROOT = Path(__file__).resolve().parents[2]
THEME_DIR = PROJECT_ROOT / "themes" / "chancery"
