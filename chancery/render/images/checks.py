"""``build.py check`` for pictures: every image a page shows, at its ``file:line``.

A picture needs alt text, or an explicit mark that it is decorative: the ``decorative``
class, with an empty alt (``![](/media/rule.png){: .decorative }`` in Markdown,
``<img src="/media/rule.png" alt="" class="decorative">`` in HTML). Its file must be a
real image in ``media/`` under the size and pixel limits; an SVG must hold no script or
external reference; an image cannot be embedded as a ``data:`` address.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path

from chancery.content.loaders.frontmatter import MarkdownSource
from chancery.content.pages import MEDIA_DIR
from chancery.core.errors import Problem, msg
from chancery.render.images.inspect import image_problem
from chancery.render.images.limits import is_image
from chancery.render.images.rewrite import DECORATIVE, img_attributes
from chancery.render.markdown.code import blank_code

_MARKDOWN_IMAGE = re.compile(
    r"!\[((?:[^\[\]]|\[[^\]]*\])*)\]\(\s*<?([^)\s>]*)>?(?:\s+\"[^\"]*\")?\s*\)(\{[^}\n]*\})?")
_HTML_IMAGE = re.compile(r"<img\b(?:[^>\"']|\"[^\"]*\"|'[^']*')*>", re.IGNORECASE)
_EXTERNAL = re.compile(r"^(?:[a-zA-Z][a-zA-Z0-9+.-]*:|//)")


def _decorative_hint(src: str) -> str:
    return msg('mark a purely decorative picture with alt="" and the {mark} class: '
               '![]({src}){{: .{mark} }} or <img src="{src}" alt="" class="{mark}">',
               mark=DECORATIVE, src=src)


@dataclass(frozen=True)
class ImageRef:
    """One picture a page shows: where, what file, its alt (``None``: no alt at all)."""

    line: int
    src: str
    alt: str | None
    decorative: bool
    html: bool  # raw HTML <img>, not Markdown


def image_refs(body: str, first_line: int) -> list[ImageRef]:
    """The Markdown images and raw-HTML ``<img>`` of a page body starting at ``first_line``."""
    text = "\n".join(blank_code(body))
    refs = []
    for match in _MARKDOWN_IMAGE.finditer(text):
        marker = match.group(3) or ""
        decorative = f".{DECORATIVE}" in marker.replace("{", " ").replace("}", " ").split()
        refs.append(ImageRef(first_line + text.count("\n", 0, match.start()), match.group(2),
                             match.group(1), decorative, html=False))
    for match in _HTML_IMAGE.finditer(text):
        attrs = img_attributes(match.group(0))
        decorative = DECORATIVE in attrs.get("class", "").split()
        refs.append(ImageRef(first_line + text.count("\n", 0, match.start()),
                             attrs.get("src", ""), attrs.get("alt"), decorative, html=True))
    return sorted(refs, key=lambda ref: ref.line)


def _alt_problem(ref: ImageRef) -> str | None:
    shown = ref.src or "?"
    if ref.decorative:
        if ref.alt and ref.alt.strip():
            return msg("image '{src}' is marked {mark} but has alt text; a decorative "
                       "picture has alt=\"\" (or remove the {mark} mark)", src=shown,
                       mark=DECORATIVE)
        return None
    if ref.alt is None:
        return msg("image '{src}' has no alt attribute; describe the picture, e.g. "
                   "alt=\"The chancery building in winter\", or {hint}", src=shown,
                   hint=_decorative_hint(shown))
    if not ref.alt.strip():
        return msg("image '{src}' has no alt text; describe the picture, e.g. "
                   "![The chancery building in winter]({src}), or {hint}", src=shown,
                   hint=_decorative_hint(shown))
    return None


def _file_problem(ref: ImageRef, base: str, media: Mapping[str, Path]) -> str | None:
    src = ref.src.strip()
    if src.lower().startswith("data:"):
        return msg("image embedded as a data: address; save the picture as a file in "
                   "{media}/ and write /{media}/<name>", media=MEDIA_DIR)
    if not src or _EXTERNAL.match(src):
        return None if src or not ref.html else msg(
            "<img> without src; add src=\"/{media}/<name>\"", media=MEDIA_DIR)
    path = src.split("#", 1)[0].split("?", 1)[0]
    resolved = posixpath.normpath(
        path.lstrip("/") if path.startswith("/") else posixpath.join(base, path))
    file = media.get(resolved)
    if file is None:
        if not ref.html:
            return None  # reported with the page's links
        return msg("image '{src}' not found; put it in the mission's {media}/ folder and "
                   "write src=\"/{media}/<name>\"", src=src, media=MEDIA_DIR)
    if not is_image(resolved):
        return msg("'{src}' is not a picture format (JPEG, PNG, GIF, WebP, AVIF or SVG); "
                   "export it as JPEG or PNG", src=src)
    problem = image_problem(file)
    return msg("image '{src}': {problem}", src=src, problem=problem) if problem else None


def image_problems(file: str, doc: MarkdownSource, page_path: str,
                   media: Mapping[str, Path]) -> list[Problem]:
    """Problems with every picture of one page (``media``: site path -> file on disk)."""
    base = posixpath.dirname(page_path)
    problems = []
    for ref in image_refs(doc.body, doc.body_line):
        for message in (_alt_problem(ref), _file_problem(ref, base, media)):
            if message:
                problems.append(Problem(file, ref.line, "", message))
    return problems


def media_problem(roots: list[Path]) -> Callable[[str], str | None]:
    """``problem("media/x.jpg")`` over media folders (the last root wins, as in the site)."""
    def problem(path: str) -> str | None:
        relative = path.removeprefix(f"{MEDIA_DIR}/")
        for root in reversed(roots):
            file = root / relative
            if file.is_file():
                return image_problem(file) if is_image(path) else msg(
                    "not a picture format (JPEG, PNG, GIF, WebP, AVIF or SVG); "
                    "export it as JPEG or PNG")
        return None

    return problem
