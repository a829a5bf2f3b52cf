"""Bidirectional isolation of Latin-script names in right-to-left pages."""

from __future__ import annotations

from pathlib import Path

import markdown

from chancery.markdown.bidi import BidiIsolationExtension


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


def test_arabic_pages_of_the_example_carry_isolation(example_site: Path) -> None:
    html = (example_site / "eg-cairo/ar/index.html").read_text(encoding="utf-8")
    english = (example_site / "eg-cairo/en/index.html").read_text(encoding="utf-8")
    assert "<bdi>" in html
    assert "<bdi>" not in english
