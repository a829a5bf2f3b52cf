"""The build's own (parent process) work: start-up, translation facts, the build id."""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from benchmarks.synthetic import edit_post
from chancery.content import freshness as translations
from chancery.content.freshness import (
    TRANSLATION,
    page_facts,
    page_state,
    recorded_hash,
    source_hash,
)
from chancery.content.model.network import load_network_tolerant
from chancery.content.pages import PageSource
from chancery.core.clock import now as clock_now
from chancery.core.incremental.reads import ReadCache
from chancery.core.incremental.stamps import RACY_SECONDS
from chancery.pipeline.digest import site_files, tree_digest
from chancery.pipeline.plan import Planner
from chancery.pipeline.state import OUTPUTS_VERSION, StateStore
from tests.conftest import ROOT
from tests.perf.conftest import Builds


def old_site_files(root: Path) -> list[str]:
    """The former, os.walk-based listing that :func:`site_files` must keep matching."""
    found = []
    for folder, dirs, files in os.walk(root):
        dirs.sort()
        for name in files:
            path = Path(folder) / name
            if path.is_file():
                found.append(path.relative_to(root).as_posix())
    return sorted(found)


def test_site_files_follow_file_links_but_not_folder_links(tmp_path: Path) -> None:
    site = tmp_path / "site"
    for rel in ("index.html", "a/b/c.txt", "a-b.txt", "a/z", "é/ü.html"):
        (site / rel).parent.mkdir(parents=True, exist_ok=True)
        (site / rel).write_bytes(rel.encode())
    (site / "empty").mkdir()
    (site / "link.txt").symlink_to(site / "a-b.txt")
    (site / "folder-link").symlink_to(site / "a")
    (site / "broken").symlink_to(site / "nowhere")
    assert site_files(site) == old_site_files(site)
    assert "link.txt" in site_files(site) and "folder-link/z" not in site_files(site)
    assert site_files(tmp_path / "missing") == []


def test_a_large_file_is_hashed_whole(tmp_path: Path) -> None:
    data = os.urandom(3 * (1 << 20) + 5)
    (tmp_path / "big.bin").write_bytes(data)
    expected = hashlib.sha256(b"big.bin\0" + str(len(data)).encode() + b"\0"
                              + hashlib.sha256(data).digest())
    assert tree_digest(tmp_path) == expected.hexdigest()


@pytest.mark.parametrize("text", [
    "---\ntitle: Trang chủ\n---\nXin chào\n\n  \nthế giới  \n",
    "\ufeff---\r\ntitle: A\r\nsource_hash: \"0123\"\r\n---\r\nbody\r\nmore\r\n",
    "---\ntitle: 2024\nsource_hash: 12345\n---\n",
    "no front matter\rat all\n",
])
def test_page_facts_from_bytes_are_those_read_from_the_file(tmp_path: Path, text: str) -> None:
    file = tmp_path / "page.md"
    file.write_bytes(text.encode("utf-8"))
    assert page_facts(file, file.read_bytes()) == [source_hash(file), recorded_hash(file)]


def test_page_facts_report_content_errors(tmp_path: Path) -> None:
    file = tmp_path / "page.md"
    file.write_bytes(b"---\ntitle: [unclosed\n---\n")
    with pytest.raises(translations.ContentError):
        page_facts(file, file.read_bytes())
    file.write_bytes(b"---\ntitle: \xff\n---\n")
    with pytest.raises(translations.ContentError):
        page_facts(file, file.read_bytes())


def test_page_state_with_given_facts(tmp_path: Path) -> None:
    source, translation = tmp_path / "vi.md", tmp_path / "fr.md"
    source.write_text("---\ntitle: A\n---\nx\n")
    translation.write_text(f"---\ntitle: B\nsource_hash: \"{source_hash(source)}\"\n---\ny\n")
    pages = [PageSource("page.md", lang, file, "mission")
             for lang, file in (("vi", source), ("fr", translation))]
    calls = []

    def facts(file: Path) -> list:
        calls.append(file)
        return page_facts(file, file.read_bytes())

    assert page_state(*pages, facts) == page_state(*pages) == "translated"
    assert calls == [translation, source]


class CountingReads(ReadCache):
    """A read cache that notes every file whose translation facts it had to work out."""

    def __init__(self, *args: object, **options: object) -> None:
        super().__init__(*args, **options)  # type: ignore[arg-type]
        self.parsed: list[Path] = []

    def memo(self, path, name, version, compute):  # noqa: ANN001, ANN201
        def counted(file: Path, data: bytes) -> object:
            self.parsed.append(file)
            return compute(file, data)

        return super().memo(path, name, version, counted if name == TRANSLATION else compute)


def planned_parsing(builds: Builds) -> list[Path]:
    """The files whose translation facts the planner parses in a new run (the read cache the
    last build left, no recorded mission state)."""
    for path in builds.cache.rglob("*.json"):  # as if the code had changed: no known state
        if path.parent.name == "missions":
            path.unlink()
    store = StateStore(builds.cache, builds.out)
    reads = CountingReads.load(store.files)
    network, _ = load_network_tolerant(builds.spec.root)
    Planner(builds.spec.root, builds.out, store, reads, "code", clock_now()).plan(
        network, network.missions[builds.mission])
    return reads.parsed


