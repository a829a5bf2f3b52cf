"""Decode an accepted image once, orient it, drop its metadata, and encode its versions.

Every encoder option is set explicitly (one thread, fixed codec and quality) so that the
same input always gives the same bytes: incremental builds must match cold builds.
"""

from __future__ import annotations

import io
import warnings
from pathlib import Path

from PIL import Image, ImageCms, ImageOps

from chancery.render.images.inspect import Probe

FORMATS = ("avif", "webp")  # modern formats offered before the fallback, best first
MIME = {"avif": "image/avif", "webp": "image/webp", "jpeg": "image/jpeg", "png": "image/png"}
SUFFIX = {"avif": "avif", "webp": "webp", "jpeg": "jpg", "png": "png"}
_OPTIONS: dict[str, tuple[str, dict]] = {
    "avif": ("AVIF", {"quality": 50, "speed": 8, "max_threads": 1, "codec": "aom",
                      "subsampling": "4:2:0", "range": "full"}),
    "webp": ("WEBP", {"quality": 75, "method": 4, "alpha_quality": 90, "lossless": False}),
    "jpeg": ("JPEG", {"quality": 80, "optimize": True, "progressive": True,
                      "subsampling": "4:2:0"}),
    "png": ("PNG", {"optimize": True, "compress_level": 9}),
}
_SRGB = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB"))


def _to_srgb(image: Image.Image, mode: str) -> Image.Image:
    """Colours converted from the embedded ICC profile (if any) to sRGB, in ``mode``."""
    icc = image.info.get("icc_profile")
    if icc:
        try:
            source = ImageCms.ImageCmsProfile(io.BytesIO(icc))
            converted = ImageCms.profileToProfile(image, source, _SRGB, outputMode=mode)
            if converted is not None:
                return converted
        except (ImageCms.PyCMSError, OSError, ValueError):
            pass  # a broken profile: keep the numbers as they are
    if image.mode.startswith("I;16"):
        image = image.point(lambda value: value / 256).convert("L")
    return image.convert(mode)


def load(path: Path, probe: Probe) -> Image.Image:
    """The first frame of ``path``, upright, in sRGB, as a new image with no metadata at all
    (no EXIF, GPS, XMP, IPTC, ICC profile or comment: only pixels are copied)."""
    mode = "RGBA" if probe.alpha else "RGB"
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", Image.DecompressionBombWarning)
        with Image.open(path, formats=[probe.format]) as opened:
            upright = ImageOps.exif_transpose(opened)
            pixels = _to_srgb(upright, mode)
    return Image.frombytes(mode, pixels.size, pixels.tobytes())


def resized(image: Image.Image, width: int) -> Image.Image:
    """``image`` scaled down to ``width`` (never up), keeping its proportions."""
    if width >= image.width:
        return image
    height = max(1, round(image.height * width / image.width))
    return image.resize((width, height), Image.Resampling.LANCZOS, reducing_gap=3.0)


def social_crop(image: Image.Image, size: tuple[int, int]) -> Image.Image:
    """The centre of ``image`` cut to the proportions of ``size``, at most that size."""
    target_w, target_h = size
    width = min(target_w, image.width, round(image.height * target_w / target_h))
    height = max(1, round(width * target_h / target_w))
    flat = image
    if image.mode == "RGBA":  # a sharing card has no transparency
        flat = Image.new("RGB", image.size, (255, 255, 255))
        flat.paste(image, mask=image.getchannel("A"))
    return ImageOps.fit(flat, (width, height), Image.Resampling.LANCZOS)


def encode(image: Image.Image, kind: str) -> bytes:
    """``image`` as ``kind`` (a key of :data:`MIME`) with fixed settings and no metadata."""
    name, options = _OPTIONS[kind]
    out = io.BytesIO()
    image.save(out, name, **options)
    return out.getvalue()
