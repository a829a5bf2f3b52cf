"""Untranslated pages in a real browser: the switcher's landing notice, fallback pages."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

import pytest

from chancery.pipeline.runner import build_missions
from tests.conftest import page as page_text
from tests.conftest import serve_directory, write


@pytest.fixture
def partly_translated(network_dir: Path, tmp_path: Path):
    """fr-lyon with an events page only in Vietnamese and a consular page only in Vietnamese."""
    write(network_dir / "fr-lyon/pages/vi/events/index.md", page_text("Sự kiện", "Lịch."))
    write(network_dir / "fr-lyon/pages/vi/consular/visa.md",
          page_text("Thị thực", "Thông tin về thị thực."))
    out = tmp_path / "site"
    reports = build_missions(network_dir, out, jobs=2, progress=lambda line: None)
    assert all(r.ok for r in reports), [r.errors for r in reports]
    server = serve_directory(out / "fr-lyon")
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()


def test_switcher_lands_on_the_home_page_and_says_so(page: object, partly_translated: str) -> None:
    page.goto(partly_translated + "events/")
    notice = page.locator("#chancery-untranslated")
    link = page.locator(".chancery-lang-switch a[hreflang='fr']")
    assert link.get_attribute("href") == "../fr/#chancery-untranslated"
    link.click()
    page.wait_for_load_state()
    assert urlsplit(page.url).path == "/fr/"
    assert notice.is_visible()
    assert "pas disponible" in notice.inner_text()
    page.goto(partly_translated + "fr/")
    assert not notice.is_visible()


def test_fallback_page_shows_the_original_with_a_notice(page: object,
                                                        partly_translated: str) -> None:
    page.goto(partly_translated + "fr/consular/visa/")
    assert page.evaluate("document.documentElement.lang") == "fr"
    notice = page.locator(".chancery-notice--fallback")
    assert notice.is_visible()
    assert "Tiếng Việt" in notice.inner_text()
    assert page.locator("article [lang='vi']").count() == 1
    hreflangs = page.eval_on_selector_all("link[rel=alternate][hreflang]",
                                          "els => els.map(e => e.hreflang)")
    assert "fr" not in hreflangs and "vi" in hreflangs
    canonical = page.get_attribute("link[rel=canonical]", "href")
    assert canonical == "https://fr-lyon.test.example/consular/visa/"
