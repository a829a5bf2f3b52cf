"""Per-language sitemaps with hreflang alternates, the index over them, and robots.txt."""

from __future__ import annotations

from xml.sax.saxutils import escape, quoteattr

SITEMAP = "sitemap.xml"
SITEMAP_INDEX = "sitemap-index.xml"


def sitemap_xml(entries: list[tuple[str, dict[str, str]]], default_language: str) -> str:
    """A ``urlset`` listing each page with ``xhtml:link`` alternates and ``x-default``."""
    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
        'xmlns:xhtml="http://www.w3.org/1999/xhtml">',
    ]
    for url, alternates in entries:
        lines.append(f"  <url>\n    <loc>{escape(url)}</loc>")
        for code in sorted(alternates):
            lines.append(f'    <xhtml:link rel="alternate" hreflang={quoteattr(code)} '
                         f"href={quoteattr(alternates[code])}/>")
        if default_language in alternates:
            lines.append('    <xhtml:link rel="alternate" hreflang="x-default" '
                         f"href={quoteattr(alternates[default_language])}/>")
        lines.append("  </url>")
    lines.append("</urlset>\n")
    return "\n".join(lines)


def sitemap_index_xml(site_url: str, prefixes: list[str]) -> str:
    """A ``sitemapindex`` naming each language's sitemap (``""`` is the default language)."""
    items = "".join(f"  <sitemap><loc>{escape(site_url + p + SITEMAP)}</loc></sitemap>\n"
                    for p in prefixes)
    return ('<?xml version="1.0" encoding="UTF-8"?>\n'
            '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
            f"{items}</sitemapindex>\n")


def robots_txt(site_url: str) -> str:
    return f"User-agent: *\nAllow: /\n\nSitemap: {site_url}{SITEMAP_INDEX}\n"
