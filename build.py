#!/usr/bin/env python3
"""Chancery: build, preview, check and scaffold the websites of a network of missions.

Run ``python3 build.py --help``. On first use this script creates ``.venv/`` beside
it and installs the pinned dependencies there, then runs itself inside it; a
later change to ``pyproject.toml`` or ``requirements.lock`` reinstalls.
``--help`` answers at once, before anything is installed. ``$CHANCERY_VENV`` chooses
another environment folder.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = Path(os.environ.get("CHANCERY_VENV") or ROOT / ".venv")
HELP_FLAGS = {"-h", "--help"}
VENV_PYTHON = VENV / "bin" / "python"
APT_TEST_PACKAGES = ROOT / ".ci" / "apt-packages.txt"


def _say(message: str) -> None:
    print(f"[setup] {message}", file=sys.stderr, flush=True)


def _run(cmd: list[str]) -> None:
    result = subprocess.run(cmd, cwd=ROOT)
    if result.returncode != 0:
        _say(f"failed: {' '.join(cmd)} (exit {result.returncode})")
        sys.exit(result.returncode)


def _stamp(extras: str) -> str:
    digest = hashlib.sha256(extras.encode())
    for name in ("pyproject.toml", "requirements.lock"):
        digest.update((ROOT / name).read_bytes())
    return digest.hexdigest()


def _ensure_venv(extras: str) -> None:
    if sys.version_info[:2] != (3, 11):
        _say(f"Chancery needs Python 3.11; this is {sys.version.split()[0]}")
        sys.exit(2)
    if not VENV_PYTHON.exists():
        _say(f"creating {_shown(VENV)}/")
        _run([sys.executable, "-m", "venv", str(VENV)])
    stamp_file = VENV / f".chancery-installed{'-' + extras if extras else ''}"
    stamp = _stamp(extras)
    if stamp_file.exists() and stamp_file.read_text() == stamp:
        return
    _say("installing pinned dependencies (pyproject.toml, requirements.lock)")
    target = f".[{extras}]" if extras else "."
    _run(
        [
            str(VENV_PYTHON),
            "-m",
            "pip",
            "install",
            "--quiet",
            "--disable-pip-version-check",
            "-c",
            "requirements.lock",
            "-e",
            target,
        ]
    )
    stamp_file.write_text(stamp)


def _ensure_system_packages() -> None:
    """Install the Debian packages the tests drive (Chromium and the servers)."""
    wanted = [line.split("#")[0].strip() for line in APT_TEST_PACKAGES.read_text().splitlines()]
    wanted = [name for name in wanted if name]
    missing = [
        name
        for name in wanted
        if subprocess.run(
            ["dpkg-query", "-W", "-f=${Status}", name], capture_output=True, text=True
        ).stdout.strip()
        != "install ok installed"
    ]
    if not missing:
        return
    if shutil.which("apt-get") is None or os.geteuid() != 0:
        _say(f"missing system packages: {' '.join(missing)}; install them as root with apt-get")
        return
    _say(f"installing system packages: {' '.join(missing)}")
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    subprocess.run(["apt-get", "update", "-qq"], cwd=ROOT, env=env, check=False)
    result = subprocess.run(
        ["apt-get", "install", "-y", "-qq", "--no-install-recommends", *missing], cwd=ROOT, env=env
    )
    if result.returncode != 0:
        _say("apt-get install failed; tests that need these packages will be skipped")


def _first_run_help(args: list[str]) -> None:
    """Help before the environment exists: the commands, read from their sources without
    importing them (standard library only), and what the first run will do."""
    sys.path.insert(0, str(ROOT))
    from chancery.cli import COMMANDS
    from chancery.cli.summaries import summary

    command = args[0] if args and args[0] in COMMANDS else None
    if command:
        about = summary(command)
        print(f"usage: build.py {command} [options]\n")
        print(textwrap.fill(about.description or about.help, 79))
    else:
        print("usage: build.py COMMAND [options]\n\nChancery: build, preview, check and "
              "scaffold the websites of a network\nof diplomatic missions.\n\ncommands:")
        for name in COMMANDS:
            print(f"  {name:<11} {summary(name).help}")
    print("\n" + textwrap.fill(
        f"The environment is not installed yet: the first command you run installs it in "
        f"{_shown(VENV)}/ (a minute or so, once). After that, 'build.py "
        f"{command or 'COMMAND'} --help' also lists every option.", 79))


def _shown(path: Path) -> str:
    try:
        return path.resolve().relative_to(ROOT).as_posix()
    except ValueError:
        return str(path)


def _bootstrap() -> None:
    """Re-run this script inside the project's virtual environment, set up as needed."""
    if Path(sys.prefix).resolve() == VENV.resolve() or os.environ.get("CHANCERY_NO_BOOTSTRAP"):
        return
    args = sys.argv[1:]
    if HELP_FLAGS.intersection(args) and "--" not in args:
        if not VENV_PYTHON.exists():
            _first_run_help(args)
            sys.exit(0)
        # Installed: help needs no reinstall, even if the pinned versions changed since.
        os.execv(str(VENV_PYTHON), [str(VENV_PYTHON), str(Path(__file__).resolve()), *args])
    command = next((arg for arg in sys.argv[1:] if not arg.startswith("-")), "")
    extras = "test" if command == "test" else ""
    _ensure_venv(extras)
    if command == "test":
        _ensure_system_packages()
    os.execv(str(VENV_PYTHON), [str(VENV_PYTHON), str(Path(__file__).resolve()), *sys.argv[1:]])


if __name__ == "__main__":
    _bootstrap()
    sys.path.insert(0, str(ROOT))
    from chancery.cli import main

    sys.exit(main(sys.argv[1:]))
