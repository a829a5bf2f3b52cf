"""SVG files are vetted, not rewritten: one with active or external content is refused.

An SVG is a document, not a picture: it can carry scripts, event handlers, HTML inside
``<foreignObject>`` and references that make the reader's browser fetch other addresses.
Editors' SVGs are published only when they contain none of these (HQ's theme SVGs are
trusted and never pass through here).
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from chancery.core.errors import msg

_ACTIVE_ELEMENTS = {"script", "foreignobject", "iframe", "embed", "object", "handler",
                    "listener"}
_URL = re.compile(r"url\(\s*['\"]?\s*([^)'\"\s]*)", re.IGNORECASE)
_DECLARATIONS = re.compile(rb"<!(DOCTYPE|ENTITY)|<\?xml-stylesheet", re.IGNORECASE)
FIX = msg("remove it, or export the picture again as plain shapes (or as PNG/JPEG)")


def _local(name: str) -> str:
    return name.rsplit("}", 1)[-1].lower()


def _external_url(text: str) -> str | None:
    """The first ``url(...)`` in ``text`` that is not a fragment of the same file."""
    for match in _URL.finditer(text):
        if not match.group(1).startswith("#"):
            return match.group(1) or "url()"
    if "@import" in text.lower():
        return "@import"
    return None


def svg_problem(data: bytes) -> str | None:
    """What makes this SVG unsafe to publish, or ``None`` if it is plain drawing."""
    found = _DECLARATIONS.search(data)
    if found:
        return msg("SVG with a <!{declaration}> declaration or style sheet link; {fix}",
                   declaration=found.group(1).decode(), fix=FIX)
    try:
        root = ET.fromstring(data)
    except ET.ParseError as exc:
        return msg("not a valid SVG file ({exc}); export it again", exc=exc)
    if _local(root.tag) != "svg":
        return msg("not an SVG file (its root element is not <svg>); export it again")
    for element in root.iter():
        if not isinstance(element.tag, str):
            continue
        tag = _local(element.tag)
        if tag in _ACTIVE_ELEMENTS:
            return msg("SVG with a <{tag}> element (active content); {fix}", tag=tag, fix=FIX)
        if tag == "style" and (bad := _external_url(element.text or "")):
            return msg("SVG whose style refers to '{bad}' (an external reference); {fix}",
                       bad=bad, fix=FIX)
        for name, value in element.attrib.items():
            attr = _local(name)
            if attr.startswith("on"):
                return msg("SVG with an event handler attribute '{attr}' (a script); {fix}",
                           attr=attr, fix=FIX)
            if attr == "href" and not value.strip().startswith("#"):
                return msg('SVG with an external reference {attr}="{value}"; {fix}',
                           attr=attr, value=value[:60], fix=FIX)
            if bad := _external_url(value):
                return msg("SVG with an external reference '{bad}' in '{attr}'; {fix}",
                           bad=bad[:60], attr=attr, fix=FIX)
    return None
