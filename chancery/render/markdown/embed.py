"""The ``video`` and ``map`` blocks: an external video or map, shown without contacting it.

Editors cannot paste an ``<iframe>`` (the sanitiser refuses it: every visit would call the
platform, which learns who reads the page). Instead they write::

    ::: video https://www.youtube.com/watch?v=abc123
    poster: /media/news/tet-2026.jpg
    alt: The lion dance in the courtyard of the embassy
    caption: Tết at the embassy (3 minutes, on YouTube)

and the page shows the local poster image as a link to the video's page (caption under
it). Nothing is loaded from the platform until the reader follows the link. ``map`` is
the same for an OpenStreetMap page. The block is one paragraph: no blank line inside.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from urllib.parse import urlsplit

from markdown import Extension, Markdown
from markdown.blockprocessors import BlockProcessor
from markdown.util import AtomicString

from chancery.core.errors import msg

HOSTS = {
    "video": {"www.youtube.com", "youtube.com", "m.youtube.com", "youtu.be", "vimeo.com",
              "www.vimeo.com"},
    "map": {"www.openstreetmap.org", "openstreetmap.org", "osm.org"},
}
_START = re.compile(r"^:::[ \t]+(video|map)\b[ \t]*(.*)$")
_FIELD = re.compile(r"^([a-z]+):[ \t]*(.*)$")
_FIELDS = {"poster", "alt", "caption"}
_MEDIA = re.compile(r"^/?media/[^\s?#]+\.(?:jpe?g|png|webp|avif)$", re.IGNORECASE)
EXAMPLE = msg("'::: video https://www.youtube.com/watch?v=ID' followed by the lines "
              "'poster: /media/picture.jpg', 'alt: what the picture shows' and, if you like, "
              "'caption: ...'")


@dataclass(frozen=True)
class Embed:
    kind: str
    url: str
    poster: str
    alt: str
    caption: str
    host: str


def is_embed(first_line: str) -> bool:
    return _START.match(first_line) is not None


def parse_embed(block: str) -> tuple[Embed | None, list[tuple[int, str]]]:
    """The block read, or ``None`` and ``(line index in the block, message)`` problems."""
    lines = block.split("\n")
    start = _START.match(lines[0])
    if start is None:
        return None, [(0, msg("not a video or map block"))]
    kind, url = start.group(1), start.group(2).strip()
    problems: list[tuple[int, str]] = []
    fields: dict[str, str] = {}
    for index, line in enumerate(lines[1:], 1):
        match = _FIELD.match(line.strip())
        if match is None or match.group(1) not in _FIELDS:
            problems.append((index, msg("'{line}' is not a field of the {kind} block; write "
                                        "poster:, alt: or caption: lines, e.g. {example}",
                                        line=line.strip()[:40], kind=kind, example=EXAMPLE)))
            continue
        fields[match.group(1)] = match.group(2).strip()
    host = _host_problem(kind, url, problems)
    poster = fields.get("poster", "")
    if not _MEDIA.match(poster):
        problems.append((0, msg("the {kind} block needs a poster: line naming a picture of the "
                                "mission's media/ folder (JPEG, PNG, WebP or AVIF), e.g. "
                                "poster: /media/video-poster.jpg", kind=kind)))
    if not fields.get("alt"):
        problems.append((0, msg("the {kind} block needs an alt: line describing its poster "
                                "picture", kind=kind)))
    if problems:
        return None, problems
    return Embed(kind, url, poster, fields["alt"], fields.get("caption", ""), host), []


def _host_problem(kind: str, url: str, problems: list[tuple[int, str]]) -> str:
    allowed = ", ".join(sorted(HOSTS[kind]))
    try:
        parts = urlsplit(url)
    except ValueError:
        parts = None
    if parts is None or parts.scheme != "https" or not parts.hostname \
            or parts.username or parts.password or any(c.isspace() for c in url):
        problems.append((0, msg("the {kind} block needs the https:// address of the {kind} page "
                                "on one of {allowed}, e.g. {example}",
                                kind=kind, allowed=allowed, example=EXAMPLE)))
        return ""
    if parts.hostname not in HOSTS[kind]:
        problems.append((0, msg("'{hostname}' is not a {kind} site the block links to; use an "
                                "address on one of {allowed}",
                                hostname=parts.hostname, kind=kind, allowed=allowed)))
    return parts.hostname


def embed_element(embed: Embed) -> ET.Element:
    """``<figure>``: the poster as a link to the external page, then the caption."""
    figure = ET.Element("figure", {"class": f"chancery-embed chancery-embed--{embed.kind}"})
    link = ET.SubElement(figure, "a", {"class": "chancery-embed__link", "href": embed.url})
    ET.SubElement(link, "img", {"src": "/" + embed.poster.lstrip("/"), "alt": embed.alt})
    host = ET.SubElement(link, "span", {"class": "chancery-embed__host"})
    host.text = AtomicString(embed.host)
    if embed.caption:
        caption = ET.SubElement(figure, "figcaption")
        caption.text = AtomicString(embed.caption)
    return figure


class _EmbedProcessor(BlockProcessor):
    def test(self, parent: ET.Element, block: str) -> bool:
        return is_embed(block.split("\n", 1)[0])

    def run(self, parent: ET.Element, blocks: list[str]) -> None:
        block = blocks.pop(0)
        embed, _ = parse_embed(block)
        if embed is None:  # `check` reports it; the page shows the block as written
            ET.SubElement(parent, "p").text = AtomicString(block)
            return
        parent.append(embed_element(embed))


class EmbedExtension(Extension):
    """``::: video`` and ``::: map`` blocks (register in ``markdown_extensions``)."""

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 - Python-Markdown's API
        md.parser.blockprocessors.register(_EmbedProcessor(md.parser), "chancery_embed", 106)


def makeExtension(**kwargs: object) -> EmbedExtension:  # noqa: N802
    return EmbedExtension(**kwargs)
