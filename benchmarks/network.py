"""Benchmark: build a synthetic network cold, again unchanged, and after editing one post.

    python3 benchmarks/network.py --missions 1 --languages 3 --posts 1000 --baseline

Generates the network (``benchmarks/synthetic.py``) under ``--out``, times
``build.py build`` as a child process for each scenario (``--repeat`` times; medians
are reported), optionally builds the same content with the stack off the shelf
(``--baseline``), prints a table and the issue's targets, and writes everything as
JSON (``--json``). ``--check`` exits with status 1 when a target is missed.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import sys
from pathlib import Path

if __package__ in (None, ""):  # run as a script: make `benchmarks` importable
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks import baseline  # noqa: E402
from benchmarks.measure import Run, scan_output, timed  # noqa: E402
from benchmarks.synthetic import REPO, Spec, edit_post, generate  # noqa: E402
from benchmarks.targets import Target, targets_for  # noqa: E402

NOW = "2026-07-01T12:00:00+00:00"  # after the newest synthetic post: every post is live


def machine() -> dict:
    model = "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return {"cpu": model, "cores": os.cpu_count(), "python": platform.python_version(),
            "system": platform.platform(), "load_average": os.getloadavg()}


class Bench:
    """The work folder of one benchmark and the builds it times."""

    def __init__(self, work: Path, spec: Spec, jobs: int | None) -> None:
        self.work, self.spec, self.jobs = work, spec, jobs
        self.site, self.cache, self.report = work / "site", work / "cache", work / "report.json"

    def build(self, label: str) -> Run:
        command = [sys.executable, str(REPO / "build.py"), "build", "--content",
                   str(self.spec.root), "--out", str(self.site), "--cache-dir", str(self.cache),
                   "--json", str(self.report), "--now", NOW]
        if self.jobs:
            command += ["--jobs", str(self.jobs)]
        self.report.unlink(missing_ok=True)
        wall, code, rss, tail = timed(command)
        run = Run(label, wall, code, rss, scan_output(self._missions(self.site)),
                  tail=tail if code else "")
        if self.report.is_file():
            reports = json.loads(self.report.read_text(encoding="utf-8"))
            run.worker_peak_rss_mb = max((r["peak_rss_kb"] for r in reports), default=0) / 1024
        return run

    def cold(self) -> Run:
        shutil.rmtree(self.site, ignore_errors=True)
        shutil.rmtree(self.cache, ignore_errors=True)
        return self.build("cold")

    def edit(self, number: int) -> Run:
        mission = self.spec.missions[0]
        edit_post(self.spec, mission, self.spec.languages[mission][0], number)
        return self.build("one-post edit")

    def baseline(self) -> Run:
        mkdocs = baseline.ensure_venv(self.work / "baseline-venv")
        sites, wall, rss, code, tail = [], 0.0, 0.0, 0, ""
        for mission in self.spec.missions:
            config = baseline.prepare(self.spec.root, mission, self.spec.languages[mission],
                                      self.work / "baseline" / mission)
            site = self.work / "baseline-site" / mission
            shutil.rmtree(site, ignore_errors=True)
            seconds, status, peak, out = timed(baseline.command(mkdocs, config, site))
            wall, rss = wall + seconds, max(rss, peak)
            code, tail = code or status, tail or (out if status else "")
            sites.append(site)
        return Run("off the shelf, cold", wall, code, rss, scan_output(sites), rss, tail)

    def _missions(self, site: Path) -> list[Path]:
        return [site / m for m in self.spec.missions if (site / m).is_dir()]


def median_run(runs: list[Run]) -> Run:
    """The run with the median wall time (the upper one of two middles)."""
    ordered = sorted(runs, key=lambda r: r.wall_s)
    return ordered[len(ordered) // 2]


def table(rows: list[Run]) -> str:
    head = ["scenario", "wall s", "pages", "pages/s", "output MB", "largest page",
            "largest post", "worker peak MB"]
    lines = [head]
    for r in rows:
        o = r.output
        lines.append([r.label, f"{r.wall_s:.2f}", str(o.pages), f"{r.pages_per_s:.0f}",
                      f"{o.bytes / 1e6:.1f}", f"{o.largest_page.bytes / 1024:.1f} KB",
                      f"{o.largest_post.bytes / 1024:.1f} KB", f"{r.worker_peak_rss_mb:.0f}"])
    widths = [max(len(row[i]) for row in lines) for i in range(len(head))]
    out = ["  ".join(cell.ljust(w) if i == 0 else cell.rjust(w)
                     for i, (cell, w) in enumerate(zip(row, widths, strict=True)))
           for row in lines]
    out.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(out)


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--missions", type=int, default=1)
    parser.add_argument("--languages", type=int, default=3)
    parser.add_argument("--posts", type=int, default=1000, help="posts per language")
    parser.add_argument("--out", type=Path, default=Path("/tmp/chancery-bench"),
                        help="work folder: content, sites, caches (default: /tmp/chancery-bench)")
    parser.add_argument("--baseline", action="store_true",
                        help="also build with MkDocs + Material + static-i18n off the shelf")
    parser.add_argument("--repeat", type=int, default=3, help="runs per scenario (median)")
    parser.add_argument("--jobs", type=int, help="build.py --jobs (default: its own)")
    parser.add_argument("--json", type=Path, help="write the results here")
    parser.add_argument("--check", action="store_true", help="exit 1 if a target is missed")
    parser.add_argument("--seed", type=int, default=837)
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    work = args.out.resolve()
    work.mkdir(parents=True, exist_ok=True)
    print(f"generating {args.missions} mission(s) x {args.languages} language(s) x "
          f"{args.posts} posts in {work / 'content'}", flush=True)
    spec = generate(work / "content", args.missions, args.languages, args.posts, args.seed)
    bench = Bench(work, spec, args.jobs)
    scenarios: dict[str, list[Run]] = {"cold": [], "no change": [], "one-post edit": []}
    for number in range(args.repeat):
        for label in scenarios:
            result = (bench.cold() if label == "cold" else bench.edit(number)
                      if label == "one-post edit" else bench.build(label))
            result.label = label
            scenarios[label].append(result)
            print(f"  {label}: {result.wall_s:.2f} s" + (" FAILED" if result.returncode else ""),
                  flush=True)
            if result.returncode:
                print(result.tail, file=sys.stderr)
                return 2
    rows = [median_run(runs) for runs in scenarios.values()]
    reference = None
    if args.baseline:
        print("building off the shelf (MkDocs + Material + static-i18n)...", flush=True)
        reference = bench.baseline()
        rows.append(reference)
    print()
    print(table(rows))
    checks = targets_for(args.missions, rows[:3], reference)
    print()
    print(Target.table(checks))
    if args.json:
        args.json.write_text(json.dumps({
            "machine": machine(),
            "network": {"missions": args.missions, "languages": args.languages,
                        "posts": args.posts, "repeat": args.repeat, "jobs": args.jobs},
            "scenarios": {k: {"median": median_run(v).as_dict(),
                              "wall_s": [round(r.wall_s, 3) for r in v]}
                          for k, v in scenarios.items()},
            "baseline": reference.as_dict() if reference else None,
            "targets": [c.as_dict() for c in checks],
        }, indent=2, ensure_ascii=False), encoding="utf-8")
    missed = [c for c in checks if not c.met]
    return 1 if args.check and missed else 0


if __name__ == "__main__":
    sys.exit(main())
