"""Real Chromium (Debian's) driven by Playwright, against the built example sites."""

from __future__ import annotations

import http.server
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.conftest import serve_directory


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if "tests/browser" in str(item.fspath):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def serve_site(example_site: Path) -> Iterator[Callable[[str], str]]:
    """Start one static server per mission on 127.0.0.1; return its base URL."""
    servers: dict[str, http.server.ThreadingHTTPServer] = {}

    def start(mission: str) -> str:
        if mission not in servers:
            servers[mission] = serve_directory(example_site / mission)
        return f"http://127.0.0.1:{servers[mission].server_address[1]}/"

    yield start
    for server in servers.values():
        server.shutdown()


@pytest.fixture
def page(browser: object) -> Iterator[object]:
    """A fresh page that records every request it makes."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    tab = context.new_page()
    tab.requests_made = []
    tab.on("request", lambda request: tab.requests_made.append(request.url))
    yield tab
    context.close()


def screenshot_dir() -> Path:
    path = Path(__file__).resolve().parents[2] / ".cache" / "screenshots"
    path.mkdir(parents=True, exist_ok=True)
    return path


