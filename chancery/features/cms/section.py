"""The web editor in a language site: published under ``admin/`` of the default language,
where HQ enables it (``hq.yml`` ``cms:``)."""

from __future__ import annotations

from chancery.features.cms.site import ADMIN_DIR, admin_files
from chancery.features.cms.vendor import MANIFEST
from chancery.features.section import Section, SectionInput


def cms_section(site: SectionInput) -> Section:
    if not (site.hq.cms.enabled and site.lang == site.default_language):
        return Section("cms", drops=(f"{ADMIN_DIR}/",))
    # The vendored files stay, their manifest is the theme's record, not for readers.
    return Section("cms", files=admin_files(site.network, site.entry),
                   drops=(f"{ADMIN_DIR}/{MANIFEST}",))
