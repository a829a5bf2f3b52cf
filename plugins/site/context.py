"""The ``chancery`` value every template sees: the language site's answers for one page."""

from __future__ import annotations

from markupsafe import Markup

from chancery.content.i18n.fallback import localized
from chancery.render.fonts import FONTS_CSS
from chancery.render.security.headers import page_policy
from chancery.site.assemble import SEARCH_PAGE
from chancery.site.language import LanguageSite


def template_context(site: LanguageSite, path: str | None) -> dict:
    """The page at ``path`` (``None``: a page of no source, e.g. 404.html)."""
    mission, hq, lang = site.mission, site.hq, site.lang
    return {
        "lang": site.language,
        "mission": mission,
        "mission_name": mission.name.get(lang),
        "site_name": site.site_name,
        "ministry_name": localized(hq.ministry.name, lang),
        "country_name": hq.ministry.country_name.get(lang),
        "ministry_url": hq.ministry.url,
        "ministry_links": [{"label": localized(link.label, lang), "url": link.url}
                           for link in hq.ministry.links],
        "hotlines": site.hotlines(),
        "alternates": site.alternates(path),
        "home": site.link_to(path, "index.md"),
        "accessibility": site.link_to(path, "accessibility.md"),
        "privacy": site.link_to(path, "privacy.md"),
        "search": site.link_to(path, SEARCH_PAGE),
        "root": site.root_from(path),
        "social": mission.social,
        "page_path": path,
        "is_home": path == "index.md",
        "csp": Markup(page_policy()),  # HQ's constant, without quotes or markup (tested)
        "font_css": [FONTS_CSS],
        "fallback": _fallback(site, path),
        "outdated": site.is_outdated(path),
        "source_href": site.link_to_version(path, site.default_language),
    }


def _fallback(site: LanguageSite, path: str | None) -> dict | None:
    """The language of the text a fallback copy shows, for its notice and ``lang``."""
    source = site.page(path)
    if not source or not source.fallback_from:
        return None
    original = site.network.languages.get(source.fallback_from)
    return {"code": original.code, "name": original.native_name, "dir": original.direction}
