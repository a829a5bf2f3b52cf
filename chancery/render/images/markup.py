"""The ``<picture>`` element for a rendition; every attribute value is escaped."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from html import escape

from chancery.render.images.encode import FORMATS
from chancery.render.images.pipeline import Rendition, Variant

CONTENT_SIZES = "(min-width: 61em) 42em, 100vw"  # an image in a page's text column
CARD_SIZES = "(min-width: 45em) 15em, 100vw"  # a picture in a news listing card
_FALLBACK_WIDTH = 960  # the src old browsers load: the largest version up to this width


def _attr(name: str, value: str | int) -> str:
    return f' {name}="{escape(str(value), quote=True)}"'


def _srcset(variants: list[Variant], href: Callable[[str], str]) -> str:
    return ", ".join(f"{href(v.path)} {v.width}w" for v in variants)


def picture(rendition: Rendition, href: Callable[[str], str], alt: str, *, lazy: bool,
            sizes: str = CONTENT_SIZES, attrs: Mapping[str, str] | None = None) -> str:
    """``<picture>`` with an AVIF and a WebP ``<source>`` and a JPEG/PNG ``<img>``.

    ``href`` turns a path in the site into a link from the page; ``alt`` is the editor's
    text (``""`` for a decorative picture); ``attrs`` are kept on the ``<img>`` (class,
    id, title). ``lazy=False`` for the first picture of a page, which loads at once.
    """
    parts = ["<picture>"]
    for kind in FORMATS:
        variants = rendition.of_kind(kind)
        if variants:
            parts.append(f"<source{_attr('type', variants[0].mime)}"
                         f"{_attr('srcset', _srcset(variants, href))}{_attr('sizes', sizes)}>")
    fallbacks = rendition.of_kind(rendition.fallback)
    src = [v for v in fallbacks if v.width <= _FALLBACK_WIDTH] or fallbacks[:1]
    img = (f"<img{_attr('src', href(src[-1].path))}"
           f"{_attr('srcset', _srcset(fallbacks, href))}{_attr('sizes', sizes)}"
           f"{_attr('width', rendition.width)}{_attr('height', rendition.height)}"
           f"{_attr('alt', alt)}")
    for name, value in (attrs or {}).items():
        img += _attr(name, value)
    if lazy:
        img += _attr("loading", "lazy")
    img += _attr("decoding", "async")
    parts.append(img + ">")
    parts.append("</picture>")
    return "".join(parts)
