"""The pull request comment: previews per mission and the check report, inert as text."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from chancery.tools.review_comment import MARKER, review_comment

ROOT = Path(__file__).resolve().parents[2]
RUN = "https://github.com/ministry/chancery/actions/runs/42"


def _fenced_block(comment: str) -> tuple[str, str]:
    match = re.search(r"^(`{3,})text\n(.*?)\n\1$", comment, re.S | re.M)
    assert match, comment
    return match.group(1), match.group(2)


def test_the_comment_lists_each_preview_and_the_report() -> None:
    report = "fr-paris/pages/vi/index.md:3: title: required but missing\n1 problem(s)"
    comment = review_comment(report, True, ["fr-paris", "jp-osaka"], RUN)
    assert comment.startswith(MARKER)
    assert "- `preview-fr-paris`" in comment and "- `preview-jp-osaka`" in comment
    assert f"]({RUN}#artifacts)" in comment
    assert "**check: problems found**" in comment
    assert _fenced_block(comment)[1] == report


def test_backticks_in_the_report_cannot_end_its_block() -> None:
    hostile = ("fr-paris/pages/vi/x.md:1: bad\n```\n[click](https://evil.example) "
               "@everyone ![x](https://evil.example/x.png)\n`````")
    fence, body = _fenced_block(review_comment(hostile, True, [], RUN))
    assert len(fence) == 6 and body == hostile


def test_mission_names_and_the_run_address_cannot_carry_markup() -> None:
    comment = review_comment("ok", False, ["fr-paris](https://evil.example)"],
                             "javascript:alert(1)")
    assert "evil" not in comment.replace("fr-parishttpsevil.example", "")
    assert "javascript:" not in comment
    assert "**check: no problems**" in comment
    assert "This pull request changes no mission" not in comment


def test_the_command_refuses_a_bad_missions_list(tmp_path: Path) -> None:
    report = tmp_path / "check.txt"
    report.write_text("all good\n", encoding="utf-8")
    command = [sys.executable, str(ROOT / "build.py"), "comment", "--check-report", str(report)]
    bad = subprocess.run([*command, "--missions", "{oops"], capture_output=True, text=True)
    assert bad.returncode == 2 and "expected a JSON list" in bad.stderr
    assert "Traceback" not in bad.stderr
    good = subprocess.run([*command, "--missions", '["fr-paris"]', "--run-url", RUN],
                          capture_output=True, text=True)
    assert good.returncode == 0 and "`preview-fr-paris`" in good.stdout
