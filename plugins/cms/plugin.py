"""MkDocs adapter: the web editor at ``/admin/`` of the default language's site.

The vendored Decap files are theme files (``themes/chancery/admin/``), which MkDocs copies
into every build: they are kept only where HQ enables the editor (``hq.yml`` ``cms:``), and
only in the default language's build (the site's root). The page and the configuration
are generated (:mod:`chancery.features.cms.site`). Neither is a page: no sitemap lists them and the
search index skips them (they have no ``data-pagefind-body``).
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files

from chancery.features.cms.site import ADMIN_DIR, admin_files
from chancery.features.cms.vendor import MANIFEST
from chancery_plugins.blocks import site_build


class CmsPlugin(BasePlugin):
    """Publish (or leave out) the web editor."""

    @event_priority(50)
    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        build = site_build(config)
        theme_admin = Path(config.theme.custom_dir) / ADMIN_DIR
        wanted = self._wanted(build)
        for file in list(files):
            if file.src_uri.startswith(f"{ADMIN_DIR}/") and file.abs_src_path \
                    and Path(file.abs_src_path).is_relative_to(theme_admin) \
                    and (not wanted or file.src_uri == f"{ADMIN_DIR}/{MANIFEST}"):
                files.remove(file)
        if wanted:
            for path, text in admin_files(build.network, build.entry).items():
                existing = files.get_file_from_path(path)
                if existing is not None:
                    files.remove(existing)
                files.append(File.generated(config, path, content=text))
        return files

    @staticmethod
    def _wanted(build) -> bool:  # noqa: ANN001 - a LanguageBuild
        return build.network.hq.cms.enabled and build.lang == build.default_language
