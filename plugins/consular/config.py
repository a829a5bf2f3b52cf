"""Options of the ``chancery/consular`` plugin."""

from mkdocs.config import config_options as c
from mkdocs.config.base import Config


class ConsularConfig(Config):
    enabled = c.Type(bool, default=True)
