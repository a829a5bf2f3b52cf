"""``build.py new post`` and the ``--now`` option."""

from __future__ import annotations

import subprocess
import sys
from datetime import datetime
from pathlib import Path

import pytest

from chancery.checks.content import check_mission
from chancery.content.freshness import source_hash
from chancery.content.model.network import load_network
from chancery.core.errors import ContentError
from chancery.tools.news_scaffold import new_post
from tests.conftest import ROOT


def test_new_post_is_a_draft_in_every_language_with_todos_as_warnings(
    news_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(news_dir)
    network = load_network(news_dir)
    entry = network.missions["fr-lyon"]
    when = datetime.fromisoformat("2026-09-02T10:15:00+02:00")
    created = new_post(network, entry, "Kỷ niệm Quốc khánh 2/9", "diplomacy", now=when)
    assert [p.relative_to(news_dir).as_posix() for p in created] == [
        "fr-lyon/pages/vi/news/2026/ky-niem-quoc-khanh-2-9.md",
        "fr-lyon/pages/fr/news/2026/ky-niem-quoc-khanh-2-9.md",
    ]
    text = created[0].read_text(encoding="utf-8")
    assert text.startswith(
        '---\ntitle: "Kỷ niệm Quốc khánh 2/9"\ndate: 2026-09-02T10:15:00+02:00\n'
        "categories: [diplomacy]\n"
    )
    assert "draft: true" in text
    translation = created[1].read_text(encoding="utf-8")  # written with its source: current
    assert f'source_hash: "{source_hash(created[0])}"' in translation
    problems = check_mission(network, entry)
    assert problems and all(p.severity == "warning" for p in problems)
    assert {p.field for p in problems} == {"title", "summary"}
    assert {p.file for p in problems if p.field == "title"} == {
        created[1].relative_to(news_dir).as_posix()
    }
    with pytest.raises(ContentError, match="already exists"):
        new_post(network, entry, "Kỷ niệm Quốc khánh 2/9", "diplomacy", now=when)


def test_new_post_with_an_unknown_category_lists_the_categories(news_dir: Path) -> None:
    network = load_network(news_dir)
    with pytest.raises(ContentError) as caught:
        new_post(network, network.missions["fr-lyon"], "Tin", "sport")
    assert str(caught.value) == (
        "build.py new post: category: unknown category 'sport'; expected one of: diplomacy, "
        "community, economy, culture, consular-notices"
    )


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, str(ROOT / "build.py"), *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={"CHANCERY_NO_BOOTSTRAP": "1", "PATH": "/usr/bin:/bin"},
    )


def test_build_and_serve_take_a_clock(news_dir: Path, tmp_path: Path) -> None:
    for command in ("build", "serve"):
        result = run(command, "--help")
        assert "--now ISO8601" in result.stdout and "CHANCERY_NOW" in result.stdout
    bad = run("build", "--content", str(news_dir), "--out", str(tmp_path), "--now", "tomorrow")
    assert bad.returncode == 2
    assert "argument --now: 'tomorrow' is not an ISO 8601 date or time" in bad.stderr


def test_build_now_reaches_the_worker_processes(news_dir: Path, tmp_path: Path) -> None:
    from tests.news.helpers import add_post

    add_post(news_dir, "vi", "2099/xa", "Tin tương lai", date="2099-01-01T09:00:00+07:00")
    out = tmp_path / "site"
    result = run(
        "build",
        "--content",
        str(news_dir),
        "--out",
        str(out),
        "--jobs",
        "2",
        "--now",
        "2099-01-02T00:00:00+00:00",
    )
    assert result.returncode == 0, result.stderr
    assert (out / "fr-lyon/news/2099/tin-tuong-lai/index.html").is_file()


def test_one_plugin_translates_the_language_site() -> None:
    """The sections are features the assembly runs in order, not plugins ordered by
    priority: ``chancery/site`` is the one plugin of ours, and mkdocs.yml names only it."""
    from importlib.metadata import entry_points

    ours = {ep.name: ep.value for ep in entry_points(group="mkdocs.plugins")
            if ep.value.startswith("chancery")}
    assert ours == {"chancery/site": "chancery_plugins.site.plugin:SitePlugin"}
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    named = {line.strip()[2:].rstrip(":") for line in config.splitlines()
             if line.strip().startswith("- chancery/")}
    assert named == {"chancery/site"}
