"""Options of the ``chancery/site`` plugin (set from the environment by build.py)."""

from mkdocs.config import config_options as c
from mkdocs.config.base import Config


class SiteConfig(Config):
    content_dir = c.Type(str, default="content")
    mission = c.Type(str, default="")
    language = c.Type(str, default="vi")
