"""Whether a media file may become a picture on the site, read without decoding it.

Only the file's size, its first bytes and the image header are read: a file too large,
with too many pixels (a decompression bomb), or whose bytes are not the image its name
claims is refused before any pixel is decoded.
"""

from __future__ import annotations

import os
import warnings
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from PIL import Image

from chancery.core.errors import msg
from chancery.core.incremental.stamps import FileStamp
from chancery.render.images.limits import MAX_BYTES, MAX_PIXELS, is_svg
from chancery.render.images.svg import svg_problem

# Pillow's names for the formats accepted, by the bytes a file starts with.
_SIGNATURES = (
    (b"\xff\xd8\xff", "JPEG"),
    (b"\x89PNG\r\n\x1a\n", "PNG"),
    (b"GIF87a", "GIF"),
    (b"GIF89a", "GIF"),
)


class ImageRefused(Exception):
    """A media file that must not be published; the message says what to do."""


@dataclass(frozen=True)
class Probe:
    """What the header says: Pillow's format name, the stored size, whether it has alpha."""

    format: str
    width: int
    height: int
    alpha: bool


def _sniff(head: bytes) -> str | None:
    for signature, name in _SIGNATURES:
        if head.startswith(signature):
            return name
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "WEBP"
    if head[4:8] == b"ftyp" and head[8:12] in (b"avif", b"avis"):
        return "AVIF"
    return None


def _megabytes(size: int) -> str:
    return f"{size / 1024 / 1024:.1f} MB"


def _check_size(path: Path) -> int:
    size = path.stat().st_size
    if size > MAX_BYTES:
        raise ImageRefused(
            msg("file is {size}, over the {limit} limit; export it smaller (a web "
                "photo needs at most 1600 pixels across)",
                size=_megabytes(size), limit=_megabytes(MAX_BYTES)))
    if size == 0:
        raise ImageRefused(msg("file is empty; upload the picture again"))
    return size


def probe(path: Path) -> Probe:
    """The header of the raster image at ``path``; raise :class:`ImageRefused` if unsafe."""
    _check_size(path)
    with path.open("rb") as stream:
        head = stream.read(16)
    kind = _sniff(head)
    if kind is None:
        raise ImageRefused(
            msg("not an image: its bytes are not JPEG, PNG, GIF, WebP or AVIF whatever its name "
                "says; export the picture again as JPEG or PNG"))
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            with Image.open(path, formats=[kind]) as image:
                width, height = image.size
                alpha = image.mode in ("RGBA", "LA", "PA", "La", "RGBa") \
                    or "transparency" in image.info
    except Image.DecompressionBombError:
        raise ImageRefused(
            msg("more than {value} million pixels (a decompression bomb?); resize it (a web "
                "photo needs at most 1600 pixels across)", value=MAX_PIXELS // 1000000)) from None
    except (OSError, ValueError, SyntaxError):
        raise ImageRefused(msg("damaged {kind} file (its header cannot be read); export the "
                               "picture again", kind=kind)) from None
    if width * height > MAX_PIXELS:
        raise ImageRefused(
            msg("{width}×{height} pixels is over the limit of {value} million; resize it (a web "
                "photo needs at most 1600 pixels across)",
                width=width, height=height, value=MAX_PIXELS // 1000000))
    if width < 1 or height < 1:
        raise ImageRefused(msg("image has no pixels; export the picture again"))
    return Probe(kind, width, height, alpha)


@lru_cache(maxsize=4096)
def _problem(path: str, stamp: FileStamp) -> str | None:  # noqa: ARG001 - cache key
    file = Path(path)
    try:
        if is_svg(path):
            _check_size(file)
            return svg_problem(file.read_bytes())
        probe(file)
    except ImageRefused as exc:
        return exc.args[0]  # a message (msg), which str() would make plain text
    return None


def image_problem(path: Path) -> str | None:
    """Why the image file at ``path`` cannot be published, or ``None``; remembered per file
    version (the checks of every language and page ask about the same few files)."""
    try:
        stat = os.stat(path)
    except OSError as exc:
        return msg("cannot be read ({strerror})", strerror=exc.strerror)
    return _problem(str(path), FileStamp.of(stat))
