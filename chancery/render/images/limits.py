"""What the image pipeline accepts and makes."""

from __future__ import annotations

WIDTHS = (480, 960, 1600)  # widths made for srcset; never wider than the original
MAX_BYTES = 20 * 1024 * 1024  # a larger upload is refused, not decoded
MAX_PIXELS = 40_000_000  # width x height; more is refused (decompression bombs)
SOCIAL_SIZE = (1200, 630)  # the og:image card, cropped to fill
RASTER_SUFFIXES = frozenset({".jpg", ".jpeg", ".png", ".webp", ".gif", ".avif"})
SVG_SUFFIX = ".svg"
# Bumped whenever encoder settings change, so cached files made with the old ones are not
# reused (it is part of every cache file name).
PIPELINE_VERSION = "1"


def is_raster(name: str) -> bool:
    return any(name.lower().endswith(suffix) for suffix in RASTER_SUFFIXES)


def is_svg(name: str) -> bool:
    return name.lower().endswith(SVG_SUFFIX)


def is_image(name: str) -> bool:
    return is_raster(name) or is_svg(name)

