"""Bidirectional isolation of Latin-script names in right-to-left pages."""

from __future__ import annotations

import re
from pathlib import Path

import markdown

from chancery.render.markdown.bidi import BidiIsolationExtension

_HEADERLINK = re.compile(r'<a class="headerlink"[^>]*>(.*?)</a>')
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def render(text: str) -> str:
    return markdown.Markdown(extensions=["tables", BidiIsolationExtension()]).convert(text)


def test_latin_and_vietnamese_names_are_isolated() -> None:
    html = render("تقع السفارة في **Hà Nội**، ويعمل فيها Nguyễn Văn An منذ 2024.")
    assert html == ("<p>تقع السفارة في <strong><bdi>Hà Nội</bdi></strong>، ويعمل فيها "
                    "<bdi>Nguyễn Văn An</bdi> منذ 2024.</p>")


def test_punctuation_stays_outside_and_addresses_stay_whole() -> None:
    html = render("راسلونا على vnembassy@eg-cairo.example. أو Viet Nam-Egypt.")
    assert "<bdi>vnembassy@eg-cairo.example</bdi>." in html
    assert "<bdi>Viet Nam-Egypt</bdi>." in html


def test_code_and_plain_numbers_are_left_alone() -> None:
    html = render("الرقم 20 10 123 والأمر `build.py check`")
    assert "<bdi>" not in html


def test_right_to_left_pages_of_the_example_carry_isolation(example_site: Path) -> None:
    """Right-to-left pages (whatever their language) isolate Latin names, and their heading
    permalinks stay the pilcrow (the toc's placeholder once got wrapped: issue 18)."""
    rtl, ltr = [], []
    for path in example_site.rglob("*.html"):
        text = path.read_text(encoding="utf-8")
        (rtl if '<html lang="' in text and 'dir="rtl"' in text[:300] else ltr).append(text)
    assert rtl, "the example network should have a right-to-left language"
    assert any("<bdi>" in text for text in rtl)
    links = [link for text in rtl for link in _HEADERLINK.findall(text)]
    assert links
    assert set(links) <= {"&para;", "¶"}  # the pilcrow, as an entity or sanitised


def test_permalinks_and_entities_survive_isolation() -> None:
    """The toc permalink (``&para;``) is a placeholder while the tree is processed."""
    md = markdown.Markdown(extensions=["toc", BidiIsolationExtension()],
                           extension_configs={"toc": {"permalink": True}})
    html = md.convert("## مواعيد Hà Nội &copy; AT&T\n\nنص &#233; Cairo")
    assert "&para;</a>" in html
    assert "<bdi>Hà Nội</bdi> &copy; <bdi>AT&amp;T</bdi>" in html
    assert "&#233; <bdi>Cairo</bdi>" in html
    assert not _CONTROL.search(html)


def test_no_built_page_carries_a_control_character(example_site: Path) -> None:
    """No page of any mission and language: Markdown placeholders must never leak."""
    found = []
    pages = sorted(example_site.rglob("*.html"))
    assert pages
    for path in pages:
        text = path.read_text(encoding="utf-8")
        for match in _CONTROL.finditer(text):
            line = text.count("\n", 0, match.start()) + 1
            found.append(f"{path.relative_to(example_site)}:{line}: {match.group()!r}")
    assert not found, "\n".join(found[:20])
