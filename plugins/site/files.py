"""The site plugin's file list: the theme files a site leaves out, and the sections' files."""

from __future__ import annotations

from pathlib import Path

import material
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files, InclusionLevel

from chancery.features.section import Section
from chancery.render.fonts import FONTS_CSS, mission_fonts, preferred_fonts
from chancery.site.language import LanguageSite

MATERIAL_DIR = Path(material.__file__).resolve().parent
MATERIAL_SCRIPTS = "assets/javascripts/"  # Material's bundle, search worker and lunr


def drop_theme_files(site: LanguageSite, files: Files, config: MkDocsConfig) -> list[str]:
    """Keep only the font families the mission's languages need (CJK fonts are large),
    none of Material's scripts (pages load no Material JavaScript: main.html), and none of
    the theme files a section leaves out; add the mission's font CSS. Returns the families."""
    theme, languages = Path(config.theme.custom_dir), site.mission.languages
    drops = [drop for section in site.sections for drop in section.drops]
    preferred = preferred_fonts(site.network.languages, languages)
    fonts = mission_fonts(theme, languages, preferred)
    families = fonts.families
    files.append(File.generated(config, FONTS_CSS,  # faces and stacks: render/fonts.py
                                content=fonts.css))
    for file in list(files):
        source = Path(file.abs_src_path) if file.abs_src_path else None
        if source is not None and source.is_relative_to(theme) and any(
                file.src_uri == d or (d.endswith("/") and file.src_uri.startswith(d))
                for d in drops):
            files.remove(file)
            continue
        if file.src_uri == "fonts.yml":  # the theme's own settings, not for readers
            files.remove(file)
            continue
        if file.src_uri.startswith(MATERIAL_SCRIPTS) and source is not None \
                and source.is_relative_to(MATERIAL_DIR):
            files.remove(file)
            continue
        parts = file.src_uri.split("/")
        if parts[:2] == ["assets", "fonts"] and len(parts) > 3 \
                and (parts[2] not in families or parts[3] == "faces.css"):
            files.remove(file)
    return families


def add_section_files(section: Section, files: Files, config: MkDocsConfig) -> None:
    """A section's own pages: posts moved to their URL or left out, listings, feeds."""
    if section.moves or section.dropped:
        for file in list(files):
            url = section.moves.get(file.src_uri)
            if url is not None:
                file.dest_uri = url + "index.html"
                file.url = url
                file.inclusion = InclusionLevel.NOT_IN_NAV
            elif file.src_uri in section.dropped:
                files.remove(file)
    for src_uri, markdown in section.documents:
        if files.get_file_from_path(src_uri) is None:
            files.append(File.generated(config, src_uri, content=markdown,
                                        inclusion=InclusionLevel.NOT_IN_NAV))
    for path, text in section.files.items():
        existing = files.get_file_from_path(path)
        if existing is not None:
            files.remove(existing)
        files.append(File.generated(config, path, content=text))
