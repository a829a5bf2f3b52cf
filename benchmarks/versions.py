"""Compare two versions of Chancery on the same content: the same output, and how fast.

    python3 benchmarks/versions.py --old HEAD~1 --new HEAD --missions 2 --languages 3 --posts 50

Each version (a git revision, or ``WORKTREE`` for the files of this checkout as they are) is
exported into the work folder and run by the project's interpreter with its own code first
on the path. Both build the example network (the new version's ``content/``) and a
synthetic network (``benchmarks/synthetic.py``) with the same ``--now``; their outputs are
compared file by file. Then ``--pairs`` rounds time a cold build, a no-change rebuild and a
one-post rebuild of each, alternately old first and new first, comparing the outputs again
after each cold and one-post build; the medians of wall and CPU time are printed with the
ratios new/old. Exit status: 0 if every output is the same, 1 if one differs, 2 if a version
could not be exported, imported from its copy or built.

Only the command line (``build.py build``) of each version is used, never its modules, so
any two versions can be compared whatever their packages are called.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import time
import tomllib
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import NoReturn

if __package__ in (None, ""):  # run as a script: make `benchmarks` importable
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks import synthetic  # noqa: E402
from benchmarks.network import NOW, machine  # noqa: E402

REPO = synthetic.REPO
WORKTREE = "WORKTREE"  # --new/--old value: this checkout's files, committed or not
VENV = Path(os.environ.get("CHANCERY_VENV") or REPO / ".venv")
SCENARIOS = ("cold", "no change", "one-post edit")
SHOWN = 20  # differing files listed per comparison


@dataclass(frozen=True)
class Timing:
    wall_s: float
    cpu_s: float  # user + system time of the build and every process it waited for


def timed(command: list[str], env: dict[str, str], cwd: Path) -> tuple[Timing, int, str]:
    """Run ``command``; return its timing, exit status and the end of its output."""
    started = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                               env=env, cwd=cwd)
    assert process.stdout is not None
    output = process.stdout.read()
    _, status, usage = os.wait4(process.pid, 0)  # usage includes the workers and Pagefind
    timing = Timing(time.perf_counter() - started, usage.ru_utime + usage.ru_stime)
    tail = "\n".join(output.decode("utf-8", "replace").splitlines()[-15:])
    return timing, os.waitstatus_to_exitcode(status), tail


@dataclass(frozen=True)
class Mask:
    """A part of some output files that may differ between two builds of the same input."""

    path: re.Pattern[str]  # the files (path relative to the output folder, fullmatch)
    value: re.Pattern[bytes]  # what is replaced before comparing
    why: str


# Only what carries the wall clock is masked; ``--now`` fixes everything else. Both are
# written with chancery.clock.wall_now(), "when something really happens, whatever --now
# says" (see that module), so two builds a minute apart differ there and nowhere else.
MASKS: tuple[Mask, ...] = (
    # <out>/<mission>.manifest.json: "built_at" is when the build ran. Its "build_id", a
    # digest of the mission's output files, is compared like the rest.
    Mask(re.compile(r"[^/]+\.manifest\.json"), re.compile(rb'"built_at": "[^"]*"'),
         "manifest's built_at (wall clock)"),
    # The translation dashboard (not published): "Cập nhật lúc (generated) <date> <time> UTC".
    Mask(re.compile(r"_dashboard/index\.html"),
         re.compile(rb"\(generated\) \d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC"),
         "dashboard's generated line (wall clock)"),
)


def _entries(root: Path) -> dict[str, Path]:
    """Every file and symbolic link under ``root`` (hidden ones too), by relative path."""
    found: dict[str, Path] = {}
    for folder, dirs, files in os.walk(root):
        links = [d for d in dirs if os.path.islink(os.path.join(folder, d))]
        for name in (*files, *links):
            path = Path(folder, name)
            found[path.relative_to(root).as_posix()] = path
    return found


def _compared(path: Path, relative: str, masks: tuple[Mask, ...]) -> bytes:
    if path.is_symlink():
        return b"symlink to " + os.fsencode(os.readlink(path))
    data = path.read_bytes()
    for mask in masks:
        if mask.path.fullmatch(relative):
            data = mask.value.sub(b"<masked>", data)
    return data


def tree_differences(old: Path, new: Path, masks: tuple[Mask, ...] = MASKS) -> list[str]:
    """The files that differ between two output folders, each with how, sorted."""
    a, b = _entries(old), _entries(new)
    problems = [(p, "only in old") for p in a.keys() - b.keys()]
    problems += [(p, "only in new") for p in b.keys() - a.keys()]
    problems += [(p, "differs") for p in a.keys() & b.keys()
                 if _compared(a[p], p, masks) != _compared(b[p], p, masks)]
    return [f"{p}: {how}" for p, how in sorted(problems)]


def fail(message: str) -> NoReturn:
    """Stop with status 2: a version could not be set up or built (nothing was compared)."""
    print(message, file=sys.stderr)
    raise SystemExit(2)


def _git(*args: str) -> str:
    result = subprocess.run(["git", "-C", str(REPO), *args], capture_output=True, text=True)
    if result.returncode:
        fail(f"git {' '.join(args)}: {result.stderr.strip()}")
    return result.stdout.strip()


def export(rev: str, dest: Path) -> str:
    """Write version ``rev`` of the repository into ``dest``; return its commit (or a label)."""
    dest.mkdir(parents=True)
    if rev == WORKTREE:
        listed = _git("ls-files", "-z", "--cached", "--others", "--exclude-standard")
        for name in filter(None, listed.split("\0")):
            source = REPO / name
            if source.is_file():  # not deleted since it was staged
                (dest / name).parent.mkdir(parents=True, exist_ok=True)
                shutil.copy2(source, dest / name, follow_symlinks=False)
        return f"working tree on {_git('rev-parse', '--short', 'HEAD')}"
    commit = _git("rev-parse", "--verify", f"{rev}^{{commit}}")
    archive = subprocess.Popen(["git", "-C", str(REPO), "archive", commit],
                               stdout=subprocess.PIPE)
    subprocess.run(["tar", "-x", "-C", str(dest)], stdin=archive.stdout, check=True)
    if archive.wait():
        fail(f"git archive {commit} failed")
    return commit[:10]


# The installed distribution is an editable install of this checkout: its finder maps
# `chancery` and `chancery_plugins` to /work/main (or wherever the checkout is). A module a
# copy lacks must not be taken from there, so this drops that finder from every process.
SITECUSTOMIZE = """import sys
sys.meta_path[:] = [f for f in sys.meta_path
                    if not getattr(f, "__module__", "").startswith("__editable__")]
