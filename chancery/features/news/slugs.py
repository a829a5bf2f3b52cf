"""ASCII URL slugs from titles in any language (Vietnamese: Đ becomes D, diacritics dropped).

A slug is never only digits, nor the Latin fragment of a title in another script: titles
in a script that romanises letter by letter (Cyrillic, Greek, Hangul, Lao, Thai, Khmer,
Burmese, the Indic scripts...) are transliterated with ``anyascii``; titles in scripts
whose spelling does not give the sound (Han and kana readings, Arabic and Hebrew without
vowels) take the file name, as does a title of digits only.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from functools import lru_cache
from pathlib import PurePosixPath

from anyascii import anyascii

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


# Scripts (the first word of a letter's Unicode name) that are not transliterated.
_NOT_ROMANISED = frozenset({
    "CJK", "HIRAGANA", "KATAKANA", "HALFWIDTH", "IDEOGRAPHIC", "BOPOMOFO",  # readings vary
    "ARABIC", "HEBREW", "SYRIAC", "THAANA", "NKO", "SAMARITAN", "MANDAIC",  # no vowels
})


def _scripts(text: str) -> set[str]:
    """The scripts of the letters of ``text`` that are not Latin once decomposed."""
    found = set()
    for char in unicodedata.normalize("NFKD", text.translate(_LETTERS)):
        if not char.isascii() and unicodedata.category(char)[0] == "L":
            found.add(unicodedata.name(char, "UNKNOWN").split(" ", 1)[0])
    return found


def _usable(slug: str) -> bool:
    return any(char.isalpha() for char in slug)  # never only digits: "2026" collides


def title_slug(title: str) -> str:
    """The slug of ``title``, transliterated if need be; ``""`` if it cannot give one."""
    scripts = _scripts(title)
    if scripts & _NOT_ROMANISED or "UNKNOWN" in scripts:
        return ""
    slug = slugify(anyascii(title) if scripts else title)
    return slug if _usable(slug) else ""


@lru_cache(maxsize=65536)
def default_slug(title: str, path: str) -> str:
    """Slug of a post without ``slug:``: from its title, else its file name, else a hash.

    Titles in Arabic, Japanese or Chinese have no transliteration good enough for an
    address; their file name (the same in every language by default) usually has.
    """
    stem = slugify(PurePosixPath(path).stem)
    return (
        title_slug(title)
        or (stem if _usable(stem) else "")
        or "post-" + hashlib.sha1(path.encode()).hexdigest()[:8]
    )
