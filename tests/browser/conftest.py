"""Real Chromium (Debian's) driven by Playwright, against the built example sites."""

from __future__ import annotations

import functools
import http.server
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update",
                 "--disable-sync"]


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if "tests/browser" in str(item.fspath):
            item.add_marker(pytest.mark.browser)


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    if not Path(CHROMIUM).exists():
        pytest.skip("Debian's chromium is not installed (python3 build.py test installs it)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield instance
        instance.close()


@pytest.fixture(scope="session")
def serve_site(example_site: Path) -> Iterator[Callable[[str], str]]:
    """Start one static server per mission on 127.0.0.1; return its base URL."""
    servers: dict[str, http.server.ThreadingHTTPServer] = {}

    def start(mission: str) -> str:
        if mission not in servers:
            handler = functools.partial(_Quiet, directory=str(example_site / mission))
            server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
            threading.Thread(target=server.serve_forever, daemon=True).start()
            servers[mission] = server
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


