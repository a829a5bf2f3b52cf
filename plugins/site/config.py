"""Options of the ``chancery/site`` plugin: HQ's settings of the standard sections.

The mission, language, clock and content folder are not options: they come with the
language site that the engine hands the plugin before each build.
"""

from mkdocs.config import config_options as c
from mkdocs.config.base import Config

SECTIONS = ("news", "consular", "contact", "profile", "alerts", "crisis", "cms")


class SiteConfig(Config):
    home_posts = c.Type(int, default=5)  # latest posts on the home page
    feed_posts = c.Type(int, default=20)  # posts in each feed
    # The standard sections this site configuration builds (all of them by default).
    sections = c.ListOfItems(c.Choice(SECTIONS), default=list(SECTIONS))
