"""What HTML a page's Markdown may produce: the allow-list HQ keeps in ``hq.yml`` (``html:``).

The default is what Markdown and the extensions of ``mkdocs.yml`` produce (headings with
permalinks, tables, footnotes, admonitions, details, definition lists, abbreviations,
``attr_list`` ids and classes, bidi isolation, the ``video``/``map`` blocks) plus the
plain elements editors write in raw HTML. Anything else on a page is an error of
``build.py check`` and fails the build; the render removes it too (nh3).
"""

from __future__ import annotations

from pydantic import Field, field_validator

from chancery.content.model.fields import Strict
from chancery.core.errors import msg

_TEXT = ["p", "br", "hr", "span", "div", "strong", "b", "em", "i", "u", "s", "del", "ins",
         "mark", "small", "sub", "sup", "code", "kbd", "samp", "var", "pre", "blockquote", "q",
         "cite", "dfn", "abbr", "bdi", "bdo", "time", "data", "address", "wbr",
         "ruby", "rt", "rp"]
_STRUCTURE = ["h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "dl", "dt", "dd",
              "table", "caption", "colgroup", "col", "thead", "tbody", "tfoot", "tr", "th", "td",
              "figure", "figcaption", "details", "summary", "section", "article", "aside",
              "header", "footer"]
_MEDIA = ["a", "img", "picture", "source"]
DEFAULT_ELEMENTS = _TEXT + _STRUCTURE + _MEDIA

DEFAULT_ATTRIBUTES: dict[str, list[str]] = {
    "*": ["id", "class", "title", "lang", "dir"],
    "a": ["href", "hreflang"],
    "img": ["src", "alt", "width", "height", "loading", "decoding", "srcset", "sizes"],
    "source": ["srcset", "sizes", "type", "media", "width", "height"],
    "th": ["align", "colspan", "rowspan", "scope"],
    "td": ["align", "colspan", "rowspan", "headers"],
    "col": ["span"],
    "colgroup": ["span"],
    "ol": ["start", "reversed", "type"],
    "li": ["value"],
    "details": ["open"],
    "time": ["datetime"],
    "data": ["value"],
    "q": ["cite"],
    "blockquote": ["cite"],
    "del": ["cite", "datetime"],
    "ins": ["cite", "datetime"],
}

# Never allowed, whatever hq.yml says: no sanitiser makes them safe on an editor's page.
FORBIDDEN_ELEMENTS = {"script", "style", "iframe", "frame", "frameset", "object", "embed",
                      "applet", "form", "input", "button", "textarea", "select", "base", "meta",
                      "link", "svg", "math", "template", "noscript", "portal"}
FORBIDDEN_ATTRIBUTES = {"style", "srcdoc", "formaction", "action", "rel", "target", "ping"}
SAFE_SCHEMES = {"https", "http", "mailto", "tel"}


class HtmlPolicy(Strict):
    """The elements, attributes and URL schemes a page may contain, and the ``rel`` of
    links that leave the site."""

    elements: list[str] = Field(default_factory=lambda: list(DEFAULT_ELEMENTS))
    attributes: dict[str, list[str]] = Field(
        default_factory=lambda: {tag: list(names) for tag, names in DEFAULT_ATTRIBUTES.items()},
        description="allowed attributes per element; '*' lists those of every element",
    )
    url_schemes: list[str] = Field(
        default_factory=lambda: ["https", "http", "mailto", "tel"],
        description="schemes a link may use; site-relative links are always allowed",
    )
    external_link_rel: list[str] = Field(
        default_factory=lambda: ["external", "noopener", "noreferrer"],
        description="the rel every link to another site gets",
    )
    remote_images: bool = Field(
        False, description="allow images from other sites (each one is a third-party request)"
    )

    @field_validator("elements")
    @classmethod
    def _no_forbidden_element(cls, value: list[str]) -> list[str]:
        bad = sorted({v.lower() for v in value} & FORBIDDEN_ELEMENTS)
        if bad:
            raise ValueError(msg("{bad} can never be allowed on a page; remove them",
                                 bad=', '.join(bad)))
        return [v.lower() for v in value]

    @field_validator("attributes")
    @classmethod
    def _no_forbidden_attribute(cls, value: dict[str, list[str]]) -> dict[str, list[str]]:
        for tag, names in value.items():
            bad = sorted(n for n in names
                         if n.lower() in FORBIDDEN_ATTRIBUTES or n.lower().startswith("on"))
            if bad:
                raise ValueError(msg("{tag}: {bad} can never be allowed (script, style or "
                                     "navigation from content); remove them",
                                     tag=tag, bad=', '.join(bad)))
        return {tag.lower(): [n.lower() for n in names] for tag, names in value.items()}

    @field_validator("url_schemes")
    @classmethod
    def _safe_schemes(cls, value: list[str]) -> list[str]:
        bad = sorted({v.lower() for v in value} - SAFE_SCHEMES)
        if bad:
            raise ValueError(msg("scheme(s) {bad} cannot be allowed; only {safe}",
                                 bad=', '.join(bad), safe=', '.join(sorted(SAFE_SCHEMES))))
        return [v.lower() for v in value]

    def allowed_attributes(self, tag: str) -> set[str]:
        return set(self.attributes.get("*", ())) | set(self.attributes.get(tag, ()))
