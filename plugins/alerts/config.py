"""Options of the ``chancery/alerts`` plugin."""

from mkdocs.config import config_options as c
from mkdocs.config.base import Config


class AlertsConfig(Config):
    enabled = c.Type(bool, default=True)
