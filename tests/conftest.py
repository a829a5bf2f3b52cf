"""Shared fixtures: a small valid network written into a temporary content folder."""

from __future__ import annotations

import functools
import http.server
import shutil
import textwrap
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
CONTENT = ROOT / "content"

MISSION_YML = """\
id: fr-lyon
kind: consulate-general
host_country: FR
languages: [vi, fr]
name:
  vi: Tổng Lãnh sự quán Việt Nam tại Lyon
  fr: Consulat général du Viet Nam à Lyon
site_url: https://fr-lyon.test.example/
address:
  street: 12 rue de la République
  postal_code: "69002"
  city: Lyon
  country: FR
hotline: "+33 6 12 34 56 78"
phones:
  - number: "+33 4 72 00 00 00"
    label: {vi: Tổng đài, fr: Standard}
emails:
  - address: lyon@fr-lyon.test.example
    label: {vi: Văn phòng, fr: Secrétariat}
jurisdiction:
  vi: Vùng Auvergne-Rhône-Alpes
  fr: Région Auvergne-Rhône-Alpes
"""


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def page(title: str, body: str = "Nội dung.") -> str:
    return f"---\ntitle: {title}\n---\n\n{body}\n"


@pytest.fixture
def network_dir(tmp_path: Path) -> Path:
    """HQ settings and pages copied from the repo, plus one small valid mission ``fr-lyon``."""
    content = tmp_path / "content"
    shutil.copytree(CONTENT / "_hq", content / "_hq")
    write(content / "fr-lyon" / "mission.yml", MISSION_YML)
    for lang in ("vi", "fr"):
        base = content / "fr-lyon" / "pages" / lang
        write(base / "index.md", page(f"Home {lang}", "Xem [giới thiệu](/about.md)."))
        write(base / "about.md", page(f"About {lang}"))
    return content


@pytest.fixture(scope="session")
def example_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The example network (content/) built once per test session; returns the output folder."""
    from chancery.pipeline.runner import build_missions

    out = tmp_path_factory.mktemp("example-site")
    reports = build_missions(CONTENT, out, jobs=2, progress=lambda line: None)
    failed = {r.mission: r.errors for r in reports if not r.ok}
    assert not failed, failed
    return out


CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update",
                 "--disable-sync"]


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    """Static files, without a log line per request."""

    def log_message(self, *args: object) -> None:
        pass


def serve_directory(root: Path) -> http.server.ThreadingHTTPServer:
    """Serve ``root`` on 127.0.0.1 (a free port) from a background thread."""
    handler = functools.partial(QuietHandler, directory=str(root))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    """Debian's Chromium driven by Playwright (one instance for the whole session)."""
    if not Path(CHROMIUM).exists():
        pytest.skip("Debian's chromium is not installed (python3 build.py test installs it)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield instance
        instance.close()
