"""ASCII URL slugs from titles in any language (Vietnamese: Đ becomes D, diacritics dropped)."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from functools import lru_cache
from pathlib import PurePosixPath

# Letters that Unicode does not decompose into a base letter plus marks.
_LETTERS = str.maketrans(
    {
        "Đ": "D",
        "đ": "d",
        "Ð": "D",
        "ð": "d",
        "Ø": "O",
        "ø": "o",
        "Ł": "L",
        "ł": "l",
        "ß": "ss",
        "Æ": "AE",
        "æ": "ae",
        "Œ": "OE",
        "œ": "oe",
        "Þ": "Th",
        "þ": "th",
        "ı": "i",
    }
)


class _AsciiOrSpace(dict):
    """``str.translate`` table, filled as characters are met: marks go, ASCII stays,
    any other character (a dash, a CJK letter) becomes a space between words."""

    def __missing__(self, code: int) -> str | None:
        char = chr(code)
        value = None if unicodedata.combining(char) else char if char.isascii() else " "
        self[code] = value
        return value


_ASCII_OR_SPACE = _AsciiOrSpace()
_WORD = re.compile(r"[a-z0-9]+")
MAX_LENGTH = 80


def slugify(text: str, max_length: int = MAX_LENGTH) -> str:
    """Lower-case ASCII words joined by dashes, cut at a word boundary; ``""`` if none."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_LETTERS))
    ascii_text = decomposed.translate(_ASCII_OR_SPACE)
    words = _WORD.findall(ascii_text.lower())
    slug = ""
    for word in words:
        candidate = f"{slug}-{word}" if slug else word
        if len(candidate) > max_length:
            break
        slug = candidate
    return slug or (words[0][:max_length] if words else "")


@lru_cache(maxsize=65536)
def default_slug(title: str, path: str) -> str:
    """Slug of a post without ``slug:``: from its title, else its file name, else a hash.

    Titles in Arabic, Japanese or Chinese have no ASCII letters; their file name
    (the same in every language by default) usually has.
    """
    return (
        slugify(title)
        or slugify(PurePosixPath(path).stem)
        or "post-" + hashlib.sha1(path.encode()).hexdigest()[:8]
    )