"""

# Printed by each version's interpreter: where its code and its MkDocs plugins come from.
PROBE = """import importlib.metadata, inspect, json, chancery
found = {"chancery": chancery.__file__}
for entry in importlib.metadata.entry_points(group="mkdocs.plugins"):
    if entry.name.startswith("chancery/"):
        found[entry.name] = inspect.getfile(entry.load())
print(json.dumps(found))
"""


@dataclass
class Version:
    """One exported version of the repository and how to run its ``build.py``."""

    label: str  # "old" or "new"
    rev: str
    root: Path
    commit: str = ""
    env: dict[str, str] = field(default_factory=dict)

    def prepare(self) -> None:
        """Export the code; put it, and its packages under their import names, first on the
        path; and register its MkDocs plugins (its pyproject's entry points)."""
        shutil.rmtree(self.root, ignore_errors=True)
        code, shim = self.root / "code", self.root / "path"
        self.commit = export(self.rev, code)
        project = tomllib.loads((code / "pyproject.toml").read_text(encoding="utf-8"))
        shim.mkdir()
        path = [code, shim]
        for name, folder in project.get("tool", {}).get("setuptools", {}).get(
                "package-dir", {}).items():
            if name == "":  # a src layout
                path.insert(0, code / folder)
            elif "." not in name and name != folder:  # e.g. chancery_plugins = "plugins"
                (shim / name).symlink_to(code / folder, target_is_directory=True)
        meta = project["project"]
        # Found before the installed one (the path comes first), so its entry points win.
        info = shim / f"{meta['name']}-{meta['version']}.dist-info"
        info.mkdir()
        (info / "METADATA").write_text(
            f"Metadata-Version: 2.1\nName: {meta['name']}\nVersion: {meta['version']}\n")
        (info / "entry_points.txt").write_text("".join(
            f"[{group}]\n" + "".join(f"{k} = {v}\n" for k, v in entries.items())
            for group, entries in meta.get("entry-points", {}).items()))
        (shim / "sitecustomize.py").write_text(SITECUSTOMIZE)
        # Compiled modules are kept, as on any machine that runs builds (its first build of a
        # version compiles them): measured, a build of code compiled anew each time.
        self.env = {k: v for k, v in os.environ.items()
                    if not k.startswith("CHANCERY_") and k != "PYTHONDONTWRITEBYTECODE"}
        self.env.update(PYTHONPATH=os.pathsep.join(map(str, path)), CHANCERY_NO_BOOTSTRAP="1",
                        CHANCERY_VENV=str(VENV))

    @property
    def code(self) -> Path:
        return self.root / "code"

    def check_imports(self) -> str:
        """Fail unless Chancery and its plugins resolve to this copy; say where they do."""
        result = subprocess.run([str(python()), "-c", PROBE], cwd=self.code, env=self.env,
                                capture_output=True, text=True)
        if result.returncode:
            fail(f"{self.label}: cannot import its code:\n{result.stderr}")
        found = json.loads(result.stdout)
        outside = {k: v for k, v in found.items()
                   if not Path(v).resolve().is_relative_to(self.code.resolve())}
        if outside or len(found) < 2:
            fail(f"{self.label}: not its own code or no plugin: {found}")
        return f"chancery from {found['chancery']}, {len(found) - 1} plugins inside the copy"

    def build(self, content: Path, out: Path, jobs: int | None = None) -> Timing:
        """``build.py build`` of ``content`` into ``out``/site (cache ``out``/cache)."""
        command = [str(python()), str(self.code / "build.py"), "build", "--content", str(content),
                   "--out", str(out / "site"), "--cache-dir", str(out / "cache"), "--now", NOW]
        if jobs:
            command += ["--jobs", str(jobs)]
        timing, code, tail = timed(command, env=self.env, cwd=self.code)
        if code:
            fail(f"{self.label} ({self.commit}) failed to build {content}:\n{tail}")
        return timing


def python() -> Path:
    """The project's interpreter (both versions share its pinned dependencies)."""
    candidate = VENV / "bin" / "python"
    return candidate if candidate.exists() else Path(sys.executable)


def cold(version: Version, content: Path, out: Path, jobs: int | None) -> Timing:
    shutil.rmtree(out, ignore_errors=True)
    return version.build(content, out, jobs)


def report(name: str, differences: list[str], found: dict[str, list[str]]) -> None:
    if differences:
        found[name] = differences
        print(f"  {name}: {len(differences)} file(s) differ:")
        for line in differences[:SHOWN]:
            print(f"    {line}")
    else:
        print(f"  {name}: identical")


def medians(runs: dict[str, list[Timing]]) -> dict[str, float]:
    """Median wall and CPU seconds of each version, and the ratios new/old."""
    found: dict[str, float] = {}
    for what in ("wall_s", "cpu_s"):
        old, new = (statistics.median(getattr(t, what) for t in runs[v]) for v in ("old", "new"))
        found |= {f"old_{what}": round(old, 3), f"new_{what}": round(new, 3),
                  f"ratio_{what}": round(new / old, 3)}
    return found


def table(times: dict[str, dict[str, list[Timing]]]) -> str:
    rows = [("scenario (medians)", "old wall s", "new wall s", "new/old",
             "old CPU s", "new CPU s", "new/old")]
    for scenario, runs in times.items():
        m = medians(runs)
        rows.append((scenario, *(f"{m[f'{k}_{w}']:.2f}" for w in ("wall_s", "cpu_s")
                                 for k in ("old", "new", "ratio"))))
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    lines = ["  ".join(c.ljust(w) if i == 0 else c.rjust(w)
                       for i, (c, w) in enumerate(zip(row, widths, strict=True)))
             for row in rows]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(lines)


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--old", help="git revision (default: the new one's first parent, "
                        f"HEAD if --new is {WORKTREE})")
    parser.add_argument("--new", default="HEAD",
                        help=f"git revision, or {WORKTREE} for this checkout's files as they "
                        "are (default: HEAD)")
    parser.add_argument("--missions", type=int, default=2)
    parser.add_argument("--languages", type=int, default=3)
    parser.add_argument("--posts", type=int, default=50, help="posts per language")
    parser.add_argument("--pairs", type=int, default=3, help="alternated old/new rounds")
    parser.add_argument("--jobs", type=int, help="build.py --jobs (default: its own)")
    parser.add_argument("--seed", type=int, default=837)
    parser.add_argument("--out", type=Path, default=Path("/tmp/chancery-versions"),
                        help="work folder (default: /tmp/chancery-versions)")
    parser.add_argument("--json", type=Path, nargs="?", const=True,
                        help="write the results (default file: "
                        "benchmarks/results/versions-<missions>x<languages>x<posts>.json)")
    args = parser.parse_args(argv)
    if args.old is None:
        args.old = "HEAD" if args.new == WORKTREE else f"{args.new}~1"
    if args.json is True:
        size = f"{args.missions}x{args.languages}x{args.posts}"
        args.json = REPO / "benchmarks" / "results" / f"versions-{size}.json"
    return args


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    work = args.out.resolve()
    old, new = Version("old", args.old, work / "old"), Version("new", args.new, work / "new")
    for version in (old, new):
        version.prepare()
        print(f"{version.label}: {version.rev} = {version.commit}; {version.check_imports()}",
              flush=True)

    found: dict[str, list[str]] = {}
    print("example network (the new version's content/), cold:", flush=True)
    example = new.code / "content"
    seconds = {v.label: cold(v, example, work / "example" / v.label, args.jobs).wall_s
               for v in (old, new)}
    print(f"  built in {seconds['old']:.1f} s (old) and {seconds['new']:.1f} s (new); "
          "first runs, timing included the compiling of their bytecode")
    report("example network", tree_differences(work / "example" / "old" / "site",
                                               work / "example" / "new" / "site"), found)

    print(f"synthetic network: {args.missions} mission(s) x {args.languages} language(s) x "
          f"{args.posts} posts", flush=True)
    synthetic.HQ_SOURCE = example / "_hq"  # the same HQ content as the example network
    spec = synthetic.generate(work / "content", args.missions, args.languages, args.posts,
                              args.seed)
    mission = spec.missions[0]
    times: dict[str, dict[str, list[Timing]]] = {s: {"old": [], "new": []} for s in SCENARIOS}
    for pair in range(args.pairs):
        order = (old, new) if pair % 2 == 0 else (new, old)
        for scenario in SCENARIOS:
            if scenario == "one-post edit":  # the same edit, once, for both
                synthetic.edit_post(spec, mission, spec.languages[mission][0], pair)
            for version in order:
                out = work / "synthetic" / version.label
                build = cold if scenario == "cold" else Version.build
                timing = build(version, spec.root, out, args.jobs)
                times[scenario][version.label].append(timing)
                print(f"  pair {pair + 1}, {scenario}, {version.label}: {timing.wall_s:.2f} s, "
                      f"CPU {timing.cpu_s:.2f} s", flush=True)
            if scenario != "no change":
                report(f"synthetic network, pair {pair + 1}, {scenario}",
                       tree_differences(work / "synthetic" / "old" / "site",
                                        work / "synthetic" / "new" / "site"), found)
    print()
    print(table(times))
    print(f"\noutputs in {work}/{{example,synthetic}}/{{old,new}}/site: "
          + (f"{len(found)} comparison(s) differ" if found else "identical"))
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps({
            "machine": machine(),
            "old": {"rev": old.rev, "commit": old.commit},
            "new": {"rev": new.rev, "commit": new.commit},
            "network": {"missions": args.missions, "languages": args.languages,
                        "posts": args.posts, "pairs": args.pairs, "jobs": args.jobs,
                        "now": NOW},
            "scenarios": {s: {"runs": {k: [asdict(t) for t in v] for k, v in runs.items()},
                              "medians": medians(runs)} for s, runs in times.items()},
            "example_cold_s": {k: round(v, 3) for k, v in seconds.items()},
            "masked": [m.why for m in MASKS],
            "identical": not found,
            "differences": found,
        }, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
        print(f"results in {args.json}")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
