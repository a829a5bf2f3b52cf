"""Every ``<img>`` of a rendered page that shows a media image becomes a ``<picture>``.

Works on the page's HTML after Markdown, so Markdown images (``![alt](/media/x.jpg)``)
and editors' raw-HTML ``<img>`` take the same path. The caller says which rendition a
``src`` names (:class:`chancery.render.images.pipeline.Rendition`, or ``None`` for anything
that is not a media image, e.g. an SVG, which is left as it is) and how to link a path.
A decorative picture is marked by its editor with the ``decorative`` class
(``![](/media/line.png){: .decorative }`` or ``<img class="decorative" alt="">``):
it gets ``alt=""``. An image whose file was refused loses its ``src`` and keeps its alt
(``build.py check`` fails the build for it anyway).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from html import escape
from html.parser import HTMLParser

from chancery.render.images.markup import CONTENT_SIZES, picture
from chancery.render.images.pipeline import Rendition

DECORATIVE = "decorative"  # the class that marks a picture with no meaning of its own
_IMG = re.compile(r"<img\b(?:[^>\"']|\"[^\"]*\"|'[^']*')*>", re.IGNORECASE)
_PICTURE = re.compile(r"<picture\b.*?</picture\s*>", re.IGNORECASE | re.DOTALL)
_KEPT = ("id", "class", "title")  # what an editor may set on the <img> that is kept


class _Attributes(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.attrs: dict[str, str] = {}

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            self.attrs.setdefault(name.lower(), value or "")


def img_attributes(tag: str) -> dict[str, str]:
    """The attributes of one ``<img ...>`` tag, unescaped (first of a repeated name wins)."""
    parser = _Attributes()
    parser.feed(tag)
    parser.close()
    return parser.attrs


def is_decorative(attrs: dict[str, str]) -> bool:
    return DECORATIVE in attrs.get("class", "").split()


# A media image's rendition, something else for a refused one, None for what is not media.
Resolve = Callable[[str], "Rendition | object | None"]


def rewrite_images(html: str, resolve: Resolve, href: Callable[[str], str], *,
                   eager_first: bool = True, sizes: str = CONTENT_SIZES) -> str:
    """``html`` with each media ``<img>`` replaced by a ``<picture>``.

    ``eager_first``: the first picture loads at once (the page shows no picture above
    it); every other one has ``loading="lazy"``. ``<img>`` already inside a
    ``<picture>`` is left alone.
    """
    kept = [(m.start(), m.end()) for m in _PICTURE.finditer(html)]
    first = eager_first
    out: list[str] = []
    last = 0
    for match in _IMG.finditer(html):
        if any(start <= match.start() < end for start, end in kept):
            continue
        attrs = img_attributes(match.group(0))
        found = resolve(attrs.get("src", ""))
        if found is None:
            continue
        out.append(html[last:match.start()])
        last = match.end()
        alt = "" if is_decorative(attrs) else attrs.get("alt", "")
        if not isinstance(found, Rendition):
            out.append(f'<img alt="{escape(alt, quote=True)}">')
            continue
        extra = {name: attrs[name] for name in _KEPT if attrs.get(name)}
        out.append(picture(found, href, alt, lazy=not first, sizes=sizes, attrs=extra))
        first = False
    out.append(html[last:])
    return "".join(out)
