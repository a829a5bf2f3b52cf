"""What the text-only edition of one mission in one language holds, page by page.

Pages (under ``lite/`` in the language's root): the home page, the consular services and
one page per service, the contact page, and the latest posts (title, date, summary, a
link to the full post). Every page starts with the crises and alerts in force and the
hotlines, links to its full version and to the text-only home of the mission's other
languages, and weighs at most :data:`~chancery.site.lite.BUDGET` bytes. Nothing here imports
the site engine: the adapter (``plugins/site/lite.py``) gives the language site, the
moment and the posts.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from markupsafe import Markup

from chancery.content.data.files import mission_data_path
from chancery.content.i18n.catalog import ui_strings
from chancery.core.errors import ContentError, Problem, display_path, msg
from chancery.core.project import THEME_DIR
from chancery.core.urls import language_prefix, page_url, relative_url
from chancery.features.alerts.alerts import active_alerts
from chancery.features.alerts.views import alert_view
from chancery.features.consular.hours import load_hours
from chancery.features.consular.pages import mission_schedule, valid_catalog
from chancery.features.consular.views import INDEX as CONSULAR_INDEX
from chancery.features.consular.views import ServiceView, service_path, service_view
from chancery.features.contact.page import contact_content
from chancery.features.contact.views import PAGE as CONTACT_PAGE
from chancery.features.crisis.crisis import active_crises
from chancery.features.crisis.views import crisis_view
from chancery.render.security.headers import page_policy
from chancery.site.language import LanguageSite
from chancery.site.lite import BUDGET, LITE_DIR
from chancery.site.lite.render import render

NEWS_PAGE = "news/index.md"


@dataclass(frozen=True)
class NewsItem:
    """One post as the text-only news page lists it."""

    title: str
    date: str
    iso: str
    summary: str
    url: str  # the full post, from the language's root (news/2026/slug/)


@dataclass(frozen=True)
class Feed:
    """A news feed the pages announce (paths from the language's root)."""

    title: str
    rss: str
    atom: str


@dataclass(frozen=True)
class LitePage:
    path: str  # file path from the language's root, e.g. lite/contact/index.html
    html: str


@dataclass
class LiteEdition:
    """The text-only pages of ``build`` at ``moment``."""

    build: LanguageSite
    moment: datetime
    news: list[NewsItem] = field(default_factory=list)
    feed: Feed | None = None
    theme_dirs: tuple[str, ...] = (str(THEME_DIR),)

    def __post_init__(self) -> None:
        build, once = self.build, self.build.facts.once  # what the sections loaded, reused
        self._ = ui_strings(build.lang).gettext
        self.crises = [crisis_view(c, build.lang)
                       for c in once(active_crises, build.network, build.entry, self.moment)]
        self.alerts = [alert_view(a, build.lang)
                       for a in once(active_alerts, build.network, build.entry, self.moment)]
        catalog = once(valid_catalog, build.network, build.entry)
        self.services = [service_view(r.service, build.lang, lite_path(service_path(r.service.id)))
                         for r in catalog.services]

    def pages(self) -> list[LitePage]:
        """Every page of the edition; :class:`ContentError` if one is over the budget."""
        mission, consular = self.build.entry.source.file, display_path(
            mission_data_path(self.build.entry, "consular.yml"))
        made = [(self._home(), mission), (self._contact(), mission)]
        if self.services:
            made.append((self._consular(), consular))
            made += [(self._service(view), consular) for view in self.services]
        made.append((self._news(), mission))
        heavy = [_too_heavy(page, source) for page, source in made
                 if len(page.html.encode("utf-8")) > BUDGET]
        if heavy:
            raise ContentError(heavy)
        return [page for page, _source in made]

    # -- pages ------------------------------------------------------------------------------

    def _home(self) -> LitePage:
        return self._page("index.md", "lite/index.html", self.build.site_name)

    def _consular(self) -> LitePage:
        build, once = self.build, self.build.facts.once
        hours = once(load_hours, build.entry)
        schedule = once(mission_schedule, build.network, build.entry, self.moment, build.lang,
                        hours)
        return self._page(CONSULAR_INDEX, "lite/consular.html", self._("Consular services"),
                          services=self.services, schedule=schedule)

    def _service(self, view: ServiceView) -> LitePage:
        return self._page(service_path(view.id), "lite/service.html", view.title, service=view)

    def _contact(self) -> LitePage:
        build = self.build
        url = build.site_url + page_url(CONTACT_PAGE)
        once = build.facts.once
        hours = once(load_hours, build.entry)
        schedule = once(mission_schedule, build.network, build.entry, self.moment, build.lang,
                        hours)
        view, _data = once(contact_content, build.network, build.entry, build.lang, url,
                           self.moment, schedule, hours)
        return self._page(CONTACT_PAGE, "lite/contact.html", self._("Contact"), contact=view)

    def _news(self) -> LitePage:
        """The latest posts: as many of the :data:`NEWS_POSTS` as the budget holds."""
        here = page_url(lite_path(NEWS_PAGE))
        posts = [{"title": item.title, "date": item.date, "iso": item.iso,
                  "summary": item.summary, "href": relative_url(here, item.url)}
                 for item in self.news]
        page = self._page(NEWS_PAGE, "lite/news.html", self._("Latest news"), posts=posts)
        while posts and len(page.html.encode("utf-8")) > BUDGET:
            posts = posts[:-1]
            page = self._page(NEWS_PAGE, "lite/news.html", self._("Latest news"), posts=posts)
        return page

    # -- chrome -----------------------------------------------------------------------------

    def _page(self, path: str, template: str, title: str, **context: object) -> LitePage:
        """The text-only version of the page ``path`` (e.g. ``contact/index.md``)."""
        build = self.build
        here = page_url(lite_path(path))
        feeds = None
        if self.feed is not None:
            feeds = {"title": self.feed.title, "rss": relative_url(here, self.feed.rss),
                     "atom": relative_url(here, self.feed.atom)}
        html = render(self.theme_dirs, build.lang, template,
                      language=build.language, lang=build.lang, title=title,
                      head_title=_head_title(str(title), str(build.site_name)),
                      site_name=build.site_name, csp=Markup(page_policy()), feeds=feeds,
                      canonical=build.site_url + page_url(path),
                      full=relative_url(here, page_url(path)),
                      crises=self.crises, alerts=self.alerts, hotlines=build.hotlines(),
                      nav=self._nav(here), languages=self._languages(here), **context)
        return LitePage(here + "index.html", html)

    def _nav(self, here: str) -> list[dict]:
        items = [(self._("Home"), "index.md"), (self._("Contact"), CONTACT_PAGE)]
        if self.services:
            items.insert(1, (self._("Consular services"), CONSULAR_INDEX))
        items.append((self._("Latest news"), NEWS_PAGE))
        return [{"label": label, "href": relative_url(here, page_url(lite_path(path))),
                 "current": page_url(lite_path(path)) == here} for label, path in items]

    def _languages(self, here: str) -> list[dict]:
        """The text-only home page in the mission's other languages."""
        build = self.build
        found = []
        for code in build.mission.languages:
            if code == build.lang:
                continue
            other = build.network.languages.get(code)
            target = language_prefix(code, build.default_language) + LITE_DIR + "/"
            found.append({"code": code, "name": other.native_name, "dir": other.direction,
                          "href": relative_url(build.prefix + here, target)})
        return found

def _too_heavy(page: LitePage, source: str) -> Problem:
    size = len(page.html.encode("utf-8"))
    return Problem(source, 0, "",
                   msg("the text-only page {path} weighs {size:,} bytes, over its budget of "
                       "{budget:,} bytes (readers on a 2G connection); shorten the texts it "
                       "shows", path=page.path, size=size, budget=BUDGET))


def _head_title(title: str, site: str) -> str:
    """The ``<title>``: plain text (a fallback's marked span has no place there)."""
    return site if title == site else f"{title} – {site}"


def lite_path(path: str) -> str:
    """``contact/index.md`` -> ``lite/contact/index.md``; ``consular/visa.md`` likewise."""
    return f"{LITE_DIR}/{path}"
