"""Options of the ``chancery/profile`` plugin."""

from mkdocs.config import config_options as c
from mkdocs.config.base import Config


class ProfileConfig(Config):
    enabled = c.Type(bool, default=True)
