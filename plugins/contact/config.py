"""Options of the ``chancery/contact`` plugin."""

from mkdocs.config import config_options as c
from mkdocs.config.base import Config


class ContactConfig(Config):
    enabled = c.Type(bool, default=True)
