"""``build.py affected`` on real git histories made here, and the schedule scan."""

from __future__ import annotations

import json
import subprocess
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from chancery.pipeline.affected import ALL, affected_by, classify, scheduled_changes
from tests.publish.conftest import base_env, program, run_cli, write_network

MISSIONS = ["eg-cairo", "fr-paris", "jp-osaka"]


def git(repo: Path, *args: str) -> str:
    env = {**base_env(), "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org",
           "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.org",
           "GIT_CONFIG_GLOBAL": "/dev/null", "GIT_CONFIG_NOSYSTEM": "1"}
    return subprocess.run(["git", "-C", str(repo), *args], check=True, capture_output=True,
                          text=True, env=env).stdout.strip()


def commit(repo: Path, files: dict[str, str | None], message: str = "change") -> str:
    for rel, text in files.items():
        path = repo / rel
        if text is None:
            git(repo, "rm", "-q", rel)
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)
        git(repo, "add", rel)
    git(repo, "commit", "-q", "-m", message)
    return git(repo, "rev-parse", "HEAD")


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    program("git")
    repo = tmp_path / "repo"
    repo.mkdir()
    git(repo, "init", "-q", "-b", "main")
    commit(repo, {"mkdocs.yml": "site_name: x\n", "README.md": "# x\n",
                  "content/_hq/hq.yml": "a: 1\n", "themes/chancery/main.html": "<html>",
                  **{f"content/{m}/mission.yml": f"id: {m}\n" for m in MISSIONS}}, "base")
    return repo


def affected(repo: Path, *args: str) -> list[str]:
    result = run_cli(["affected", "--content", str(repo / "content"), "--format", "json",
                      *args], base_env())
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def on_branch(repo: Path, files: dict[str, str | None]) -> None:
    git(repo, "checkout", "-q", "-B", "topic", "main")
    commit(repo, files)


@pytest.mark.parametrize("files, expected", [
    ({"content/fr-paris/pages/vi/index.md": "x"}, ["fr-paris"]),
    ({"content/fr-paris/data/alerts.yml": "x", "content/jp-osaka/mission.yml": "id: jp-osaka\n#"},
     ["fr-paris", "jp-osaka"]),
    ({"themes/chancery/main.html": "<html><body>"}, MISSIONS),
    ({"mkdocs.yml": "site_name: y\n"}, MISSIONS),
    ({"content/_hq/hq.yml": "a: 2\n"}, MISSIONS),
    ({"plugins/site/plugin.py": "x = 1\n"}, MISSIONS),
    ({"README.md": "# y\n", "docs/guide.md": "x", "tests/test_x.py": "x",
      ".github/workflows/ci.yml": "x"}, []),
    ({"content/fr-paris/mission.yml": None}, []),  # a removed mission cannot be built
])
def test_a_branch_affects_the_missions_it_touches(repo, files, expected):
    on_branch(repo, files)
    assert affected(repo, "--base", "main") == expected


def test_only_the_branch_side_of_the_diff_counts(repo):
    on_branch(repo, {"content/fr-paris/pages/vi/index.md": "x"})
    git(repo, "checkout", "-q", "main")
    commit(repo, {"content/eg-cairo/pages/vi/index.md": "y"})  # main moved on meanwhile
    git(repo, "checkout", "-q", "topic")
    assert affected(repo, "--base", "main") == ["fr-paris"]


def test_a_move_between_missions_affects_both(repo):
    commit(repo, {"content/fr-paris/pages/vi/a.md": "x"})
    base = git(repo, "rev-parse", "HEAD")
    git(repo, "mv", "content/fr-paris/pages/vi/a.md", "content/jp-osaka/a.md")
    git(repo, "commit", "-q", "-m", "move")
    assert affected(repo, "--base", base) == ["fr-paris", "jp-osaka"]


def test_an_unknown_base_selects_every_mission(repo):
    assert affected(repo, "--base", "0" * 40) == MISSIONS
    assert affected(repo, "--base", "no-such-branch") == MISSIONS


def test_select(repo):
    assert affected(repo, "--select", "all") == MISSIONS
    assert affected(repo, "--select", "jp-osaka,fr-paris") == ["fr-paris", "jp-osaka"]
    wrong = run_cli(["affected", "--content", str(repo / "content"), "--select", "xx-nope"],
                    base_env())
    assert wrong.returncode == 2 and "xx-nope" in wrong.stderr


def test_classify_is_conservative_for_unknown_paths():
    assert classify("content/fr-paris/news/2025/a.md") == "fr-paris"
    assert classify("content/_shared/x.yml") == ALL
    assert classify("Makefile") == ALL
    assert classify("CONTRIBUTING.md") is None
    assert affected_by(["content/xx-gone/a.md"], MISSIONS).missions == []


def post(date: str, expires: str | None = None) -> str:
    extra = f"expires: {expires}\n" if expires else ""
    return f"---\ntitle: News\ndate: {date}\n{extra}---\nText.\n"


def test_schedule_window_finds_content_changing_state_by_time(tmp_path):
    content = write_network(tmp_path, dict.fromkeys(["fr-paris", "fr-lyon", "fr-nice", "fr-metz"],
                                                    ""))
    files = {  # the missions are in France: Europe/Paris, UTC+1 in March
        "fr-paris/pages/fr/news/2025/a.md": post("2025-03-01T11:50:00+00:00"),  # goes live
        "fr-lyon/data/alerts.yml": "alerts:\n  - start: 2025-03-01T12:40:00\n",  # 11:40 UTC
        "fr-nice/pages/vi/news/2025/c.md": post("2025-03-01T12:30:00Z"),  # later: not yet
        "fr-nice/data/alerts.yml": "alerts:\n  - {start: 2025-03-01, end: 2025-03-01}\n",
        "fr-metz/pages/vi/news/2025/broken.md": "---\ndate: [\n---\n",  # unreadable: skipped
    }
    for rel, text in files.items():
        (content / rel).parent.mkdir(parents=True, exist_ok=True)
        (content / rel).write_text(text)
    noon = datetime(2025, 3, 1, 12, 0, tzinfo=UTC)
    found = scheduled_changes(content, noon, timedelta(minutes=30))
    assert found.missions == ["fr-lyon", "fr-paris"]
    assert scheduled_changes(content, noon, timedelta(minutes=5)).missions == []

    # at Paris midnight (23:00 UTC) whatever depends on the day rolls over: every mission
    late = datetime(2025, 3, 1, 23, 10, tzinfo=UTC)
    rollover = scheduled_changes(content, late, timedelta(minutes=30))
    assert rollover.missions == ["fr-lyon", "fr-metz", "fr-nice", "fr-paris"]
    assert "local midnight" in rollover.reasons["fr-metz"][0]

    (content / "_hq" / "data").mkdir(parents=True, exist_ok=True)
    (content / "_hq" / "data" / "alerts.yml").write_text("alerts:\n  - end: 2025-03-01T18:58:00\n")
    assert scheduled_changes(content, noon, timedelta(minutes=5)).everything  # 11:58 UTC

    result = run_cli(["affected", "--content", str(content), "--schedule-window", "30",
                      "--now", "2025-03-01T12:00:00Z", "--format", "json"], base_env())
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == ["fr-lyon", "fr-metz", "fr-nice", "fr-paris"]
