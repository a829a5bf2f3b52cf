"""`build.py build` skips what did not change, says so, and can be told to build everything."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from benchmarks.synthetic import Spec
from tests.conftest import ROOT
from tests.perf.conftest import NOW


def build(spec: Spec, tmp_path: Path, *extra: str) -> tuple[str, list[dict]]:
    report = tmp_path / "report.json"
    result = subprocess.run(
        [sys.executable, str(ROOT / "build.py"), "build", "--content", str(spec.root), "--out",
         str(tmp_path / "site"), "--cache-dir", str(tmp_path / "cache"), "--json", str(report),
         "--now", NOW, "--jobs", "2", *extra],
        capture_output=True, text=True, env={**os.environ, "CHANCERY_NO_BOOTSTRAP": "1"},
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout, json.loads(report.read_text(encoding="utf-8"))


def test_an_unchanged_rebuild_says_so_and_leaves_the_dashboard(small: Spec,
                                                               tmp_path: Path) -> None:
    _, first = build(small, tmp_path)
    assert first[0]["built"] == ["vi", "fr"] and first[0]["peak_rss_kb"] > 0
    dashboard = tmp_path / "site" / "_dashboard" / "index.html"
    written = dashboard.stat().st_mtime_ns

    out, again = build(small, tmp_path)

    assert again[0]["unchanged"] and again[0]["built"] == []
    assert "= fr-paris: unchanged" in out
    assert any(line.startswith("fr-paris") and line.rstrip().endswith("unchanged")
               for line in out.splitlines())  # the summary table
    assert dashboard.stat().st_mtime_ns == written

    _, forced = build(small, tmp_path, "--force")
    assert forced[0]["built"] == ["vi", "fr"] and not forced[0]["unchanged"]
