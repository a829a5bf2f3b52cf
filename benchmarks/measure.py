"""Run a build as a child process and measure it: wall time, memory, and what it wrote."""

from __future__ import annotations

import os
import re
import subprocess
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

# A post's page: <lang>/news/<YYYY>/<slug>/index.html (the default language at the root).
_POST = re.compile(r"(?:^|/)news/\d{4}/[^/]+/index\.html$")


@dataclass
class Page:
    bytes: int = 0
    path: str = ""


@dataclass
class Output:
    """What a build left in its output folder."""

    pages: int = 0  # HTML files
    bytes: int = 0  # every file, hard links counted once
    largest_page: Page = field(default_factory=Page)
    largest_post: Page = field(default_factory=Page)


@dataclass
class Run:
    """One timed build."""

    label: str
    wall_s: float
    returncode: int
    largest_process_rss_mb: float  # the largest peak RSS of any process the build ran
    output: Output
    worker_peak_rss_mb: float = 0.0  # the largest peak RSS of a build worker (if reported)
    tail: str = ""  # the end of the build's output when it failed

    @property
    def pages_per_s(self) -> float:
        return self.output.pages / self.wall_s if self.wall_s else 0.0

    def as_dict(self) -> dict:
        return {**asdict(self), "pages_per_s": round(self.pages_per_s, 1)}


def timed(command: list[str], env: dict | None = None,
          cwd: Path | None = None) -> tuple[float, int, float, str]:
    """Run ``command``; return wall seconds, exit status, peak RSS (MiB) and its output's end.

    The peak RSS comes from ``wait4``: the largest resident set of the child or of any
    descendant it waited for (workers, Pagefind), i.e. of the biggest single process.
    """
    started = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                               env=env, cwd=cwd)
    assert process.stdout is not None
    output = process.stdout.read()
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - started
    text = output.decode("utf-8", "replace")
    return (wall, os.waitstatus_to_exitcode(status), usage.ru_maxrss / 1024,
            "\n".join(text.splitlines()[-15:]))


def scan_output(roots: list[Path]) -> Output:
    """Count pages and bytes under ``roots`` and find the largest pages."""
    result = Output()
    seen: set[int] = set()
    for root, (folder, dirs, files) in ((r, w) for r in roots for w in os.walk(r)):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        for name in files:
            path = os.path.join(folder, name)
            stat = os.stat(path)
            if stat.st_ino not in seen:
                seen.add(stat.st_ino)
                result.bytes += stat.st_size
            if not name.endswith(".html"):
                continue
            rel = os.path.relpath(path, root.parent)
            result.pages += 1
            if stat.st_size > result.largest_page.bytes:
                result.largest_page = Page(stat.st_size, rel)
            if _POST.search(rel) and stat.st_size > result.largest_post.bytes:
                result.largest_post = Page(stat.st_size, rel)
    return result
