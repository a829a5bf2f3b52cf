"""Done when (issue 17): a mission in a new language builds at once, with no edit outside it.

In a temporary copy of the content, one mission each in Lao, Khmer, Thai, Burmese and Hebrew
(vi, X, en) is made with ``new mission`` (its TODOs filled in, nothing else), and one
network build gives: every page of language X with ``lang`` X (Hebrew ``dir="rtl"``), no
broken internal link, and ``check`` lists HQ's gaps in one run.
"""

from __future__ import annotations

import re
import shutil
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from chancery.content.model.languages import language, load_languages
from tests.conftest import CONTENT
from tests.languages.scaffolding import new_mission, run

NEW = {"lo": "la-vientiane", "km": "kh-phnom-penh", "th": "th-bangkok", "my": "mm-yangon",
       "he": "il-tel-aviv"}


class _Page(HTMLParser):
    """The ``<html>`` attributes and every ``href``/``src`` of one page."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.html: dict[str, str | None] = {}
        self.links: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if tag == "html":
            self.html = found
        for name in ("href", "src"):
            if found.get(name):
                self.links.append(found[name] or "")


def _parse(file: Path) -> _Page:
    page = _Page()
    page.feed(file.read_text(encoding="utf-8"))
    return page


def _target(site: Path, page: Path, link: str) -> Path | None:
    """The file an internal link points to, or ``None`` for external and special links."""
    parts = urlsplit(link)
    if parts.scheme or parts.netloc or link.startswith(("#", "mailto:", "tel:", "data:")):
        return None
    path = unquote(parts.path)
    if not path:
        return None
    base = site if path.startswith("/") else page.parent
    target = (base / path.lstrip("/")).resolve()
    return target / "index.html" if target.is_dir() or path.endswith("/") else target


@pytest.fixture(scope="module")
def network(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, str]:
    """One network with the five new missions built once: (content, out, check's output)."""
    root = tmp_path_factory.mktemp("new-languages")
    content = root / "content"
    content.mkdir()
    shutil.copytree(CONTENT / "_hq", content / "_hq")
    for n, (lang, mission) in enumerate(NEW.items(), start=1):
        new_mission(content, mission, ["vi", lang, "en"], n)
    checked = run("check", "--content", str(content))
    built = run("build", "--content", str(content), "--out", str(root / "out"),
                "--cache-dir", str(root / "cache"))
    assert built.returncode == 0, built.stdout[-3000:] + built.stderr[-3000:]
    return content, root / "out", checked.stdout + checked.stderr


def test_hq_declares_the_new_languages_from_cldr() -> None:
    declared = load_languages(CONTENT / "_hq")
    assert len(declared) >= 24
    for code in ("lo", "km", "th", "my", "he", "ur", "hi", "id", "ms", "tl", "tr", "uk", "pl",
                 "it", "nl", "zh-Hant"):
        assert code in declared, code
    assert declared.get("he").direction == "rtl" and declared.get("ur").direction == "rtl"
    assert declared.get("lo").native_name == "ລາວ"
    assert declared.get("zh-Hant").babel_locale == "zh_Hant"


@pytest.mark.parametrize("lang", sorted(NEW))
def test_every_page_of_the_new_language_announces_it(network: tuple, lang: str) -> None:
    _, out, _ = network
    pages = sorted((out / NEW[lang] / lang).rglob("*.html"))
    assert len(pages) > 10
    for file in pages:
        attrs = _parse(file).html
        assert attrs.get("lang") == lang, file
        assert attrs.get("dir") == language(lang).direction, file
    if lang == "he":
        assert all(_parse(file).html.get("dir") == "rtl" for file in pages)


def test_no_internal_link_is_broken(network: tuple) -> None:
    _, out, _ = network
    broken = []
    for mission in NEW.values():
        site = out / mission
        for file in sorted(site.rglob("*.html")):
            for link in _parse(file).links:
                target = _target(site, file, link)
                if target is not None and not target.exists():
                    broken.append(f"{file.relative_to(out)} -> {link}")
    assert not broken, broken[:20]


@pytest.mark.parametrize("lang", sorted(NEW))
def test_hq_pages_the_language_lacks_fall_back_with_the_notice(network: tuple,
                                                               lang: str) -> None:
    _, out, _ = network
    for path in ("accessibility", "privacy"):
        text = (out / NEW[lang] / lang / path / "index.html").read_text(encoding="utf-8")
        assert "chancery-notice--fallback" in text
        assert '<div lang="vi" dir="ltr">' in text  # the fallback text, and only it


def test_data_labels_in_fallback_carry_their_own_language(network: tuple) -> None:
    """HQ's consular data and footer texts lack the new languages: Vietnamese, marked so."""
    _, out, _ = network
    for lang, mission in NEW.items():
        page = (out / mission / lang / "consular" / "passport" / "index.html").read_text(
            encoding="utf-8")
        assert '<span lang="vi" dir="ltr">' in page  # labels of HQ's consular.yml, footer
        home = (out / mission / "index.html").read_text(encoding="utf-8")  # Vietnamese
        assert '<span lang="vi"' not in home  # its own language: nothing marked
        english = (out / mission / "en" / "index.html").read_text(encoding="utf-8")
        assert '<span lang="vi"' not in english  # HQ has English: nothing to mark


def test_check_lists_every_hq_gap_in_one_run(network: tuple) -> None:
    _, _, checked = network
    for lang, mission in NEW.items():
        assert re.search(rf"hq\.yml:\d+: \[warning\] ministry\.name: no '{lang}' text", checked)
        assert "consular.yml" in checked and f"no '{lang}' text; readers see" in checked
        assert f"HQ page 'accessibility.md' has no '{lang}' version (mission {mission}" \
            in checked
        # the interface: a gap is listed exactly when the language's catalog has one
        listed = f"interface catalog for '{lang}'" in checked or \
            f"untranslated in '{lang}'" in checked
        assert listed != _catalog_complete(lang), lang
    assert " 0 error(s)" in checked


def _catalog_complete(lang: str) -> bool:
    from chancery.content.i18n.gaps import ui_catalog_gaps

    return not ui_catalog_gaps(lang)


def test_fonts_and_search_hook(network: tuple) -> None:
    """Fonts per script and segmented search are issue 17 items 4-5: asserted where marked."""
    _, out, _ = network
    for lang, mission in NEW.items():
        assert (out / mission / lang / "search" / "index.html").is_file()
        # Hook for items 4-5: a font for the script is published, and a word of the page is
        # found by search in Chromium (tests of chancery.render.fonts and the search segmenter).
