"""Bidirectional isolation for right-to-left pages.

In Arabic or Persian text, a Latin-script run such as "Hà Nội" or "Viet Nam Airlines"
is wrapped in ``<bdi>`` so the browser lays it out as one left-to-right unit and its
neighbouring punctuation stays where the writer put it (Unicode bidi isolation).
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from markdown import Extension, Markdown
from markdown.treeprocessors import Treeprocessor
from markdown.util import ETX, STX

# Latin letters, including Vietnamese (Latin-1 Supplement, Latin Extended-A/B, Additional).
_LATIN = r"A-Za-z\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u024F\u1E00-\u1EFF"
_WORD = rf"[{_LATIN}0-9]+(?:['’.&+\-@/_][{_LATIN}0-9]+)*"
_RUN = re.compile(rf"{_WORD}(?:[ \u00A0]+{_WORD})*")
_HAS_LETTER = re.compile(rf"[{_LATIN}]")
# Python-Markdown's placeholders all run from STX to ETX: the raw-HTML stash
# (``wzxhzdk:N``), inline placeholders and AMP_SUBSTITUTE (``amp``, the "&" of an entity
# such as the toc permalink's ``&para;``). They are restored after the tree processors,
# so a piece of one must never be wrapped: it stays whole, with what follows up to ";"
# when it stands for "&" (the entity's name is not a word either).
_PLACEHOLDER = re.compile(f"({STX}[^{STX}{ETX}]*{ETX}(?:[A-Za-z][A-Za-z0-9]*;|#[0-9]+;"
                          f"|#[xX][0-9A-Fa-f]+;)?)")
_SKIP = {"code", "pre", "bdi", "script", "style", "kbd", "samp"}


def _split(text: str) -> list[tuple[str, bool]]:
    """``(piece, is_latin_run)`` pieces of ``text``; Markdown's placeholders stay whole."""
    pieces: list[tuple[str, bool]] = []
    for chunk in _PLACEHOLDER.split(text):
        if _PLACEHOLDER.fullmatch(chunk):
            pieces.append((chunk, False))
            continue
        last = 0
        for match in _RUN.finditer(chunk):
            if not _HAS_LETTER.search(match.group()):
                continue
            pieces.append((chunk[last:match.start()], False))
            pieces.append((match.group(), True))
            last = match.end()
        pieces.append((chunk[last:], False))
    return [(text, latin) for text, latin in pieces if text]


def _isolate(parent: ET.Element) -> None:
    if parent.tag in _SKIP:
        return
    for child in list(parent):
        _isolate(child)
    # the parent's own text, then each child's tail
    slots: list[tuple[ET.Element | None, str]] = [(None, parent.text or "")]
    slots += [(child, child.tail or "") for child in list(parent)]
    for anchor, text in slots:
        pieces = _split(text)
        if not any(latin for _, latin in pieces):
            continue
        before, made = "", []
        for piece, latin in pieces:
            if latin:
                bdi = ET.Element("bdi")
                bdi.text = piece
                made.append(bdi)
            elif made:
                made[-1].tail = (made[-1].tail or "") + piece
            else:
                before += piece
        if anchor is None:
            parent.text = before
            index = 0
        else:
            anchor.tail = before
            index = list(parent).index(anchor) + 1
        for offset, element in enumerate(made):
            parent.insert(index + offset, element)


class _BidiTreeprocessor(Treeprocessor):
    def run(self, root: ET.Element) -> None:
        _isolate(root)


class BidiIsolationExtension(Extension):
    """Register with ``markdown_extensions`` of right-to-left language builds only."""

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 - Python-Markdown's API
        md.treeprocessors.register(_BidiTreeprocessor(md), "chancery_bidi", 1)


def makeExtension(**kwargs: object) -> BidiIsolationExtension:  # noqa: N802
    return BidiIsolationExtension(**kwargs)
