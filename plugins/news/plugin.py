"""MkDocs adapter for news: forwards engine events to :class:`chancery.site.news.NewsBuild`.

Posts keep their Markdown files but are published at ``news/<YYYY>/<slug>/`` and
never enter the navigation; drafts and future posts are dropped; listing pages
and feeds are added as generated files.
"""

from __future__ import annotations

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page

from chancery.core import clock
from chancery.core.errors import ContentError
from chancery.site.news import NewsBuild, NewsOptions
from chancery_plugins.news.config import NewsConfig


class NewsPlugin(BasePlugin[NewsConfig]):
    """Per-language news for the build that ``chancery/site`` set up."""

    supports_multiple_instances = False

    def __init__(self) -> None:
        self.news: NewsBuild | None = None

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        # State is per build: `serve` reuses this object for every rebuild.
        self.news = None
        site = config.plugins["chancery/site"]
        try:
            now = clock.now()  # $CHANCERY_NOW, else the real time
        except ValueError as exc:
            raise PluginError(str(exc)) from None
        options = NewsOptions(self.config.home_posts, self.config.feed_posts, config.theme["logo"])
        try:
            self.news = NewsBuild(site.build, now, options)
        except ContentError as exc:
            if site.serving:
                raise PluginError(str(exc)) from None
            raise
        return config

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        news = self.news
        for file in list(files):
            uri = file.src_uri
            post = news.post_at(uri)
            if post is not None:
                file.dest_uri = post.url + "index.html"
                file.url = post.url
                file.inclusion = InclusionLevel.NOT_IN_NAV
            elif news.leaves_out(uri):
                files.remove(file)
        known = {file.src_uri for file in files}
        for src_uri, markdown in news.generated_pages(known.__contains__):
            files.append(
                File.generated(
                    config, src_uri, content=markdown, inclusion=InclusionLevel.NOT_IN_NAV
                )
            )
        for path, xml in news.feeds():
            files.append(File.generated(config, path, content=xml))
        return files

    def on_env(self, env: Environment, *, config: MkDocsConfig, files: Files) -> Environment:
        env.globals["chancery_news"] = self.news.head()
        return env

    def on_page_markdown(
        self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str:
        uri = page.file.src_uri
        template = self.news.template_for(uri)
        if template:
            page.meta.setdefault("template", template)
        post = self.news.post_at(uri)
        if post is not None:
            page.meta.setdefault("description", post.meta.summary)
        return markdown

    def on_page_context(self, context: dict, *, page: Page, config: MkDocsConfig, nav) -> dict:
        view = self.news.view_for(page.file.src_uri)
        if view is not None:
            context["news"] = view
        return context
