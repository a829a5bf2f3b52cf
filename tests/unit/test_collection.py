"""Every ``test_*.py`` file under ``tests/`` is collected by the README's test command."""

from __future__ import annotations

import subprocess
import sys

from tests.conftest import ROOT


def test_every_test_file_is_collected() -> None:
    on_disk = {
        str(path.relative_to(ROOT))
        for path in (ROOT / "tests").rglob("test_*.py")
        if not any(part.startswith(".") or part == "__pycache__" for part in path.parts)
    }
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "--collect-only", "-q", "-p", "no:cacheprovider"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-2000:]
    collected = {line.split("::")[0] for line in result.stdout.splitlines() if "::" in line}
    assert on_disk - collected == set(), "test files the suite does not collect"
