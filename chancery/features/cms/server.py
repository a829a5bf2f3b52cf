"""decap-server, Decap's local backend, installed from the npm registry into a cache folder.

An editor who runs it next to a checkout edits that checkout in the web editor (the
configuration's ``local_backend``); the tests drive the editor against it. It is never part
of a site: ``python3 build.py test`` installs it (npm, from the registry only) into
``.cache/decap-server/``, and :func:`ensure_decap_server` does the same for a test run
without it. The version is pinned here and checked after installing.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

from chancery.core.project import PROJECT_ROOT

PACKAGE = "decap-server"
VERSION = "3.11.3"
ROOT = PROJECT_ROOT
CACHE = ROOT / ".cache" / PACKAGE


class ServerMissing(Exception):
    """npm is not installed or could not install decap-server (the message says why)."""


def entry_script(cache: Path = CACHE) -> Path:
    """decap-server's start script inside ``cache``."""
    return cache / "node_modules" / PACKAGE / "dist" / "index.js"


def installed_version(cache: Path = CACHE) -> str | None:
    manifest = cache / "node_modules" / PACKAGE / "package.json"
    try:
        return json.loads(manifest.read_text(encoding="utf-8")).get("version")
    except (OSError, ValueError):
        return None


def ensure_decap_server(cache: Path = CACHE, version: str = VERSION) -> Path:
    """Install ``decap-server@version`` into ``cache`` unless it is there; its start script."""
    if installed_version(cache) == version and entry_script(cache).is_file():
        return entry_script(cache)
    npm = shutil.which("npm")
    if npm is None or shutil.which("node") is None:
        raise ServerMissing("node and npm are needed for the web editor's tests "
                            "(apt-get install nodejs npm)")
    cache.mkdir(parents=True, exist_ok=True)
    (cache / "package.json").write_text(
        json.dumps({"name": "chancery-decap-server", "private": True}) + "\n", encoding="utf-8")
    result = subprocess.run(
        [npm, "install", "--prefix", str(cache), "--no-audit", "--no-fund", "--save-exact",
         "--registry", "https://registry.npmjs.org/", f"{PACKAGE}@{version}"],
        capture_output=True, text=True, timeout=900, check=False)
    if result.returncode != 0:
        raise ServerMissing(f"npm install {PACKAGE}@{version} failed: "
                            f"{result.stderr.strip()[-400:]}")
    if installed_version(cache) != version or not entry_script(cache).is_file():
        raise ServerMissing(f"npm installed {installed_version(cache)}, not {PACKAGE} {version}")
    return entry_script(cache)
