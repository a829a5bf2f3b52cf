"""What the build publishes under ``admin/`` of a mission's site (when HQ enables it)."""

from __future__ import annotations

from chancery.content.model.network import MissionEntry, Network
from chancery.features.cms.config import cms_config, config_yaml, local_backend_url
from chancery.features.cms.page import admin_page, admin_policy

ADMIN_DIR = "admin"


def admin_files(network: Network, entry: MissionEntry) -> dict[str, str]:
    """``{path in the site: text}`` of the generated files (the vendored script aside)."""
    settings = network.hq.cms
    title = entry.mission.display_name(entry.mission.default_language)
    return {
        f"{ADMIN_DIR}/index.html": admin_page(title, admin_policy(settings,
                                                                  local_backend_url(settings))),
        f"{ADMIN_DIR}/config.yml": config_yaml(cms_config(network, entry)),
    }
