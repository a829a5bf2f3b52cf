"""Every navigation landmark of a built page has a name of its own (chancery.render.landmarks): a
screen reader's list of landmarks tells the section menus apart (axe: landmark-unique)."""

from __future__ import annotations

import re
from pathlib import Path

from chancery.render.landmarks import name_section_navs

_NAV = re.compile(r"<nav\b[^>]*>")
_LABEL = re.compile(r'aria-label="([^"]*)"')
_BY = re.compile(r'aria-labelledby="([^"]*)"')

MATERIAL = """<nav class="md-nav" data-md-level="1" aria-labelledby="__nav_2_label" \
aria-expanded="false">
<label class="md-nav__title" for="__nav_2">
<span class="md-nav__icon md-icon"></span>
Dịch vụ lãnh sự
</label>"""


def test_a_section_menu_is_named_by_its_title() -> None:
    named = name_section_navs(MATERIAL)
    assert 'aria-labelledby="__nav_2_title"' in named
    assert '<label class="md-nav__title" id="__nav_2_title" for="__nav_2">' in named
    assert name_section_navs(named) == named  # already named: left as it is


def _text_of(html: str, element_id: str) -> str:
    match = re.search(rf'<(\w+)[^>]*\bid="{re.escape(element_id)}"[^>]*>(.*?)</\1>', html, re.S)
    return re.sub(r"<[^>]+>|\s+", " ", match[2]).strip() if match else ""


def test_every_menu_of_every_built_page_has_a_name_of_its_own(example_site: Path) -> None:
    pages = [p for p in example_site.glob("*/**/index.html") if "/lite/" not in p.as_posix()]
    assert len(pages) > 50
    for page in pages:
        html = page.read_text(encoding="utf-8")
        names = []
        for nav in _NAV.findall(html):
            label, by = _LABEL.search(nav), _BY.search(nav)
            name = label[1] if label else _text_of(html, by[1]) if by else ""
            assert name, f"{page}: {nav} has no name"
            names.append(name)
        primary = [n for n in names if names.count(n) > 1]
        # Material repeats the page's table of contents (drawer and sidebar), never a menu.
        assert len(set(primary)) <= 1, f"{page}: menus share a name: {primary}"
