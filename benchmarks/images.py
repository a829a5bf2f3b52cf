"""Small generated PNG pictures for synthetic posts (standard library only)."""

from __future__ import annotations

import struct
import zlib


def _chunk(kind: bytes, data: bytes) -> bytes:
    body = kind + data
    return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body) & 0xFFFFFFFF)


def png(width: int, height: int, seed: int) -> bytes:
    """An RGB gradient picture whose colours depend on ``seed``; a valid PNG file."""
    r0, g0, b0 = (seed * 53) % 256, (seed * 97) % 256, (seed * 193) % 256
    rows = bytearray()
    for y in range(height):
        rows.append(0)  # filter type: none
        for x in range(width):
            rows += bytes(((r0 + x * 3) % 256, (g0 + y * 5) % 256, (b0 + x + y) % 256))
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + _chunk(b"IHDR", header)
            + _chunk(b"IDAT", zlib.compress(bytes(rows), 9)) + _chunk(b"IEND", b""))
