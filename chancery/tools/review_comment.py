"""The comment CI leaves on a pull request: where its previews are, and what ``check`` said.

The check report quotes editors' content (file names, messages), so it is set in a code
block whose fence is longer than any run of backticks in the report: nothing in it can end
the block and turn into links, images or mentions in the comment.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

MARKER = "<!-- chancery-preview -->"  # finds the comment to update on the next push
MAX_REPORT_CHARS = 60_000  # GitHub refuses comments over 65,536 characters


def _fence(text: str) -> str:
    longest = max((len(run) for run in re.findall(r"`+", text)), default=0)
    return "`" * max(3, longest + 1)


def _plain(text: str) -> str:
    """A value from the run (mission ids, artifact names) as inert text: no markup."""
    return re.sub(r"[^A-Za-z0-9._-]", "", text)


def review_comment(report: str, check_failed: bool, missions: Iterable[str],
                   run_url: str) -> str:
    """Markdown for the pull request: one preview artifact per mission, the check report."""
    run = run_url if re.fullmatch(r"https://[A-Za-z0-9./_-]+", run_url) else ""
    lines = [MARKER, "### Chancery: previews and check", ""]
    previews = [_plain(m) for m in missions if _plain(m)]
    if previews:
        lines.append("Previews of this pull request, one per mission: download the artifact "
                     f"from [this run's page]({run}#artifacts), unzip it and open "
                     "`index.html` in a browser (search needs `build.py serve`).")
        lines.append("")
        lines += [f"- `preview-{m}`" for m in previews]
    else:
        lines.append("This pull request changes no mission's site.")
    lines += ["", "**check: problems found**" if check_failed else "**check: no problems**"]
    text = report.strip() or "(no output)"
    if len(text) > MAX_REPORT_CHARS:
        text = text[:MAX_REPORT_CHARS] + "\n... (cut: the run's log has the whole report)"
    fence = _fence(text)
    lines += ["", "<details><summary>check report</summary>", "", f"{fence}text", text,
              fence, "", "</details>", ""]
    return "\n".join(lines)