def test_translation_facts_are_parsed_once_per_file_content(builds3: Builds) -> None:
    time.sleep(RACY_SECONDS + 0.1)  # the files settle: what is read of them may be kept
    builds3.cache.mkdir()
    assert planned_parsing(builds3)  # with nothing known, every page's facts are read
    builds3.build()
    builds3.build(force=True)
    assert planned_parsing(builds3) == []  # known for every file's content
    edited = edit_post(builds3.spec, builds3.mission, "vi", 0)
    assert planned_parsing(builds3) == [edited]  # only the changed source is parsed again
    report = builds3.build()
    assert report.built == ["vi", "fr", "en"]
    builds3.assert_same_as_cold()


def test_the_build_id_is_the_tree_digest_after_edits(builds3: Builds) -> None:
    builds3.build()
    for number in (0, 1):
        edit_post(builds3.spec, builds3.mission, "vi", number)
        builds3.build()
        manifest = (builds3.out / f"{builds3.mission}.manifest.json").read_text()
        assert tree_digest(builds3.out / builds3.mission) in manifest
    assert not (builds3.out / ".staging").exists()  # the replaced output is deleted


def test_build_help_imports_neither_the_builder_nor_the_models() -> None:
    code = ("import sys; from chancery.cli import main\n"
            "try:\n    main(['build', '--help'])\nexcept SystemExit:\n    pass\n"
            "print(sorted(m for m in sys.modules if m.startswith(('chancery.pipeline', "
            "'chancery.content.model', 'mkdocs', 'pydantic'))))")
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True,
                            text=True, check=True)
    assert result.stdout.strip().splitlines()[-1] == "[]"
    assert "--cache-dir" in result.stdout


def _wrapped(data: str) -> str:
    """``data`` as the data of an output digests file that is otherwise as written."""
    return json.dumps({"chancery": "output-digests", "schema": 1,
                       "version": OUTPUTS_VERSION, "data": "DATA"}).replace('"DATA"', data)


@pytest.mark.parametrize("damage", [
    "{not json", "[1, 2]", _wrapped("[1, 2]"), _wrapped('{"index.html": [1, 2, 3, "00"]}'),
    _wrapped('{"index.html": [[1, 2, 3, 4], "00"]}'), _wrapped('{"index.html": 5, "a": null}'),
    _wrapped('{"index.html": [[1, 2, 3], "' + "0" * 64 + '"]}'),
    _wrapped('{"index.html": [1, 2, 3, "' + "0" * 64 + '"]}')])
def test_damaged_output_digests_still_give_the_true_build_id(builds3: Builds, damage: str) -> None:
    """The remembered digests are a cache: wrong ones are not trusted (the stamps differ)
    and unreadable ones are ignored."""
    builds3.build()
    for file in builds3.cache.rglob("outputs/*.json"):
        file.write_text(damage, encoding="utf-8")
    edit_post(builds3.spec, builds3.mission, "vi", 0)
    builds3.build()
    manifest = (builds3.out / f"{builds3.mission}.manifest.json").read_text()
    assert tree_digest(builds3.out / builds3.mission) in manifest


def test_workers_start_on_the_first_mission_while_the_next_are_planned(tmp_path: Path) -> None:
    from concurrent.futures import ProcessPoolExecutor

    from benchmarks.synthetic import generate
    from chancery.pipeline import runner

    spec = generate(tmp_path / "content", 3, 1, 2)
    events: list[str] = []

    class Noting(Planner):
        def plan(self, network, entry):  # noqa: ANN001, ANN201
            events.append(f"plan {entry.id}")
            return super().plan(network, entry)

    class Pool(ProcessPoolExecutor):
        def submit(self, task, /, *args, **options):  # noqa: ANN001, ANN201
            if task is runner.render_language:
                events.append(f"render {args[1].mission}")  # (engine, request, ...)
            return super().submit(task, *args, **options)

    reports = runner.build_missions(spec.root, tmp_path / "site", jobs=2,
                                    progress=lambda _: None, cache_dir=tmp_path / "cache",
                                    executor=Pool, planner=Noting)

    assert all(report.ok for report in reports)
    first, second, third = sorted(spec.missions)  # planned in the order of their ids
    assert events == [f"plan {first}", f"render {first}", f"plan {second}", f"render {second}",
                      f"plan {third}", f"render {third}"]


def test_an_error_while_planning_leaves_no_staging_behind(tmp_path: Path) -> None:
    from benchmarks.synthetic import generate
    from chancery.pipeline import runner
    from chancery.pipeline.staging import STAGING_DIR

    spec = generate(tmp_path / "content", 2, 1, 1)
    first = sorted(spec.missions)[0]

    class Failing(Planner):
        def plan(self, network, entry):  # noqa: ANN001, ANN201
            if entry.id != first:
                raise RuntimeError("the disk went away")
            return super().plan(network, entry)

    with pytest.raises(RuntimeError, match="the disk went away"):
        runner.build_missions(spec.root, tmp_path / "site", jobs=2, progress=lambda _: None,
                              cache_dir=tmp_path / "cache", planner=Failing)
    staging = tmp_path / "site" / STAGING_DIR
    assert not staging.exists() or not any(staging.iterdir())
