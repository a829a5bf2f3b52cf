"""The same content built with the stack off the shelf, for the ratio the issue asks for.

MkDocs 1.6.1, Material 9.8.1 and mkdocs-static-i18n 1.3.1 (folder structure, every
language in one ``mkdocs build``), default navigation (every post in it), Material's
search on. They are installed into a virtual environment of the benchmark's own work
folder, never into the project's. Each mission is one MkDocs project: its pages and
HQ's under ``docs/<lang>/``, its media under ``docs/media/``.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

PINS = ("mkdocs==1.6.1", "mkdocs-material==9.8.1", "mkdocs-static-i18n==1.3.1")
NAMES = {"vi": "Tiếng Việt", "fr": "Français", "en": "English", "ja": "日本語", "ar": "العربية"}
# The project's Markdown extensions, so that both stacks render the same Markdown.
EXTENSIONS = ("abbr", "admonition", "attr_list", "def_list", "footnotes", "md_in_html",
              "tables", "pymdownx.details", "pymdownx.superfences")


def ensure_venv(folder: Path) -> Path:
    """A virtual environment with :data:`PINS` (created once); returns its ``mkdocs``."""
    mkdocs = folder / "bin" / "mkdocs"
    stamp = folder / ".pins"
    if mkdocs.exists() and stamp.is_file() and stamp.read_text() == "\n".join(PINS):
        return mkdocs
    shutil.rmtree(folder, ignore_errors=True)
    subprocess.run([sys.executable, "-m", "venv", str(folder)], check=True)
    installed = subprocess.run([str(folder / "bin" / "python"), "-m", "pip", "install",
                                "--quiet", "--disable-pip-version-check", *PINS],
                               capture_output=True, text=True, check=False)
    if installed.returncode != 0:
        raise RuntimeError(f"could not install {', '.join(PINS)}:\n{installed.stderr[-2000:]}")
    stamp.write_text("\n".join(PINS))
    return mkdocs


def mkdocs_yml(mission: str, languages: tuple[str, ...]) -> str:
    config = {
        "site_name": mission,
        "site_url": f"https://{mission}.chancery.example/",
        "docs_dir": "docs",
        "theme": {"name": "material", "language": languages[0]},
        "plugins": [
            "search",
            {"i18n": {"docs_structure": "folder", "fallback_to_default": True, "languages": [
                {"locale": code, "name": NAMES.get(code, code), "build": True,
                 **({"default": True} if i == 0 else {})}
                for i, code in enumerate(languages)]}},
        ],
        "markdown_extensions": [*EXTENSIONS, {"toc": {"permalink": True}}],
    }
    return json.dumps(config, ensure_ascii=False, indent=1)  # JSON is valid YAML


def prepare(content: Path, mission: str, languages: tuple[str, ...], project: Path) -> Path:
    """Write ``project/`` (docs and ``mkdocs.yml``) for one mission; return the config."""
    shutil.rmtree(project, ignore_errors=True)
    docs = project / "docs"
    for lang in languages:
        for source in (content / "_hq" / "pages" / lang, content / mission / "pages" / lang):
            if source.is_dir():
                shutil.copytree(source, docs / lang, dirs_exist_ok=True)
    for source in (content / "_hq" / "media", content / mission / "media"):
        if source.is_dir():
            shutil.copytree(source, docs / "media", dirs_exist_ok=True)
    config = project / "mkdocs.yml"
    config.write_text(mkdocs_yml(mission, languages), encoding="utf-8")
    return config


def command(mkdocs: Path, config: Path, site: Path) -> list[str]:
    return [str(mkdocs), "build", "--quiet", "--config-file", str(config), "--site-dir", str(site)]
