"""Word segmentation of the search copies, for scripts written without spaces.

Pagefind splits text into words at whitespace (and segments Chinese and Japanese itself),
so a Lao, Khmer, Burmese or Thai word inside a run of text is never found. Before a search
copy is indexed, every run of these scripts in its text (never in its tags) is cut into
words by ICU's dictionary-based word breaker (icu4py, wheels with ICU bundled) and the
words are joined with U+200A HAIR SPACE: whitespace to Pagefind, nearly invisible in a
result's excerpt, and told apart from the text's own spaces (the search script removes
it from excerpts). The published pages are never changed. In the browser, the query is
segmented with ``Intl.Segmenter`` (ICU too), over the same ranges
(``themes/chancery/assets/scripts/segment.js``).
"""

from __future__ import annotations

import re
from functools import lru_cache

# ISO 15924 script -> its Unicode blocks, for the scripts that write words without spaces
# and that Pagefind does not segment (it does Han, Hiragana, Katakana itself).
SEGMENTED_SCRIPTS: dict[str, str] = {
    "Thai": "\u0e00-\u0e7f",
    "Laoo": "\u0e80-\u0eff",
    "Mymr": "\u1000-\u109f\ua9e0-\ua9ff\uaa60-\uaa7f",
    "Khmr": "\u1780-\u17ff\u19e0-\u19ff",
}
SEPARATOR = "\u200a"  # HAIR SPACE
_ZWSP = "\u200b"  # an author's optional break: a break for ICU too, dropped from the words
_RUN = re.compile("[" + "".join(SEGMENTED_SCRIPTS.values()) + _ZWSP + "]+")
_TEXT = re.compile(r"(<[^>]*>)")  # tags (kept as they are) and the text between them
_RAW = re.compile(r"<(script|style)\b", re.IGNORECASE)


@lru_cache(maxsize=4096)
def segment_run(run: str) -> str:
    """One run of unspaced script, its words joined by :data:`SEPARATOR`."""
    from icu4py.breakers import WordBreaker

    words = [w for w in WordBreaker(run, "und") if w.strip() and w != _ZWSP]
    return SEPARATOR.join(words)


def segment_text(text: str) -> str:
    """``text`` with every run of an unspaced script cut into words."""
    return _RUN.sub(lambda m: segment_run(m.group(0)), text)


def needs_segmenting(page: bytes) -> bool:
    try:
        return _RUN.search(page.decode("utf-8")) is not None
    except UnicodeDecodeError:
        return False


def segment_html(page: bytes) -> bytes:
    """A search copy with its text segmented (tags, and script/style content, untouched);
    the same bytes when it has nothing to segment."""
    try:
        html = page.decode("utf-8")
    except UnicodeDecodeError:
        return page
    if _RUN.search(html) is None:
        return page
    parts = _TEXT.split(html)
    raw = False
    for i, part in enumerate(parts):
        if i % 2:  # a tag
            raw = bool(_RAW.match(part)) if not part.startswith("</") else False
        elif part and not raw:
            parts[i] = segment_text(part)
    return "".join(parts).encode("utf-8")
