"""Options of the ``chancery/news`` plugin."""

from mkdocs.config import config_options as c
from mkdocs.config.base import Config


class NewsConfig(Config):
    home_posts = c.Type(int, default=5)
    feed_posts = c.Type(int, default=20)
