"""``build.py serve``: a live preview that rebuilds on save and reports mistakes cleanly."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from tests.conftest import ROOT


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def fetch(url: str, timeout: float = 20) -> str:
    deadline = time.monotonic() + timeout
    while True:
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                return response.read().decode("utf-8")
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.3)


def wait_for(predicate, timeout: float = 20) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.3)
    return False


def test_serve_rebuilds_on_save_and_reports_errors_without_traceback(network_dir: Path,
                                                                     tmp_path: Path) -> None:
    port = free_port()
    log = tmp_path / "serve.log"
    with log.open("w") as out:
        server = subprocess.Popen(
            [sys.executable, str(ROOT / "build.py"), "serve", "--mission", "fr-lyon", "--lang",
             "fr", "--port", str(port), "--content", str(network_dir)],
            stdout=out, stderr=subprocess.STDOUT, env={"CHANCERY_NO_BOOTSTRAP": "1",
                                                       "PATH": "/usr/bin:/bin"})
    try:
        url = f"http://127.0.0.1:{port}/"
        assert "Home fr" in fetch(url)
        page = network_dir / "fr-lyon/pages/fr/index.md"
        page.write_text("---\ntitle: Accueil modifié\n---\nBonjour.\n", encoding="utf-8")
        assert wait_for(lambda: "Accueil modifié" in fetch(url))
        mission = network_dir / "fr-lyon/mission.yml"
        good = mission.read_text(encoding="utf-8")
        mission.write_text(good.replace("kind: consulate-general", "kind: consulat"),
                           encoding="utf-8")
        assert wait_for(lambda: "kind: 'consulat' is not allowed" in log.read_text())
        mission.write_text(good, encoding="utf-8")
        page.write_text("---\ntitle: Accueil corrigé\n---\nBonjour.\n", encoding="utf-8")
        assert wait_for(lambda: "Accueil corrigé" in fetch(url))
    finally:
        server.terminate()
        server.wait(timeout=10)
    assert "Traceback" not in log.read_text()
