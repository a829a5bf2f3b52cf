"""Pictures the way phones and editors make them, for the image pipeline tests."""

from __future__ import annotations

import io
import struct
import zlib
from pathlib import Path

from PIL import Image, ImageCms, ImageDraw

SERIAL = "SN-H7-CAMERA-0042"  # the camera serial number hidden in the photo's EXIF
GPS_IFD, EXIF_IFD = 0x8825, 0x8769
ORIENTATION, MAKE, BODY_SERIAL = 0x0112, 0x010F, 0xA431
XMP = (b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/'
       b'22-rdf-syntax-ns#"><rdf:Description about="H7-XMP-SECRET"/></rdf:RDF></x:xmpmeta>')


def phone_photo(width: int = 4000, height: int = 3000, *, orientation: int = 6) -> bytes:
    """A JPEG as a phone writes it: GPS position, camera serial, orientation tag, ICC
    profile, XMP packet and a comment."""
    image = Image.linear_gradient("L").resize((width, height)).convert("RGB")
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, 0, width // 4, height // 4), fill=(218, 37, 29))  # a mark: top left
    draw.ellipse((width // 2, height // 3, width // 2 + 600, height // 3 + 600),
                 fill=(255, 205, 0))
    exif = Image.Exif()
    exif[ORIENTATION] = orientation
    exif[MAKE] = "PhoneMaker"
    exif.get_ifd(EXIF_IFD)[BODY_SERIAL] = SERIAL
    gps = exif.get_ifd(GPS_IFD)
    gps.update({1: "N", 2: (45.0, 45.0, 51.24), 3: "E", 4: (4.0, 50.0, 30.12)})
    srgb = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    out = io.BytesIO()
    image.save(out, "JPEG", quality=90, exif=exif.tobytes(), icc_profile=srgb, xmp=XMP,
               comment=b"H7-COMMENT-SECRET")
    return out.getvalue()


def png_header(width: int, height: int) -> bytes:
    """A PNG that claims ``width``×``height`` pixels in a few bytes (a decompression bomb)."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return (struct.pack(">I", len(data)) + kind + data
                + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF))

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header)
            + chunk(b"IDAT", zlib.compress(b"\0" * 64)) + chunk(b"IEND", b""))


def small_jpeg(path: Path, size: tuple[int, int] = (64, 48)) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    Image.new("RGB", size, (0, 90, 160)).save(path, "JPEG")
    return path


def metadata_of(data: bytes) -> dict[str, object]:
    """What a reopened image still carries besides pixels (empty when clean)."""
    with Image.open(io.BytesIO(data)) as image:
        found: dict[str, object] = {k: v for k, v in image.info.items()
                                    if k in ("exif", "icc_profile", "xmp", "comment",
                                             "XML:com.adobe.xmp", "photoshop", "adobe")}
        exif = image.getexif()
        if len(exif):
            found["getexif"] = dict(exif)
    return found
