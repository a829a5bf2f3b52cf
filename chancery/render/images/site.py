"""The media images of one language build: made once, then linked from its pages.

Engine-independent: the site adapter hands over the media files (:meth:`Pictures.add`)
and publishes the files each rendition lists; pages and news templates ask for
``<picture>`` markup and sharing-card addresses.
"""

from __future__ import annotations

import posixpath
import re
from pathlib import Path

from chancery.core.urls import relative_url
from chancery.render.images.inspect import ImageRefused
from chancery.render.images.limits import is_raster
from chancery.render.images.markup import CONTENT_SIZES, picture
from chancery.render.images.pipeline import Pipeline, Rendition

_EXTERNAL = re.compile(r"^(?:[a-zA-Z][a-zA-Z0-9+.-]*:|//)")


class Refused:
    """A media image that must not be shown (``build.py check`` says why)."""


REFUSED = Refused()


class Pictures:
    """Renditions of a build's media images, by their path in the site."""

    def __init__(self, pipeline: Pipeline | None = None) -> None:
        self.pipeline = pipeline if pipeline is not None else Pipeline(None)
        self.renditions: dict[str, Rendition] = {}
        self.refused: set[str] = set()

    def add(self, site_path: str, file: Path) -> Rendition | None:
        """Make (or find in the cache) the rendition of a raster media file."""
        if not is_raster(site_path):
            return None
        try:
            rendition = self.pipeline.render(site_path, file)
        except (ImageRefused, OSError):
            self.refused.add(site_path)
            return None
        self.renditions[site_path] = rendition
        return rendition

    def lookup(self, site_path: str) -> Rendition | Refused | None:
        if site_path in self.renditions:
            return self.renditions[site_path]
        return REFUSED if site_path in self.refused else None

    def resolve(self, src: str, page_url: str, page_path: str) -> Rendition | Refused | None:
        """What an ``<img src>`` on a page names: ``/media/x.jpg`` from the language's root,
        or a relative path (from the page's address, as MkDocs rewrites Markdown images, or
        from its Markdown file, as editors write raw HTML)."""
        path = src.split("#", 1)[0].split("?", 1)[0].strip()
        if not path or _EXTERNAL.match(path):
            return None
        if path.startswith("/"):
            candidates = [path.lstrip("/")]
        else:
            candidates = [posixpath.join(page_url, path),
                          posixpath.join(posixpath.dirname(page_path), path)]
        for candidate in candidates:
            found = self.lookup(posixpath.normpath(candidate))
            if found is not None:
                return found
        return None

    def rewrite(self, html: str, page_url: str, page_path: str, *, eager_first: bool) -> str:
        """A rendered page's HTML with its media images as ``<picture>`` elements."""
        from chancery.render.images.rewrite import rewrite_images

        def href(path: str) -> str:
            return relative_url(page_url, path)

        return rewrite_images(html, lambda src: self.resolve(src, page_url, page_path), href,
                              eager_first=eager_first)

    def picture(self, site_path: str, here: str, alt: str, *, lazy: bool,
                sizes: str = CONTENT_SIZES, attrs: dict[str, str] | None = None) -> str | None:
        """``<picture>`` markup for a media image shown on the page at ``here``."""
        found = self.renditions.get(site_path)
        if found is None:
            return None
        return picture(found, lambda path: relative_url(here, path), alt, lazy=lazy,
                       sizes=sizes, attrs=attrs)
