"""``build.py serve``: a live preview that rebuilds on save and never stops answering.

Each test starts the real command on a free port against a copy of the content; every wait
is bounded, and the server is always stopped.
"""

from __future__ import annotations

import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from chancery.core.engine import CONFIG_ENV
from tests.conftest import ROOT

STARTUP = 60  # seconds for the first build of a cold process on a busy machine
REBUILD = 30


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def fetch(url: str, timeout: float = REBUILD) -> str:
    """The page at ``url``, retried while the server starts, for at most ``timeout``."""
    deadline = time.monotonic() + timeout
    while True:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                assert response.status == 200
                return response.read().decode("utf-8")
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.3)


def wait_for(predicate: Callable[[], bool], timeout: float = REBUILD) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.3)
    return False


class Server:
    def __init__(self, port: int, log: Path, process: subprocess.Popen) -> None:
        self.url = f"http://127.0.0.1:{port}/"
        self.log = log
        self.process = process

    def get(self, path: str = "", timeout: float = REBUILD) -> str:
        return fetch(self.url + path, timeout)

    def output(self) -> str:
        return self.log.read_text(encoding="utf-8", errors="replace")

    def shows(self, text: str, path: str = "") -> bool:
        return wait_for(lambda: text in self.get(path))


def serve_command(content: Path, port: int, *extra: str) -> list[str]:
    return [sys.executable, str(ROOT / "build.py"), "serve", "--mission", "fr-lyon",
            "--port", str(port), "--content", str(content), *extra]


def environment(**extra: str) -> dict[str, str]:
    return {"CHANCERY_NO_BOOTSTRAP": "1", "PATH": "/usr/bin:/bin", **extra}


@contextmanager
def serving(content: Path, tmp_path: Path, *extra: str, **env: str) -> Iterator[Server]:
    port = free_port()
    log = tmp_path / f"serve-{port}.log"
    with log.open("w") as out:
        process = subprocess.Popen(serve_command(content, port, *extra), stdout=out,
                                   stderr=subprocess.STDOUT, env=environment(**env))
    server = Server(port, log, process)
    try:
        fetch(server.url, STARTUP)
        yield server
    finally:
        process.send_signal(signal.SIGINT)  # Ctrl+C
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=10)
    assert "Traceback" not in server.output()


def test_serve_rebuilds_on_save_and_reports_errors_without_traceback(network_dir: Path,
                                                                     tmp_path: Path) -> None:
    with serving(network_dir, tmp_path, "--lang", "fr") as server:
        assert "Home fr" in server.get()
        page = network_dir / "fr-lyon/pages/fr/index.md"
        page.write_text("---\ntitle: Accueil modifié\n---\nBonjour.\n", encoding="utf-8")
        assert server.shows("Accueil modifié")
        page.write_text("---\ntitle: Accueil\n---\n![](media/photo.png)\n", encoding="utf-8")
        assert server.shows("has no alt text")  # check's problems are shown over the page
        assert wait_for(lambda: "index.md:4: image 'media/photo.png' has no alt text"
                        in server.output())
        mission = network_dir / "fr-lyon/mission.yml"
        good = mission.read_text(encoding="utf-8")
        mission.write_text(good.replace("kind: consulate-general", "kind: consulat"),
                           encoding="utf-8")
        assert wait_for(lambda: "kind: 'consulat' is not allowed" in server.output())
        assert "kind: &#x27;consulat&#x27; is not allowed" in server.get("about/")
        mission.write_text(good, encoding="utf-8")
        page.write_text("---\ntitle: Accueil corrigé\n---\nBonjour.\n", encoding="utf-8")
        assert server.shows("Accueil corrigé")
    assert server.process.returncode == 0  # Ctrl+C stops it cleanly


def test_bad_front_matter_shows_an_error_page_on_every_url_until_fixed(
        network_dir: Path, tmp_path: Path) -> None:
    page = network_dir / "fr-lyon/pages/vi/index.md"
    good = page.read_text(encoding="utf-8")
    with serving(network_dir, tmp_path) as server:
        assert "Home vi" in server.get()
        page.write_text("---\ntitle: Bad: yaml\n---\nNội dung.\n", encoding="utf-8")
        where = "fr-lyon/pages/vi/index.md:2"
        assert server.shows(where)
        started = time.monotonic()
        for path in ("", "about/", "no/such/page/", "assets/x.css"):
            body = server.get(path, timeout=5)
            assert where in body and "put a space after" in body, path
        assert time.monotonic() - started < 10  # answered, not held until the fix
        assert wait_for(lambda: where in server.output())
        assert "Traceback" not in server.output()

        error_page = server.get()
        script = re.search(r'<script src="(/[^"]+reload\.js\?epoch=(\d+)[^"]*)"', error_page)
        assert script, "the error page reloads itself"
        assert "/livereload/" in server.get(script[1].lstrip("/").replace("&amp;", "&"))
        epoch = int(script[2])

        page.write_text(good.replace("Home vi", "Home vi fixed"), encoding="utf-8")
        assert server.shows("Home vi fixed")
        newer = server.get(f"livereload/{epoch}/1", timeout=10)
        assert int(newer) > epoch  # the poll of the error page answers: reload

        hq_page = network_dir / "_hq/pages/vi/privacy.md"
        hq_page.write_text(hq_page.read_text(encoding="utf-8").replace(
            "\n---\n", "\n---\n\nHQ-EDIT-MARKER\n", 1), encoding="utf-8")
        assert server.shows("HQ-EDIT-MARKER", "privacy/")


