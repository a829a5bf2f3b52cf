"""Write the sitemaps of one language build (and, for the default language, the index)."""

from __future__ import annotations

import gzip
from pathlib import Path

from chancery.core.urls import language_prefixes
from chancery.site.language import LanguageSite
from chancery.site.sitemaps import (
    SITEMAP,
    SITEMAP_INDEX,
    robots_txt,
    sitemap_index_xml,
    sitemap_xml,
)


def write_sitemaps(build: LanguageSite, site_dir: Path) -> None:
    """Replace MkDocs' plain sitemap with one that carries the hreflang alternates."""
    xml = sitemap_xml(build.sitemap(), build.default_language)
    (site_dir / SITEMAP).write_text(xml, encoding="utf-8")
    with gzip.GzipFile(site_dir / f"{SITEMAP}.gz", "wb", mtime=0) as handle:
        handle.write(xml.encode("utf-8"))
    if build.lang == build.default_language:
        mission = build.mission
        prefixes = list(language_prefixes(mission.languages, build.default_language).values())
        (site_dir / SITEMAP_INDEX).write_text(sitemap_index_xml(mission.site_url, prefixes),
                                              encoding="utf-8")
        (site_dir / "robots.txt").write_text(robots_txt(mission.site_url), encoding="utf-8")
