"""A new mission in a new language, as an editor makes it: ``new mission``, then its facts."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

# What an editor types over the TODOs ``new mission`` leaves (the mission's own folder only).
FACTS = {
    "TODO official name in this language": "Embassy {n}",
    "https://TODO.example/": "https://{id}.example.org/",
    "TODO street and number": "{n} Example Street",
    '"TODO"': '"1000{n}"',
    "TODO +CC phone number of the mission's citizen-protection hotline": "+84 24 3799 200{n}",
    "TODO +CC switchboard number": "+84 24 3799 201{n}",
    "TODO label, e.g. Switchboard": "Switchboard",
    "TODO label, e.g. Consular section": "Consular section",
    "TODO@example.org": "mission{n}@example.org",
    "TODO the territory this mission serves": "Territory {n}",
    "city: TODO": "city: City {n}",
}


def run(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(ROOT / "build.py"), *args], cwd=cwd,
                          capture_output=True, text=True, timeout=900)


def new_mission(content: Path, mission_id: str, languages: list[str], n: int) -> None:
    """``new mission``, then every TODO of its mission.yml filled in."""
    result = run("new", "mission", mission_id, "--kind", "embassy",
                 "--languages", ",".join(languages), "--content", str(content))
    assert result.returncode == 0, result.stderr
    path = content / mission_id / "mission.yml"
    text = path.read_text(encoding="utf-8")
    for todo, value in sorted(FACTS.items(), key=lambda item: -len(item[0])):
        text = text.replace(todo, value.format(n=n, id=mission_id))
    assert "TODO" not in text.split("\n", 2)[2], re.findall(r".*TODO.*", text)
    path.write_text(text, encoding="utf-8")