def test_bad_yaml_in_settings_or_data_is_listed_escaped_and_recovers(
        network_dir: Path, tmp_path: Path) -> None:
    mission = network_dir / "fr-lyon/mission.yml"
    good = mission.read_text(encoding="utf-8")
    hours = network_dir / "fr-lyon/data/hours.yml"
    with serving(network_dir, tmp_path) as server:
        assert "Home vi" in server.get()
        mission.write_text(good + "broken: [unclosed\n", encoding="utf-8")
        assert server.shows("fr-lyon/mission.yml:")
        assert "Traceback" not in server.output()

        payload = '<script>alert("x")</script>'
        mission.write_text(good.replace("kind: consulate-general", f"kind: '{payload}'"),
                           encoding="utf-8")
        assert server.shows("&lt;script&gt;alert(")
        body = server.get("about/")
        assert payload not in body and "<script>alert" not in body

        mission.write_text(good, encoding="utf-8")
        assert server.shows("Home vi")
        hours.parent.mkdir(parents=True, exist_ok=True)
        hours.write_text("timezone: Europe/Paris\noffice: [unclosed\n", encoding="utf-8")
        assert server.shows("fr-lyon/data/hours.yml:")
        hours.unlink()
        assert server.shows("Home vi")


def test_serve_starts_on_broken_content_and_shows_the_site_once_fixed(
        network_dir: Path, tmp_path: Path) -> None:
    page = network_dir / "fr-lyon/pages/vi/index.md"
    good = page.read_text(encoding="utf-8")
    page.write_text("---\ntitle: Bad: yaml\n---\n", encoding="utf-8")
    with serving(network_dir, tmp_path) as server:
        assert "fr-lyon/pages/vi/index.md:2" in server.get()
        assert "Previewing fr-lyon at " in server.output()
        page.write_text(good, encoding="utf-8")
        assert server.shows("Home vi")


def test_a_theme_edit_reloads_the_preview(network_dir: Path, tmp_path: Path) -> None:
    config = tmp_path / "hq-config"
    shutil.copytree(ROOT / "themes", config / "themes",
                    ignore=shutil.ignore_patterns("fonts"))
    (config / "themes/chancery/assets/fonts").symlink_to(ROOT / "themes/chancery/assets/fonts")
    shutil.copy(ROOT / "mkdocs.yml", config / "mkdocs.yml")
    (config / "content").mkdir()
    footer = config / "themes/chancery/partials/footer.html"
    with serving(network_dir, tmp_path, **{CONFIG_ENV: str(config / "mkdocs.yml")}) as server:
        assert "Home vi" in server.get()
        footer.write_text(footer.read_text(encoding="utf-8").replace(
            "<footer", "<p>THEME-EDIT-MARKER</p><footer", 1), encoding="utf-8")
        assert server.shows("THEME-EDIT-MARKER")
        footer.write_text(footer.read_text(encoding="utf-8").replace(
            "<footer", "{% if %}<footer", 1), encoding="utf-8")  # a broken template
        assert server.shows("footer.html:")


def test_a_busy_port_is_one_line_naming_it(network_dir: Path) -> None:
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        result = subprocess.run(serve_command(network_dir, port), capture_output=True,
                                text=True, env=environment(), timeout=60)
    assert result.returncode != 0
    lines = (result.stdout + result.stderr).strip().splitlines()
    assert len(lines) == 1, lines
    assert str(port) in lines[0] and "--port" in lines[0]


def test_an_unknown_mission_is_one_problem(network_dir: Path) -> None:
    result = subprocess.run(serve_command(network_dir, free_port())[:3] + [
        "--mission", "xx-nowhere", "--content", str(network_dir)], capture_output=True,
        text=True, env=environment(), timeout=60)
    assert result.returncode == 1
    assert "no mission 'xx-nowhere'" in result.stderr and "fr-lyon" in result.stderr
    assert "Traceback" not in result.stderr


def test_serve_help_documents_every_option() -> None:
    result = subprocess.run([sys.executable, str(ROOT / "build.py"), "serve", "--help"],
                            capture_output=True, text=True, timeout=60,
                            env={**os.environ, "CHANCERY_NO_BOOTSTRAP": "1"})
    assert result.returncode == 0
    text = " ".join(result.stdout.split())
    assert "(default: 8000)" in text and "(default: 127.0.0.1)" in text
