"""Page weight of a first visit, per page type and language (issue 18 item 2), measured in
Chromium against the example build served with its precompressed copies (gzip): see
``benchmarks/page_weight.py``, which also writes the figures in docs/pages/performance.md."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from benchmarks.page_weight import (
    BUDGETS,
    PAGE_TYPES,
    Visit,
    example_missions,
    measure_site,
    over_budget,
    serve,
    visit,
)
from tests.conftest import CONTENT

MISSIONS = example_missions(CONTENT)
_FACE = re.compile(r"@font-face\s*{(?P<body>[^}]*)}")
_SRC = re.compile(r'url\("?(?P<url>[^")]+\.woff2)"?\)')
_RANGE = re.compile(r"unicode-range:\s*(?P<ranges>[^;]+);")


@pytest.fixture(scope="module")
def visits(example_site: Path, browser: object) -> list[Visit]:
    return measure_site(browser, example_site, MISSIONS)


def unicode_ranges(css: str) -> dict[str, list[tuple[int, int]]]:
    """Each font file of a ``fonts.css`` (its name) and the code points it covers."""
    faces: dict[str, list[tuple[int, int]]] = {}
    for face in _FACE.finditer(css):
        source, ranges = _SRC.search(face["body"]), _RANGE.search(face["body"])
        assert source is not None, face["body"]
        assert ranges is not None, f"{source['url']}: a face without unicode-range is " \
                                   "downloaded for every page"
        spans = []
        for item in ranges["ranges"].split(","):
            low, _, high = item.strip().removeprefix("U+").partition("-")
            spans.append((int(low, 16), int(high or low, 16)))
        faces[source["url"].rsplit("/", 1)[-1]] = spans
    return faces


def test_every_page_type_of_every_language_is_measured(visits: list[Visit]) -> None:
    for mission, languages in MISSIONS.items():
        for lang in languages:
            kinds = {v.page_type for v in visits if v.mission == mission and v.lang == lang}
            assert kinds == set(PAGE_TYPES), (mission, lang, kinds)
    for v in visits:
        assert v.bytes["html"] > 1000 and v.bytes["css"] > 1000, v


def test_text_files_are_sent_compressed(example_site: Path, browser: object) -> None:
    """The measure is of gzip bodies: a page's HTML transfers well under its file's size."""
    mission = sorted(MISSIONS)[0]
    with serve(example_site / mission) as base:
        home = visit(browser, base, mission, MISSIONS[mission][0], "home", "")
    size = (example_site / mission / "index.html").stat().st_size
    assert home.bytes["html"] < size / 2, (home.bytes["html"], size)


def test_fonts_only_for_the_scripts_on_the_page(visits: list[Visit],
                                                 example_site: Path) -> None:
    faces: dict[str, dict[str, list[tuple[int, int]]]] = {}
    for v in visits:
        css = example_site / v.mission / "assets" / "fonts" / "fonts.css"
        covers = faces.setdefault(v.mission, unicode_ranges(css.read_text(encoding="utf-8")))
        shown = {ord(char) for char in v.text}
        for font in v.fonts:
            spans = covers[font.rsplit("/", 1)[-1]]
            assert any(low <= point <= high for point in shown for low, high in spans), \
                f"{v.mission}/{v.path}: {font} downloaded, but no character of the page is in it"


def test_first_visits_stay_within_the_budgets(visits: list[Visit]) -> None:
    assert {v.page_type for v in visits} >= set(BUDGETS)
    assert over_budget(visits) == []
